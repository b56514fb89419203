package dev.funnel.core.columnar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local calendar days of the columns' epoch milliseconds in a time zone. A local date never
 * changes within a millisecond, so the milliseconds (without their sub-millisecond part) decide
 * it. Where the zone's local date never goes back ({@link #ascend}), the instants of a local day
 * (and of a calendar period) are exactly those from its start to the next day's, so calculators
 * place times by comparing epoch millis with day or period starts and fall back to the local date
 * of each time only where the date can go back: a clock set back from after a local midnight to
 * before it (a clock set back at midnight, as America/Sao_Paulo's was, keeps the date).
 */
public final class LocalDays {
  private static final long DAY_MS = 86_400_000L;

  private LocalDays() {}

  /** The local date of the epoch milliseconds in the zone. */
  public static LocalDate of(long ms, ZoneId zone) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(ms), zone);
  }

  /**
   * Whether the local date in the zone never goes back between the epoch millis {@code min} and
   * {@code max}, a day either side included (saturated to the long range).
   */
  public static boolean ascend(ZoneId zone, long min, long max) {
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      return true;
    }
    return ascend(rules,
        Instant.ofEpochMilli(min < Long.MIN_VALUE + DAY_MS ? Long.MIN_VALUE : min - DAY_MS),
        Instant.ofEpochMilli(max > Long.MAX_VALUE - DAY_MS ? Long.MAX_VALUE : max + DAY_MS));
  }

  /**
   * Whether the local date in the zone never goes back within two days either side of the epoch
   * millis, as around a window's bound: where it holds, a time is on a day (or in a period) on the
   * bound's side exactly when its millis are on that side of the bound's local midnight.
   */
  public static boolean ascendAround(ZoneId zone, long ms) {
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      return true;
    }
    Instant at = Instant.ofEpochMilli(ms);
    return ascend(rules, at.minus(Duration.ofDays(2)), at.plus(Duration.ofDays(2)));
  }

  /**
   * The index {@code i} with {@code starts[i] <= ms < starts[i + 1]}: the day (or period) of the
   * epoch millis among the ascending starts of consecutive days (or periods), the last entry being
   * the end of the last one; a time before the first or from the end on gets the first or the
   * last index. With the starts of the local days or periods of a data range, this places its
   * times where the local date does not go back, without a date per time.
   */
  public static int index(long[] starts, long ms) {
    int lo = 0;
    int hi = starts.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= ms) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Whether no transition after {@code after} up to {@code end} sets the local date back. */
  private static boolean ascend(ZoneRules rules, Instant after, Instant end) {
    ZoneOffsetTransition t = rules.nextTransition(after);
    while (t != null && !t.getInstant().isAfter(end)) {
      if (t.isOverlap() && t.getDateTimeAfter().toLocalDate()
          .isBefore(t.getDateTimeBefore().minusNanos(1).toLocalDate())) {
        return false;
      }
      t = rules.nextTransition(t.getInstant());
    }
    return true;
  }
}
