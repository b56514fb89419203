package dev.funnel.cli.view;

import dev.funnel.cohort.ltv.HoldoutValidation;
import dev.funnel.cohort.ltv.HoldoutValidation.Bucket;
import dev.funnel.cohort.ltv.HoldoutValidation.ModelScore;
import dev.funnel.cohort.ltv.HoldoutValidation.Tracking;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Series;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calibration/holdout validation of the purchase models ({@link HoldoutValidation},
 * {@code funnel ltv --holdout DATE}): each model's fit and holdout error with the recommended
 * one, mean holdout purchases per calibration frequency, and the cumulative and per-unit
 * tracking of repeat purchases; as SVG the standard BTYD validation figures in one document.
 */
public final class HoldoutView implements View {

  private final HoldoutValidation v;

  private HoldoutView(HoldoutValidation v) {
    this.v = v;
  }

  /** The view of a validation. */
  public static HoldoutView of(HoldoutValidation v) {
    return new HoldoutView(v);
  }

  /** One model: its fit on the calibration period and its errors on the holdout. */
  record ModelJson(String model, String boundary, Map<String, Double> estimates,
      boolean converged, double logLikelihood, int parameters, double aic, double bic,
      double predicted, long actual, double totalError, double meanAbsoluteError,
      double rootMeanSquaredError, double cumulativeTrackingError,
      double incrementalTrackingError) {
    static ModelJson of(ModelScore m) {
      return new ModelJson(m.model(), m.boundary(), m.estimates(), m.converged(),
          m.logLikelihood(), m.parameters(), m.aic(), m.bic(), m.predicted(), m.actual(),
          m.totalError(), m.meanAbsoluteError(), m.rootMeanSquaredError(),
          m.cumulativeTrackingError(), m.incrementalTrackingError());
    }
  }

  /** Customers with a number of calibration repeat purchases: mean holdout purchases. */
  record BucketJson(String repeatPurchases, long customers, double actual, double bgNbd,
      double mbgNbd, double paretoNbd, Double bgBb) {}

  /** Repeat purchases by the end of a period (cumulative) or in it (incremental). */
  record TrackingJson(int period, LocalDate through, boolean holdout, long actual, double bgNbd,
      double mbgNbd, double paretoNbd, Double bgBb) {}

  /** The document of {@code funnel ltv --holdout DATE --format json}. */
  record Json(String unit, LocalDate calibrationEnd, LocalDate holdoutEnd, double holdoutLength,
      long customers, String recommended, String rule, String bgBbProblem,
      List<ModelJson> models, List<BucketJson> buckets, List<TrackingJson> tracking,
      List<TrackingJson> incremental) {}

  private Double bb(double x) {
    return v.hasBgBb() ? x : null;
  }

  private List<TrackingJson> tracking(List<Tracking> rows) {
    List<TrackingJson> out = new ArrayList<>(rows.size());
    for (Tracking r : rows) {
      out.add(new TrackingJson(r.period(), r.through(), r.holdout(), r.actual(), r.bgNbd(),
          r.mbgNbd(), r.paretoNbd(), bb(r.bgBb())));
    }
    return out;
  }

  @Override
  public Object json() {
    List<ModelJson> models = v.models().stream().map(ModelJson::of).toList();
    List<BucketJson> buckets = new ArrayList<>();
    for (Bucket b : v.buckets()) {
      buckets.add(new BucketJson(b.label(), b.customers(), b.actual(), b.bgNbd(), b.mbgNbd(),
          b.paretoNbd(), bb(b.bgBb())));
    }
    return new Json(v.unit().label(), v.calibrationEnd(), v.holdoutEnd(), v.horizon(),
        v.customers(), v.recommended(), HoldoutValidation.RULE, v.bgBbProblem(), models, buckets,
        tracking(v.tracking()), tracking(v.incremental()));
  }

  /** Limit models reached, one line each; empty when every fit is interior. */
  private List<String> notes() {
    List<String> out = new ArrayList<>();
    for (ModelScore m : v.models()) {
      if (m.boundary() != null) {
        out.add(m.model() + " limit model: " + m.boundary());
      }
      if (!m.converged()) {
        out.add(m.model() + " fit did NOT converge: its figures are not a model's");
      }
    }
    out.add(v.hasBgBb() ? "BG/BB: opportunities are " + v.unit().label() + "s after the first"
        + " purchase; its logL is of that record, not comparable with the others'"
        : "BG/BB: not fitted: " + v.bgBbProblem());
    return out;
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder(v.summary()).append('\n');
    b.append("Calibration to ").append(v.calibrationEnd()).append(" (")
        .append(Formats.count(v.customers())).append(" customers), holdout ")
        .append(Formats.number(v.horizon())).append(' ').append(v.unit().label())
        .append("s to ").append(v.holdoutEnd()).append("\n\n");
    b.append("Models: fitted on the calibration period, errors on the holdout\n")
        .append(v.modelTable().render());
    b.append("Recommended: ").append(v.recommended()).append(" (").append(HoldoutValidation.RULE)
        .append(")\n");
    for (String n : notes()) {
      b.append(n).append('\n');
    }
    b.append("\nMean holdout purchases per customer by calibration repeat purchases\n")
        .append(v.table().render());
    b.append("\nCumulative repeat purchases by ").append(v.unit().label())
        .append(" (per ").append(v.unit().label()).append(": --format csv or json)\n")
        .append(v.trackingTable().render());
    return b.toString();
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("models", v.modelTable());
    t.put("buckets", v.table());
    t.put("tracking", v.trackingTable());
    t.put("incremental", v.incrementalTable());
    return t;
  }

