package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis mapped onto pixels {@code x0..x1}. The domain always contains zero, so bars
 * drawn from the zero line have lengths proportional to their values, and its ends are rounded
 * out to "nice" steps of 1, 2, 2.5 or 5 times a power of ten (a tick about every 70 px, two to six of them).
 */
final class Scale {

  private static final double[] NICE = {1, 2, 2.5, 5, 10};

  private final double lo;
  private final double hi;
  private final double step;
  private final double x0;
  private final double x1;

  private Scale(double lo, double hi, double step, double x0, double x1) {
    this.lo = lo;
    this.hi = hi;
    this.step = step;
    this.x0 = x0;
    this.x1 = x1;
  }

  /** A scale over the finite values given (NaN ignored), with zero included. */
  static Scale over(Iterable<Double> values, double x0, double x1) {
    double min = 0;
    double max = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (!Double.isFinite(max - min)) {
      throw new IllegalArgumentException(
          "values from " + min + " to " + max + " span more than a double can hold");
    }
    if (min == max) {
      return new Scale(0, 1, 0.25, x0, x1);
    }
    int target = (int) Math.max(2, Math.min(6, Math.round(Math.abs(x1 - x0) / 70)));
    double step = niceStep((max - min) / target);
    double lo = Math.floor(min / step) * step;
    double hi = Math.ceil(max / step) * step;
    return new Scale(lo == 0 ? 0 : lo, hi == 0 ? 0 : hi, step, x0, x1);
  }

  private static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double n : NICE) {
      if (n * p >= raw * (1 - 1e-12)) {
        return n * p;
      }
    }
    return 10 * p;
  }

  /** The pixel position of a value. */
  double x(double v) {
    return x0 + (v - lo) / (hi - lo) * (x1 - x0);
  }

  /** The plot's length in pixels. */
  double span() {
    return Math.abs(x1 - x0);
  }

  /** The ticks from the lower to the upper end of the domain. */
  List<Double> ticks() {
    List<Double> t = new ArrayList<>();
    long n = Math.round((hi - lo) / step);
    for (long i = 0; i <= n; i++) {
      double v = lo + i * step;
      t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return t;
  }

  /** Draws grid lines, tick labels and the axis label from {@code top} down to {@code bottom}. */
  void draw(Canvas c, double top, double bottom, String label) {
    for (double t : ticks()) {
      double x = x(t);
      c.line(t == 0 ? "zero" : "grid", x, top, x, bottom, t == 0 ? Palette.AXIS : Palette.GRID,
          1, false);
      c.text("tick", x, bottom + 14, "middle", Format.compact(t), 10.5, false, Palette.TEXT);
    }
    if (!label.isEmpty()) {
      c.text("axis-label", (x0 + x1) / 2, bottom + 32, "middle", label);
    }
  }

  /**
   * Draws, for a scale mapped onto vertical pixels, horizontal grid lines from {@code left} to
   * {@code right} and the tick labels left of {@code left}.
   */
  void drawVertical(Canvas c, double left, double right) {
    for (double t : ticks()) {
      double y = x(t);
      c.line(t == 0 ? "zero" : "grid", left, y, right, y, t == 0 ? Palette.AXIS : Palette.GRID,
          1, false);
      c.text("tick", left - 6, y + 4, "end", Format.compact(t), 10.5, false, Palette.TEXT);
    }
  }

  /** Vertical room {@link #draw} needs below the plot. */
  static double footer(String label) {
    return label.isEmpty() ? 22 : 40;
  }
}
