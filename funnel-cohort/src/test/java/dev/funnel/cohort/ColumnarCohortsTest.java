package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.demo.DemoData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cohort table of the columns ({@link ColumnarCohorts#table(Columns, Granularity,
 * CohortBasis)}) is the dataset's table, and hand-counted cases; {@link CohortRouteTest} checks the one route against
 * the mergeable state fed row by row.
 */
class ColumnarCohortsTest {

  /** The table with every revenue value's trailing zeros stripped (the documented normalisation). */
  static CohortTable normalised(CohortTable t) {
    List<CohortRow> rows = new ArrayList<>();
    for (CohortRow r : t.cohorts()) {
      List<BigDecimal> rv = new ArrayList<>();
      for (BigDecimal v : r.revenue()) {
        rv.add(strip(v));
      }
      rows.add(new CohortRow(r.cohort(), r.size(), r.active(), r.retained(), r.activeOnOrAfter(),
          r.orders(), rv));
    }
    return new CohortTable(t.granularity(), t.zone(), t.basis(), t.lastPeriod(), rows,
        t.customersOutside(), strip(t.revenueOutside()), t.paymentsBeforeCohort(),
        strip(t.revenueBeforeCohort()));
  }

  private static BigDecimal strip(BigDecimal v) {
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }

  private static void assertSame(Dataset d, Granularity g) {
    CohortTable expected = Cohorts.byFirstPayment(d, g);
    CohortTable actual = ColumnarCohorts.table(Columns.of(d), g, CohortBasis.PAYMENT);
    assertEquals(expected, actual, () -> d.zone() + " " + g);
    assertEquals(normalised(expected), normalised(actual), () -> d.zone() + " " + g);
    assertEquals(0, expected.revenue().compareTo(actual.revenue()));
  }

  @Test
  void equalsTheObjectRouteOnDemoData() {
    for (long seed : new long[] {1, 42}) {
      for (int leads : new int[] {500, 5_000}) {
        for (ZoneId zone : new ZoneId[] {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin")}) {
          Dataset d = DemoData.builder().seed(seed).leads(leads).zone(zone).build().dataset();
          for (Granularity g : new Granularity[] {Granularity.MONTH, Granularity.WEEK}) {
            assertSame(d, g);
          }
        }
      }
    }
  }

  @Test
  void equalsTheObjectRouteOnRandomPaymentsWithRefunds() {
    for (long seed = 0; seed < 40; seed++) {
      Random rnd = new Random(seed);
      Dataset.Builder b = Dataset.builder().zone(seed % 2 == 0 ? ZoneId.of("UTC")
          : ZoneId.of("America/New_York"));
      int n = 1 + rnd.nextInt(60);
      Instant start = Instant.parse("2025-01-01T00:00:00Z");
      for (int i = 0; i < n; i++) {
        String customer = "c" + rnd.nextInt(8); // some customers only refund or pay zero
        Instant at = start.plusSeconds((long) (rnd.nextDouble() * 400 * 86400));
        int kind = rnd.nextInt(4);
        String amount = kind == 0 ? "-" + rnd.nextInt(500) + ".5"
            : kind == 1 && customer.compareTo("c5") >= 0 ? "-3" : rnd.nextInt(900) + ".25";
        if (customer.equals("c7")) {
          amount = "-" + (1 + rnd.nextInt(90)); // refund-only customer
        }
        b.payment(new Payment("p" + i, customer, null, at, Money.of(amount), null));
      }
      Dataset d = b.build();
      for (Granularity g : Granularity.values()) {
        assertSame(d, g);
      }
    }
  }

  @Test
  void handCountedPaymentsBeforeTheCohortAndOutside() {
    Dataset.Builder b = Dataset.builder();
    b.payment(pay("A", "2026-01-05T00:00:00Z", "-10")); // before A's cohort
    b.payment(pay("A", "2026-02-05T00:00:00Z", "100"));
    b.payment(pay("A", "2026-02-20T00:00:00Z", "50"));
    b.payment(pay("A", "2026-03-05T00:00:00Z", "-20"));
    b.payment(pay("A", "2026-04-05T00:00:00Z", "30.5"));
    b.payment(pay("B", "2026-02-10T00:00:00Z", "70"));
    b.payment(pay("B", "2026-03-10T00:00:00Z", "5"));
    b.payment(pay("C", "2026-03-01T00:00:00Z", "-7")); // refund only: outside
    CohortTable t =
        ColumnarCohorts.table(Columns.of(b.build()), Granularity.MONTH, CohortBasis.PAYMENT);
    assertEquals(1, t.cohorts().size());
    CohortRow r = t.cohorts().get(0);
    assertEquals(2, r.size());
    assertEquals(List.of(2L, 1L, 1L), r.active());
    assertEquals(List.of(0L, 1L, 0L), r.retained());
    assertEquals(List.of(2L, 2L, 1L), r.activeOnOrAfter()); // A pays again in April
    assertEquals(List.of(3L, 1L, 1L), r.orders());
    // exact sums with the scale of the amounts as written (as BigDecimal addition gives)
    assertEquals(List.of(new BigDecimal("220"), new BigDecimal("-15"), new BigDecimal("30.5")),
        r.revenue());
    assertEquals(1, t.customersOutside());
    assertEquals(new BigDecimal("-7"), t.revenueOutside());
    assertEquals(1, t.paymentsBeforeCohort());
    assertEquals(new BigDecimal("-10"), t.revenueBeforeCohort());
  }

  @Test
  void refusesMissingTablesAndNulls() {
    Dataset.Builder b = Dataset.builder();
    b.payment(pay("A", "2026-01-05T00:00:00Z", "10"));
    Columns c = Columns.of(b.build());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ColumnarCohorts.table(c, Granularity.MONTH, CohortBasis.LEAD));
    assertEquals(true, e.getMessage().contains("leads"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ColumnarCohorts.table(null, Granularity.MONTH, CohortBasis.PAYMENT));
    assertThrows(IllegalArgumentException.class,
        () -> ColumnarCohorts.table(c, null, CohortBasis.PAYMENT));
  }
}
