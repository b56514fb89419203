package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plan-vs-actual bullets (after Few 2006, "Bullet Graph Design Specification"), one line per
 * metric, each on its own scale from zero: a grey track, the actual as a bar in the status colour
 * (green ok, orange warning, vermillion alert, grey unknown), the plan as a black tick and the
 * run-rate as a hollow diamond. The label spells out actual, plan, run-rate and status
 * ({@code 640 vs plan 1,200, run-rate 1,240: ok}), so nothing
 * depends on colour alone.
 */
final class BulletChart {

  private static final double ROW = 34;
  private static final double LEGEND = 26;
  private static final double LABEL = 11;

  private BulletChart() {}

  static Svg draw(ChartOptions o, List<Bullet> bullets) {
    int n = bullets.size();
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    StringBuilder summary = new StringBuilder("Plan versus actual for " + n + " metrics:");
    double rightWidth = 0;
    for (int i = 0; i < n; i++) {
      Bullet b = bullets.get(i);
      names.add(b.metric());
      String t = Format.number(b.actual()) + " vs plan " + Format.number(b.plan())
          + ", run-rate " + Format.number(b.runRate()) + ": "
          + b.status().name().toLowerCase(Locale.ROOT);
      texts.add(t);
      summary.append(i == 0 ? " " : "; ").append(b.metric()).append(' ').append(t);
      rightWidth = Math.max(rightWidth, Canvas.textWidth(t, LABEL) + 10);
    }
    summary.append('.');
    ChartOptions sized = o.height() == 0
        ? o.computedHeight(Layout.TITLE_BAND + Layout.HEADER_BAND
            + Math.max(n, 1) * ROW + LEGEND)
        : o;
    Layout l = new Layout(sized, n, names, rightWidth, true, LEGEND);
    Canvas c = l.canvas("bullets", o, summary.toString());
    if (n == 0) {
      l.empty(c);
      return c.finish();
    }
    if (!o.valueAxis().isEmpty()) {
      c.text("axis-label", l.plotLeft, Layout.TITLE_BAND + 12, "start",
          Canvas.fit(o.valueAxis(), l.plotRight - l.plotLeft, Canvas.FONT_SIZE), Canvas.FONT_SIZE,
          true, Palette.TEXT);
    }
    double trackH = Math.min(l.row * 0.6, 18);
    double barH = trackH * 0.5;
    for (int i = 0; i < n; i++) {
      Bullet b = bullets.get(i);
      double y = l.mid(i);
      l.label(c, y, b.metric());
      Scale x = Scale.over(List.of(b.plan(), b.actual(), b.runRate()), l.plotLeft, l.plotRight);
      double zero = x.x(0);
      c.rect("track", l.plotLeft, y - trackH / 2, l.plotRight - l.plotLeft, trackH, Palette.TRACK,
          null);
      c.line("zero", zero, y - trackH / 2, zero, y + trackH / 2, Palette.AXIS, 1, false);
      String tip = b.metric() + ": " + texts.get(i);
      HorizontalBar.draw(c, x, b.actual(), y, barH, colour(b.status()), "bar actual", tip);
      if (Double.isFinite(b.plan())) {
        double px = x.x(b.plan());
        c.line("plan", px, y - trackH / 2 - 2, px, y + trackH / 2 + 2, Palette.TEXT, 3, false);
      }
      if (Double.isFinite(b.runRate())) {
        double rx = x.x(b.runRate());
        double d = barH * 0.9;
        c.polygon("run-rate", "#ffffff", Palette.TEXT, rx, y - d, rx + d, y, rx, y + d, rx - d, y);
      }
      c.text("value", l.plotRight + 6, y + 4, "start",
          Canvas.fit(texts.get(i), l.rightWidth(), LABEL), LABEL, false, Palette.TEXT);
    }
    legend(c, l.plotLeft, l.height - LEGEND + 8);
    return c.finish();
  }

  static String colour(Bullet.Status s) {
    return switch (s) {
      case OK -> Palette.OK;
      case WARNING -> Palette.WARNING;
      case ALERT -> Palette.ALERT;
      case UNKNOWN -> Palette.NEUTRAL;
    };
  }

  private static void legend(Canvas c, double x, double y) {
    c.rect("legend", x, y, 16, 8, Palette.OK, null);
    c.text("legend-label", x + 20, y + 8, "start", "actual (ok / warning / alert)", 10.5, false,
        Palette.TEXT);
    double px = x + 200;
    c.line("legend", px, y - 2, px, y + 10, Palette.TEXT, 3, false);
    c.text("legend-label", px + 6, y + 8, "start", "plan", 10.5, false, Palette.TEXT);
    double rx = px + 50;
    c.polygon("legend", "#ffffff", Palette.TEXT, rx, y - 1, rx + 5, y + 4, rx, y + 9, rx - 5,
        y + 4);
    c.text("legend-label", rx + 9, y + 8, "start", "run-rate", 10.5, false, Palette.TEXT);
  }
}
