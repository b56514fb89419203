package dev.funnel.io.chart;

import java.util.List;

/**
 * Channel bars as small multiples: the category labels on the left, then one panel per series
 * side by side (e.g. leads, customers, revenue), each with its own zero-based scale, because the
 * series have different units. Each bar carries its value.
 */
final class PanelChart {

  private PanelChart() {}

  static Svg draw(ChartOptions o, List<String> categories, List<Series> series) {
    int n = categories.size();
    int k = series.size();
    StringBuilder summary = new StringBuilder("Bars for " + n + " categories");
    summary.append(k == 1 ? "" : " in " + k + " panels").append(':');
    for (int i = 0; i < n; i++) {
      summary.append(i == 0 ? " " : "; ").append(categories.get(i));
      for (Series s : series) {
        summary.append(' ').append(s.name()).append(' ').append(Format.number(s.values().get(i)));
      }
    }
    summary.append('.');
    Layout l = new Layout(o, n, categories, 0, true, Scale.footer(o.valueAxis()));
    Canvas c = l.canvas("bars", o, summary.toString());
    if (n == 0 || k == 0) {
      l.empty(c);
      return c.finish();
    }
    double bottom = l.top + n * l.row;
    double panel = (l.plotRight - l.plotLeft) / k;
    double h = Math.min(l.row * 0.7, 22);
    for (int j = 0; j < k; j++) {
      Series s = series.get(j);
      double left = l.plotLeft + j * panel;
      double labels = 0;
      for (double v : s.values()) {
        labels = Math.max(labels, Canvas.textWidth(Format.number(v), Canvas.FONT_SIZE));
      }
      double right = left + panel - Math.min(labels + 8, panel * 0.45) - Layout.GAP;
      Scale x = Scale.over(s.values(), left, right);
      c.text("panel", left, Layout.TITLE_BAND + 12, "start",
          Canvas.fit(s.name(), panel - Layout.GAP, Canvas.FONT_SIZE), Canvas.FONT_SIZE, true,
          Palette.TEXT);
      x.draw(c, l.top, bottom, j == 0 || k == 1 ? o.valueAxis() : "");
      for (int i = 0; i < n; i++) {
        double y = l.mid(i);
        double v = s.values().get(i);
        String text = Format.number(v);
        HorizontalBar.draw(c, x, v, y, h, Palette.series(j), "bar",
            categories.get(i) + ", " + s.name() + ": " + text);
        double at = Double.isFinite(v) ? Math.max(x.x(0), x.x(v)) + 4
            : x.x(0) + HorizontalBar.gap(x) + 4;
        c.text("value", at, y + 4, "start", text);
      }
    }
    for (int i = 0; i < n; i++) {
      l.label(c, l.mid(i), categories.get(i));
    }
    return c.finish();
  }
}
