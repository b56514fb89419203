package dev.funnel.core.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The months the demo data covers, and when in them leads arrive.
 *
 * <p>Lead volume grows linearly over the window: the density of the window fraction {@code x} is
 * proportional to {@code 1 + g x} with {@code g = }{@link #GROWTH}, so the last month has about
 * {@code 1 + g} times the leads of the first. Weekends are quieter (70 % of weekend draws are
 * redrawn) and most leads arrive in business hours (8:00-19:00 local time in the dataset zone).
 * The window is half-open: {@code [start, end)}.
 */
final class Window {

  /** Growth of the lead rate from the first to the last day of the window. */
  static final double GROWTH = 0.4;

  final LocalDate startDate;
  final LocalDate endDate;
  final ZoneId zone;
  final Instant start;
  final Instant end;
  final int months;
  private final long seconds;
  private final long days;

  Window(LocalDate startDate, int months, ZoneId zone) {
    this.startDate = startDate;
    this.endDate = startDate.plusMonths(months);
    this.zone = zone;
    this.months = months;
    this.start = startDate.atStartOfDay(zone).toInstant();
    this.end = endDate.atStartOfDay(zone).toInstant();
    this.seconds = ChronoUnit.SECONDS.between(start, end);
    this.days = ChronoUnit.DAYS.between(startDate, endDate);
  }

  /** Number of days in the window. */
  long days() {
    return days;
  }

  /** Fraction of the window (by days) before this day, 0 at the start, 1 at the end date. */
  double fraction(LocalDate day) {
    return ChronoUnit.DAYS.between(startDate, day) / (double) days;
  }

  /** Share of the leads created before window fraction x: the CDF of the density 1 + g x. */
  static double cumulative(double x) {
    return (x + GROWTH * x * x / 2) / (1 + GROWTH / 2);
  }

  private static double inverse(double u) {
    return (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
  }

  /** A lead's creation time: trend, weekday and hour-of-day pattern as described above. */
  Instant leadTime(Draw d) {
    LocalDate day = null;
    for (int attempt = 0; attempt < 4; attempt++) {
      Instant at = start.plusSeconds((long) (inverse(d.uniform()) * seconds));
      day = LocalDate.ofInstant(at, zone);
      DayOfWeek w = day.getDayOfWeek();
      boolean weekend = w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
      if (!weekend || !d.chance(0.7)) {
        break;
      }
    }
    long secondOfDay = d.chance(0.75)
        ? 8 * 3600 + (long) d.between(0, 11 * 3600)
        : (long) d.between(0, 24 * 3600);
    Instant t = day.atTime(LocalTime.ofSecondOfDay(secondOfDay)).atZone(zone).toInstant();
    return clamp(t);
  }

  /** Uniform instant in the window, whole seconds. */
  Instant uniform(Draw d) {
    return start.plusSeconds((long) (d.uniform() * seconds));
  }

  private Instant clamp(Instant t) {
    if (t.isBefore(start)) {
      return start;
    }
    return t.isBefore(end) ? t : end.minusSeconds(1);
  }
}
