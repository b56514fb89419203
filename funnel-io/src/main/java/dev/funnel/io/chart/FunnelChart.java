package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Funnel bars: one horizontal bar per stage, top to bottom, length proportional to the count,
 * labelled with the count, the conversion from the previous stage and the share of the first
 * stage (count over the first stage's count).
 */
final class FunnelChart {

  private FunnelChart() {}

  static Svg draw(ChartOptions o, List<Bar> stages, List<Double> conversions) {
    int n = stages.size();
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    double first = n == 0 ? Double.NaN : stages.get(0).value();
    StringBuilder summary = new StringBuilder("Funnel of " + n + " stages:");
    double rightWidth = 0;
    for (int i = 0; i < n; i++) {
      Bar s = stages.get(i);
      names.add(s.label());
      values.add(s.value());
      String t = Format.number(s.value());
      if (i > 0) {
        double overall = first == 0 || !Double.isFinite(s.value()) ? Double.NaN : s.value() / first;
        t += " (" + Format.percent(conversions.get(i)) + " of prev., " + Format.percent(overall)
            + " of first)";
      }
      texts.add(t);
      summary.append(i == 0 ? " " : "; ").append(s.label()).append(' ').append(t);
      rightWidth = Math.max(rightWidth, Canvas.textWidth(t, Canvas.FONT_SIZE) + 10);
    }
    summary.append('.');
    Layout l = new Layout(o, n, names, rightWidth, !o.categoryAxis().isEmpty(),
        Scale.footer(o.valueAxis()));
    Canvas c = l.canvas("funnel", o, summary.toString());
    if (n == 0) {
      l.empty(c);
      return c.finish();
    }
    double bottom = l.top + n * l.row;
    Scale x = Scale.over(values, l.plotLeft, l.plotRight);
    x.draw(c, l.top, bottom, o.valueAxis());
    double h = Math.min(l.row * 0.7, 22);
    for (int i = 0; i < n; i++) {
      double y = l.mid(i);
      double v = values.get(i);
      l.label(c, y, names.get(i));
      String tip = names.get(i) + ": " + texts.get(i);
      HorizontalBar.draw(c, x, v, y, h, Palette.BLUE, "bar", tip);
      HorizontalBar.label(c, x, v, y, texts.get(i), l);
    }
    return c.finish();
  }
}
