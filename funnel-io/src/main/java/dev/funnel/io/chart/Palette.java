package dev.funnel.io.chart;

/**
 * Colours that colour-blind readers can tell apart: the Okabe-Ito palette (Okabe and Ito 2008,
 * "Color Universal Design"), a light-to-dark single-hue blue ramp for heat maps, and greys.
 * Colour is never the only carrier of meaning: every bar and cell also has a text label. Yellow is
 * left out (too faint on white), and bars get a thin dark outline, because the lighter palette
 * colours (orange, sky blue) alone contrast less than 3:1 with white.
 */
final class Palette {

  static final String BLUE = "#0072b2";
  static final String ORANGE = "#e69f00";
  static final String GREEN = "#009e73";
  static final String VERMILLION = "#d55e00";
  static final String PURPLE = "#cc79a7";
  static final String SKY = "#56b4e9";
  static final String BLACK = "#000000";

  static final String UP = BLUE;
  static final String DOWN = VERMILLION;
  static final String TOTAL = "#555555";
  static final String OK = GREEN;
  static final String WARNING = ORANGE;
  static final String ALERT = VERMILLION;
  static final String NEUTRAL = "#999999";
  static final String GRID = "#d9d9d9";
  static final String TRACK = "#ececec";
  static final String AXIS = "#333333";
  static final String TEXT = "#000000";

  private static final String[] SERIES =
      {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK};

  /** Light end (share 0) and dark end (share 1) of the heat-map ramp. */
  private static final int[] LIGHT = {0xef, 0xf5, 0xfb};
  private static final int[] DARK = {0x08, 0x30, 0x6b};

  private Palette() {}

  /** The colour of the i-th series, cycling after seven (labels name the series anyway). */
  static String series(int i) {
    return SERIES[i % SERIES.length];
  }

  /** A heat-map colour for a share in 0..1 (clamped), interpolated in sRGB. */
  static String heat(double share) {
    double t = Math.max(0, Math.min(1, share));
    StringBuilder b = new StringBuilder("#");
    for (int k = 0; k < 3; k++) {
      int v = (int) Math.round(LIGHT[k] + (DARK[k] - LIGHT[k]) * t);
      b.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
    }
    return b.toString();
  }

  /**
   * Black or white, whichever contrasts more with the heat colour for this share (WCAG 2 relative
   * luminance; white from a luminance below 0.18).
   */
  static String textOnHeat(double share) {
    String c = heat(share);
    double l = 0;
    double[] w = {0.2126, 0.7152, 0.0722};
    for (int k = 0; k < 3; k++) {
      double s = Integer.parseInt(c.substring(1 + 2 * k, 3 + 2 * k), 16) / 255.0;
      double lin = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      l += w[k] * lin;
    }
    return l < 0.18 ? "#ffffff" : TEXT;
  }
}
