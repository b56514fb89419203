package dev.funnel.core.plan;

import java.time.Instant;

/**
 * A half-open window {@code [from, to)} of instants (null bounds open) tested on the columnar
 * epoch milliseconds, exactly: a time's milliseconds (rounded toward the past) decide, and only a
 * time in the same millisecond as a bound with a sub-millisecond part (or a bound beyond the
 * range of epoch milliseconds) needs its exact instant ({@link #test} says so). Bounds that are
 * whole milliseconds, such as period starts and local midnights, never need it. Immutable.
 */
final class MillisWindow {

  /** {@link #test}: outside the window. */
  static final int OUT = 0;
  /** {@link #test}: inside the window. */
  static final int IN = 1;
  /** {@link #test}: the milliseconds do not decide; test the exact instant with {@link #contains}. */
  static final int EXACT = 2;

  private final Instant from;
  private final Instant to;
  private final long fromMs;
  private final long toMs;
  private final boolean fromWhole;
  private final boolean toWhole;

  MillisWindow(Instant from, Instant to) {
    this.from = from;
    this.to = to;
    this.fromMs = from == null ? Long.MIN_VALUE : floorMillis(from);
    this.toMs = to == null ? Long.MAX_VALUE : floorMillis(to);
    this.fromWhole = from == null || whole(from, fromMs);
    this.toWhole = whole(to, toMs);
  }

  /** The milliseconds of an instant rounded toward the past, saturated to the long range. */
  static long floorMillis(Instant t) {
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

  /** Whether the window has no bounds. */
  boolean open() {
    return from == null && to == null;
  }

  /** The start's milliseconds (rounded toward the past), {@link Long#MIN_VALUE} when open. */
  long fromMillis() {
    return fromMs;
  }

  /** The end's milliseconds (rounded toward the past), {@link Long#MAX_VALUE} when open. */
  long toMillis() {
    return toMs;
  }

  /** {@link #IN}, {@link #OUT} or {@link #EXACT} for a time of these epoch milliseconds. */
  int test(long ms) {
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
  boolean contains(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }
}
