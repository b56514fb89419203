package dev.funnel.core.columnar;

import java.time.Instant;

/**
 * A half-open window {@code [from, to)} of instants (a null bound is open), tested on the epoch
 * milliseconds of the columns, exactly. A time's milliseconds (rounded toward the past, as the
 * columns keep them) decide, except for a time in the same millisecond as a bound that has a
 * sub-millisecond part (or lies beyond the range of epoch milliseconds): then {@link #test} says
 * {@link #EXACT} and {@link #contains} on the row's exact instant decides. Bounds that are whole
 * milliseconds, such as period starts and local midnights, never need it. Shared by the
 * calculators that count rows in a window of instants, so that they draw the line identically.
 * Immutable.
 */
public final class MillisWindow {

  /** {@link #test}: outside the window. */
  public static final int OUT = 0;
  /** {@link #test}: inside the window. */
  public static final int IN = 1;
  /** {@link #test}: the milliseconds do not decide; test the exact instant with {@link #contains}. */
  public static final int EXACT = 2;

  private final Instant from;
  private final Instant to;
  private final long fromMs;
  private final long toMs;
  private final boolean fromWhole;
  private final boolean toWhole;

  /** The window {@code [from, to)}; a null bound is open. */
  public MillisWindow(Instant from, Instant to) {
    this.from = from;
    this.to = to;
    this.fromMs = from == null ? Long.MIN_VALUE : floorMillis(from);
    this.toMs = to == null ? Long.MAX_VALUE : floorMillis(to);
    this.fromWhole = from == null || whole(from, fromMs);
    this.toWhole = whole(to, toMs);
  }

  /** The milliseconds of an instant rounded toward the past, saturated to the long range. */
  private static long floorMillis(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1000L), t.getNano() / 1_000_000);
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Whether the bound is exactly its (unsaturated) milliseconds; an open end is not. */
  private static boolean whole(Instant t, long ms) {
    return t != null && t.getNano() % 1_000_000 == 0 && ms != Long.MIN_VALUE && ms != Long.MAX_VALUE;
  }

  /** {@link #IN}, {@link #OUT} or {@link #EXACT} for a time of these epoch milliseconds. */
  public int test(long ms) {
    int lower;
    if (ms > fromMs) {
      lower = IN;
    } else if (ms < fromMs) {
      return OUT;
    } else {
      lower = fromWhole ? IN : EXACT;
    }
    if (to == null || ms < toMs) {
      return lower;
    }
    if (ms > toMs || toWhole) {
      return OUT;
    }
    return EXACT;
  }

  /** Whether the instant is inside the window. */
  public boolean contains(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }
}
