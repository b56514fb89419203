package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile dates in cohort results (issue 15, item 1): one payment dated {@code 9999-12-31} next to
 * data of 2026 once made {@code cohorts} run for minutes (averages were quadratic in the periods)
 * or write megabytes. Now the averages are one pass over the cells, and the periods the data may
 * span are limited, with a clean error naming the limit.
 */
class CohortSpanTest {

  private static final List<Payment> YEAR_9999 = List.of(
      pay("A", "2026-01-15T10:00:00Z", "100.00"),
      pay("A", "2026-02-15T10:00:00Z", "10.00"),
      pay("B", "9999-12-31T10:00:00Z", "5.00")); // a mistyped year

  private static Dataset data(List<Payment> payments) {
    Dataset.Builder b = Dataset.builder().zone(ZoneOffset.UTC);
    payments.forEach(b::payment);
    return b.build();
  }

  private static CohortState state(List<Payment> payments) {
    CohortState s = Cohorts.empty(Granularity.MONTH, ZoneOffset.UTC);
    payments.forEach(s::add);
    return s;
  }

  /** 2026-01 to 9999-12 inclusive. */
  private static final int SPAN_9999 = (9999 * 12 + 11) - (2026 * 12) + 1;

  @Test
  void aMistypedYearIsRefusedNamingTheLimit() {
    assertEquals(95_688, SPAN_9999);
    for (Runnable r : List.<Runnable>of(
        () -> Cohorts.table(data(YEAR_9999), Granularity.MONTH, CohortBasis.PAYMENT),
        () -> Cohorts.byFirstPayment(data(YEAR_9999), Granularity.MONTH),
        () -> Cohorts.byGroup(data(YEAR_9999), Granularity.MONTH, l -> "all"),
        () -> Cohorts.ltvToCac(data(YEAR_9999), Granularity.MONTH, 1.0, 3),
        () -> state(YEAR_9999).result())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
      assertEquals("the cohort table would span 95,688 months (2026-01 to 9999-12), more than the"
          + " limit of 2,000 periods (maxPeriods): is a date mistyped? Otherwise use a coarser"
          + " granularity or a larger maxPeriods", e.getMessage());
    }
  }

  @Test
  void theLimitIsInclusiveAndTheSameOnBothRoutes() {
    // a refund 33 years before the first purchase counts: the data spans 1993-01 to 2026-02
    List<Payment> p = List.of(
        pay("A", "1993-01-10T00:00:00Z", "-1.00"),
        pay("A", "2026-01-10T00:00:00Z", "100.00"),
        pay("A", "2026-02-10T00:00:00Z", "7.00"));
    int span = (2026 * 12 + 1) - (1993 * 12) + 1;
    assertEquals(398, span);
    CohortTable columnar = Cohorts.table(data(p), Granularity.MONTH, CohortBasis.PAYMENT, span);
    CohortTable state = state(p).result(span);
    assertEquals(columnar, state);
    assertEquals(1, state.paymentsBeforeCohort());
    assertEquals(List.of(1L, 1L), state.cohorts().get(0).active());
    assertThrows(IllegalArgumentException.class,
        () -> Cohorts.table(data(p), Granularity.MONTH, CohortBasis.PAYMENT, span - 1));
    assertThrows(IllegalArgumentException.class, () -> state(p).result(span - 1));
    assertThrows(IllegalArgumentException.class, () -> state(p).result(0));
    assertThrows(IllegalArgumentException.class,
        () -> Cohorts.byGroup(data(p), Granularity.MONTH, l -> "x", span - 1));
    assertEquals(columnar, Cohorts.byGroup(data(p), Granularity.MONTH, l -> "x", span).get("(none)"));
  }

