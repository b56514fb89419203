package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import java.time.LocalDate;

/**
 * Calendar periods as consecutive integers, so that period arithmetic in the hot loop is a
 * subtraction: the difference of two ordinals equals {@link Period#until(Period)} (calendar months
 * as {@code 12 * year + month}, never elapsed 30-day blocks; ISO weeks from Monday).
 */
final class PeriodOrdinal {

  private PeriodOrdinal() {}

  /** The ordinal of the period of granularity {@code g} containing the day. */
  static long of(Granularity g, LocalDate d) {
    switch (g) {
      case DAY:
        return d.toEpochDay();
      case WEEK:
        // 1970-01-01 (epoch day 0) is a Thursday; its ISO week starts on epoch day -3
        return Math.floorDiv(d.toEpochDay() + 3, 7);
      case MONTH:
        return d.getYear() * 12L + d.getMonthValue() - 1;
      case QUARTER:
        return d.getYear() * 4L + (d.getMonthValue() - 1) / 3;
      case YEAR:
        return d.getYear();
      default:
        throw new AssertionError(g);
    }
  }

  /** The period with this ordinal. */
  static Period period(Granularity g, long ordinal) {
    switch (g) {
      case DAY:
        return new Period(g, LocalDate.ofEpochDay(ordinal));
      case WEEK:
        return new Period(g, LocalDate.ofEpochDay(ordinal * 7 - 3));
      case MONTH:
        return new Period(
            g, LocalDate.of((int) Math.floorDiv(ordinal, 12), Math.floorMod(ordinal, 12) + 1, 1));
      case QUARTER:
        return new Period(
            g,
            LocalDate.of((int) Math.floorDiv(ordinal, 4), Math.floorMod(ordinal, 4) * 3 + 1, 1));
      case YEAR:
        return new Period(g, LocalDate.of((int) ordinal, 1, 1));
      default:
        throw new AssertionError(g);
    }
  }
}
