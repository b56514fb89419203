package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The named LTV/CAC query asks exactly what the positional calls ask, part by part, on
 * {@link LtvToCacTest}'s hand-computed example; and each part changes the answer as the
 * hand computation says it should.
 */
class LtvToCacQueryTest {

  private static final Dataset DATA = LtvToCacTest.data();
  private static final Instant END_OF_JANUARY = Instant.parse("2026-01-31T23:59:59Z");

  private static ChannelLtvToCac ads(LtvToCac u) {
    return u.channels().stream().filter(c -> c.channel().equals("ads")).findFirst().orElseThrow();
  }

  @Test
  void namedPartsGoWhereThePositionalCallsTakeThem() {
    LtvToCacQuery q = LtvToCacQuery.monthly().margin(0.5).horizon(1);
    assertEquals(Cohorts.ltvToCac(DATA, Granularity.MONTH, 0.5, 1), Cohorts.ltvToCac(DATA, q));
    assertEquals(Cohorts.ltvToCac(DATA, Granularity.MONTH, 0.5, 1, 3),
        Cohorts.ltvToCac(DATA, q.maxPeriods(3)));
    assertEquals(Cohorts.ltvToCac(DATA, Granularity.MONTH, 0.5, 1, END_OF_JANUARY),
        Cohorts.ltvToCac(DATA, q.asOf(END_OF_JANUARY)));
    assertEquals(Cohorts.ltvToCac(DATA, Granularity.QUARTER, 0.5, 0),
        Cohorts.ltvToCac(DATA, LtvToCacQuery.of(Granularity.QUARTER).margin(0.5).horizon(0)));
    // the defaults: monthly, margin 1, month 6, all the data, the default period limit
    assertEquals(new LtvToCacQuery(Granularity.MONTH, 1.0, 6, null, Cohorts.DEFAULT_MAX_PERIODS),
        LtvToCacQuery.monthly());
    assertEquals(Cohorts.ltvToCac(DATA, Granularity.MONTH, 1.0, 6),
        Cohorts.ltvToCac(DATA, LtvToCacQuery.monthly()));
  }

  @Test
  void eachPartMatters() {
    // by hand (LtvToCacTest): ads has customers A (January, 100 a month) and C (February, 200);
    // CAC = 400 spend / 2 customers = 200
    LtvToCacQuery q = LtvToCacQuery.monthly().margin(0.5).horizon(1);
    ChannelLtvToCac base = ads(Cohorts.ltvToCac(DATA, q));
    assertEquals(100.0, base.ltv(), 1e-12); // (200 + 200) / 2 x 0.5
    assertEquals(200.0, base.cac(), 1e-12);
    // margin: LTV scales with it, CAC does not
    ChannelLtvToCac revenue = ads(Cohorts.ltvToCac(DATA, q.margin(1.0)));
    assertEquals(200.0, revenue.ltv(), 1e-12);
    assertEquals(base.cac(), revenue.cac(), 0.0);
    // horizon: at month 0, A's 100 and C's 200 per customer: (100 + 200) / 2 x 0.5 = 75
    assertEquals(75.0, ads(Cohorts.ltvToCac(DATA, q.horizon(0))).ltv(), 1e-12);
    // as of the end of January: only A is acquired, and only January's 300 is spent
    LtvToCac january = Cohorts.ltvToCac(DATA, q.asOf(END_OF_JANUARY));
    assertEquals(1, ads(january).customers());
    assertEquals(300.0, ads(january).cac(), 1e-12);
    // granularity: one quarter holds both customers' first payments
    LtvToCac quarterly = Cohorts.ltvToCac(DATA, LtvToCacQuery.of(Granularity.QUARTER).margin(0.5).horizon(0));
    assertEquals(Granularity.QUARTER, quarterly.granularity());
    assertEquals(1, quarterly.cohorts().stream().filter(c -> c.channel().equals("ads")).count());
    assertNotEquals(Cohorts.ltvToCac(DATA, q.horizon(0)).cohorts().size(), quarterly.cohorts().size());
    // the period limit: the payments span January to March, 3 months
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Cohorts.ltvToCac(DATA, q.maxPeriods(2)));
    assertTrue(e.getMessage().contains("maxPeriods"), e.getMessage());
    assertEquals(Cohorts.ltvToCac(DATA, q), Cohorts.ltvToCac(DATA, q.maxPeriods(3)));
    // as-of and limit together, which no positional overload takes
    assertEquals(Cohorts.ltvToCac(DATA, q.asOf(END_OF_JANUARY)),
        Cohorts.ltvToCac(DATA, q.asOf(END_OF_JANUARY).maxPeriods(1)));
  }

  @Test
  void badPartsAreRefusedWithTheirName() {
    LtvToCacQuery q = LtvToCacQuery.monthly();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> q.margin(Double.NaN))
        .getMessage().contains("margin"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> q.horizon(-1))
        .getMessage().contains("horizon"));
    assertThrows(IllegalArgumentException.class, () -> q.maxPeriods(0));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LtvToCacQuery.of(null))
        .getMessage().contains("granularity"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Cohorts.ltvToCac(DATA, (LtvToCacQuery) null))
        .getMessage().contains("LtvToCacQuery.monthly()"));
    assertThrows(IllegalArgumentException.class, () -> Cohorts.ltvToCac(null, q));
    assertNull(q.asOf());
  }
}