  @Test
  void aLargerLimitGivesTheWholeTableWithExactAverages() {
    CohortTable t = state(YEAR_9999).result(SPAN_9999);
    assertEquals(t, Cohorts.table(data(YEAR_9999), Granularity.MONTH, CohortBasis.PAYMENT, SPAN_9999));
    assertEquals(Period.parse("9999-12"), t.lastPeriod());
    assertEquals(2, t.cohorts().size());
    assertEquals(SPAN_9999, t.cohorts().get(0).periods());
    List<CohortAverage> avg = t.averages();
    assertEquals(SPAN_9999, avg.size());
    CohortAverage last = avg.get(SPAN_9999 - 1);
    assertEquals(1, last.cohorts());
    assertEquals(110.0, last.cumulativeRevenuePerCustomer()); // A's 100 + 10, to the very end
    assertEquals(0.0, last.retention());
    CohortAverage first = avg.get(0);
    assertEquals(2, first.cohorts()); // A's 2026-01 and B's 9999-12
    assertEquals(2, first.customers());
    assertEquals((100.0 + 5.0) / 2, first.revenuePerCustomer());
    assertEquals(110.0, t.historicalLtv(SPAN_9999 - 1, 1.0));
  }

  @Test
  void averagesEqualTheDefinitionCellByCell() {
    CohortTable t = Cohorts.byFirstPayment(CohortTableTest.data(ZoneOffset.UTC), Granularity.MONTH);
    List<CohortAverage> avg = t.averages();
    for (int k = 0; k < avg.size(); k++) {
      long size = 0;
      long active = 0;
      BigDecimal cumulative = BigDecimal.ZERO;
      for (CohortRow r : t.cohorts()) {
        if (r.periods() > k) {
          size += r.size();
          active += r.active().get(k);
          cumulative = cumulative.add(r.cumulativeRevenue().get(k));
        }
      }
      assertEquals((double) active / size, avg.get(k).retention());
      assertEquals(cumulative.doubleValue() / size, avg.get(k).cumulativeRevenuePerCustomer());
    }
  }

  @Test
  void theRecurringRevenueBridgeIsLimitedToo() {
    List<Payment> p = List.of(pay("A", "2026-01-10T00:00:00Z", "1"), pay("A", "2026-11-10T00:00:00Z", "1"));
    assertEquals(11, state(p).bridge(11).periods().size());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> state(p).bridge(10));
    assertTrue(e.getMessage().startsWith("the recurring-revenue bridge would span 11 months"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Cohorts.recurringRevenue(data(YEAR_9999), Granularity.DAY));
  }

  /**
   * Work of {@link CohortTable#averages()} on a small table scaled up four times in periods: the
   * bytes it allocates (every BigDecimal sum and list is an allocation, so they count its
   * operations) grow about four times, not sixteen as they did when each period re-summed every
   * cohort's cumulative revenue.
   */
  @Test
  void averagesAreLinearInThePeriods() {
    CohortTable small = table(1_000);
    CohortTable large = table(4_000);
    for (int i = 0; i < 3; i++) { // warm up, so both sizes run the same compiled code
      small.averages();
      large.averages();
    }
    long a = allocated(small);
    long b = allocated(large);
    double ratio = (double) b / a;
    assertTrue(ratio > 2 && ratio < 8, "allocation grew " + ratio + "x for 4x the periods");
  }

  /** Four cohorts in consecutive months, each running {@code periods} minus its offset. */
  private static CohortTable table(int periods) {
    List<CohortRow> rows = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      int n = periods - c;
      List<Long> ones = Collections.nCopies(n, 1L);
      List<BigDecimal> revenue = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        revenue.add(BigDecimal.valueOf(k + 1, 2));
      }
      rows.add(new CohortRow(Period.parse("2000-01").plus(c), 3, ones, ones, ones, ones, revenue));
    }
    return new CohortTable(Granularity.MONTH, ZoneOffset.UTC, CohortBasis.PAYMENT,
        Period.parse("2000-01").plus(periods - 1), rows, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
  }

  private static long allocated(CohortTable t) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(mx.isThreadAllocatedMemorySupported());
    long before = mx.getCurrentThreadAllocatedBytes();
    List<CohortAverage> avg = t.averages();
    long after = mx.getCurrentThreadAllocatedBytes();
    assertFalse(avg.isEmpty());
    return after - before;
  }
}
