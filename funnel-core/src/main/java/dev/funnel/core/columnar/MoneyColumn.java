package dev.funnel.core.columnar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A column of exact decimal amounts stored as scaled {@code long}s: the amount of a row is
 * {@code unscaled(row) / 10^scale()}.
 *
 * <p>The scale is the largest number of decimals any amount of the column needs (trailing zeros
 * ignored, so {@code 10.50} needs one and {@code 74802.9716} four; never below 0), so every amount
 * is stored exactly; {@link #value(int)} gives each amount back with the scale it was given
 * ({@code 10.50} stays {@code 10.50}), kept in one byte per row only when the column mixes scales.
 * An absent amount (an optional column left empty) is the sentinel {@link #ABSENT}.
 *
 * <p>When some amount does not fit a {@code long} at the column's scale (more than about 18
 * significant digits, or a negative scale), the column keeps exact {@link BigDecimal}s instead:
 * {@link #scaled()} is then false and {@link #unscaled(int)} is unavailable, while
 * {@link #value(int)} and the sums stay exact. Sums are exact either way: long additions with
 * overflow detection, continued in {@link BigInteger} when a sum leaves the long range
 * (docs/columnar.md, "Money"). Immutable and thread-safe.
 */
public final class MoneyColumn {

  /** The stored value of an absent amount. */
  public static final long ABSENT = Long.MIN_VALUE;

  private final int size;
  private final long[] unscaled;
  private final int[] small; // the unscaled amounts when every one fits an int; INT_ABSENT: none
  private static final int INT_ABSENT = Integer.MIN_VALUE;
  private final int scale;
  private final byte[] rowScale;
  private final int uniformScale;
  private final BigDecimal[] exact;

  private MoneyColumn(int size, long[] unscaled, int[] small, int scale, byte[] rowScale,
      int uniformScale, BigDecimal[] exact) {
    this.size = size;
    this.unscaled = unscaled;
    this.small = small;
    this.scale = scale;
    this.rowScale = rowScale;
    this.uniformScale = uniformScale;
    this.exact = exact;
  }

  /**
   * Encodes amounts (null = absent) in the given order.
   *
   * @param what the table and column, for messages ({@code "payments amount"})
   */
  static MoneyColumn of(String what, List<BigDecimal> amounts) {
    Builder b = new Builder();
    for (BigDecimal a : amounts) {
      b.add(a);
    }
    return b.build(null);
  }

  /** The stored unscaled amount of a row ({@link #ABSENT} when none), whatever the width. */
  private long raw(int row) {
    if (small != null) {
      int x = small[row];
      return x == INT_ABSENT ? ABSENT : x;
    }
    return unscaled[row];
  }

  /** Number of rows. */
  public int size() {
    return size;
  }

  /**
   * Whether the amounts are stored as scaled longs ({@link #unscaled(int)} and {@link #scale()}
   * apply); false for a column that needed exact {@link BigDecimal}s.
   */
  public boolean scaled() {
    return exact == null;
  }

  /** Decimals of the stored amounts: {@code amount = unscaled / 10^scale}. */
  public int scale() {
    return scale;
  }

  /** Whether the row has an amount. */
  public boolean present(int row) {
    return exact == null ? raw(row) != ABSENT : exact[row] != null;
  }

  /**
   * The scaled amount of the row, {@link #ABSENT} when it has none.
   *
   * @throws IllegalStateException when the column is not {@link #scaled()}
   */
  public long unscaled(int row) {
    if (exact != null) {
      throw new IllegalStateException(
          "this money column holds amounts beyond a scaled long; use value(row) or sum()");
    }
    return raw(row);
  }

  /** The sign of the row's amount (0 when absent). */
  public int signum(int row) {
    if (exact != null) {
      return exact[row] == null ? 0 : exact[row].signum();
    }
    long u = raw(row);
    return u == ABSENT ? 0 : Long.signum(u);
  }

  /** The exact amount of the row with the scale it was given, null when it has none. */
  public BigDecimal value(int row) {
    if (exact != null) {
      return exact[row];
    }
    long u = raw(row);
    if (u == ABSENT) {
      return null;
    }
    int s = rowScale == null ? uniformScale : rowScale[row];
    BigDecimal v = BigDecimal.valueOf(u, scale);
    return s == scale ? v : v.setScale(s);
  }

  /**
   * The scale the row's amount was given with (that of {@link #value(int)}), 0 when absent: with
   * it, a sum over any rows can take the scale that adding the given amounts would have.
   */
  public int givenScale(int row) {
    if (exact != null) {
      return exact[row] == null ? 0 : exact[row].scale();
    }
    if (raw(row) == ABSENT) {
      return 0;
    }
    return rowScale == null ? uniformScale : rowScale[row];
  }

  /** The exact sum of all present amounts (0 at the column scale when there are none). */
  public BigDecimal sum() {
    return sum(0, size);
  }

  /**
   * The exact sum of the present amounts of rows {@code [from, to)}: absent amounts are skipped.
   *
   * @throws IndexOutOfBoundsException for a range outside the column
   */
  public BigDecimal sum(int from, int to) {
    Objects.checkFromToIndex(from, to, size);
    if (exact != null) {
      BigDecimal s = BigDecimal.valueOf(0, Math.max(scale, 0));
      for (int i = from; i < to; i++) {
        if (exact[i] != null) {
          s = s.add(exact[i]);
        }
      }
      return s;
    }
    long acc = 0;
    BigInteger big = null;
    for (int i = from; i < to; i++) {
      long u = raw(i);
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
    Objects.checkFromToIndex(from, to, size);
    int n = 0;
    for (int i = from; i < to; i++) {
      if (present(i)) {
        n++;
      }
    }
    return n;
  }

  /** Whether rows were given with different scales (then one byte per row keeps each scale). */
  boolean mixedScales() {
    return rowScale != null;
  }

  /** The backing arrays (the unscaled amounts first), for byte accounting and tests. */
  Object[] storage() {
    return exact != null ? new Object[] {exact}
        : new Object[] {small != null ? small : unscaled, rowScale};
  }

  /** Puts the column's backing arrays under {@code name}, for the footprint report. */
  static void putArrays(java.util.Map<String, Object> m, String name, MoneyColumn c) {
    if (c.exact != null) {
      m.put(name, c.exact);
      return;
    }
    m.put(name, c.small != null ? c.small : c.unscaled);
    if (c.rowScale != null) {
      m.put(name + "_scale", c.rowScale);
    }
  }

  /**
   * Collects amounts row by row while a dataset is built; each row is kept as its own unscaled
   * long and scale (or as a {@link BigDecimal} when it does not fit), and {@link #build(int[])}
   * lays them out at one scale in a given row order. Not thread-safe.
   */
  static final class Builder implements Growable {
    private long[] own = new long[16];
    private byte[] ownScale = new byte[16];
    private BigDecimal[] odd; // rows whose own form does not fit; sparse, null elsewhere
    private int size;

    int size() {
      return size;
    }

    /** Makes room for {@code n} amounts in all (a size hint; never shrinks). */
    @Override
    public void reserve(int n) {
      if (n > own.length) {
        own = Arrays.copyOf(own, n);
        ownScale = Arrays.copyOf(ownScale, n);
        if (odd != null) {
          odd = Arrays.copyOf(odd, n);
        }
      }
    }

    void add(BigDecimal a) {
      grow();
      set(size++, a);
    }

    private void grow() {
      if (size == own.length) {
        int cap = Math.max(16, size + (size >> 1));
        own = Arrays.copyOf(own, cap);
        ownScale = Arrays.copyOf(ownScale, cap);
        if (odd != null) {
          odd = Arrays.copyOf(odd, cap);
        }
      }
    }

    /** Appends every row of another builder, in its order. */
    void addAll(Builder other) {
      int n = other.size;
      reserve(size + n);
      System.arraycopy(other.own, 0, own, size, n);
      System.arraycopy(other.ownScale, 0, ownScale, size, n);
      if (other.odd != null) {
        if (odd == null) {
          odd = new BigDecimal[own.length];
        }
        System.arraycopy(other.odd, 0, odd, size, n);
      } else if (odd != null) {
        Arrays.fill(odd, size, size + n, null);
      }
      size += n;
    }

    /** Appends an amount given as its unscaled value and a scale of at most 18 digits. */
    void add(long unscaled, int scale) {
      grow();
      own[size] = unscaled;
      ownScale[size++] = (byte) scale;
    }

    void set(int row, BigDecimal a) {
      if (odd != null) {
        odd[row] = null;
      }
      if (a == null) {
        own[row] = ABSENT;
        return;
      }
      int s = a.scale();
      if (s >= Byte.MIN_VALUE && s <= Byte.MAX_VALUE && a.precision() <= 18) {
        own[row] = a.unscaledValue().longValue();
        ownScale[row] = (byte) s;
      } else {
        if (odd == null) {
          odd = new BigDecimal[own.length];
        }
        odd[row] = a;
        own[row] = 0;
      }
    }

    BigDecimal get(int row) {
      if (odd != null && odd[row] != null) {
        return odd[row];
      }
      long u = own[row];
      return u == ABSENT ? null : BigDecimal.valueOf(u, ownScale[row]);
    }

    boolean absent(int row) {
      return own[row] == ABSENT && (odd == null || odd[row] == null);
    }

    /** Canonical order of two rows: absent first, then by value, then by scale. */
    int compare(int a, int b) {
      boolean na = absent(a);
      boolean nb = absent(b);
      if (na || nb) {
        return na == nb ? 0 : na ? -1 : 1;
      }
      if ((odd == null || (odd[a] == null && odd[b] == null)) && ownScale[a] == ownScale[b]) {
        return Long.compare(own[a], own[b]);
      }
      BigDecimal x = get(a);
      BigDecimal y = get(b);
      int c = x.compareTo(y);
      return c != 0 ? c : Integer.compare(x.scale(), y.scale());
    }

    /** No amount seen yet, where a scale is expected (a scale is a byte). */
    private static final int NO_SCALE = Integer.MIN_VALUE;

    /** {@link #scaled}: the amount does not fit a long at the common scale. */
    private static final long OVERFLOW = Long.MIN_VALUE + 1;

    /**
     * Builder row {@code r} at {@code common} decimals ({@link #ABSENT} when absent), or
     * {@link #OVERFLOW} when it does not fit a long (or would collide with a sentinel).
     */
    private long scaled(int r, int common) {
      long u = own[r];
      if (u == ABSENT) {
        return ABSENT;
      }
      int s = ownScale[r];
      long v = u;
      if (s > common) {
        for (int k = s; k > common; k--) {
          v /= 10; // exact: the digits dropped are trailing zeros
        }
      } else {
        for (int k = s; k < common; k++) {
          long w = v * 10;
          if (w / 10 != v) {
            return OVERFLOW;
          }
          v = w;
        }
      }
      return v == ABSENT || v == OVERFLOW ? OVERFLOW : v;
    }

    /**
     * The column with rows in the order {@code perm} (row {@code i} of the column is builder row
     * {@code perm[i]}; null keeps the builder's order). The builder is spent afterwards.
     */
    MoneyColumn build(int[] perm) {
      int n = size;
      int common = 0;
      boolean fits = true;
      int first = NO_SCALE; // the scale of the first amount (scales may be negative: 1E+3)
      boolean uniform = true;
      for (int i = 0; i < n; i++) {
        if (odd != null && odd[i] != null) {
          fits = false;
          break;
        }
        long u = own[i];
        if (u == ABSENT) {
          continue;
        }
        int s = ownScale[i];
        if (first == NO_SCALE) {
          first = s;
        } else if (s != first) {
          uniform = false;
        }
        if (u != 0 && s > common) { // only a scale above the common one can raise it
          long v = u;
          while (s > common && v % 10 == 0) {
            v /= 10;
            s--;
          }
          common = Math.max(common, s);
        }
      }
      MoneyColumn c;
      // one gathering pass: ints while every amount fits one, longs from the first that does not
      int[] in32 = null;
      long[] out = null;
      if (fits) {
        in32 = new int[n];
        for (int i = 0; i < n; i++) {
          int r = perm == null ? i : perm[i];
          long u = own[r];
          long v = u == ABSENT || ownScale[r] == common ? u : scaled(r, common);
          if (v == OVERFLOW) {
            fits = false;
            break;
          }
          if (out != null) {
            out[i] = v;
          } else if (v == ABSENT) {
            in32[i] = INT_ABSENT;
          } else if (v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            in32[i] = (int) v;
          } else {
            out = new long[n];
            for (int k = 0; k < i; k++) {
              out[k] = in32[k] == INT_ABSENT ? ABSENT : in32[k];
            }
            out[i] = v;
            in32 = null;
          }
        }
      }
      if (fits) {
        byte[] rs = null;
        if (!uniform) {
          rs = new byte[n];
          for (int i = 0; i < n; i++) {
            rs[i] = ownScale[perm == null ? i : perm[i]];
          }
        }
        c = new MoneyColumn(n, out, in32, common, rs, first == NO_SCALE ? common : first, null);
      } else {
        BigDecimal[] ex = new BigDecimal[n];
        int maxScale = 0;
        for (int i = 0; i < n; i++) {
          ex[i] = get(perm == null ? i : perm[i]);
          if (ex[i] != null) {
            maxScale = Math.max(maxScale, ex[i].scale());
          }
        }
        c = new MoneyColumn(n, null, null, maxScale, null, 0, ex);
      }
      own = null;
      ownScale = null;
      odd = null;
      return c;
    }
  }
}
