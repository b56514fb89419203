package dev.funnel.io.chart;

import dev.funnel.core.display.Formats;
import java.util.Locale;

/**
 * Number formatting for charts: coordinates here, every figure a person reads through the one
 * formatter, {@link Formats}; independent of the default locale ({@link Locale#ROOT}: {@code .}
 * as decimal point, {@code ,} between thousands) so that the same input always gives the same
 * bytes.
 *
 * <p>Coordinates carry three decimals (0.001 px); value labels round by magnitude (no decimals from
 * 100 up, two below, three significant digits below 0.01); undefined values print as {@code -}.
 */
final class Format {

  static final String NA = Formats.UNDEFINED;

  private Format() {}

  /** A coordinate with at most three decimals (0.001 px), trailing zeros dropped, never -0. */
  static String coord(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("coordinate is not finite: " + v);
    }
    long c = Math.round(v * 1000.0);
    long a = Math.abs(c);
    StringBuilder b = new StringBuilder();
    if (c < 0) {
      b.append('-');
    }
    b.append(a / 1000);
    long frac = a % 1000;
    if (frac != 0) {
      String f = Long.toString(1000 + frac).substring(1);
      b.append('.').append(f.replaceAll("0+$", ""));
    }
    return b.toString();
  }

  /** A coordinate rounded the way {@link #coord} writes it. */
  static double snap(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /** A value label ({@link Formats#label}); {@code -} when undefined. */
  static String number(double v) {
    return Formats.label(v);
  }

  /** A signed change ({@link Formats#signedLabel}). */
  static String signed(double v) {
    return Formats.signedLabel(v);
  }

  /** A share as a percentage with one decimal ({@link Formats#percent}): 0.4 gives {@code 40.0%}. */
  static String percent(double share) {
    return Formats.percent(share);
  }

  /** An axis tick ({@link Formats#tick}): {@code 250k}, {@code 1.5M}, {@code 2B}. */
  static String compact(double v) {
    return Formats.tick(v);
  }
}
