package dev.funnel.core.columnar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A column of exact decimal amounts stored as scaled {@code long}s: the amount of a row is
 * {@code unscaled(row) / 10^scale()}.
 *
 * <p>The scale is the largest number of decimals any amount of the column needs (trailing zeros
 * ignored, so {@code 10.50} needs one and {@code 74802.9716} four; never below 0), so every amount
 * is stored exactly. An absent amount (an optional column left empty) is the sentinel {@link
 * #ABSENT}, a value no amount is allowed to take. Sums ({@link #sum(int, int)}) are exact: long
 * additions with overflow detection, continued in {@link BigInteger} when a sum leaves the long
 * range (spec/dataset.md, "Money": sums must be exact). Immutable and thread-safe.
 */
public final class MoneyColumn {

  /** The stored value of an absent amount. */
  public static final long ABSENT = Long.MIN_VALUE;

  private final long[] unscaled;
  private final int scale;

  private MoneyColumn(long[] unscaled, int scale) {
    this.unscaled = unscaled;
    this.scale = scale;
  }

  /**
   * Encodes amounts (null = absent) at the largest scale they need.
   *
   * @param what the table and column, for messages ({@code "payments amount"})
   * @throws IllegalArgumentException when an amount does not fit a long at that scale
   */
  static MoneyColumn of(String what, List<BigDecimal> amounts) {
    int scale = 0;
    for (BigDecimal a : amounts) {
      if (a != null && a.signum() != 0) {
        scale = Math.max(scale, a.stripTrailingZeros().scale());
      }
    }
    long[] u = new long[amounts.size()];
    for (int i = 0; i < u.length; i++) {
      BigDecimal a = amounts.get(i);
      u[i] = a == null ? ABSENT : encode(what, a, scale);
    }
    return new MoneyColumn(u, scale);
  }

  private static long encode(String what, BigDecimal a, int scale) {
    BigInteger v = a.setScale(scale).unscaledValue();
    if (v.bitLength() > 63 || v.longValue() == ABSENT) {
      throw new IllegalArgumentException(
          what + " " + a.toPlainString() + " does not fit the columnar form: at scale " + scale
              + " (the most decimals any amount of the column has) its unscaled value "
              + v + " exceeds a 64-bit integer (|value| < 2^63); reduce the decimals or the"
              + " magnitude of the amounts");
    }
    return v.longValue();
  }

  /** Number of rows. */
  public int size() {
    return unscaled.length;
  }

  /** Decimals of the stored amounts: {@code amount = unscaled / 10^scale}. */
  public int scale() {
    return scale;
  }

  /** Whether the row has an amount. */
  public boolean present(int row) {
    return unscaled[row] != ABSENT;
  }

  /** The scaled amount of the row, {@link #ABSENT} when it has none. */
  public long unscaled(int row) {
    return unscaled[row];
  }

  /** The exact amount of the row, null when it has none. */
  public BigDecimal value(int row) {
    long u = unscaled[row];
    return u == ABSENT ? null : BigDecimal.valueOf(u, scale);
  }

  /** The exact sum of all present amounts (0 at the column scale when there are none). */
  public BigDecimal sum() {
    return sum(0, unscaled.length);
  }

  /**
   * The exact sum of the present amounts of rows {@code [from, to)}: absent amounts are skipped.
   *
   * @throws IndexOutOfBoundsException for a range outside the column
   */
  public BigDecimal sum(int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, unscaled.length);
    long acc = 0;
    BigInteger big = null;
    for (int i = from; i < to; i++) {
      long u = unscaled[i];
      if (u == ABSENT) {
        continue;
      }
      long r = acc + u;
      if (((acc ^ r) & (u ^ r)) < 0) {
        big = (big == null ? BigInteger.ZERO : big).add(BigInteger.valueOf(acc));
        acc = u;
      } else {
        acc = r;
      }
    }
    BigInteger total = big == null ? BigInteger.valueOf(acc) : big.add(BigInteger.valueOf(acc));
    return new BigDecimal(total, scale);
  }

  /** Number of rows with an amount in {@code [from, to)}. */
  public int count(int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, unscaled.length);
    int n = 0;
    for (int i = from; i < to; i++) {
      if (unscaled[i] != ABSENT) {
        n++;
      }
    }
    return n;
  }

  long[] array() {
    return unscaled;
  }
}
