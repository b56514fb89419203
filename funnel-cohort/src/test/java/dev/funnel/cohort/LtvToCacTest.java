package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Period;
import dev.funnel.core.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A hand-computed unit-economics example. */
class LtvToCacTest {

  static Lead lead(String id, String created, String channel, String customer) {
    return new Lead(id, Instant.parse(created), channel, null, null, null, customer, null);
  }

  static Dataset data() {
    Dataset.Builder b = Dataset.builder();
    b.lead(lead("la", "2025-12-01T00:00:00Z", "ads", "A"));
    b.lead(lead("lb", "2025-12-05T00:00:00Z", "seo", "B"));
    b.lead(lead("lc", "2026-01-15T00:00:00Z", "ads", "C"));
    b.lead(lead("la2", "2026-01-20T00:00:00Z", "seo", "A")); // later lead of A: not its channel
    b.payment(pay("A", "2026-01-05T00:00:00Z", "100"));
    b.payment(pay("A", "2026-02-05T00:00:00Z", "100"));
    b.payment(pay("A", "2026-03-05T00:00:00Z", "100"));
    b.payment(pay("B", "2026-01-06T00:00:00Z", "50"));
    b.payment(pay("C", "2026-02-07T00:00:00Z", "200"));
    b.payment(pay("D", "2026-02-08T00:00:00Z", "10")); // no lead
    b.spend(new Spend(LocalDate.parse("2026-01-10"), "ads", null, Money.of("300")));
    b.spend(new Spend(LocalDate.parse("2026-02-03"), "ads", null, Money.of("100")));
    b.spend(new Spend(LocalDate.parse("2026-03-01"), "seo", null, Money.of("50")));
    return b.build();
  }

  @Test
  void handComputed() {
    LtvToCac u = Cohorts.ltvToCac(data(), Granularity.MONTH, 0.5, 1);
    assertEquals(
        List.of("(none)", "ads", "seo"),
        u.channels().stream().map(ChannelLtvToCac::channel).toList());
    ChannelLtvToCac none = u.channels().get(0);
    ChannelLtvToCac ads = u.channels().get(1);
    ChannelLtvToCac seo = u.channels().get(2);

    assertEquals(2, ads.customers());
    assertEquals(0, new BigDecimal("400").compareTo(ads.spend()));
    assertEquals(200.0, ads.cac());
    assertEquals(100.0, ads.ltv()); // pooled cumulative per customer at k=1: (200+200)/2, x 0.5
    assertEquals(0.5, ads.ltvToCac());
    assertEquals(OptionalInt.empty(), ads.payback()); // 75, 100, 150 never reach 200

    assertEquals(50.0, seo.cac());
    assertEquals(25.0, seo.ltv());
    assertEquals(OptionalInt.empty(), seo.payback());

    // (none) has no spend rows: its spend is unknown, so CAC and payback are undefined, not 0
    assertTrue(Double.isNaN(none.cac()));
    assertEquals("no spend rows for (none)", none.cacUndefined());
    assertEquals(5.0, none.ltv());
    assertTrue(Double.isNaN(none.ltvToCac()));
    assertEquals(OptionalInt.empty(), none.payback());
    assertTrue(!none.paybackDefined() && ads.paybackDefined() && seo.paybackDefined());
    assertEquals(1, seo.spendRows());
    // seo's customer came in January, its only spend row is in March: January's CAC is unknown
    CohortLtvToCac seoJan = u.cohorts().stream().filter(c -> c.channel().equals("seo")).findFirst()
        .orElseThrow();
    assertTrue(Double.isNaN(seoJan.cac()) && !seoJan.paybackDefined(), seoJan.toString());
    assertEquals("no spend rows for seo in 2026-01", seoJan.cacUndefined());

    List<CohortLtvToCac> adsCohorts =
        u.cohorts().stream().filter(c -> c.channel().equals("ads")).toList();
    assertEquals(2, adsCohorts.size());
    assertEquals(Period.parse("2026-01"), adsCohorts.get(0).cohort());
    assertEquals(300.0, adsCohorts.get(0).cac());
    assertEquals(OptionalInt.empty(), adsCohorts.get(0).payback()); // 50, 100, 150 < 300
    assertEquals(100.0, adsCohorts.get(1).cac());
    assertEquals(OptionalInt.of(0), adsCohorts.get(1).payback()); // 200 x 0.5 = 100 >= 100
    assertTrue(u.toString().contains("not yet"));
  }

  @Test
  void withoutASpendTableEveryCacAndPaybackIsUndefined() {
    Dataset.Builder b = Dataset.builder();
    Dataset d = data();
    d.leads().forEach(b::lead);
    d.payments().forEach(b::payment);
    LtvToCac u = Cohorts.ltvToCac(b.build(), Granularity.MONTH, 0.5, 1);
    for (ChannelLtvToCac c : u.channels()) {
      assertTrue(Double.isNaN(c.cac()) && Double.isNaN(c.ltvToCac()), c.toString());
      assertTrue(!c.paybackDefined() && c.payback().isEmpty(), c.toString());
      assertEquals("no spend table", c.cacUndefined());
    }
    for (CohortLtvToCac c : u.cohorts()) {
      assertTrue(Double.isNaN(c.cac()) && !c.paybackDefined(), c.toString());
    }
    assertTrue(!u.toString().contains("not yet"), u.toString());
  }

  @Test
  void cohortTablesByChannelAndSegment() {
    var byChannel = Cohorts.byGroup(data(), Granularity.MONTH, Lead::channel);
    assertEquals(List.of("(none)", "ads", "seo"), List.copyOf(byChannel.keySet()));
    CohortTable seo = byChannel.get("seo");
    assertEquals(Period.parse("2026-03"), seo.lastPeriod()); // the end of all the data
    assertEquals(List.of(1L, 0L, 0L), seo.cohorts().get(0).active());
    assertEquals(2, byChannel.get("ads").customers());
    var bySegment = Cohorts.byGroup(data(), Granularity.MONTH, Lead::segment);
    assertEquals(List.of("(none)"), List.copyOf(bySegment.keySet()));
    assertEquals(4, bySegment.get("(none)").customers());
  }

  @Test
  void badArguments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Cohorts.ltvToCac(data(), Granularity.MONTH, 0.5, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Cohorts.ltvToCac(data(), Granularity.MONTH, Double.NaN, 1));
  }
}
