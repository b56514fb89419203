package dev.funnel.io.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Number formatting for charts, independent of the default locale ({@link Locale#ROOT}: {@code .}
 * as decimal point, {@code ,} between thousands) so that the same input always gives the same
 * bytes.
 *
 * <p>Coordinates carry three decimals (0.001 px); value labels round by magnitude (no decimals from
 * 100 up, two below, three significant digits below 0.01); undefined values print as {@code n/a}.
 */
final class Format {

  static final String NA = "n/a";

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

  /** A value label: {@code 12,345}, {@code 12.5}, {@code 0.035}; {@code n/a} when undefined. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return NA;
    }
    double a = Math.abs(v);
    String s;
    if (a >= 100) {
      s = String.format(Locale.ROOT, "%,.0f", v);
    } else if (a >= 0.01 || a == 0) {
      s = strip(String.format(Locale.ROOT, "%.2f", v));
    } else {
      s = strip(String.format(Locale.ROOT, "%.3g", v));
    }
    return noNegativeZero(s);
  }

  /** A signed change: {@code +1,200} or {@code -35}; {@code n/a} when undefined. */
  static String signed(double v) {
    String s = number(v);
    return Double.isFinite(v) && !s.startsWith("-") && !s.equals("0") ? "+" + s : s;
  }

  /** A share as a percentage with one decimal: 0.4 gives {@code 40.0%}. */
  static String percent(double share) {
    if (!Double.isFinite(share)) {
      return NA;
    }
    return noNegativeZero(String.format(Locale.ROOT, "%.1f%%", share * 100));
  }

  /**
   * An axis tick: {@code 250k}, {@code 1.5M}, {@code 2B}; below 10,000 the value itself to six
   * significant digits ({@code 0.025}, {@code 7.5}), as ticks are round numbers.
   */
  static String compact(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return strip(String.format(Locale.ROOT, "%.2f", v / 1e9)) + "B";
    }
    if (a >= 1e6) {
      return strip(String.format(Locale.ROOT, "%.2f", v / 1e6)) + "M";
    }
    if (a >= 1e4) {
      return strip(String.format(Locale.ROOT, "%.2f", v / 1e3)) + "k";
    }
    if (!Double.isFinite(v) || v == 0) {
      return number(v);
    }
    return noNegativeZero(new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros()
        .toPlainString());
  }

  private static String strip(String s) {
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exponent = e < 0 ? "" : s.substring(e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return noNegativeZero(mantissa) + exponent;
  }

  private static String noNegativeZero(String s) {
    return s.matches("-0(\\.0*)?%?") ? s.substring(1) : s;
  }
}
