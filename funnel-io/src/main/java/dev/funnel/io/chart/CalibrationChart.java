package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A calibration (reliability) diagram: per group of rows the mean predicted probability (across)
 * against the share that happened (up), with the observed share's interval as a whisker, one
 * series per predictor, and the diagonal where a calibrated predictor's points lie (DeGroot and
 * Fienberg 1983, "The comparison and evaluation of forecasters"). Both axes share one scale from
 * zero, so the diagonal is at 45 degrees; a point under it means the predictions were too high.
 * Every point carries a tooltip with its figures, and the description lists them all.
 */
final class CalibrationChart {

  private static final double LEGEND = 22;
  private static final double AXIS_LABEL = 18;
  private static final double LEFT = 52;
  private static final double MAX_SIDE = 380;
  private static final double RADIUS = 4;

  private CalibrationChart() {}

  static Svg draw(ChartOptions o, List<CalibrationSeries> series) {
    StringBuilder summary = new StringBuilder("Calibration of " + series.size() + " series:");
    List<Double> values = new ArrayList<>();
    int points = 0;
    for (int j = 0; j < series.size(); j++) {
      CalibrationSeries s = series.get(j);
      summary.append(j == 0 ? " " : "; ").append(s.name()).append(':');
      int g = 0;
      for (CalibrationPoint p : s.points()) {
        g++;
        summary.append(g == 1 ? " " : ", ").append(point(p));
        for (double v : new double[] {p.predicted(), p.observed(), p.lower(), p.upper()}) {
          values.add(v);
        }
        if (defined(p)) {
          points++;
        }
      }
    }
    summary.append('.');
    double width = o.width();
    double top = Layout.TITLE_BAND + LEGEND + AXIS_LABEL;
    double footer = Scale.footer("x");
    double side = Math.min(MAX_SIDE, width - Layout.PAD - LEFT - 2 * Layout.PAD);
    double height = top + side + footer;
    if (o.height() != 0) {
      height = o.height();
      side = Math.max(20, Math.min(side, height - top - footer));
    }
    double left = Layout.PAD + LEFT;
    double bottom = top + side;
    String desc = o.description().isEmpty() ? summary.toString()
        : o.description() + " " + summary;
    Canvas c = new Canvas("calibration", width, height, o.title(), desc);
    c.text("title", Layout.PAD, 22, "start",
        Canvas.fit(o.title(), width - 2 * Layout.PAD, Canvas.TITLE_SIZE), Canvas.TITLE_SIZE, true,
        Palette.TEXT);
    if (points == 0) {
      c.text("empty", width / 2, top + 20, "middle", "No data");
      return c.finish();
    }
    Scale x = Scale.over(values, left, left + side);
    Scale y = Scale.over(values, bottom, top);
    List<Double> ticks = x.ticks();
    double hi = ticks.get(ticks.size() - 1);
    for (double t : ticks) {
      String cls = t == 0 ? "zero" : "grid";
      String stroke = t == 0 ? Palette.AXIS : Palette.GRID;
      c.line(cls, x.x(t), top, x.x(t), bottom, stroke, 1, false);
      c.line(cls, left, y.x(t), left + side, y.x(t), stroke, 1, false);
      c.text("tick", x.x(t), bottom + 14, "middle", Format.percent(t), 10.5, false, Palette.TEXT);
      c.text("tick", left - 4, y.x(t) + 4, "end", Format.percent(t), 10.5, false, Palette.TEXT);
    }
    c.text("axis-label", left + side / 2, bottom + 32, "middle",
        o.valueAxis().isEmpty() ? "mean predicted probability" : o.valueAxis());
    c.text("axis-label", Layout.PAD, top - 6, "start",
        o.categoryAxis().isEmpty() ? "observed rate" : o.categoryAxis());
    c.line("diagonal", x.x(0), y.x(0), x.x(hi), y.x(hi), Palette.NEUTRAL, 1.2, true);
    for (int j = 0; j < series.size(); j++) {
      CalibrationSeries s = series.get(j);
      String colour = Palette.series(j);
      CalibrationPoint prev = null;
      for (CalibrationPoint p : s.points()) {
        if (!defined(p)) {
          prev = null;
          continue;
        }
        if (prev != null) {
          c.line("series", x.x(prev.predicted()), y.x(prev.observed()), x.x(p.predicted()),
              y.x(p.observed()), colour, 1.5, false);
        }
        prev = p;
      }
      int g = 0;
      for (CalibrationPoint p : s.points()) {
        g++;
        if (!defined(p)) {
          continue;
        }
        if (Double.isFinite(p.lower()) && Double.isFinite(p.upper())) {
          c.line("interval", x.x(p.predicted()), y.x(p.lower()), x.x(p.predicted()),
              y.x(p.upper()), colour, 1, false);
        }
        c.circle("point", x.x(p.predicted()), y.x(p.observed()), RADIUS, colour,
            s.name() + ", group " + g + ": " + point(p));
      }
    }
    legend(c, left, series);
    return c.finish();
  }

  private static boolean defined(CalibrationPoint p) {
    return Double.isFinite(p.predicted()) && Double.isFinite(p.observed());
  }

  /** {@code predicted 16.1%, observed 13.4% (interval 9.8% to 18.2%), 253 rows}. */
  static String point(CalibrationPoint p) {
    String s = "predicted " + Format.percent(p.predicted()) + ", observed "
        + Format.percent(p.observed());
    if (Double.isFinite(p.lower()) && Double.isFinite(p.upper())) {
      s += " (interval " + Format.percent(p.lower()) + " to " + Format.percent(p.upper()) + ")";
    }
    return s + ", " + dev.funnel.core.display.Formats.count(p.rows()) + " rows";
  }

  /** A marker and the name of every series, then the diagonal's meaning, in a row under the title. */
  private static void legend(Canvas c, double left, List<CalibrationSeries> series) {
    double x = Layout.PAD;
    double y = Layout.TITLE_BAND + 4;
    for (int j = 0; j < series.size(); j++) {
      String name = Canvas.fit(series.get(j).name(), 140, Canvas.FONT_SIZE);
      c.circle("legend", x + 6, y + 6, RADIUS, Palette.series(j), null);
      c.text("legend-label", x + 16, y + 10, "start", name);
      x += 16 + Canvas.textWidth(name, Canvas.FONT_SIZE) + 14;
    }
    c.line("legend", x, y + 6, x + 22, y + 6, Palette.NEUTRAL, 1.2, true);
    c.text("legend-label", x + 26, y + 10, "start", "perfect calibration");
  }
}
