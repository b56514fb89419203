package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines over a numeric x axis on shared zero-based scales: one polyline per series (broken where a
 * value is undefined), a dot per point whose tooltip carries the series, x and value, a legend
 * over the plot, and an optional dashed vertical marker. The first series is drawn solid, the
 * others dashed in distinct patterns, so that the lines differ without colour too.
 */
final class LineChart {

  private static final double HEIGHT = 340;
  private static final double LEFT = 56;
  private static final String[] DASHES = {null, "7 3", "2 2", "9 3 2 3", "4 4", "1 3"};

  private LineChart() {}

  static Svg draw(ChartOptions o, List<Double> x, List<Series> series, double marker,
      String markerLabel) {
    int n = x.size();
    StringBuilder summary = new StringBuilder("Lines for " + series.size() + " series over "
        + n + " points");
    if (!o.categoryAxis().isEmpty()) {
      summary.append(" of ").append(o.categoryAxis());
    }
    summary.append(':');
    for (int j = 0; j < series.size(); j++) {
      summary.append(j == 0 ? " " : "; ").append(series.get(j).name());
      for (double v : series.get(j).values()) {
        summary.append(' ').append(Format.number(v));
      }
    }
    summary.append('.');
    double width = o.width();
    double height = o.height() == 0 ? HEIGHT : o.height();
    String desc = o.description().isEmpty() ? summary.toString()
        : o.description() + " " + summary;
    Canvas c = new Canvas("lines", width, height, o.title(), desc);
    c.text("title", Layout.PAD, 22, "start",
        Canvas.fit(o.title(), width - 2 * Layout.PAD, Canvas.TITLE_SIZE), Canvas.TITLE_SIZE, true,
        Palette.TEXT);
    double top = Layout.TITLE_BAND + Layout.HEADER_BAND + 10;
    double bottom = height - Scale.footer(o.categoryAxis());
    double left = Layout.PAD + LEFT;
    double right = width - Layout.PAD - 8;
    if (n == 0 || series.isEmpty() || bottom - top < 20) {
      c.text("empty", width / 2, top + 18, "middle", "No data");
      return c.finish();
    }
    List<Double> all = new ArrayList<>();
    series.forEach(s -> all.addAll(s.values()));
    Scale sx = Scale.over(x, left, right);
    Scale sy = Scale.over(all, bottom, top);
    sy.drawVertical(c, left, right);
    sx.draw(c, top, bottom, o.categoryAxis());
    if (!o.valueAxis().isEmpty()) {
      c.text("axis-label", Layout.PAD, Layout.TITLE_BAND + 12, "start",
          Canvas.fit(o.valueAxis(), width / 2, Canvas.FONT_SIZE), Canvas.FONT_SIZE, true,
          Palette.TEXT);
    }
    if (Double.isFinite(marker)) {
      double mx = sx.x(marker);
      c.line("marker", mx, top, mx, bottom, Palette.AXIS, 1.2, true);
      if (!markerLabel.isEmpty()) {
        c.text("marker-label", mx + 4, top + 12, "start",
            Canvas.fit(markerLabel, Math.max(30, right - mx - 4), 10.5), 10.5, false,
            Palette.TEXT);
      }
    }
    double labelEnd = Layout.PAD + Canvas.textWidth(o.valueAxis(), Canvas.FONT_SIZE) * 1.15 + 24;
    legend(c, labelEnd, right, series);
    for (int j = 0; j < series.size(); j++) {
      Series s = series.get(j);
      String colour = Palette.series(j);
      String dash = DASHES[j % DASHES.length];
      double lineWidth = j == 0 ? 2.4 : 1.8;
      List<Double> run = new ArrayList<>();
      for (int i = 0; i <= n; i++) {
        double v = i < n ? s.values().get(i) : Double.NaN;
        if (Double.isFinite(v)) {
          run.add(sx.x(x.get(i)));
          run.add(sy.x(v));
        } else if (!run.isEmpty()) {
          c.polyline("line", colour, lineWidth, dash, s.name(),
              run.stream().mapToDouble(Double::doubleValue).toArray());
          run.clear();
        }
      }
      for (int i = 0; i < n; i++) {
        double v = s.values().get(i);
        if (Double.isFinite(v)) {
          c.circle("point", sx.x(x.get(i)), sy.x(v), j == 0 ? 2.4 : 1.9, colour,
              s.name() + " at " + Format.number(x.get(i)) + ": " + Format.number(v));
        }
      }
    }
    return c.finish();
  }

  /**
   * A short line in each series' colour and dash, and its name, in a row over the plot, ending at
   * {@code right} (with a margin for fonts wider than estimated) but starting after {@code from}.
   */
  private static void legend(Canvas c, double from, double right, List<Series> series) {
    double total = 0;
    for (Series s : series) {
      total += 26 + Canvas.textWidth(Canvas.fit(s.name(), 140, Canvas.FONT_SIZE),
          Canvas.FONT_SIZE) * 1.15 + 14;
    }
    double x = Math.max(from, right - total);
    double y = Layout.TITLE_BAND + 8;
    for (int j = 0; j < series.size(); j++) {
      String name = Canvas.fit(series.get(j).name(), 140, Canvas.FONT_SIZE);
      c.polyline("legend", Palette.series(j), j == 0 ? 2.4 : 1.8, DASHES[j % DASHES.length],
          null, x, y, x + 22, y);
      c.text("legend-label", x + 26, y + 4, "start", name);
      x += 26 + Canvas.textWidth(name, Canvas.FONT_SIZE) * 1.15 + 14;
    }
  }
}
