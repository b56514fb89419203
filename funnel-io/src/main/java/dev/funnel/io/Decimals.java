package dev.funnel.io;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Parses the plain decimal numbers of docs/spec/dataset.md ({@code 1234.50}, {@code -20}, {@code .5}):
 * optional sign, digits, optional {@code .} and digits; no exponent, no grouping. The result has
 * the scale written (so {@code 1.50} stays {@code 1.50}); short numbers skip the string parser of
 * {@link BigDecimal}.
 */
final class Decimals {
  private Decimals() {}

  /**
   * The most digits an amount may have: 1,000, so its scale and size stay within what every result
   * and byte form holds ({@code StateBytes.MAX_DECIMAL_SCALE}) and parsing stays linear in the cell.
   */
  static final int MAX_DIGITS = 1_000;

  /** Whether a text is too long to be a plain decimal within {@link #MAX_DIGITS}. */
  static boolean tooLong(String s) {
    return s.length() > MAX_DIGITS + 2; // a sign and a point besides the digits
  }

  /** The exact value, or null when the text is not a plain decimal (or is {@link #tooLong}). */
  static BigDecimal parse(String s) {
    if (tooLong(s)) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // other characters become '?': never valid
    long[] unscaled = new long[1];
    int scale = parse(b, 0, b.length, unscaled);
    if (scale >= 0) {
      return BigDecimal.valueOf(unscaled[0], scale);
    }
    if (scale == INVALID) {
      return null;
    }
    String t = s.charAt(0) == '+' ? s.substring(1) : s;
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return new BigDecimal(t);
  }

  /** {@link #parse(byte[], int, int, long[])}: not a plain decimal. */
  static final int INVALID = -1;
  /** {@link #parse(byte[], int, int, long[])}: a plain decimal of more than 18 digits. */
  static final int LONG = -2;

  /**
   * The plain decimal in the ASCII text {@code s[off, off+n)} as its scale (the digits after the
   * point), its unscaled value in {@code unscaled[0]}; {@link #INVALID} when it is not one,
   * {@link #LONG} when it is one of more than 18 digits (parse it as a {@link BigDecimal}).
   */
  static int parse(byte[] s, int off, int n, long[] unscaled) {
    int i = off;
    int end = off + n;
    boolean negative = false;
    if (n > 0 && (s[off] == '-' || s[off] == '+')) {
      negative = s[off] == '-';
      i++;
    }
    long u = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < end; i++) {
      int c = s[i] - '0';
      if (c >= 0 && c <= 9) {
        digits++;
        u = u * 10 + c;
        if (point) {
          scale++;
        }
      } else if (c == '.' - '0' && !point) {
        point = true;
      } else {
        return INVALID;
      }
    }
    if (digits == 0) {
      return INVALID;
    }
    if (digits > 18) {
      return LONG;
    }
    unscaled[0] = negative ? -u : u;
    return scale;
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
