package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-channel LTV, CAC and payback against a hand-computed example. */
class AcquisitionEconomicsTest {

  static Lead lead(String id, String created, String channel, String customer) {
    return new Lead(id, Instant.parse(created), channel, null, null, null, customer, Map.of());
  }

  static Payment pay(String customer, String at, String amount) {
    return new Payment(null, customer, null, Instant.parse(at), Money.of(amount), null);
  }

  static Spend spend(String day, String channel, String amount) {
    return new Spend(LocalDate.parse(day), channel, null, Money.of(amount));
  }

  /** The rows of the example, in a given order. */
  static List<Object> rows() {
    return List.of(
        lead("A1", "2026-01-01T09:00:00Z", "seo", "cA"),
        lead("A2", "2026-02-01T09:00:00Z", "paid", "cA"), // a later lead does not move cA
        lead("B1", "2026-01-02T09:00:00Z", "paid", "cB"),
        lead("C1", "2026-01-03T09:00:00Z", "paid", "cC"),
        lead("D1", "2026-01-04T09:00:00Z", "paid", "cD"),
        lead("F1", "2026-01-05T09:00:00Z", "social", "cF"),
        pay("cA", "2026-01-10T10:00:00Z", "100"),
        pay("cA", "2026-03-05T10:00:00Z", "50"),
        pay("cB", "2026-01-15T10:00:00Z", "40"),
        pay("cB", "2026-02-15T10:00:00Z", "40"),
        pay("cB", "2026-03-15T10:00:00Z", "40"),
        pay("cB", "2026-03-20T10:00:00Z", "-10"),
        pay("cC", "2026-03-01T10:00:00Z", "30"),
        pay("cD", "2026-02-01T10:00:00Z", "-5"), // only a refund: not a customer
        pay("cE", "2026-02-01T10:00:00Z", "20"), // no lead: channel (none)
        pay("cF", "2026-03-10T10:00:00Z", "10"),
        spend("2026-01-01", "paid", "150"),
        spend("2026-01-01", "display", "10"),
        spend("2026-02-01", "social", "100"));
  }

  static Dataset build(List<Object> rows, ZoneId zone) {
    Dataset.Builder b = Dataset.builder().zone(zone);
    for (Object o : rows) {
      if (o instanceof Lead l) {
        b.lead(l);
      } else if (o instanceof Payment p) {
        b.payment(p);
      } else {
        b.spend((Spend) o);
      }
    }
    return b.build();
  }

  @Test
  void handComputedExample() {
    AcquisitionEconomics e = AcquisitionEconomics.of(build(rows(), ZoneId.of("UTC")));
    assertEquals(List.of("(none)", "display", "paid", "seo", "social"),
        e.channels().stream().map(ChannelPayback::channel).toList());
    // paid: cB (40, 40, 30 by month) and cC (30 in its first month); 140 / 2, CAC 150 / 2;
    // month 0: (40 + 30) / 2 = 35 < 75; month 1 (cB only observed): 80 >= 75 -> payback 2
    check(e.channel("paid"), 2, "140", "150", 70, 75, 70.0 / 75, 2);
    // seo: cA, no spend: CAC 0, LTV/CAC undefined, nothing to pay back
    check(e.channel("seo"), 1, "150", "0", 150, 0, Double.NaN, 0);
    // no lead: channel (none)
    check(e.channel("(none)"), 1, "20", "0", 20, 0, Double.NaN, 0);
    // spend without customers
    check(e.channel("display"), 0, "0", "10", Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    // never paid back within the data
    check(e.channel("social"), 1, "10", "100", 10, 100, 0.1, Double.NaN);
    // all: 5 customers, 320 revenue, 260 spend (display included); month 0: 200 / 5 = 40 < 52;
    // month 1 observed cA, cB, cE: (100 + 80 + 20) / 3 = 66.7 >= 52 -> payback 2
    check(e.total(), 5, "320", "260", 64, 52, 64.0 / 52, 2);
    assertEquals("2026-03", e.lastMonth().label());
    assertTrue(e.toString().startsWith("LTV/CAC by channel"), e.toString());
  }

  static void check(ChannelPayback r, long customers, String revenue, String spend, double ltv,
      double cac, double ltvToCac, double payback) {
    assertEquals(customers, r.customers(), r.channel());
    assertEquals(0, new BigDecimal(revenue).compareTo(r.revenue()), r.channel() + " revenue " + r.revenue());
    assertEquals(0, new BigDecimal(spend).compareTo(r.spend()), r.channel() + " spend " + r.spend());
    assertEquals(ltv, r.ltv(), 1e-12, r.channel());
    assertEquals(cac, r.cac(), 1e-12, r.channel());
    assertEquals(ltvToCac, r.ltvToCac(), 1e-12, r.channel());
    assertEquals(payback, r.paybackMonths(), 0, r.channel());
  }

  @Test
  void rowOrderDoesNotMatter() {
    AcquisitionEconomics base = AcquisitionEconomics.of(build(rows(), ZoneId.of("UTC")));
    Random rnd = new Random(5);
    for (int i = 0; i < 5; i++) {
      List<Object> shuffled = new ArrayList<>(rows());
      Collections.shuffle(shuffled, rnd);
      assertEquals(base, AcquisitionEconomics.of(build(shuffled, ZoneId.of("UTC"))));
    }
  }

  @Test
  void monthsAreCalendarMonthsInTheDatasetZone() {
    // cG pays 5 at 2026-01-31T23:30Z (January in UTC, February in Berlin) and 100 on 2026-02-15
    List<Object> rows = new ArrayList<>(rows());
    rows.add(lead("G1", "2026-01-06T09:00:00Z", "social", "cG"));
    rows.add(pay("cG", "2026-01-31T23:30:00Z", "5"));
    rows.add(pay("cG", "2026-02-15T10:00:00Z", "100"));
    AcquisitionEconomics utc = AcquisitionEconomics.of(build(rows, ZoneId.of("UTC")));
    AcquisitionEconomics berlin = AcquisitionEconomics.of(build(rows, ZoneId.of("Europe/Berlin")));
    // social: cF (10) and cG (105), CAC 100 / 2 = 50, LTV 57.5 in both zones
    assertEquals(57.5, utc.channel("social").ltv(), 1e-12);
    assertEquals(57.5, berlin.channel("social").ltv(), 1e-12);
    // UTC: month 0 (10 + 5) / 2 = 7.5 < 50; month 1, only cG observed: 105 >= 50 -> 2
    assertEquals(2, utc.channel("social").paybackMonths(), 0);
    // Berlin: cG starts in February; month 0 (10 + 105) / 2 = 57.5 >= 50 -> 1
    assertEquals(1, berlin.channel("social").paybackMonths(), 0);
  }

  @Test
  void needsPayments() {
    Dataset d = Dataset.builder().lead(lead("A1", "2026-01-01T09:00:00Z", "seo", null)).build();
    assertThrows(IllegalStateException.class, () -> AcquisitionEconomics.of(d));
    assertThrows(IllegalArgumentException.class, () -> AcquisitionEconomics.of(null));
  }
}
