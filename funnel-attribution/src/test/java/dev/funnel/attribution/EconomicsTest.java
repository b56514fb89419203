package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import dev.funnel.core.Money;
import dev.funnel.core.Spend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attributed revenue joined with spend, checked by hand. */
class EconomicsTest {

  @Test
  void roasRomiAndCacByHand() {
    JourneySet js = JourneySet.fromPaths(List.of(
        new JourneyPath(List.of("search", "email"), 4, new BigDecimal("400"), 6),
        new JourneyPath(List.of("email"), 2, new BigDecimal("100"), 0)));
    AttributionResult last = Attribution.attribute(js, Model.LAST);
    LocalDate d = LocalDate.of(2026, 3, 1);
    List<Spend> spend = List.of(
        new Spend(d, "search", null, Money.of("150")),
        new Spend(d.plusDays(1), "search", null, Money.of("50.5")),
        new Spend(d, "email", null, Money.of("100")),
        new Spend(d, "tv", null, Money.of("70")));
    ChannelEconomics e = Attribution.economics(last, spend);
    ChannelReturn email = e.channels().get(0);
    assertEquals("email", email.channel());
    // last touch: email gets 6 conversions and 500 of revenue on 100 of spend
    assertEquals(6.0, email.conversions(), 1e-12);
    assertEquals(500.0, email.revenue(), 1e-12);
    assertEquals(5.0, email.roas(), 1e-12);
    assertEquals(4.0, email.romi(), 1e-12);
    assertEquals(100.0 / 6, email.cac(), 1e-12);
    ChannelReturn search = e.channels().stream().filter(r -> r.channel().equals("search")).findFirst().orElseThrow();
    assertEquals(0, new BigDecimal("200.5").compareTo(search.spend()));
    assertEquals(0.0, search.roas(), 0);
    assertEquals(-1.0, search.romi(), 1e-12);
    assertTrue(Double.isNaN(search.cac()), "no conversions: CAC undefined");
    ChannelReturn tv = e.channels().stream().filter(r -> r.channel().equals("tv")).findFirst().orElseThrow();
    assertTrue(Double.isNaN(tv.cac()));
    assertEquals(0, new BigDecimal("370.5").compareTo(e.total().spend()));
    assertEquals((500 - 370.5) / 370.5, e.total().romi(), 1e-12);
    assertEquals(370.5 / 500, e.total().drr(), 1e-12);
    assertTrue(e.toString().startsWith("return on spend (last)"), e.toString());
    assertEquals("revenue", e.basis());
    // with a 40% margin: email (500 * 0.4 - 100) / 100 = 1
    ChannelEconomics g = Attribution.economics(last, spend, new BigDecimal("0.4"), false);
    assertEquals(1.0, g.channels().get(0).romi(), 1e-12);
    assertTrue(g.basis().contains("0.4"));
    assertThrows(IllegalArgumentException.class,
        () -> Attribution.economics(last, spend, new BigDecimal("1.5"), false));
  }

  @Test
  void campaignLevelAttributionJoinsCampaignSpend() {
    java.time.Instant t0 = RuleModelsTest.T0;
    dev.funnel.core.Dataset ds = dev.funnel.core.Dataset.builder()
        .touch(new dev.funnel.core.Touch("A", t0.minusSeconds(7200), "search", "brand", null, null))
        .touch(new dev.funnel.core.Touch("A", t0.minusSeconds(3600), "direct", null, null, null))
        .touch(new dev.funnel.core.Touch("B", t0.minusSeconds(3600), "search", "generic", null, null))
        .stageChange(new dev.funnel.core.StageChange("A", dev.funnel.core.StageCatalog.DEFAULT.won(), t0, null, dev.funnel.core.Money.of("300"), null))
        .stageChange(new dev.funnel.core.StageChange("B", dev.funnel.core.StageCatalog.DEFAULT.won(), t0, null, dev.funnel.core.Money.of("100"), null))
        .build();
    JourneySet js = JourneySet.fromDataset(ds, JourneyOptions.DEFAULTS.withCampaigns(true));
    assertEquals(List.of("direct", "search / brand", "search / generic"), js.channels());
    // last non-direct: "direct" is direct, campaign keys of search are not
    AttributionResult r = Attribution.attribute(js, Model.LAST_NON_DIRECT);
    assertEquals(1.0, r.channel("search / brand").orElseThrow().conversions(), 1e-12);
    LocalDate d = LocalDate.of(2026, 2, 1);
    ChannelEconomics e = Attribution.economics(r, List.of(
        new Spend(d, "search", "brand", Money.of("60")),
        new Spend(d, "search", "generic", Money.of("50")),
        new Spend(d, "search", null, Money.of("5"))), null, true);
    ChannelReturn brand = e.channels().get(0);
    assertEquals("search / brand", brand.channel());
    assertEquals(5.0, brand.roas(), 1e-12);
    assertEquals(60.0, brand.cac(), 1e-12);
    assertTrue(e.channels().stream().anyMatch(x -> x.channel().equals("search") && x.conversions() == 0));
  }

  @Test
  void noSpendGivesUndefinedRatios() {
    JourneySet js = JourneySet.fromPaths(List.of(new JourneyPath(List.of("a"), 1, BigDecimal.TEN, 0)));
    ChannelEconomics e = Attribution.economics(Attribution.attribute(js, Model.FIRST), List.of());
    assertTrue(Double.isNaN(e.channels().get(0).roas()));
    assertTrue(Double.isNaN(e.channels().get(0).romi()));
    // no spend rows: the spend is unknown, not zero, so CAC and DRR are undefined, not 0
    assertTrue(Double.isNaN(e.channels().get(0).cac()));
    assertTrue(Double.isNaN(e.channels().get(0).drr()));
    assertEquals("no spend rows for a", e.channels().get(0).whySpendUnknown().orElseThrow());
    assertTrue(Double.isNaN(e.total().cac()) && !e.total().spendKnown());
  }

  @Test
  void aChannelWithoutSpendRowsNextToOneWithSpendHasUndefinedCac() {
    JourneySet js = JourneySet.fromPaths(List.of(
        new JourneyPath(List.of("paid"), 2, BigDecimal.TEN, 0),
        new JourneyPath(List.of("seo"), 3, BigDecimal.TEN, 0)));
    ChannelEconomics e = Attribution.economics(Attribution.attribute(js, Model.FIRST),
        List.of(new Spend(java.time.LocalDate.parse("2026-01-05"), "paid", null, Money.of("40"))));
    ChannelReturn paid = e.channels().stream().filter(x -> x.channel().equals("paid")).findFirst()
        .orElseThrow();
    ChannelReturn seo = e.channels().stream().filter(x -> x.channel().equals("seo")).findFirst()
        .orElseThrow();
    assertEquals(20.0, paid.cac(), 1e-12);
    assertTrue(Double.isNaN(seo.cac()) && Double.isNaN(seo.drr()), seo.toString());
    assertTrue(e.total().spendKnown());
    assertEquals(8.0, e.total().cac(), 1e-12, "the total divides the known spend by all conversions");
  }
}
