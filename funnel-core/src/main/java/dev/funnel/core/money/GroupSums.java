package dev.funnel.core.money;

import dev.funnel.core.columnar.MoneyColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact sums of rows of one money column per group (a dense group index), as adding the rows'
 * amounts to {@link BigDecimal#ZERO} one by one would give them, scale included (the largest
 * scale given, at least 0), without a {@link BigDecimal} per row: scaled longs are added with
 * overflow carried into a {@link BigInteger}; a column of exact decimals is added as such.
 * Not thread-safe.
 */
final class GroupSums {
  private final MoneyColumn column;
  private final boolean scaled;
  private long[] acc;
  private BigInteger[] carry;
  private int[] scale;
  private boolean[] any;
  private BigDecimal[] exact;

  GroupSums(MoneyColumn column, int groups) {
    this.column = column;
    this.scaled = column.scaled();
    this.any = new boolean[groups];
    this.scale = new int[groups];
    if (scaled) {
      acc = new long[groups];
    } else {
      exact = new BigDecimal[groups];
    }
  }

  /** Grows to at least this many groups. */
  void ensure(int groups) {
    if (groups <= any.length) {
      return;
    }
    int n = Math.max(groups, any.length * 2);
    any = java.util.Arrays.copyOf(any, n);
    scale = java.util.Arrays.copyOf(scale, n);
    if (acc != null) {
      acc = java.util.Arrays.copyOf(acc, n);
    }
    if (carry != null) {
      carry = java.util.Arrays.copyOf(carry, n);
    }
    if (exact != null) {
      exact = java.util.Arrays.copyOf(exact, n);
    }
  }

  /** Adds the row's amount (a row without one adds nothing but still marks the group). */
  void add(int group, int row) {
    any[group] = true;
    if (!column.present(row)) {
      return;
    }
    scale[group] = Math.max(scale[group], column.givenScale(row));
    if (!scaled) {
      BigDecimal v = column.value(row);
      exact[group] = exact[group] == null ? v : exact[group].add(v);
      return;
    }
    long u = column.unscaled(row);
    long a = acc[group];
    long r = a + u;
    if (((a ^ r) & (u ^ r)) < 0) {
      if (carry == null) {
        carry = new BigInteger[acc.length];
      }
      carry[group] = (carry[group] == null ? BigInteger.ZERO : carry[group]).add(BigInteger.valueOf(a));
      acc[group] = u;
    } else {
      acc[group] = r;
    }
  }

  /** Whether a row was added to the group. */
  boolean any(int group) {
    return any[group];
  }

  /** The exact sum of the group, at the largest scale given (at least 0). */
  BigDecimal sum(int group) {
    BigDecimal s;
    if (scaled) {
      BigInteger total = BigInteger.valueOf(acc[group]);
      if (carry != null && carry[group] != null) {
        total = total.add(carry[group]);
      }
      s = new BigDecimal(total, column.scale());
    } else {
      s = exact[group] == null ? BigDecimal.ZERO : exact[group];
    }
    return BigDecimal.ZERO.add(s.setScale(scale[group], RoundingMode.UNNECESSARY));
  }
}
