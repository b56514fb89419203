package dev.funnel.core;

import java.util.Locale;

/**
 * How many calendar periods a result may span. A result laid out per period (a cohort table, the
 * periods of a funnel, a revenue bridge) costs memory and time in proportion to the periods between
 * its first and last date, not to the rows read: one payment mistyped as {@code 9999-12-31} next
 * to data of 2026 would make a monthly result of 95,905 periods (and a cohort table of their
 * square). So each such result checks its span before it allocates anything and refuses a span
 * over its limit with an {@link IllegalArgumentException} that names the limit and how to raise
 * it; the limit is a parameter of the calculation ({@code maxPeriods}), with the defaults below.
 */
public final class PeriodSpan {

  private PeriodSpan() {}

  /**
   * The default limit of results linear in their periods (the periods of a funnel, the recurring
   * revenue bridge): 10,000 periods, about 27 years of days or 190 years of weeks.
   */
  public static final int DEFAULT_MAX = 10_000;

  /**
   * The number of periods from {@code first} to {@code last}, both included.
   *
   * @param what      the result, for the message ("the cohort table")
   * @param first     the first period
   * @param last      the last period, not before {@code first}, of the same granularity
   * @param maxPeriods the limit
   * @return the number of periods, at most {@code maxPeriods}
   * @throws IllegalArgumentException when the span exceeds the limit (the message names the span,
   *     its first and last period and the limit), or a limit below 1
   */
  public static int count(String what, Period first, Period last, int maxPeriods) {
    requireLimit(maxPeriods);
    long span = first.until(last) + 1;
    if (span > maxPeriods) {
      throw new IllegalArgumentException(what + " would span " + String.format(Locale.ROOT, "%,d", span)
          + " " + first.granularity().label() + "s (" + first.label() + " to " + last.label()
          + "), more than the limit of " + String.format(Locale.ROOT, "%,d", maxPeriods)
          + " periods (maxPeriods): is a date mistyped? Otherwise use a coarser granularity or a"
          + " larger maxPeriods");
    }
    return (int) span;
  }

  /**
   * Checks a number of periods asked for directly (the last {@code periods} periods of a trend),
   * before anything is laid out.
   *
   * @param what       the result, for the message ("the lead trend")
   * @param periods    the number of periods
   * @param granularity their granularity, for the message
   * @param maxPeriods the limit
   * @return the number of periods
   * @throws IllegalArgumentException when it exceeds the limit (the message names both), or a
   *     limit below 1
   */
  public static int count(String what, long periods, Granularity granularity, int maxPeriods) {
    requireLimit(maxPeriods);
    if (periods > maxPeriods) {
      throw new IllegalArgumentException(what + " would span " + String.format(Locale.ROOT, "%,d",
          periods) + " " + granularity.label() + "s, more than the limit of "
          + String.format(Locale.ROOT, "%,d", maxPeriods) + " periods (maxPeriods): use a coarser"
          + " granularity or a larger maxPeriods");
    }
    return (int) periods;
  }

  /**
   * Checks a limit.
   *
   * @return the limit
   * @throws IllegalArgumentException when it is below 1
   */
  public static int requireLimit(int maxPeriods) {
    if (maxPeriods < 1) {
      throw new IllegalArgumentException("maxPeriods must be at least 1, got " + maxPeriods);
    }
    return maxPeriods;
  }
}
