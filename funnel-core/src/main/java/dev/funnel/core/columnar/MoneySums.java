package dev.funnel.core.columnar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Exact sums of rows of one {@link MoneyColumn} per group (a dense group index), without a
 * {@link BigDecimal} per row: scaled longs are added with overflow carried into a {@link
 * BigInteger}, a column of exact decimals is added as such. Each sum equals, scale included, what
 * adding the group's amounts as {@link BigDecimal}s one by one gives: {@link #sum} starting from
 * {@link BigDecimal#ZERO} (the largest given scale, at least 0), {@link #merged} starting from the
 * first amount (a map's {@code merge}: the largest given scale, even negative). Shared by the
 * calculators that total money per group (unit economics per channel and campaign, the bridge per
 * segment). Not thread-safe.
 */
public final class MoneySums {
  private final MoneyColumn column;
  private final boolean scaled;
  private long[] acc;
  private BigInteger[] carry;
  /** Per group the largest given scale, {@link Integer#MIN_VALUE} while no amount was added. */
  private int[] scale;
  private boolean[] any;
  private BigDecimal[] exact;

  /** Sums of the column's rows for groups {@code 0..groups-1} (more with {@link #ensure}). */
  public MoneySums(MoneyColumn column, int groups) {
    this.column = column;
    this.scaled = column.scaled();
    this.any = new boolean[groups];
    this.scale = new int[groups];
    Arrays.fill(scale, Integer.MIN_VALUE);
    if (scaled) {
      acc = new long[groups];
    } else {
      exact = new BigDecimal[groups];
    }
  }

  /** Grows to at least this many groups. */
  public void ensure(int groups) {
    if (groups <= any.length) {
      return;
    }
    int old = any.length;
    int n = Math.max(groups, old * 2);
    any = Arrays.copyOf(any, n);
    scale = Arrays.copyOf(scale, n);
    Arrays.fill(scale, old, n, Integer.MIN_VALUE);
    if (acc != null) {
      acc = Arrays.copyOf(acc, n);
    }
    if (carry != null) {
      carry = Arrays.copyOf(carry, n);
    }
    if (exact != null) {
      exact = Arrays.copyOf(exact, n);
    }
  }

  /** Adds the row's amount (a row without one adds nothing but still marks the group). */
  public void add(int group, int row) {
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

  /** Empties the group, to sum another run of rows in it. */
  public void clear(int group) {
    any[group] = false;
    scale[group] = Integer.MIN_VALUE;
    if (acc != null) {
      acc[group] = 0;
    }
    if (carry != null) {
      carry[group] = null;
    }
    if (exact != null) {
      exact[group] = null;
    }
  }

  /** Whether a row was added to the group. */
  public boolean any(int group) {
    return any[group];
  }

  /**
   * The group's amounts added to {@link BigDecimal#ZERO}: exact, at the largest scale given, at
   * least 0 (0 when no amount was added).
   */
  public BigDecimal sum(int group) {
    return total(group).setScale(Math.max(0, scale[group]), RoundingMode.UNNECESSARY);
  }

  /**
   * The group's amounts added to the first one: exact, at the largest scale given (even
   * negative); when no amount was added, zero at the column's scale.
   */
  public BigDecimal merged(int group) {
    BigDecimal s = total(group);
    return scale[group] == Integer.MIN_VALUE ? s : s.setScale(scale[group], RoundingMode.UNNECESSARY);
  }

  private BigDecimal total(int group) {
    if (!scaled) {
      return exact[group] == null ? BigDecimal.ZERO : exact[group];
    }
    BigInteger total = BigInteger.valueOf(acc[group]);
    if (carry != null && carry[group] != null) {
      total = total.add(carry[group]);
    }
    return new BigDecimal(total, column.scale());
  }
}
