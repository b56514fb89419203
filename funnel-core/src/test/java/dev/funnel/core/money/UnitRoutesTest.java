package dev.funnel.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.CustomerHistory;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link UnitEconomics#tally} (over the columnar form) against the record route: the per-row and
 * per-customer steps Spark runs ({@link UnitEconomics#addLead}, {@link UnitEconomics#addSpend},
 * {@link UnitEconomics#addCustomer}) over the dataset's records. Equal states, byte for byte
 * (scales of the exact sums included), on random datasets with mixed amount scales, refunds,
 * customers without a lead, repeat leads, absent campaigns and channels, in several zones and
 * windows.
 */
class UnitRoutesTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String[] CHANNELS = {"seo", "direct", "ads", null, "(none)"};
  static final String[] CAMPAIGNS = {"a", "b", null};

  static Dataset random(long seed, ZoneId zone) {
    Random r = new Random(seed);
    Dataset.Builder b = Dataset.builder().zone(zone);
    int n = 1 + r.nextInt(60);
    for (int i = 0; i < n; i++) {
      String customer = r.nextInt(4) == 0 ? "C" + r.nextInt(5) : null;
      b.lead(new Lead("L" + i, T0.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 90))).plusNanos(
          r.nextInt(3) * 1_000_000L), CHANNELS[r.nextInt(CHANNELS.length)],
          CAMPAIGNS[r.nextInt(CAMPAIGNS.length)], null, null, customer, Map.of()));
    }
    int p = r.nextInt(80);
    for (int i = 0; i < p; i++) {
      String customer = r.nextInt(3) == 0 ? "C" + r.nextInt(8) : "L" + r.nextInt(n + 5);
      String amount = (r.nextInt(6) == 0 ? "-" : "") + r.nextInt(500)
          + (r.nextBoolean() ? "." + r.nextInt(10) + (r.nextBoolean() ? "0" : "") : "");
      b.payment(new Payment(r.nextBoolean() ? null : "P" + i, customer, null,
          T0.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 120))), Money.of(amount, "USD"), null));
    }
    int s = r.nextInt(40);
    for (int i = 0; i < s; i++) {
      String amount = r.nextInt(900) + (r.nextBoolean() ? ".5" : r.nextBoolean() ? ".25" : "");
      String ch = CHANNELS[r.nextInt(CHANNELS.length - 2)];
      b.spend(new Spend(LocalDate.of(2026, 1, 1).plusDays(r.nextInt(100)), ch,
          CAMPAIGNS[r.nextInt(CAMPAIGNS.length)], Money.of(amount, "USD")));
    }
    return b.build();
  }

  /** The record route: the per-row and per-customer steps over the dataset's records. */
  static UnitEconomicsState recordRoute(Dataset d, LocalDate from, LocalDate to, Set<String> nonMarketing) {
    UnitEconomicsState t = UnitEconomicsState.empty();
    Map<String, List<Lead>> byCustomer = new HashMap<>();
    for (Lead l : d.leads()) {
      UnitEconomics.addLead(t, l, d.zone(), from, to);
      byCustomer.computeIfAbsent(l.customerId(), k -> new ArrayList<>()).add(l);
    }
    for (Spend s : d.spend()) {
      UnitEconomics.addSpend(t, s, from, to);
    }
    for (String c : d.payingCustomers()) {
      UnitEconomics.addCustomer(t, new CustomerHistory(c, byCustomer.getOrDefault(c, List.of()),
          d.paymentsOf(c)), d.zone(), from, to, nonMarketing);
    }
    return t;
  }

  @Test
  void columnarTallyEqualsTheRecordRoute() {
    LocalDate[][] windows = {{null, null}, {LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)},
        {null, LocalDate.of(2026, 2, 11)}, {LocalDate.of(2026, 1, 20), null}};
    for (long seed = 1; seed <= 60; seed++) {
      for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/Sao_Paulo"), ZoneOffset.ofHours(-11))) {
        Dataset d = random(seed, zone);
        for (LocalDate[] w : windows) {
          for (Set<String> nm : List.of(UnitEconomics.NON_MARKETING, Set.of("ads", "(none)"))) {
            UnitEconomicsState expected = recordRoute(d, w[0], w[1], nm);
            UnitEconomicsState actual = UnitEconomics.tally(d, w[0], w[1], nm);
            assertEquals(expected, actual, "seed " + seed + " " + zone);
            assertEquals(expected.result("USD", null, "w").toString(),
                actual.result("USD", null, "w").toString());
          }
        }
      }
    }
  }

  @Test
  void sumsKeepTheScaleOfTheAmountsAdded() {
    Dataset d = Dataset.builder()
        .lead(Lead.of("a", T0, "seo"))
        .spend(new Spend(LocalDate.of(2026, 1, 2), "seo", null, Money.of("10.50", "USD")))
        .spend(new Spend(LocalDate.of(2026, 1, 3), "seo", null, Money.of("2", "USD")))
        .spend(new Spend(LocalDate.of(2026, 1, 3), "ads", null, Money.of("1.125", "USD")))
        .payment(new Payment(null, "a", null, T0, Money.of("100.0", "USD"), null))
        .payment(new Payment(null, "a", null, T0.plusSeconds(5), Money.of("-0.10", "USD"), null))
        .build();
    UnitReport r = UnitEconomics.compute(d, null, null, null);
    assertEquals(new BigDecimal("12.50"), r.channel("seo").spend());
    assertEquals("12.50", r.channel("seo").spend().toPlainString());
    assertEquals("99.90", r.channel("seo").revenue().toPlainString());
    assertEquals("1.125", r.channel("ads").spend().toPlainString());
    assertEquals(recordRoute(d, null, null, UnitEconomics.NON_MARKETING),
        UnitEconomics.tally(d, null, null, UnitEconomics.NON_MARKETING));
  }
}
