package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PeriodTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Days from 1900-01-01 to 2199-12-31. */
  private static final Gen<LocalDate> DAYS =
      Generate.longRange(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay())
          .map(LocalDate::ofEpochDay);

  private static final Gen<Granularity> GRANULARITIES = Generate.enumValues(Granularity.class);

  /** Oracle independent of java.time's week fields: 53 ISO weeks iff Jan 1 is a Thursday, or a Wednesday in a leap year. */
  private static boolean has53Weeks(int year) {
    DayOfWeek jan1 = LocalDate.of(year, 1, 1).getDayOfWeek();
    return jan1 == DayOfWeek.THURSDAY || (Year.isLeap(year) && jan1 == DayOfWeek.WEDNESDAY);
  }

  @Test
  void labelsParseBackToTheSamePeriod() {
    qt().forAll(GRANULARITIES, DAYS).checkAssert((g, d) -> {
      Period p = Period.of(g, d);
      assertEquals(p, Period.parse(p.label()));
      assertEquals(p.label(), p.toString());
      assertTrue(p.contains(d));
    });
  }

  @Test
  void labelsOfEachGranularity() {
    LocalDate d = LocalDate.of(2026, 3, 1); // a Sunday
    assertEquals("2026-03-01", Period.of(Granularity.DAY, d).label());
    assertEquals("2026-W09", Period.of(Granularity.WEEK, d).label());
    assertEquals(LocalDate.of(2026, 2, 23), Period.of(Granularity.WEEK, d).start());
    assertEquals("2026-03", Period.of(Granularity.MONTH, d).label());
    assertEquals("2026-Q1", Period.of(Granularity.QUARTER, d).label());
    assertEquals("2026", Period.of(Granularity.YEAR, d).label());
    assertEquals(Period.parse("2026-Q3"), Period.parse(" 2026-q3 "));
    assertEquals(Period.parse("2026-W10"), Period.parse("2026-w10"));
    // the week-based year differs from the calendar year around New Year
    assertEquals("2025-W01", Period.of(Granularity.WEEK, LocalDate.of(2024, 12, 31)).label());
    assertEquals("2020-W53", Period.of(Granularity.WEEK, LocalDate.of(2021, 1, 3)).label());
  }

  @Test
  void plusThenUntilCountsThePeriods() {
    qt().forAll(GRANULARITIES, DAYS, integers().between(-2000, 2000)).checkAssert((g, d, n) -> {
      Period p = Period.of(g, d);
      Period q = p.plus(n);
      assertEquals(n.longValue(), p.until(q));
      assertEquals(-n.longValue(), q.until(p));
      assertEquals(p, q.plus(-n));
      assertEquals(Integer.signum(n), Integer.signum(q.compareTo(p)));
      assertEquals(p.plus(1), p.next());
      assertEquals(p.plus(-1), p.previous());
      assertEquals(p.endExclusive(), p.next().start());
    });
  }

  @Test
  void consecutivePeriodsTileTheCalendar() {
    qt().forAll(GRANULARITIES, DAYS).checkAssert((g, d) -> {
      Period p = Period.of(g, d);
      assertTrue(p.contains(p.start()));
      assertTrue(p.contains(p.endInclusive()));
      assertFalse(p.contains(p.start().minusDays(1)));
      assertFalse(p.contains(p.endExclusive()));
      assertEquals(p.lengthInDays(), p.endExclusive().toEpochDay() - p.start().toEpochDay());
      int expected = switch (g) {
        case DAY -> 1;
        case WEEK -> 7;
        case MONTH -> d.lengthOfMonth();
        case QUARTER -> { // sum of the three months
          int len = 0;
          for (int m = 0; m < 3; m++) {
            len += p.start().plusMonths(m).lengthOfMonth();
          }
          yield len;
        }
        case YEAR -> d.lengthOfYear();
      };
      assertEquals(expected, p.lengthInDays());
    });
  }

  @Test
  void isoWeek53ExistsOnlyIn53WeekYears() {
    for (int year = 1900; year <= 2200; year++) {
      String label = String.format("%04d-W53", year);
      if (has53Weeks(year)) {
        Period w = Period.parse(label);
        assertEquals(label, w.label());
        assertEquals(Period.parse((year + 1) + "-W01"), w.next());
        assertTrue(w.contains(LocalDate.of(year, 12, 28)), "Dec 28 is in the last ISO week");
      } else {
        int y = year;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(label));
        assertTrue(e.getMessage().contains("ISO week-based year " + y + " has weeks 1..52"), e.getMessage());
        assertEquals(Period.parse((year + 1) + "-W01"), Period.parse(year + "-W52").next());
        assertTrue(Period.parse(year + "-W52").contains(LocalDate.of(year, 12, 28)));
      }
    }
    for (int year : List.of(2004, 2009, 2015, 2020, 2026, 2032, 2037)) {
      assertTrue(has53Weeks(year), "published 53-week year " + year);
    }
    for (int year : List.of(2019, 2021, 2022, 2023, 2024, 2025, 2027)) {
      assertFalse(has53Weeks(year), "52-week year " + year);
    }
    assertEquals(LocalDate.of(2020, 12, 28), Period.parse("2020-W53").start());
    assertEquals(LocalDate.of(2021, 1, 3), Period.parse("2020-W53").endInclusive());
    assertEquals(LocalDate.of(2026, 12, 28), Period.parse("2026-W53").start());
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-W00"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2021-W53"));
  }

  @Test
  void monthEnds() {
    Period jan = Period.of(Granularity.MONTH, LocalDate.of(2026, 1, 31));
    assertEquals(Period.parse("2026-01"), jan);
    assertEquals(Period.parse("2026-02"), jan.plus(1));
    assertEquals(LocalDate.of(2026, 2, 28), jan.plus(1).endInclusive());
    assertEquals(LocalDate.of(2024, 2, 29), Period.parse("2024-02").endInclusive());
    assertEquals(Period.parse("2025-12"), jan.plus(-1));
    assertEquals(Period.parse("2027-01"), jan.plus(12));
    assertEquals(11, Period.parse("2026-01").until(Period.parse("2026-12")));
    assertEquals(1, Period.parse("2026-01").until(Period.parse("2026-02")), "calendar months, not 30-day blocks");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Period(Granularity.MONTH, LocalDate.of(2026, 1, 31)));
    assertEquals("2026-01-31 is not the first day of a month; use Period.of", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Period(Granularity.WEEK, LocalDate.of(2026, 3, 1)));
  }

  @Test
  void quarterAndYearContainTheirMonthsAndDays() {
    qt().forAll(DAYS).checkAssert(d -> {
      Period q = Period.of(Granularity.QUARTER, d);
      Period y = Period.of(Granularity.YEAR, d);
      Period m = Period.of(Granularity.MONTH, d);
      assertTrue(q.contains(d));
      assertTrue(y.contains(d));
      assertEquals(1, q.start().getDayOfMonth());
      assertTrue(List.of(1, 4, 7, 10).contains(q.start().getMonthValue()));
      assertEquals((d.getMonthValue() + 2) / 3, (q.start().getMonthValue() + 2) / 3);
      assertEquals(q, m.within(Granularity.QUARTER));
      assertEquals(y, q.within(Granularity.YEAR));
      assertEquals(y, m.within(Granularity.YEAR));
      assertTrue(q.contains(m.start()) && q.contains(m.endInclusive()));
      assertEquals(4, y.until(y.next()) * 4);
      assertEquals(4, Period.of(Granularity.QUARTER, y.start()).until(Period.of(Granularity.QUARTER, y.endExclusive())));
      assertEquals(12, Period.of(Granularity.MONTH, y.start()).until(Period.of(Granularity.MONTH, y.endExclusive())));
    });
  }

  /** Instants within three days of a daylight-saving change. */
  private static Gen<Instant> aroundDst() {
    List<Instant> changes = List.of(
        Instant.parse("2026-03-29T01:00:00Z"), // Berlin spring forward
        Instant.parse("2026-10-25T01:00:00Z"), // Berlin fall back
        Instant.parse("2026-03-08T07:00:00Z"), // New York spring forward
        Instant.parse("2026-11-01T06:00:00Z"), // New York fall back
        Instant.parse("2018-11-04T03:00:00Z")); // Sao Paulo: local midnight did not exist
    return Generate.pick(changes).zip(longs().between(-3 * 86400, 3 * 86400), Instant::plusSeconds);
  }

  @Test
  void thePeriodContainingAnInstantContainsIt() {
    Gen<ZoneId> zones = Generate.pick(List.of(BERLIN, NEW_YORK, ZoneId.of("America/Sao_Paulo"), ZoneId.of("UTC")));
    qt().forAll(aroundDst(), GRANULARITIES, zones).checkAssert((t, g, zone) -> {
      Period p = Period.containing(t, g, zone);
      assertFalse(p.startInstant(zone).isAfter(t), p + " starts after " + t + " in " + zone);
      assertTrue(t.isBefore(p.endInstant(zone)), p + " ends at or before " + t + " in " + zone);
      assertTrue(p.contains(t, zone));
      assertFalse(p.next().contains(t, zone));
      assertFalse(p.previous().contains(t, zone));
      assertEquals(p.endInstant(zone), p.next().startInstant(zone));
    });
  }

  @Test
  void daysOfDaylightSavingChangesLast23Or25Hours() {
    assertEquals(Duration.ofHours(23), length(Period.parse("2026-03-29"), BERLIN));
    assertEquals(Duration.ofHours(25), length(Period.parse("2026-10-25"), BERLIN));
    assertEquals(Duration.ofHours(24), length(Period.parse("2026-03-28"), BERLIN));
    assertEquals(Duration.ofHours(23), length(Period.parse("2026-03-08"), NEW_YORK));
    assertEquals(Duration.ofHours(25), length(Period.parse("2026-11-01"), NEW_YORK));
    assertEquals(Duration.ofHours(24), length(Period.parse("2026-03-29"), NEW_YORK));
    assertEquals(Duration.ofHours(7 * 24 - 1), length(Period.parse("2026-W13"), BERLIN));
    assertEquals(Duration.ofHours(31 * 24 - 1), length(Period.parse("2026-03"), BERLIN));
    assertEquals(Duration.ofDays(365), length(Period.parse("2026"), BERLIN));
    // Sao Paulo 2018-11-04: clocks jumped from 00:00 to 01:00, the day starts at 01:00
    ZoneId sp = ZoneId.of("America/Sao_Paulo");
    assertEquals(ZonedDateTime.of(2018, 11, 4, 1, 0, 0, 0, sp).toInstant(), Period.parse("2018-11-04").startInstant(sp));
    assertEquals(Duration.ofHours(23), length(Period.parse("2018-11-04"), sp));
    // 23:30 New York time on 2026-03-07 is already 2026-03-08 in UTC
    Instant lateEvening = ZonedDateTime.of(2026, 3, 7, 23, 30, 0, 0, NEW_YORK).toInstant();
    assertEquals(Period.parse("2026-03-07"), Period.containing(lateEvening, Granularity.DAY, NEW_YORK));
    assertEquals(Period.parse("2026-03-08"), Period.containing(lateEvening, Granularity.DAY, ZoneId.of("UTC")));
  }

  @Test
  void theLastCompletePeriodAtAnInstant() {
    Instant endOfMarch = Period.parse("2026-03").endInstant(NEW_YORK).minusNanos(1);
    assertEquals(Period.parse("2026-03"), Period.lastComplete(endOfMarch, Granularity.MONTH, NEW_YORK));
    assertEquals(Period.parse("2026-02"),
        Period.lastComplete(endOfMarch.minusNanos(1), Granularity.MONTH, NEW_YORK));
    assertEquals(Period.parse("2026-Q1"), Period.lastComplete(endOfMarch, Granularity.QUARTER, NEW_YORK));
    assertEquals(Period.parse("2026-W13"), Period.lastComplete(endOfMarch, Granularity.WEEK, NEW_YORK));
    // the end of March in New York is 03:59:59.999999999 on 1 April in UTC: March is over there too
    assertEquals(Period.parse("2026-03"), Period.lastComplete(endOfMarch, Granularity.MONTH, ZoneId.of("UTC")));
    assertEquals(Period.parse("2026-03-31"), Period.lastComplete(endOfMarch, Granularity.DAY, NEW_YORK));
  }

  private static Duration length(Period p, ZoneId zone) {
    return Duration.between(p.startInstant(zone), p.endInstant(zone));
  }

  @Test
  void badLabelsFailWithTheAcceptedForms() {
    for (String bad : List.of("2026-13", "2026-Q5", "26-03", "2026/03", "March", "", "2026-02-30", "2026-W7")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(bad), bad);
      assertTrue(e.getMessage().contains("cannot parse period '" + bad + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("2026, 2026-Q1, 2026-03, 2026-W10 or 2026-03-01"), e.getMessage());
    }
    assertEquals("period must not be null",
        assertThrows(IllegalArgumentException.class, () -> Period.parse(null)).getMessage());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Period.parse("2026-03").until(Period.parse("2026")));
    assertEquals("cannot count from a month to a year", e.getMessage());
    assertThrows(NullPointerException.class, () -> new Period(null, LocalDate.of(2026, 1, 1)));
  }

  @Test
  void granularityParsing() {
    for (Granularity g : Granularity.values()) {
      assertEquals(g, Granularity.parse(" " + g.label().toUpperCase() + " "));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Granularity.parse("fortnight"));
    assertEquals("unknown granularity 'fortnight'; expected day, week, month, quarter or year", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Granularity.parse(null));
  }

  @Test
  void orderIsByStartThenGranularity() {
    Period day = Period.parse("2026-01-01");
    Period month = Period.parse("2026-01");
    Period year = Period.parse("2026");
    assertTrue(day.compareTo(month) < 0 && month.compareTo(year) < 0);
    assertTrue(Period.parse("2025-12").compareTo(day) < 0);
    assertEquals(0, month.compareTo(Period.parse("2026-01")));
  }
}
