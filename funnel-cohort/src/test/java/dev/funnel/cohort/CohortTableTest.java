package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hand-computed monthly cohort table. */
class CohortTableTest {

  static final List<Payment> PAYMENTS =
      List.of(
          pay("A", "2026-01-05T10:00:00Z", "100.00"),
          pay("A", "2026-01-20T10:00:00Z", "50.00"),
          pay("A", "2026-03-10T10:00:00Z", "30.00"),
          pay("A", "2026-03-15T10:00:00Z", "-10.00"),
          pay("B", "2026-01-31T23:30:00Z", "200.00"), // 1 February in Berlin
          pay("B", "2026-02-10T10:00:00Z", "20.00"),
          pay("C", "2026-02-01T10:00:00Z", "-5.00"), // refund only: no cohort
          pay("D", "2026-02-03T10:00:00Z", "-15.00"), // before D's first purchase
          pay("D", "2026-03-01T10:00:00Z", "40.00"));

  static Dataset data(ZoneId zone) {
    Dataset.Builder b = Dataset.builder().zone(zone);
    PAYMENTS.forEach(b::payment);
    return b.build();
  }

  static List<BigDecimal> money(String... v) {
    return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
  }

  @Test
  void berlinMonths() {
    CohortTable t = Cohorts.byFirstPayment(data(ZoneId.of("Europe/Berlin")), Granularity.MONTH);
    assertEquals(Period.parse("2026-03"), t.lastPeriod());
    assertEquals(3, t.cohorts().size());
    CohortRow jan = t.cohorts().get(0);
    assertEquals(Period.parse("2026-01"), jan.cohort());
    assertEquals(1, jan.size());
    assertEquals(List.of(1L, 0L, 1L), jan.active());
    assertEquals(List.of(2L, 0L, 1L), jan.orders());
    assertEquals(money("150.00", "0", "20.00"), jan.revenue());
    assertEquals(List.of(1.0, 0.0, 1.0), jan.retention());
    assertEquals(List.of(1L, 1L, 1L), jan.activeOnOrAfter()); // A returns in March
    assertEquals(List.of(1.0, 1.0, 1.0), jan.unboundedRetention());
    assertTrue(Double.isNaN(jan.churn().get(0)));
    assertEquals(1.0, jan.churn().get(1));
    assertTrue(Double.isNaN(jan.churn().get(2))); // nobody was active in period 1
    assertEquals(List.of(150.0, 150.0, 170.0), jan.cumulativeRevenuePerCustomer());

    CohortRow feb = t.cohorts().get(1);
    assertEquals(Period.parse("2026-02"), feb.cohort());
    assertEquals(List.of(1L, 0L), feb.active()); // the array ends with the data
    assertEquals(List.of(1L, 0L), feb.activeOnOrAfter());
    assertEquals(money("220.00", "0"), feb.revenue());

    CohortRow mar = t.cohorts().get(2);
    assertEquals(List.of(1L), mar.active());
    assertEquals(money("40.00"), mar.revenue());

    assertEquals(1, t.customersOutside());
    assertEquals(new BigDecimal("-5.00"), t.revenueOutside());
    assertEquals(1, t.paymentsBeforeCohort());
    assertEquals(new BigDecimal("-15.00"), t.revenueBeforeCohort());

    List<CohortAverage> avg = t.averages();
    assertEquals(3, avg.size());
    assertEquals(new CohortAverage(0, 3, 3, 1.0, Double.NaN, 410.0 / 3, 410.0 / 3), avg.get(0));
    assertEquals(new CohortAverage(1, 2, 2, 0.0, 1.0, 0.0, 370.0 / 2), avg.get(1));
    assertEquals(new CohortAverage(2, 1, 1, 1.0, Double.NaN, 20.0, 170.0), avg.get(2));
    // exact totals: everything paid, minus what sits outside the rows
    assertEquals(new BigDecimal("430.00"), t.revenue());
    assertTrue(t.toString().startsWith("Cohorts by payment/month: 3 cohorts, 3 customers"));
  }

  @Test
  void historicalAndFormulaLtv() {
    CohortTable t = Cohorts.byFirstPayment(data(ZoneId.of("Europe/Berlin")), Granularity.MONTH);
    assertEquals(0.5 * 370.0 / 2, t.historicalLtv(1, 0.5), 1e-12);
    assertEquals(170.0, t.historicalLtv(2, 1.0), 1e-12);
    assertTrue(Double.isNaN(t.historicalLtv(3, 1.0)));
    // active customer-periods: Jan row 1+0+1, Feb row 1+0, Mar row 1 -> 4; revenue 430
    // churn base: Jan k=1 (1 active in k-1), k=2 (0); Feb k=1 (1) -> 2, none retained -> churn 1
    FormulaLtv f = t.formulaLtv(0.4);
    assertEquals(4, f.customerPeriods());
    assertEquals(2, f.churnBase());
    assertEquals(430.0 / 4, f.arpu(), 1e-12);
    assertEquals(1.0, f.churn(), 1e-12);
    assertEquals(430.0 / 4 * 0.4, f.ltv(), 1e-12);
  }

  @Test
  void leftAndCalendarAlignedViews() {
    CohortTable t = Cohorts.byFirstPayment(data(ZoneId.of("Europe/Berlin")), Granularity.MONTH);
    String left = t.table(CohortMetric.REVENUE, false).render();
    String[] lines = left.split("\n");
    assertEquals(List.of("cohort", "size", "0", "1", "2"), List.of(lines[0].trim().split("\\s+")));
    assertEquals(List.of("2026-02", "1", "220.00", "0.00", "-"), List.of(lines[3].trim().split("\\s+")));
    String cal = t.table(CohortMetric.REVENUE, true).render();
    String[] c = cal.split("\n");
    assertEquals(
        List.of("cohort", "size", "2026-01", "2026-02", "2026-03"),
        List.of(c[0].trim().split("\\s+")));
    assertEquals(List.of("2026-02", "1", "-", "220.00", "0.00"), List.of(c[3].trim().split("\\s+")));
    assertEquals(5, c.length); // header, rule, three cohorts, no average row
    assertEquals(t.table().render(), t.table(CohortMetric.RETENTION, false).render());
  }

  @Test
  void theZoneDecidesTheCalendarPeriod() {
    CohortTable utc = Cohorts.byFirstPayment(data(ZoneId.of("UTC")), Granularity.MONTH);
    // in UTC, B's first payment is on 31 January: B joins the January cohort
    assertEquals(2, utc.cohorts().get(0).size());
    assertEquals(List.of(2L, 1L, 1L), utc.cohorts().get(0).active());
    assertEquals(1L, utc.cohorts().get(0).retained().get(1)); // B in January and February
  }

  @Test
  void emptyAndBadInput() {
    CohortTable empty = Cohorts.empty(Granularity.WEEK, ZoneId.of("UTC")).result();
    assertNull(empty.lastPeriod());
    assertEquals(0, empty.cohorts().size());
    assertTrue(empty.averages().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Cohorts.empty(null, ZoneId.of("UTC")));
    assertThrows(
        IllegalStateException.class,
        () -> Cohorts.byFirstPayment(Dataset.builder().build(), Granularity.MONTH));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Cohorts.empty(Granularity.WEEK, ZoneId.of("UTC"))
                .merge(Cohorts.empty(Granularity.MONTH, ZoneId.of("UTC"))));
  }
}
