package dev.funnel.core.money;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitEconomicsTest {

  static final LocalDate MAR = LocalDate.parse("2026-03-01");
  static final LocalDate APR = LocalDate.parse("2026-04-01");

  static Instant at(String day) {
    return Instant.parse(day + "T10:00:00Z");
  }

  static Lead lead(String id, String day, String channel, String campaign, String customer) {
    return new Lead(id, at(day), channel, campaign, null, null, customer, Map.of());
  }

  static Payment pay(String customer, String day, String amount) {
    return new Payment(null, customer, null, at(day), Money.of(amount), null);
  }

  static Spend spend(String day, String channel, String campaign, String amount) {
    return new Spend(LocalDate.parse(day), channel, campaign, Money.of(amount));
  }

  static List<Object> rows() {
    return new ArrayList<>(List.of(
        lead("a", "2026-03-02", "seo", null, "ca"),
        lead("b", "2026-03-05", "paid_search", "brand", "cb"),
        lead("b2", "2026-03-06", "paid_search", "generic", "cb"),
        lead("c", "2026-03-10", "direct", null, "cc"),
        lead("d", "2026-02-20", "paid_search", "generic", "cd"),
        lead("e", "2026-03-20", "seo", null, null),
        pay("ca", "2026-03-10", "1000.00"),
        pay("ca", "2026-03-25", "-100"),
        pay("cb", "2026-03-15", "2000.50"),
        pay("cc", "2026-03-12", "500"),
        pay("cd", "2026-02-25", "300"),
        pay("cd", "2026-03-05", "700"),
        pay("cx", "2026-03-07", "50"),
        spend("2026-03-01", "seo", null, "200.10"),
        spend("2026-03-15", "seo", null, "99.90"),
        spend("2026-03-02", "paid_search", "brand", "400"),
        spend("2026-03-03", "paid_search", "generic", "600"),
        spend("2026-04-02", "paid_search", "generic", "1000"),
        spend("2026-03-04", "referral", null, "100")));
  }

  static Dataset dataset(long shuffle) {
    List<Object> r = rows();
    if (shuffle != 0) {
      Collections.shuffle(r, new Random(shuffle));
    }
    Dataset.Builder b = Dataset.builder();
    for (Object o : r) {
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

  static void money(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void perChannelByHand() {
    UnitReport r = UnitEconomics.compute(dataset(0), MAR, APR, null);
    assertEquals(RomiBasis.REVENUE, r.romiBasis());
    assertEquals(List.of("(none)", "direct", "paid_search", "referral", "seo"),
        r.channels().stream().map(UnitRow::channel).toList());
    UnitRow seo = r.channel("seo");
    money("300.00", seo.spend());
    assertEquals(2, seo.leads());
    assertEquals(1, seo.customers());
    money("900", seo.revenue());
    assertEquals(150.0, seo.cpl(), 1e-12);
    assertEquals(300.0, seo.cac(), 1e-12);
    assertEquals(2.0, seo.romi(), 1e-12);
    assertEquals(1.0 / 3, seo.drr(), 1e-12);
    UnitRow paid = r.channel("paid_search");
    money("1000", paid.spend());
    assertEquals(2, paid.leads(), "d was created in February");
    assertEquals(1, paid.customers(), "cd paid first in February: not a new customer");
    money("2700.50", paid.revenue());
    assertEquals(1.7005, paid.romi(), 1e-12);
    UnitRow referral = r.channel("referral");
    assertTrue(Double.isNaN(referral.cpl()) && Double.isNaN(referral.cac()) && Double.isNaN(referral.drr()));
    assertEquals(-1.0, referral.romi(), 1e-12);
    UnitRow direct = r.channel("direct");
    assertTrue(Double.isNaN(direct.romi()));
    assertEquals(1, r.channel("(none)").customers());
    UnitRow total = r.total();
    money("1400", total.spend());
    assertEquals(5, total.leads());
    assertEquals(4, total.customers());
    money("4150.50", total.revenue());
    money("3600.50", r.marketingRevenue());
    assertEquals(3600.5 / 4150.5, r.marketingRevenueShare(), 1e-12);
  }

  @Test
  void romiOnMarginWhenGiven() {
    UnitReport r = UnitEconomics.compute(dataset(0), MAR, APR, new BigDecimal("0.4"));
    assertEquals(RomiBasis.MARGIN, r.romiBasis());
    assertEquals(0.2, r.channel("seo").romi(), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> UnitEconomics.compute(dataset(0), MAR, APR, new BigDecimal("1.5")));
    assertThrows(IllegalArgumentException.class, () -> UnitEconomics.compute(dataset(0), APR, MAR, null));
    Dataset noSpend = Dataset.builder().lead(lead("a", "2026-03-02", "seo", null, null))
        .payment(pay("a", "2026-03-03", "10")).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> UnitEconomics.compute(noSpend, MAR, APR, null));
    assertTrue(e.getMessage().contains("spend"), e.getMessage());
  }

  @Test
  void campaignsFollowTheFirstLead() {
    UnitReport r = UnitEconomics.compute(dataset(0), MAR, APR, null);
    UnitRow brand = r.campaigns().stream().filter(c -> "brand".equals(c.campaign())).findFirst().orElseThrow();
    money("400", brand.spend());
    assertEquals(1, brand.leads());
    assertEquals(1, brand.customers());
    money("2000.50", brand.revenue());
    UnitRow generic = r.campaigns().stream().filter(c -> "generic".equals(c.campaign())).findFirst().orElseThrow();
    money("600", generic.spend());
    assertEquals(1, generic.leads());
    assertEquals(0, generic.customers());
    money("700", generic.revenue());
    // campaign rows add up to the channel rows
    for (UnitRow ch : r.channels()) {
      BigDecimal s = BigDecimal.ZERO;
      BigDecimal rev = BigDecimal.ZERO;
      long leads = 0;
      for (UnitRow c : r.campaigns()) {
        if (c.channel().equals(ch.channel())) {
          s = s.add(c.spend());
          rev = rev.add(c.revenue());
          leads += c.leads();
        }
      }
      money(ch.spend().toPlainString(), s);
      money(ch.revenue().toPlainString(), rev);
      assertEquals(ch.leads(), leads);
    }
  }

  @Test
  void openWindowCountsEverythingAndRowOrderDoesNotMatter() {
    UnitReport all = UnitEconomics.compute(dataset(0), null, null, null);
    money("2400", all.total().spend());
    assertEquals(5, all.total().customers());
    for (long s = 1; s <= 5; s++) {
      assertEquals(UnitEconomics.compute(dataset(0), MAR, APR, null),
          UnitEconomics.compute(dataset(s), MAR, APR, null));
    }
  }

  @Test
  void tallyMergeLaws() {
    Random rnd = new Random(11);
    UnitEconomicsState whole = UnitEconomicsState.empty();
    UnitEconomicsState[] parts = {UnitEconomicsState.empty(), UnitEconomicsState.empty(), UnitEconomicsState.empty()};
    String[] ch = {"seo", "ppc", "direct"};
    for (int i = 0; i < 200; i++) {
      String c = ch[rnd.nextInt(3)];
      String cmp = rnd.nextBoolean() ? null : "k" + rnd.nextInt(2);
      BigDecimal amt = BigDecimal.valueOf(rnd.nextInt(100_000), 2);
      int p = rnd.nextInt(3);
      switch (rnd.nextInt(4)) {
        case 0 -> { whole.addSpend(c, cmp, amt); parts[p].addSpend(c, cmp, amt); }
        case 1 -> { whole.addLead(c, cmp); parts[p].addLead(c, cmp); }
        case 2 -> { whole.addCustomer(c, cmp); parts[p].addCustomer(c, cmp); }
        default -> { whole.addRevenue(c, cmp, amt, !"direct".equals(c)); parts[p].addRevenue(c, cmp, amt, !"direct".equals(c)); }
      }
    }
    UnitReport expect = whole.result("EUR", null, "all");
    assertEquals(expect, parts[0].merge(parts[1]).merge(parts[2]).result("EUR", null, "all"));
    assertEquals(expect, parts[2].merge(parts[0].merge(parts[1])).result("EUR", null, "all"));
    assertEquals(expect, UnitEconomicsState.empty().merge(whole).result("EUR", null, "all"));
  }
}
