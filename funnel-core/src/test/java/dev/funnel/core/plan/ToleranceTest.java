package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import dev.funnel.core.Period;
import org.junit.jupiter.api.Test;

class ToleranceTest {

  static final Tolerance T = Tolerance.DEFAULT;

  @Test
  void higherIsBetterBands() {
    assertEquals(PlanStatus.OK, T.status(100, 120, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.OK, T.status(100, 95.01, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.WARNING, T.status(100, 95, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.WARNING, T.status(100, 85.01, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.ALERT, T.status(100, 85, Direction.HIGHER_IS_BETTER));
  }

  @Test
  void lowerIsBetterBands() {
    assertEquals(PlanStatus.OK, T.status(50, 10, Direction.LOWER_IS_BETTER));
    assertEquals(PlanStatus.WARNING, T.status(50, 52.5, Direction.LOWER_IS_BETTER));
    assertEquals(PlanStatus.ALERT, T.status(50, 57.5, Direction.LOWER_IS_BETTER));
  }

  @Test
  void onTargetPenalisesBothWays() {
    assertEquals(PlanStatus.WARNING, T.status(1000, 940, Direction.ON_TARGET));
    assertEquals(PlanStatus.WARNING, T.status(1000, 1060, Direction.ON_TARGET));
    assertEquals(PlanStatus.ALERT, T.status(1000, 1200, Direction.ON_TARGET));
    assertEquals(PlanStatus.OK, T.status(1000, 1000, Direction.ON_TARGET));
  }

  @Test
  void negativeAndZeroPlans() {
    // a ROMI plan of -0.2 (a loss-making launch): -0.21 is 5 % worse, 0.1 is better
    assertEquals(PlanStatus.WARNING, T.status(-0.2, -0.21, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.OK, T.status(-0.2, 0.1, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.OK, T.status(0, 0, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.OK, T.status(0, 3, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.ALERT, T.status(0, 3, Direction.LOWER_IS_BETTER));
    assertEquals(PlanStatus.UNDEFINED, T.status(Double.NaN, 3, Direction.LOWER_IS_BETTER));
    assertEquals(PlanStatus.UNDEFINED, T.status(3, Double.NaN, Direction.LOWER_IS_BETTER));
  }

  @Test
  void zeroWidthBandsFlagAnyShortfallOnly() {
    Tolerance strict = new Tolerance(0, 0);
    assertEquals(PlanStatus.OK, strict.status(10, 10, Direction.HIGHER_IS_BETTER));
    assertEquals(PlanStatus.ALERT, strict.status(10, 9.99, Direction.HIGHER_IS_BETTER));
  }

  @Test
  void invalidBandsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Tolerance(0.2, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new Tolerance(-0.1, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new Tolerance(Double.NaN, 0.1));
  }

  @Test
  void calendarShareCountsDaysNotHoursAcrossTheSpringChange() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Period march = Period.parse("2026-03");
    Instant monday = LocalDateTime.parse("2026-03-30T00:00").atZone(berlin).toInstant();
    assertEquals(29.0 / 31, PlanFact.calendarShare(march, monday, berlin), 1e-15);
    // noon on the 23-hour Sunday: 11 of its 23 hours have passed
    Instant noon = LocalDateTime.parse("2026-03-29T12:00").atZone(berlin).toInstant();
    assertEquals((28 + 11.0 / 23) / 31, PlanFact.calendarShare(march, noon, berlin), 1e-15);
    assertEquals(1.0, PlanFact.calendarShare(march, march.endInstant(berlin), berlin));
  }
}
