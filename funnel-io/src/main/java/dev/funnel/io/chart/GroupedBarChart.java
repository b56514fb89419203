package dev.funnel.io.chart;

import java.util.List;

/**
 * Grouped horizontal bars on one shared zero-based scale: per category a group with one bar per
 * series (e.g. the credit each attribution model gives a channel). A legend names the series in
 * their order inside every group, and each bar's label repeats the series name with the value.
 */
final class GroupedBarChart {

  private static final double BAR = 14;

  private GroupedBarChart() {}

  static Svg draw(ChartOptions o, List<String> categories, List<Series> series) {
    int n = categories.size();
    int k = series.size();
    StringBuilder summary = new StringBuilder("Grouped bars for " + n + " categories and "
        + k + " series:");
    double rightWidth = 0;
    for (int i = 0; i < n; i++) {
      summary.append(i == 0 ? " " : "; ").append(categories.get(i));
      for (Series s : series) {
        String t = s.name() + " " + Format.number(s.values().get(i));
        summary.append(' ').append(t);
        rightWidth = Math.max(rightWidth, Canvas.textWidth(t, Canvas.FONT_SIZE) + 10);
      }
    }
    summary.append('.');
    // a group is k bars plus one bar's room between groups, in row units of 28 px
    double perGroup = Math.max(1, (k * BAR + 10) / Layout.ROW);
    Layout l = new Layout(o, n * perGroup, categories, rightWidth, true,
        Scale.footer(o.valueAxis()));
    Canvas c = l.canvas("grouped-bars", o, summary.toString());
    if (n == 0 || k == 0) {
      l.empty(c);
      return c.finish();
    }
    double groupH = perGroup * l.row;
    double barH = Math.max(2, (groupH - 10 * l.row / Layout.ROW) / k);
    double bottom = l.top + n * groupH;
    Scale x = Scale.over(series.stream().flatMap(s -> s.values().stream()).toList(), l.plotLeft,
        l.plotRight);
    x.draw(c, l.top, bottom, o.valueAxis());
    legend(c, l, series, o.categoryAxis());
    for (int i = 0; i < n; i++) {
      double groupTop = l.top + i * groupH + (groupH - k * barH) / 2;
      l.label(c, l.top + (i + 0.5) * groupH, categories.get(i));
      for (int j = 0; j < k; j++) {
        Series s = series.get(j);
        double v = s.values().get(i);
        double y = groupTop + (j + 0.5) * barH;
        String text = s.name() + " " + Format.number(v);
        HorizontalBar.draw(c, x, v, y, barH - 1, Palette.series(j), "bar",
            categories.get(i) + ", " + text);
        HorizontalBar.label(c, x, v, y - 4 + Math.min(10, barH) * 0.4, text, l);
      }
    }
    return c.finish();
  }

  /**
   * Swatch and name of every series, in a row over the plot, after the category axis label when
   * that is wider than the label column (with a margin for fonts wider than estimated).
   */
  private static void legend(Canvas c, Layout l, List<Series> series, String categoryAxis) {
    double x = categoryAxis.isEmpty() ? l.plotLeft : Math.max(l.plotLeft,
        l.labelLeft + Canvas.textWidth(categoryAxis, Canvas.FONT_SIZE) * 1.15 + 12);
    double y = Layout.TITLE_BAND + 3;
    for (int j = 0; j < series.size(); j++) {
      String name = Canvas.fit(series.get(j).name(), 140, Canvas.FONT_SIZE);
      c.rect("legend", x, y, 12, 12, Palette.series(j), null);
      c.text("legend-label", x + 16, y + 10, "start", name);
      x += 16 + Canvas.textWidth(name, Canvas.FONT_SIZE) + 14;
    }
  }
}
