package dev.funnel.core.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed business times in Europe/Berlin (CET, CEST from 2026-03-29, CET from 2026-10-25). */
class BusinessCalendarTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Mon-Fri 09:00-17:00 Berlin; Good Friday 2026-04-03 and Easter Monday 2026-04-06 off. */
  static final BusinessCalendar OFFICE = BusinessCalendar.builder()
      .zone(BERLIN)
      .hours(LocalTime.of(9, 0), LocalTime.of(17, 0))
      .holiday(LocalDate.of(2026, 4, 3))
      .holiday(LocalDate.of(2026, 4, 6))
      .build();

  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  static Duration office(String from, String to) {
    return OFFICE.between(berlin(from), berlin(to));
  }

  @Test
  void insideOneDay() {
    assertEquals(Duration.ofMinutes(150), office("2026-03-24T10:00", "2026-03-24T12:30"));
  }

  @Test
  void startingBeforeOpeningCountsFromOpening() {
    assertEquals(Duration.ofHours(1), office("2026-03-24T07:00", "2026-03-24T10:00"));
  }

  @Test
  void endingAfterClosingStopsAtClosing() {
    assertEquals(Duration.ofHours(1), office("2026-03-24T16:00", "2026-03-24T20:00"));
  }

  @Test
  void overTheWeekendOfTheSpringChange() {
    // Friday 18:00 CET to Monday 10:00 CEST: the weekend (with the 23-hour Sunday) is off,
    // so only Monday 09:00-10:00 counts; in real time it is 63 hours, not 64
    assertEquals(Duration.ofHours(1), office("2026-03-27T18:00", "2026-03-30T10:00"));
    assertEquals(Duration.ofHours(63),
        BusinessCalendar.continuous().between(berlin("2026-03-27T18:00"), berlin("2026-03-30T10:00")));
    // Friday 16:45 to Monday 09:20: 15 + 20 minutes
    assertEquals(Duration.ofMinutes(35), office("2026-03-27T16:45", "2026-03-30T09:20"));
  }

  @Test
  void easterHolidaysAreSkipped() {
    // Thu 2026-04-02 16:00 -> Tue 2026-04-07 09:30: Thu 1h, Fri holiday, weekend, Mon holiday, Tue 30m
    assertEquals(Duration.ofMinutes(90), office("2026-04-02T16:00", "2026-04-07T09:30"));
  }

  @Test
  void startingOnAWeekendCountsNothingUntilMonday() {
    assertEquals(Duration.ZERO, office("2026-03-28T12:00", "2026-03-28T15:00"));
    assertEquals(Duration.ofMinutes(5), office("2026-03-28T12:00", "2026-03-30T09:05"));
  }

  @Test
  void aWholeWeekIsFortyHours() {
    assertEquals(Duration.ofHours(40), office("2026-03-23T09:00", "2026-03-30T09:00"));
    assertEquals(Duration.ofHours(8), OFFICE.dayLength());
  }

  @Test
  void reversedOrEmptyIntervalIsZero() {
    assertEquals(Duration.ZERO, office("2026-03-24T12:00", "2026-03-24T10:00"));
    assertEquals(Duration.ZERO, office("2026-03-24T12:00", "2026-03-24T12:00"));
  }

  @Test
  void roundTheClockCalendarSeesTheShortAndTheLongDay() {
    BusinessCalendar always = BusinessCalendar.builder().zone(BERLIN)
        .workingDays(DayOfWeek.values()).hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
    assertEquals(Duration.ofHours(23), always.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
    assertEquals(Duration.ofHours(25), always.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
    assertEquals(Duration.ofHours(24), always.dayLength());
  }

  @Test
  void workingHoursThatContainTheChangeAreShorterOrLonger() {
    BusinessCalendar night = BusinessCalendar.builder().zone(BERLIN)
        .workingDays(DayOfWeek.values()).hours(LocalTime.of(1, 0), LocalTime.of(4, 0)).build();
    // 01:00 CET (00:00Z) to 04:00 CEST (02:00Z)
    assertEquals(Duration.ofHours(2), night.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
    // 01:00 CEST (23:00Z) to 04:00 CET (03:00Z)
    assertEquals(Duration.ofHours(4), night.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
    assertEquals(Duration.ofHours(3), night.between(berlin("2026-03-30T00:00"), berlin("2026-03-31T00:00")));
  }

  @Test
  void workingDaysCountWeekdaysAndHolidays() {
    assertEquals(22, OFFICE.workingDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)));
    // April 2026: 22 weekdays less Good Friday and Easter Monday
    assertEquals(20, OFFICE.workingDays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));
    assertEquals(30, BusinessCalendar.continuous().workingDays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> OFFICE.workingDays(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 1)));
  }

  @Test
  void badHoursAreRejected() {
    var b = BusinessCalendar.builder();
    assertThrows(IllegalArgumentException.class, () -> b.hours(LocalTime.of(18, 0), LocalTime.of(9, 0)));
    assertThrows(IllegalArgumentException.class, () -> b.hours(LocalTime.of(9, 0), LocalTime.of(9, 0)));
    assertThrows(IllegalArgumentException.class, () -> b.workingDays());
  }

  /** Oracle: walk minute by minute and count the minutes whose local time is inside the hours. */
  @Test
  void agreesWithAMinuteByMinuteWalk() {
    Random rnd = new Random(7);
    Instant base = berlin("2026-03-20T00:00");
    for (int i = 0; i < 60; i++) {
      Instant from = base.plusSeconds(60L * rnd.nextInt(60 * 24 * 30));
      Instant to = from.plusSeconds(60L * rnd.nextInt(60 * 24 * 12));
      long minutes = 0;
      for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
        ZonedDateTime z = t.atZone(BERLIN);
        LocalTime lt = z.toLocalTime();
        if (OFFICE.isWorkingDay(z.toLocalDate()) && !lt.isBefore(LocalTime.of(9, 0))
            && lt.isBefore(LocalTime.of(17, 0))) {
          minutes++;
        }
      }
      assertEquals(Duration.ofMinutes(minutes), OFFICE.between(from, to), from + " -> " + to);
    }
  }

  @Test
  void elapsedFractionIsBusinessTimeShare() {
    Instant s = berlin("2026-03-23T00:00");
    Instant e = berlin("2026-03-30T00:00");
    assertEquals(0.5, OFFICE.elapsedFraction(s, e, berlin("2026-03-25T13:00")), 1e-15);
    assertEquals(1.0, OFFICE.elapsedFraction(s, e, berlin("2026-04-25T13:00")), 0);
    assertEquals(0.0, OFFICE.elapsedFraction(s, e, berlin("2026-03-01T13:00")), 0);
    assertTrue(Double.isNaN(OFFICE.elapsedFraction(berlin("2026-03-28T00:00"), berlin("2026-03-29T00:00"), e)));
  }
}
