package dev.funnel.io.chart;

/**
 * A bar drawn from the zero line to its value, so its length is proportional to the value, and
 * its label just past its end; an undefined value leaves a dashed gap labelled {@code n/a}.
 */
final class HorizontalBar {

  private HorizontalBar() {}

  static void draw(Canvas c, Scale x, double v, double y, double h, String fill, String cls,
      String tip) {
    double zero = x.x(0);
    if (!Double.isFinite(v)) {
      c.frame("gap", zero, y - h / 2, gap(x), h, Palette.NEUTRAL, true);
      return;
    }
    double end = x.x(v);
    c.rect(cls, Math.min(zero, end), y - h / 2, Math.abs(end - zero), h, fill, tip);
  }

  /** The width of the dashed box standing in for an undefined value. */
  static double gap(Scale x) {
    return Math.max(24, x.span() / 8);
  }

  /**
   * The label right of a positive bar's end, or right of the zero line for a negative bar (whose
   * body lies left of it); for a gap, right of the gap's box.
   */
  static void label(Canvas c, Scale x, double v, double y, String text, Layout l) {
    double zero = x.x(0);
    double at;
    if (!Double.isFinite(v)) {
      at = zero + gap(x) + 4;
    } else {
      at = Math.max(zero, x.x(v)) + 4;
    }
    double room = l.width - Layout.PAD - at;
    c.text("value", at, y + 4, "start", Canvas.fit(text, Math.max(room, 30), Canvas.FONT_SIZE));
  }
}
