package dev.funnel.io;

import java.math.BigDecimal;

/**
 * Parses the plain decimal numbers of spec/dataset.md ({@code 1234.50}, {@code -20}, {@code .5}):
 * optional sign, digits, optional {@code .} and digits; no exponent, no grouping. The result has
 * the scale written (so {@code 1.50} stays {@code 1.50}); short numbers skip the string parser of
 * {@link BigDecimal}.
 */
final class Decimals {
  private Decimals() {}

  /** The exact value, or null when the text is not a plain decimal. */
  static BigDecimal parse(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        unscaled = unscaled * 10 + (c - '0');
        if (point) {
          scale++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return null;
      }
    }
    if (digits == 0) {
      return null;
    }
    if (digits <= 18) {
      return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }
    String t = s.charAt(0) == '+' ? s.substring(1) : s;
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return new BigDecimal(t);
  }

  /**
   * A non-negative whole count: digits, optionally followed by {@code .} and zeros
   * ({@code 3.0}, as some tools write counts); -1 when the text is not one or overflows a long.
   */
  static long count(String s) {
    int n = s.length();
    long v = 0;
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      if (v > (Long.MAX_VALUE - 9) / 10) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    if (i == 0) {
      return -1;
    }
    if (i < n) {
      if (s.charAt(i) != '.') {
        return -1;
      }
      for (i++; i < n; i++) {
        if (s.charAt(i) != '0') {
          return -1;
        }
      }
    }
    return v;
  }
}
