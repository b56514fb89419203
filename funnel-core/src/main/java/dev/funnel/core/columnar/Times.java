package dev.funnel.core.columnar;

import java.time.Instant;
import java.util.Arrays;

/**
 * Instants of one table as epoch milliseconds ({@code long}, rounded toward the past) plus, only
 * when some row has one, the sub-millisecond nanoseconds ({@code int}), so that every instant is
 * kept exactly while the usual millisecond data costs 8 bytes a row. A laid-out column whose times
 * are all whole seconds within 68 years of each other (the usual export) keeps 4-byte seconds
 * after its earliest time instead. Builder and column in one:
 * {@link #add(Instant)} while building, {@link #permuted(int[])} to lay out, then read-only.
 */
final class Times implements Growable {
  private long[] millis;
  private int[] sub;
  private int size;
  // a laid-out column of whole seconds within 68 years of each other: seconds from base, the
  // first row's time (4 bytes a row instead of 8); GAP marks a lead index without a row
  private int[] secs;
  private long base;
  // of a laid-out column: its earliest and latest epoch milliseconds (MAX/MIN when it has none)
  private long minMs = Long.MAX_VALUE;
  private long maxMs = Long.MIN_VALUE;
  private static final int GAP = Integer.MIN_VALUE;

  Times(int capacity) {
    millis = new long[Math.max(capacity, 16)];
  }

  private Times(long[] millis, int[] sub) {
    this.millis = millis;
    this.sub = sub;
    this.size = millis.length;
  }

  private Times(int[] secs, long base) {
    this.secs = secs;
    this.base = base;
    this.size = secs.length;
  }