  /** Every table in long form: {@code table,row,column,value}. */
  @Override
  public String csv() {
    return Views.csv(tables());
  }

  /** The series of the models in column order, the actual first. */
  private List<Series> series(List<Double> actual, List<List<Double>> models) {
    List<Series> s = new ArrayList<>();
    s.add(new Series("actual", actual));
    for (int m = 0; m < v.models().size(); m++) {
      s.add(new Series(v.models().get(m).model(), models.get(m)));
    }
    return s;
  }

  private static double expected(Tracking r, int m) {
    return switch (m) {
      case 0 -> r.bgNbd();
      case 1 -> r.mbgNbd();
      case 2 -> r.paretoNbd();
      default -> r.bgBb();
    };
  }

  private static double expected(Bucket b, int m) {
    return switch (m) {
      case 0 -> b.bgNbd();
      case 1 -> b.mbgNbd();
      case 2 -> b.paretoNbd();
      default -> b.bgBb();
    };
  }

  /** Predicted against actual mean holdout purchases per calibration frequency (FHL figure 4). */
  public Svg bucketChart() {
    List<String> labels = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    List<List<Double>> models = new ArrayList<>();
    for (int m = 0; m < v.models().size(); m++) {
      models.add(new ArrayList<>());
    }
    for (Bucket b : v.buckets()) {
      labels.add(b.label() + " (n=" + Formats.count(b.customers()) + ")");
      actual.add(b.actual());
      for (int m = 0; m < v.models().size(); m++) {
        models.get(m).add(expected(b, m));
      }
    }
    return Charts.grouped(ChartOptions.titled("Holdout purchases per customer by calibration"
            + " repeat purchases")
        .valueAxis("Mean purchases per customer, " + v.calibrationEnd().plusDays(1) + ".."
            + v.holdoutEnd())
        .categoryAxis("Repeat purchases"), labels, series(actual, models));
  }

  /** Cumulative (FHL figure 2) or per-unit repeat purchases, actual and expected. */
  public Svg trackingChart(boolean cumulative) {
    List<Tracking> rows = cumulative ? v.tracking() : v.incremental();
    List<Double> x = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    List<List<Double>> models = new ArrayList<>();
    for (int m = 0; m < v.models().size(); m++) {
      models.add(new ArrayList<>());
    }
    double marker = Double.NaN;
    for (Tracking r : rows) {
      x.add((double) r.period());
      actual.add((double) r.actual());
      for (int m = 0; m < v.models().size(); m++) {
        models.get(m).add(expected(r, m));
      }
      if (!r.holdout()) {
        marker = r.period();
      }
    }
    String unit = v.unit().label();
    return Charts.lines(ChartOptions.titled((cumulative ? "Cumulative repeat purchases"
            : "Repeat purchases per " + unit) + ", actual vs expected")
        .valueAxis(cumulative ? "Repeat purchases so far" : "Repeat purchases in the " + unit)
        .categoryAxis(Character.toUpperCase(unit.charAt(0)) + unit.substring(1)
            + "s since the first customer's first purchase"),
        x, series(actual, models), marker, "calibration end " + v.calibrationEnd());
  }

  /** The three validation figures in one document. */
  @Override
  public Optional<Svg> svg() {
    return Optional.of(Charts.stack("Holdout validation to " + v.holdoutEnd() + ": "
        + v.recommended() + " recommended",
        List.of(bucketChart(), trackingChart(true), trackingChart(false))));
  }

  @Override
  public Section html(Section s) {
    ModelScore best = v.model(v.recommended());
    s = s.figures(List.of(
        new KeyFigure("Customers", Formats.count(v.customers()), "calibration period"),
        new KeyFigure("Holdout purchases", Formats.count(best.actual()),
            "to " + v.holdoutEnd()),
        new KeyFigure("Recommended", v.recommended(),
            "predicts " + Formats.number(best.predicted()))));
    s = s.paragraph(v.summary() + ". Rule: " + HoldoutValidation.RULE + ".");
    TextTable m = v.modelTable();
    s = s.table("Models", m.header(), m.textRows());
    for (String n : notes()) {
      s = s.paragraph(n);
    }
    return s.chart(bucketChart()).chart(trackingChart(true)).chart(trackingChart(false));
  }
}
