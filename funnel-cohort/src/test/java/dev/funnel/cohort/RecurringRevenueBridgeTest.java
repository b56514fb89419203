package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RecurringRevenueBridgeTest {

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, d(expected).compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void handComputedMonths() {
    List<Payment> pays =
        List.of(
            pay("A", "2026-01-10T00:00:00Z", "100"),
            pay("A", "2026-02-10T00:00:00Z", "150"),
            pay("A", "2026-03-10T00:00:00Z", "120"),
            pay("A", "2026-05-10T00:00:00Z", "80"),
            pay("B", "2026-02-11T00:00:00Z", "50"),
            pay("B", "2026-03-11T00:00:00Z", "50"),
            pay("B", "2026-04-11T00:00:00Z", "-10"),
            pay("C", "2026-03-12T00:00:00Z", "30"),
            pay("C", "2026-03-13T00:00:00Z", "-30"));
    Dataset.Builder b = Dataset.builder();
    pays.forEach(b::payment);
    RecurringRevenueBridge r = Cohorts.recurringRevenue(b.build(), Granularity.MONTH);
    assertEquals(5, r.periods().size());
    BridgePeriod jan = r.periods().get(0);
    assertEquals(Period.parse("2026-01"), jan.period());
    assertMoney("0", jan.start());
    assertMoney("100", jan.newRevenue());
    assertMoney("100", jan.end());
    BridgePeriod feb = r.periods().get(1);
    assertMoney("100", feb.start());
    assertMoney("50", feb.newRevenue());
    assertMoney("50", feb.expansion());
    assertMoney("200", feb.end());
    BridgePeriod mar = r.periods().get(2);
    assertMoney("30", mar.contraction());
    assertMoney("0", mar.expansion());
    assertMoney("170", mar.end());
    assertEquals(0.85, mar.nrr(), 1e-12);
    assertEquals(0.85, mar.grr(), 1e-12);
    assertEquals(0.0, mar.quickRatio());
    BridgePeriod apr = r.periods().get(3);
    assertMoney("170", apr.churn());
    assertEquals(2, apr.churned());
    assertMoney("0", apr.end());
    assertEquals(0.0, apr.nrr());
    BridgePeriod may = r.periods().get(4);
    assertMoney("80", may.reactivation());
    assertEquals(1, may.reactivated());
    assertTrue(Double.isNaN(may.nrr()));
    assertTrue(Double.isNaN(may.quickRatio()));
    assertTrue(r.toString().startsWith("Recurring revenue bridge by month: 5 periods"));
  }

  /** End of each period against a direct sum; start = previous end; customer counts balance. */
  @Test
  void randomDataAgainstDirectSums() {
    ZoneId zone = ZoneId.of("Pacific/Auckland");
    for (Granularity g : List.of(Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER)) {
      for (long seed = 1; seed <= 6; seed++) {
        List<Payment> pays = CohortFixtures.random(seed, 300);
        Dataset.Builder b = Dataset.builder().zone(zone);
        pays.forEach(b::payment);
        RecurringRevenueBridge r = Cohorts.recurringRevenue(b.build(), g);
        Map<Period, Map<String, BigDecimal>> net = new TreeMap<>();
        for (Payment p : pays) {
          net.computeIfAbsent(Period.containing(p.paidAt(), g, zone), k -> new HashMap<>())
              .merge(p.customerId(), p.amount().amount(), BigDecimal::add);
        }
        BigDecimal previousEnd = BigDecimal.ZERO;
        long previousActive = 0;
        for (BridgePeriod bp : r.periods()) {
          BigDecimal end = BigDecimal.ZERO;
          long active = 0;
          for (BigDecimal v : net.getOrDefault(bp.period(), Map.of()).values()) {
            if (v.signum() > 0) {
              end = end.add(v);
              active++;
            }
          }
          assertEquals(0, end.compareTo(bp.end()), bp.period().label());
          assertEquals(active, bp.customersEnd());
          assertEquals(0, previousEnd.compareTo(bp.start()));
          assertEquals(previousActive, bp.customersStart());
          assertEquals(
              bp.customersEnd(),
              bp.customersStart() + bp.newCustomers() + bp.reactivated() - bp.churned());
          assertTrue(bp.identityHolds());
          previousEnd = bp.end();
          previousActive = bp.customersEnd();
        }
        assertEquals(
            net.keySet().iterator().next(), r.periods().get(0).period(), "starts at first data");
      }
    }
  }

  /**
   * The columnar route ({@link Cohorts#recurringRevenue}) equals the mergeable state fed the same
   * payments one by one (the oracle; record equality, so every sum's scale too) on random
   * datasets: mixed scales, refunds, several zones, and America/St_Johns around 1987-10-25, when
   * its clock went back from 00:01 to 23:01 of the day before, so a later payment can fall on an
   * earlier day.
   */
  @Test
  void columnsEqualTheStateOnRandomData() {
    String[] amounts = {"19.63", "-5", "0.1", "1200.500", "7", "-0.25", "3.0000", "250"};
    int backwards = 0;
    for (long seed = 1; seed <= 40; seed++) {
      java.util.Random rnd = new java.util.Random(seed);
      boolean stJohns = seed % 2 == 0;
      ZoneId zone = ZoneId.of(stJohns ? "America/St_Johns" : seed % 3 == 0 ? "UTC" : "Pacific/Auckland");
      java.time.Instant start = stJohns ? java.time.Instant.parse("1987-10-24T12:00:00Z")
          : java.time.Instant.parse("2025-01-01T00:00:00Z");
      long spanSeconds = stJohns ? 86_400L : 400L * 86_400;
      List<Payment> pays = new java.util.ArrayList<>();
      for (int i = 0, n = 1 + rnd.nextInt(120); i < n; i++) {
        java.time.Instant at = start.plusSeconds((long) (rnd.nextDouble() * spanSeconds));
        pays.add(new Payment("p" + i, "c" + rnd.nextInt(12), null, at,
            dev.funnel.core.Money.of(amounts[rnd.nextInt(amounts.length)], "USD"), null));
      }
      if (stJohns) { // one customer across the switch: local 00:00:30 on the 25th, then 23:20 on the 24th
        pays.add(new Payment("x1", "back", null, java.time.Instant.parse("1987-10-25T02:30:30Z"),
            dev.funnel.core.Money.of("10", "USD"), null));
        pays.add(new Payment("x2", "back", null, java.time.Instant.parse("1987-10-25T02:50:00Z"),
            dev.funnel.core.Money.of("4.5", "USD"), null));
        backwards++;
      }
      for (Granularity g : List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH)) {
        Dataset.Builder b = Dataset.builder().zone(zone);
        pays.forEach(b::payment);
        CohortState state = Cohorts.empty(g, zone);
        java.util.List<Payment> shuffled = new java.util.ArrayList<>(pays);
        java.util.Collections.shuffle(shuffled, rnd);
        shuffled.forEach(state::add);
        assertEquals(state.bridge(), Cohorts.recurringRevenue(b.build(), g), seed + " " + g + " " + zone);
      }
    }
    assertTrue(backwards > 0);
  }
}
