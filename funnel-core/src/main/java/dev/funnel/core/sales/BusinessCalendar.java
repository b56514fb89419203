package dev.funnel.core.sales;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Working time for SLAs: working days of the week, daily opening hours in a zone, holidays.
 *
 * <p>{@link #between(Instant, Instant)} is the working time inside {@code [a, b)}: the sum over
 * the local days it spans of the overlap with {@code [open, close)} on working days that are not
 * holidays. A lead created on Friday evening and called on Monday at 10:00 with 9:00-18:00 hours
 * waited one working hour. Daylight-saving changes are handled by resolving the local hours in the
 * zone each day.
 *
 * @param workingDays days of the week that are worked
 * @param open        daily opening time
 * @param close       daily closing time, after open
 * @param zone        the zone the hours are in
 * @param holidays    local dates not worked
 */
public record BusinessCalendar(
    Set<DayOfWeek> workingDays, LocalTime open, LocalTime close, ZoneId zone,
    Set<LocalDate> holidays) {

  public BusinessCalendar {
    Objects.requireNonNull(zone, "calendar zone");
    Objects.requireNonNull(open, "opening time");
    Objects.requireNonNull(close, "closing time");
    if (!open.isBefore(close)) {
      throw new IllegalArgumentException(
          "opening time " + open + " must be before closing time " + close);
    }
    workingDays = workingDays == null || workingDays.isEmpty()
        ? Set.of() : Set.copyOf(EnumSet.copyOf(workingDays));
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("a business calendar needs at least one working day");
    }
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  /** Monday to Friday, 9:00 to 18:00 in the zone, no holidays. */
  public static BusinessCalendar weekdays(ZoneId zone) {
    return new BusinessCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0), LocalTime.of(18, 0), zone, Set.of());
  }

  /** This calendar with these holidays. */
  public BusinessCalendar withHolidays(Set<LocalDate> days) {
    return new BusinessCalendar(workingDays, open, close, zone, days);
  }

  /** Working time in {@code [a, b)}; zero when b is not after a. */
  public Duration between(Instant a, Instant b) {
    if (!b.isAfter(a)) {
      return Duration.ZERO;
    }
    LocalDate last = LocalDate.ofInstant(b, zone);
    Duration sum = Duration.ZERO;
    for (LocalDate day = LocalDate.ofInstant(a, zone); !day.isAfter(last); day = day.plusDays(1)) {
      if (!workingDays.contains(day.getDayOfWeek()) || holidays.contains(day)) {
        continue;
      }
      Instant s = ZonedDateTime.of(day, open, zone).toInstant();
      Instant e = ZonedDateTime.of(day, close, zone).toInstant();
      Instant lo = s.isAfter(a) ? s : a;
      Instant hi = e.isBefore(b) ? e : b;
      if (hi.isAfter(lo)) {
        sum = sum.plus(Duration.between(lo, hi));
      }
    }
    return sum;
  }
}
