package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalDaysTest {

  /** St. John's, 1990-10-28 00:01 -02:30 became 1990-10-27 23:01 -03:30: the date went back. */
  private static final ZoneId ST_JOHNS = ZoneId.of("America/St_Johns");
  private static final long BACK = Instant.parse("1990-10-28T02:31:00Z").toEpochMilli();
  private static final long DAY = 86_400_000L;

  @Test
  void theLocalDateOfEpochMillis() {
    assertEquals(LocalDate.of(1990, 10, 28), LocalDays.of(BACK - 1, ST_JOHNS));
    assertEquals(LocalDate.of(1990, 10, 27), LocalDays.of(BACK, ST_JOHNS));
    assertEquals(LocalDate.of(1969, 12, 31), LocalDays.of(-1, ZoneOffset.UTC));
  }

  @Test
  void aClockSetBackOverMidnightIsFoundADayOrTwoAway() {
    assertFalse(LocalDays.ascend(ST_JOHNS, BACK + DAY - 1, BACK + 2 * DAY));
    assertTrue(LocalDays.ascend(ST_JOHNS, BACK + DAY, BACK + 2 * DAY));
    assertFalse(LocalDays.ascendAround(ST_JOHNS, BACK + 2 * DAY - 1));
    assertTrue(LocalDays.ascendAround(ST_JOHNS, BACK + 2 * DAY));
    assertTrue(LocalDays.ascend(ZoneOffset.ofHours(-3), Long.MIN_VALUE, Long.MAX_VALUE));
    assertTrue(LocalDays.ascend(ZoneId.of("Europe/Berlin"), Long.MIN_VALUE, 0));
  }

  @Test
  void theIndexOfATimeAmongDayStarts() {
    long[] starts = {0, 10, 20, 30};
    assertEquals(0, LocalDays.index(starts, -5));
    assertEquals(0, LocalDays.index(starts, 9));
    assertEquals(1, LocalDays.index(starts, 10));
    assertEquals(2, LocalDays.index(starts, 29));
    assertEquals(2, LocalDays.index(starts, 30));
    assertEquals(0, LocalDays.index(new long[] {0, 10}, 5));
  }
}
