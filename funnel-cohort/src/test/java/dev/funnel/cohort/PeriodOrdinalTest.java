package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ordinal differences agree with the calendar arithmetic of {@link Period}. */
class PeriodOrdinalTest {

  @Test
  void differencesAreCalendarPeriodCounts() {
    Random rnd = new Random(5);
    for (Granularity g : Granularity.values()) {
      for (int i = 0; i < 2000; i++) {
        LocalDate a = LocalDate.ofEpochDay(rnd.nextInt(40_000) - 10_000);
        LocalDate b = LocalDate.ofEpochDay(rnd.nextInt(40_000) - 10_000);
        Period pa = Period.of(g, a);
        Period pb = Period.of(g, b);
        long oa = PeriodOrdinal.of(g, a);
        assertEquals(pa.until(pb), PeriodOrdinal.of(g, b) - oa, g + " " + a + " " + b);
        assertEquals(pa, PeriodOrdinal.period(g, oa));
      }
    }
    // the month boundary is calendar, not 30 days: Jan 31 -> Feb 1 is one month
    assertEquals(
        1,
        PeriodOrdinal.of(Granularity.MONTH, LocalDate.of(2026, 2, 1))
            - PeriodOrdinal.of(Granularity.MONTH, LocalDate.of(2026, 1, 31)));
  }
}