  /**
   * Appends an instant.
   *
   * @throws IllegalArgumentException when it is outside the range of epoch milliseconds in a long
   */
  void add(Instant at, String what) {
    long ms;
    try {
      ms = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1000L), at.getNano() / 1_000_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what + " " + at + " is outside the range of epoch milliseconds in a long", e);
    }
    if (size == millis.length) {
      millis = Arrays.copyOf(millis, size + (size >> 1));
      if (sub != null) {
        sub = Arrays.copyOf(sub, millis.length);
      }
    }
    int ns = at.getNano() % 1_000_000;
    if (ns != 0 && sub == null) {
      sub = new int[millis.length];
    }
    if (sub != null) {
      sub[size] = ns;
    }
    millis[size++] = ms;
  }

  /**
   * Appends an instant given as epoch milliseconds (rounded toward the past) and the nanoseconds
   * within that millisecond.
   */
  void add(long ms, int subMillisNanos) {
    if (size == millis.length) {
      millis = Arrays.copyOf(millis, size + (size >> 1));
      if (sub != null) {
        sub = Arrays.copyOf(sub, millis.length);
      }
    }
    if (subMillisNanos != 0 && sub == null) {
      sub = new int[millis.length];
    }
    if (sub != null) {
      sub[size] = subMillisNanos;
    }
    millis[size++] = ms;
  }

  /** Appends every time of another builder, in its order. */
  void addAll(Times other) {
    int n = other.size;
    reserve(size + n);
    System.arraycopy(other.millis, 0, millis, size, n);
    if (other.sub != null) {
      if (sub == null) {
        sub = new int[millis.length]; // the rows so far are whole milliseconds
      }
      System.arraycopy(other.sub, 0, sub, size, n);
    } else if (sub != null) {
      Arrays.fill(sub, size, size + n, 0);
    }
    size += n;
  }

  /** Makes room for {@code n} times in all (a size hint; never shrinks). */
  @Override
  public void reserve(int n) {
    if (n > millis.length) {
      millis = Arrays.copyOf(millis, n);
      if (sub != null) {
        sub = Arrays.copyOf(sub, n);
      }
    }
  }

  int size() {
    return size;
  }

  long millis(int row) {
    if (secs != null) {
      int x = secs[row];
      return x == GAP ? LeadColumns.NO_TIME : base + x * 1000L;
    }
    return millis[row];
  }

  /**
   * The epoch milliseconds of a builder's rows (length at least {@link #size()}), the first key
   * of a table's order ({@link RowSort#byKey}).
   */
  long[] rawMillis() {
    return millis;
  }

  /** Whether some row has a sub-millisecond part. */
  boolean hasSub() {
    return sub != null;
  }

  int sub(int row) {
    return sub == null ? 0 : sub[row];
  }

  /** Order of two rows by time. */
  int compare(int a, int b) {
    int c = Long.compare(millis(a), millis(b));
    return c != 0 || sub == null ? c : Integer.compare(sub[a], sub[b]);
  }

  /** The instant of a row. */
  Instant instant(int row) {
    long ms = millis(row);
    return Instant.ofEpochSecond(
        Math.floorDiv(ms, 1000L), Math.floorMod(ms, 1000L) * 1_000_000L + (sub == null ? 0 : sub[row]));
  }

  /** The times in the order {@code perm} (null: as added), trimmed; this builder's arrays are dropped. */
  Times take(int[] perm) {
    Times t = permutedWithGaps(perm);
    millis = null;
    sub = null;
    return t;
  }

  /**
   * The times in the order {@code perm} (null: as added); a negative entry of {@code perm} gives
   * {@link LeadColumns#NO_TIME} (a lead index without a row).
   */
  Times permutedWithGaps(int[] perm) {
    int n = perm == null ? size : perm.length;
    if (sub == null) {
      Times compact = secondsOrNull(perm, n);
      if (compact != null) {
        return compact;
      }
    }
    long[] m = new long[n];
    int[] s = sub == null ? null : new int[n];
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int r = perm == null ? i : perm[i];
      if (r < 0) {
        m[i] = LeadColumns.NO_TIME;
        continue;
      }
      m[i] = millis[r];
      lo = Math.min(lo, m[i]);
      hi = Math.max(hi, m[i]);
      if (s != null) {
        s[i] = sub[r];
      }
    }
    Times t = new Times(m, s);
    t.minMs = lo;
    t.maxMs = hi;
    return t;
  }

  /**
   * The column as seconds from its first row's time when every time is a whole second and all lie
   * within 2^31 - 1 seconds of each other (exports are at whole seconds, or dates); null
   * otherwise. One pass, one division a row.
   */
  private Times secondsOrNull(int[] perm, int n) {
    int[] x = new int[n];
    long base = NO_BASE;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int r = perm == null ? i : perm[i];
      if (r < 0) {
        x[i] = GAP;
        continue;
      }
      long ms = millis[r];
      long sec = ms / 1000;
      if (sec * 1000 != ms) {
        return null;
      }
      if (base == NO_BASE) {
        base = sec;
      }
      long d = sec - base; // |d| < 2^31 - 1 whenever the column qualifies (below)
      if (d <= Integer.MIN_VALUE || d >= Integer.MAX_VALUE) {
        return null;
      }
      x[i] = (int) d;
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    if (min != Long.MAX_VALUE && (max - min) / 1000 >= Integer.MAX_VALUE) {
      return null;
    }
    Times t = new Times(x, base == NO_BASE ? 0 : base * 1000);
    t.minMs = min;
    t.maxMs = max;
    return t;
  }

  /** No row seen yet, where the seconds of the first row's time are expected. */
  private static final long NO_BASE = Long.MIN_VALUE;

  /** The earliest time of a laid-out column in epoch milliseconds; Long.MAX_VALUE when empty. */
  long minMillis() {
    return minMs;
  }

  /** The latest time of a laid-out column in epoch milliseconds; Long.MIN_VALUE when empty. */
  long maxMillis() {
    return maxMs;
  }

  /** The backing arrays, for byte accounting. */
  Object[] arrays() {
    if (secs != null) {
      return new Object[] {secs};
    }
    return sub == null ? new Object[] {millis} : new Object[] {millis, sub};
  }
}
