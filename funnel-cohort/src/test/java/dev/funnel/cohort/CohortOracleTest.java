package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The cohort table against a brute-force computation that uses only {@link Period}: for every
 * cohort and period index it scans all payments again.
 */
class CohortOracleTest {

  @Test
  void matchesBruteForce() {
    ZoneId zone = ZoneId.of("Asia/Kolkata");
    for (Granularity g : List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH,
        Granularity.QUARTER)) {
      for (long seed = 1; seed <= 3; seed++) {
        List<Payment> pays = CohortFixtures.random(seed, g == Granularity.DAY ? 120 : 250);
        Dataset.Builder b = Dataset.builder().zone(zone);
        pays.forEach(b::payment);
        CohortTable t = Cohorts.byFirstPayment(b.build(), g);
        check(t, pays, g, zone);
      }
    }
  }

  private static void check(CohortTable t, List<Payment> pays, Granularity g, ZoneId zone) {
    Map<String, Instant> first = new TreeMap<>();
    Period last = null;
    for (Payment p : pays) {
      Period pp = Period.containing(p.paidAt(), g, zone);
      last = last == null || pp.compareTo(last) > 0 ? pp : last;
      if (p.amount().amount().signum() > 0) {
        first.merge(p.customerId(), p.paidAt(), (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    TreeSet<Period> cohortPeriods = new TreeSet<>();
    first.values().forEach(i -> cohortPeriods.add(Period.containing(i, g, zone)));
    assertEquals(last, t.lastPeriod());
    assertEquals(cohortPeriods.size(), t.cohorts().size());
    int row = 0;
    for (Period c : cohortPeriods) {
      CohortRow r = t.cohorts().get(row++);
      assertEquals(c, r.cohort());
      List<String> members = new ArrayList<>();
      first.forEach((id, at) -> {
        if (Period.containing(at, g, zone).equals(c)) {
          members.add(id);
        }
      });
      assertEquals(members.size(), r.size());
      int periods = (int) c.until(last) + 1;
      assertEquals(periods, r.periods());
      for (int k = 0; k < periods; k++) {
        Period pk = c.plus(k);
        long active = 0;
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (String m : members) {
          boolean bought = false;
          for (Payment p : pays) {
            if (p.customerId().equals(m) && pk.contains(p.paidAt(), zone)) {
              revenue = revenue.add(p.amount().amount());
              if (p.amount().amount().signum() > 0) {
                bought = true;
                orders++;
              }
            }
          }
          active += bought ? 1 : 0;
        }
        assertEquals(active, r.active().get(k), c + "+" + k);
        long onOrAfter = 0;
        for (String m : members) {
          for (Payment p : pays) {
            if (p.customerId().equals(m) && p.amount().amount().signum() > 0
                && !Period.containing(p.paidAt(), g, zone).start().isBefore(pk.start())) {
              onOrAfter++;
              break;
            }
          }
        }
        assertEquals(onOrAfter, r.activeOnOrAfter().get(k), c + "+" + k + " on or after");
        assertEquals(orders, r.orders().get(k), c + "+" + k);
        assertEquals(0, revenue.compareTo(r.revenue().get(k)), c + "+" + k);
      }
    }
  }
}
