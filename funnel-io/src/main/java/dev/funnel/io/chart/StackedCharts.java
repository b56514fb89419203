package dev.funnel.io.chart;

/**
 * Charts one under the other in one SVG document under a title: each chart is a nested
 * {@code <svg>} at its own vertical offset, keeping its title, description and tooltips; the
 * document is as wide as the widest chart.
 */
final class StackedCharts {

  private static final double GAP = 16;

  private StackedCharts() {}

  static Svg draw(String title, java.util.List<Svg> charts) {
    double width = ChartOptions.DEFAULT_WIDTH;
    double height = Layout.TITLE_BAND;
    StringBuilder desc = new StringBuilder(charts.size() + " charts:");
    for (int i = 0; i < charts.size(); i++) {
      Svg s = charts.get(i);
      width = Math.max(width, s.width());
      height += s.height() + (i == 0 ? 0 : GAP);
      desc.append(i == 0 ? " " : "; ").append(s.title());
    }
    desc.append('.');
    Canvas c = new Canvas("stack", width, Math.max(height, Layout.TITLE_BAND + 20), title,
        desc.toString());
    c.text("title", Layout.PAD, 22, "start",
        Canvas.fit(title, width - 2 * Layout.PAD, Canvas.TITLE_SIZE), Canvas.TITLE_SIZE, true,
        Palette.TEXT);
    double y = Layout.TITLE_BAND;
    for (Svg s : charts) {
      c.nest(s, y);
      y += s.height() + GAP;
    }
    return c.finish();
  }
}
