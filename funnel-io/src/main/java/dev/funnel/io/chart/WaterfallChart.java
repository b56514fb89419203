package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal waterfall (revenue bridge): the base total from zero, then each effect as a
 * floating bar starting where the previous one ended (up effects in blue, down effects in
 * vermillion, each labelled with its signed value), then the current total from zero; a right
 * column shows the running total after each row.
 *
 * <p>Effects chain forward from the base up to the first undefined effect and backward from the
 * current total down to the last undefined one; an undefined effect, and any effect caught between
 * two undefined ones, cannot be placed and is drawn as an {@code n/a} gap.
 */
final class WaterfallChart {

  private static final double TOLERANCE = 1e-6;

  private WaterfallChart() {}

  static Svg draw(ChartOptions o, Bar base, List<Step> steps, Bar current) {
    int n = steps.size();
    checkSums(base, steps, current);
    // running total before and after each step; NaN where it cannot be placed
    double[] from = new double[n];
    double[] to = new double[n];
    double run = base.value();
    for (int i = 0; i < n; i++) {
      from[i] = run;
      run = run + steps.get(i).effect();
      to[i] = run;
    }
    run = current.value();
    for (int i = n - 1; i >= 0 && !Double.isFinite(to[i]); i--) {
      to[i] = run;
      double e = steps.get(i).effect();
      if (!Double.isFinite(e)) {
        break;
      }
      from[i] = run - e;
      run = from[i];
    }
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<String> effects = new ArrayList<>();
    List<String> totals = new ArrayList<>();
    names.add(base.label());
    values.add(base.value());
    effects.add(Format.number(base.value()));
    totals.add(Format.number(base.value()));
    for (int i = 0; i < n; i++) {
      names.add(steps.get(i).label());
      values.add(from[i]);
      values.add(to[i]);
      effects.add(Format.signed(steps.get(i).effect()));
      totals.add(Format.number(to[i]));
    }
    names.add(current.label());
    values.add(current.value());
    effects.add(Format.number(current.value()));
    totals.add(Format.number(current.value()));

    StringBuilder summary = new StringBuilder("Waterfall from ").append(base.label()).append(' ')
        .append(totals.get(0)).append(" to ").append(current.label()).append(' ')
        .append(totals.get(n + 1)).append(':');
    double effectWidth = 0;
    double totalWidth = Canvas.textWidth("running total", Canvas.FONT_SIZE);
    for (int i = 0; i <= n + 1; i++) {
      if (i > 0 && i <= n) {
        summary.append(i == 1 ? " " : "; ").append(names.get(i)).append(' ')
            .append(effects.get(i));
      }
      effectWidth = Math.max(effectWidth, Canvas.textWidth(effects.get(i), Canvas.FONT_SIZE));
      totalWidth = Math.max(totalWidth, Canvas.textWidth(totals.get(i), Canvas.FONT_SIZE));
    }
    summary.append(n == 0 ? " no effects." : ".");
    Layout l = new Layout(o, n + 2, names, effectWidth + totalWidth + 24, true,
        Scale.footer(o.valueAxis()));
    Canvas c = l.canvas("waterfall", o, summary.toString());
    double totalRight = l.width - Layout.PAD;
    c.text("axis-label", totalRight, Layout.TITLE_BAND + 12, "end", "running total",
        Canvas.FONT_SIZE, true, Palette.TEXT);
    double bottom = l.top + (n + 2) * l.row;
    Scale x = Scale.over(values, l.plotLeft, l.plotRight);
    x.draw(c, l.top, bottom, o.valueAxis());
    double h = Math.min(l.row * 0.7, 22);
    double zero = x.x(0);
    double prevEnd = Double.NaN;
    for (int i = 0; i <= n + 1; i++) {
      double y = l.mid(i);
      l.label(c, y, names.get(i));
      c.text("total", totalRight, y + 4, "end", totals.get(i));
      String tip = names.get(i) + ": " + effects.get(i) + ", running total " + totals.get(i);
      double a;
      double b;
      String cls;
      String fill;
      if (i == 0 || i == n + 1) {
        double v = i == 0 ? base.value() : current.value();
        a = 0;
        b = v;
        cls = "bar total";
        fill = Palette.TOTAL;
      } else {
        double e = steps.get(i - 1).effect();
        a = from[i - 1];
        b = to[i - 1];
        cls = e >= 0 ? "bar step up" : "bar step down";
        fill = e >= 0 ? Palette.UP : Palette.DOWN;
      }
      double labelAt;
      boolean placed = Double.isFinite(a) && Double.isFinite(b)
          && (i == 0 || i == n + 1 || Double.isFinite(steps.get(i - 1).effect()));
      if (placed) {
        double xa = x.x(a);
        double xb = x.x(b);
        c.rect(cls, Math.min(xa, xb), y - h / 2, Math.abs(xb - xa), h, fill, tip);
        // connector from the previous bar's end down to this bar's start
        if (Double.isFinite(prevEnd) && i > 0 && i <= n) {
          c.line("connector", xa, y - l.row + h / 2, xa, y - h / 2, Palette.AXIS, 1, true);
        }
        if (i == n + 1 && Double.isFinite(prevEnd)) {
          c.line("connector", xb, y - l.row + h / 2, xb, y - h / 2, Palette.AXIS, 1, true);
        }
        prevEnd = i == n + 1 ? Double.NaN : xb;
        labelAt = Math.max(xa, xb) + 4;
      } else {
        c.frame("gap", zero, y - h / 2, HorizontalBar.gap(x), h, Palette.NEUTRAL, true);
        prevEnd = Double.NaN;
        labelAt = zero + HorizontalBar.gap(x) + 4;
      }
      String label = placed || effects.get(i).equals(Format.NA)
          ? effects.get(i) : effects.get(i) + " (not placed)";
      c.text("value", labelAt, y + 4, "start", label);
    }
    return c.finish();
  }

  /** The effects must add up to the change when all are known. */
  private static void checkSums(Bar base, List<Step> steps, Bar current) {
    double sum = base.value();
    for (Step s : steps) {
      sum += s.effect();
    }
    if (!Double.isFinite(sum) || !Double.isFinite(current.value())) {
      return;
    }
    double scale = Math.max(1, Math.max(Math.abs(base.value()), Math.abs(current.value())));
    if (Math.abs(sum - current.value()) > TOLERANCE * scale) {
      throw new IllegalArgumentException("waterfall effects do not add up: base "
          + base.value() + " plus effects gives " + sum + ", current is " + current.value());
    }
  }
}
