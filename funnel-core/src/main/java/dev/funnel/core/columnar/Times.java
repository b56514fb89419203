package dev.funnel.core.columnar;

import java.time.Instant;
import java.util.Arrays;

/**
 * Instants of one table as epoch milliseconds ({@code long}, rounded toward the past) plus, only
 * when some row has one, the sub-millisecond nanoseconds ({@code int}), so that every instant is
 * kept exactly while the usual millisecond data costs 8 bytes a row. Builder and column in one:
 * {@link #add(Instant)} while building, {@link #permuted(int[])} to lay out, then read-only.
 */
final class Times {
  private long[] millis;
  private int[] sub;
  private int size;

  Times(int capacity) {
    millis = new long[Math.max(capacity, 16)];
  }

  private Times(long[] millis, int[] sub) {
    this.millis = millis;
    this.sub = sub;
    this.size = millis.length;
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

  /** Makes room for {@code n} times in all (a size hint; never shrinks). */
  void reserve(int n) {
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
    return millis[row];
  }

  int sub(int row) {
    return sub == null ? 0 : sub[row];
  }

  /** Order of two rows by time. */
  int compare(int a, int b) {
    int c = Long.compare(millis[a], millis[b]);
    return c != 0 || sub == null ? c : Integer.compare(sub[a], sub[b]);
  }

  /** The instant of a row. */
  Instant instant(int row) {
    long ms = millis[row];
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
    long[] m = new long[n];
    int[] s = sub == null ? null : new int[n];
    for (int i = 0; i < n; i++) {
      int r = perm == null ? i : perm[i];
      if (r < 0) {
        m[i] = LeadColumns.NO_TIME;
        continue;
      }
      m[i] = millis[r];
      if (s != null) {
        s[i] = sub[r];
      }
    }
    return new Times(m, s);
  }

  /** The epoch-millisecond array (shared, never exposed outside the package). */
  long[] millisArray() {
    return millis;
  }

  /** The backing arrays, for byte accounting. */
  Object[] arrays() {
    return sub == null ? new Object[] {millis} : new Object[] {millis, sub};
  }
}
