package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The charts of the review pack, drawn as SVG from plain JDK values: funnel bars, a waterfall,
 * a cohort heat map, plan-vs-actual bullets, channel bars, grouped bars and a calibration diagram.
 *
 * <p>Every method is deterministic (the same input gives byte-identical SVG, whatever the default
 * locale), escapes every label, and draws undefined ({@code NaN}) values as gaps labelled
 * {@code n/a}. Inputs are checked: null or mismatched lists fail with an
 * {@link IllegalArgumentException} saying which.
 */
public final class Charts {

  private Charts() {}

  /**
   * Funnel bars with conversions from count ratios: stage i's conversion is its count over stage
   * i-1's ({@code NaN} when that count is zero).
   */
  public static Svg funnel(ChartOptions options, List<Bar> stages) {
    List<Bar> s = Inputs.list(stages, "funnel stages");
    List<Double> conversions = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      double prev = i == 0 ? Double.NaN : s.get(i - 1).value();
      conversions.add(i == 0 || prev == 0 ? Double.NaN : s.get(i).value() / prev);
    }
    return FunnelChart.draw(Inputs.required(options, "chart options"), s, conversions);
  }

  /**
   * Funnel bars with conversions computed elsewhere (e.g. on the event basis, where a skipped
   * stage counts with the later one): {@code conversions.get(i)} is the conversion into stage i,
   * one entry per stage, the first ignored.
   */
  public static Svg funnel(ChartOptions options, List<Bar> stages, List<Double> conversions) {
    List<Bar> s = Inputs.list(stages, "funnel stages");
    List<Double> c = Inputs.list(conversions, "funnel conversions");
    if (c.size() != s.size()) {
      throw new IllegalArgumentException("funnel has " + s.size() + " stages but "
          + c.size() + " conversions (one per stage, the first ignored)");
    }
    return FunnelChart.draw(Inputs.required(options, "chart options"), s, c);
  }

  /**
   * A waterfall from a base total through signed effects to the current total, e.g. a revenue
   * bridge.
   *
   * @throws IllegalArgumentException when every number is defined and base plus effects differs
   *     from current by more than 1e-6 relative
   */
  public static Svg waterfall(ChartOptions options, Bar base, List<Step> steps, Bar current) {
    return WaterfallChart.draw(Inputs.required(options, "chart options"),
        Inputs.required(base, "waterfall base"), Inputs.list(steps, "waterfall steps"),
        Inputs.required(current, "waterfall current"));
  }

  /** A cohort heat map: one row per cohort, one column per period index from 0. */
  public static Svg heatmap(ChartOptions options, List<HeatRow> cohorts) {
    return HeatmapChart.draw(Inputs.required(options, "chart options"),
        Inputs.list(cohorts, "heat-map rows"));
  }

  /**
   * A heat map of shares with named columns, e.g. P(alive) by frequency (rows) and recency
   * (columns): the header shows the labels, each cell's tooltip {@code row, columnName label:
   * percent}.
   *
   * @throws IllegalArgumentException when a row has more values than there are column labels
   */
  public static Svg heatmap(ChartOptions options, String columnName, List<String> columns,
      List<HeatRow> rows) {
    List<String> c = Inputs.list(columns, "heat-map columns");
    List<HeatRow> r = Inputs.list(rows, "heat-map rows");
    for (HeatRow row : r) {
      if (row.values().size() > c.size()) {
        throw new IllegalArgumentException("heat-map row '" + row.label() + "' has "
            + row.values().size() + " values for " + c.size() + " columns");
      }
    }
    return HeatmapChart.draw(Inputs.required(options, "chart options"),
        Inputs.required(columnName, "heat-map column name"), c, r);
  }

  /**
   * Lines over a numeric x axis, one per series (one value per x, NaN a gap in the line), on
   * shared zero-based scales, with a dot per point whose tooltip carries its number; e.g. actual
   * and expected cumulative purchases by week. A dashed vertical marker (and its label) splits the
   * plot at {@code marker} unless that is NaN, e.g. at the end of a calibration period. The
   * category axis label names x, the value axis label y.
   */
  public static Svg lines(ChartOptions options, List<Double> x, List<Series> series,
      double marker, String markerLabel) {
    List<Double> xs = Inputs.list(x, "x values");
    for (int i = 0; i < xs.size(); i++) {
      if (!Double.isFinite(xs.get(i))) {
        throw new IllegalArgumentException("x value " + i + " is not finite: " + xs.get(i));
      }
    }
    List<Series> s = Inputs.list(series, "series");
    for (Series one : s) {
      if (one.values().size() != xs.size()) {
        throw new IllegalArgumentException("series '" + one.name() + "' has "
            + one.values().size() + " values for " + xs.size() + " x values");
      }
    }
    return LineChart.draw(Inputs.required(options, "chart options"), xs, s, marker,
        Inputs.required(markerLabel, "marker label (use \"\" for none)"));
  }

  /**
   * Several charts in one SVG document, one under the other, under a title: e.g. the figures of
   * one analysis in one file. Each keeps its own title, description and tooltips.
   */
  public static Svg stack(String title, List<Svg> charts) {
    return StackedCharts.draw(Inputs.required(title, "title"), Inputs.list(charts, "charts"));
  }

  /** Plan-vs-actual bullets, one line per metric, each on its own scale. */
  public static Svg bullets(ChartOptions options, List<Bullet> bullets) {
    return BulletChart.draw(Inputs.required(options, "chart options"),
        Inputs.list(bullets, "bullets"));
  }

  /**
   * Channel bars: one panel per series (leads, customers, revenue, ...), each on its own scale,
   * one bar per category in each; a single series gives a plain bar chart.
   */
  public static Svg channels(ChartOptions options, List<String> categories, List<Series> series) {
    List<String> c = Inputs.list(categories, "categories");
    return PanelChart.draw(Inputs.required(options, "chart options"), c,
        matching(c, Inputs.list(series, "series")));
  }

  /**
   * Grouped bars on one shared scale: per category one bar per series, e.g. channels by
   * attribution model.
   */
  public static Svg grouped(ChartOptions options, List<String> categories, List<Series> series) {
    List<String> c = Inputs.list(categories, "categories");
    return GroupedBarChart.draw(Inputs.required(options, "chart options"), c,
        matching(c, Inputs.list(series, "series")));
  }

  /**
   * A calibration (reliability) diagram: per series (a predictor, e.g. a model and a points
   * score) its groups' mean predicted probability against the observed rate with its interval,
   * and the diagonal of perfect calibration; both axes are probabilities on one scale from zero.
   * The value-axis label names the horizontal axis (default {@code mean predicted probability}),
   * the category-axis label the vertical one (default {@code observed rate}).
   */
  public static Svg calibration(ChartOptions options, List<CalibrationSeries> series) {
    return CalibrationChart.draw(Inputs.required(options, "chart options"),
        Inputs.list(series, "calibration series"));
  }

  private static List<Series> matching(List<String> categories, List<Series> series) {
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
            + " values for " + categories.size() + " categories");
      }
    }
    return series;
  }
}
