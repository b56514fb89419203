package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.cohort.ltv.ClvTerms;
import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.Purchase;
import dev.funnel.cohort.ltv.PurchaseModel;
import dev.funnel.cohort.ltv.RfmCustomer;
import dev.funnel.cohort.ltv.RfmSummary;
import dev.funnel.cohort.ltv.RfmUnit;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.demo.DemoData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lifetime-value analysis of a dataset as a library call: the dataset's payments as purchases,
 * the default end of observation, and {@link Cohorts#ltv} against hand-computed figures and the
 * separate library calls it combines.
 */
class LtvAnalysisTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /**
   * Three customers in Berlin: A pays on 2026-01-05, again late on 2026-02-09 UTC (which is
   * 2026-02-10 in Berlin) and is refunded on 2026-02-20; B pays once; C pays on 2026-03-01 in
   * Berlin (23:30 UTC the day before). Spend on 2026-01-10 (ads) and 2026-03-01 (ads).
   */
  static Dataset data() {
    Dataset.Builder b = Dataset.builder().zone(BERLIN);
    b.lead(LtvToCacTest.lead("la", "2025-12-01T00:00:00Z", "ads", "A"));
    b.lead(LtvToCacTest.lead("lb", "2025-12-05T00:00:00Z", "seo", "B"));
    b.lead(LtvToCacTest.lead("lc", "2026-02-15T00:00:00Z", "ads", "C"));
    b.payment(pay("A", "2026-01-05T10:00:00Z", "100"));
    b.payment(pay("A", "2026-02-09T23:30:00Z", "40.50"));
    b.payment(pay("A", "2026-02-20T12:00:00Z", "-10"));
    b.payment(pay("B", "2026-01-06T09:00:00Z", "50"));
    b.payment(pay("C", "2026-02-28T23:30:00Z", "70"));
    b.spend(new Spend(LocalDate.parse("2026-01-10"), "ads", null, Money.of("300")));
    b.spend(new Spend(LocalDate.parse("2026-03-01"), "ads", null, Money.of("60")));
    return b.build();
  }

  @Test
  void paymentsArePurchasesOnTheirLocalDay() {
    List<Purchase> p = Ltv.purchases(data());
    assertEquals(List.of(
        new Purchase("A", LocalDate.parse("2026-01-05"), new BigDecimal("100")),
        new Purchase("A", LocalDate.parse("2026-02-10"), new BigDecimal("40.50")),
        new Purchase("A", LocalDate.parse("2026-02-20"), new BigDecimal("-10")),
        new Purchase("B", LocalDate.parse("2026-01-06"), new BigDecimal("50")),
        new Purchase("C", LocalDate.parse("2026-03-01"), new BigDecimal("70"))), p);
    // the purchases summarize to what the dataset route gives
    LocalDate until = LocalDate.parse("2026-03-01");
    assertEquals(Ltv.summarize(data(), until, RfmUnit.DAY), Ltv.summarize(p, until, RfmUnit.DAY));
  }

  @Test
  void theLastPurchaseDayIsTheLatestPaymentInTheZone() {
    assertEquals(Optional.of(LocalDate.parse("2026-03-01")), Ltv.lastPurchaseDay(data()));
    Dataset empty = Dataset.builder().table(DatasetTable.PAYMENTS).build();
    assertEquals(Optional.empty(), Ltv.lastPurchaseDay(empty));
    assertThrows(IllegalStateException.class, () -> Ltv.lastPurchaseDay(Dataset.builder().build()));
    assertThrows(IllegalStateException.class, () -> Ltv.purchases(Dataset.builder().build()));
  }

  @Test
  void handComputedAnalysisToTheLastPaymentDay() {
    Dataset d = data();
    LtvAnalysis a = Cohorts.ltv(d, LtvQuery.defaults().unit(RfmUnit.DAY));
    assertEquals(LocalDate.parse("2026-03-01"), a.until());
    RfmSummary s = a.rfm();
    assertEquals(3, s.size());
    assertEquals(1, s.repeatCustomers());
    RfmCustomer customerA = s.customers().get(0);
    // A: first day 01-05, one repeat day 02-10 (the refund-only day 02-20 is no purchase)
    assertEquals(1, customerA.x());
    assertEquals(36.0, customerA.tx(), 1e-12); // 01-05 .. 02-10
    assertEquals(55.0, customerA.T(), 1e-12); // 01-05 .. 03-01
    assertEquals(PurchaseModel.BGNBD, a.model());
    assertNull(a.paretoNbd());
    assertEquals(Ltv.bgNbd(s), a.bgNbd());
    // the channels as of the end of 2026-03-01 in Berlin: ads acquired A (January) and C (March,
    // local day of its payment) for 360 of spend; seo acquired B without a spend row
    ChannelLtvToCac ads = a.channels().channels().stream()
        .filter(c -> c.channel().equals("ads")).findFirst().orElseThrow();
    assertEquals(2, ads.customers());
    assertEquals(0, new BigDecimal("360").compareTo(ads.spend()));
    assertEquals(180.0, ads.cac(), 1e-12);
    ChannelLtvToCac seo = a.channels().channels().stream()
        .filter(c -> c.channel().equals("seo")).findFirst().orElseThrow();
    assertTrue(Double.isNaN(seo.cac()));
    assertTrue(LtvAnalysis.undefined(seo, a.channels()).containsKey("cac"));
    assertTrue(a.channelFootnotes().contains("CAC, LTV/CAC, payback: no spend rows for seo"),
        a.channelFootnotes().toString());
    assertTrue(a.text().contains("3 customers (1 repeat), observed to 2026-03-01"), a.text());
  }

  @Test
  void anEarlierEndLeavesLaterPaymentsAndSpendOut() {
    LtvAnalysis a = Cohorts.ltv(data(), LtvQuery.defaults().until(LocalDate.parse("2026-02-28")));
    assertEquals(2, a.rfm().size()); // C's first payment is on 03-01 in Berlin
    ChannelLtvToCac ads = a.channels().channels().stream()
        .filter(c -> c.channel().equals("ads")).findFirst().orElseThrow();
    assertEquals(1, ads.customers());
    assertEquals(0, new BigDecimal("300").compareTo(ads.spend())); // the 03-01 spend is later
    assertEquals(300.0, ads.cac(), 1e-12);
  }

  @Test
  void equalsTheSeparateCallsOnDemoData() {
    Dataset d = DemoData.builder().seed(3).leads(1_500).build().dataset();
    LocalDate until = Ltv.lastPurchaseDay(d).orElseThrow().minusDays(30);
    ClvTerms terms = ClvTerms.monthly(6, 0.02, 0.5);
    for (PurchaseModel model : PurchaseModel.values()) {
      LtvQuery q = LtvQuery.defaults().until(until).unit(RfmUnit.WEEK).model(model).terms(terms)
          .ltvAt(3).spendFallback(true);
      LtvAnalysis a = Cohorts.ltv(d, q);
      RfmSummary s = Ltv.summarize(d, until, RfmUnit.WEEK);
      assertEquals(s, a.rfm());
      var g = Ltv.gammaGamma(s);
      assertEquals(g, a.gammaGamma());
      double fallback = Ltv.observedMeanSpend(s);
      if (model == PurchaseModel.BGNBD) {
        assertEquals(Ltv.clv(s, Ltv.bgNbd(s), g, terms, fallback), a.clv());
      } else {
        assertEquals(Ltv.clv(s, Ltv.paretoNbd(s), g, terms, fallback), a.clv());
      }
      Instant endOfUntil = until.plusDays(1).atStartOfDay(d.zone()).toInstant().minusNanos(1);
      assertEquals(Cohorts.ltvToCac(d, dev.funnel.core.Granularity.MONTH, 0.5, 3, endOfUntil),
          a.channels());
    }
  }

  @Test
  void withoutRepeatBuyersThereIsNoSpendFitAndNoClv() {
    Dataset.Builder b = Dataset.builder();
    b.payment(new Payment(null, "A", null, Instant.parse("2026-01-05T00:00:00Z"), Money.of("10"), null));
    b.payment(new Payment(null, "B", null, Instant.parse("2026-01-09T00:00:00Z"), Money.of("20"), null));
    LtvAnalysis a = Cohorts.ltv(b.build(), LtvQuery.defaults());
    assertNull(a.gammaGamma());
    assertNull(a.clv());
    assertTrue(a.gammaGammaProblem() != null && !a.gammaGammaProblem().isBlank());
    assertTrue(a.text().contains("Gamma-Gamma: not fitted: "), a.text());
  }

  @Test
  void refusesDataWithoutPurchases() {
    Dataset empty = Dataset.builder().table(DatasetTable.PAYMENTS).build();
    assertThrows(IllegalArgumentException.class, () -> Cohorts.ltv(empty, LtvQuery.defaults()));
    assertThrows(IllegalArgumentException.class, () -> Cohorts.ltv(data(),
        LtvQuery.defaults().until(LocalDate.parse("2025-01-01"))));
    assertThrows(IllegalStateException.class, () -> Cohorts.ltv(Dataset.builder().build(),
        LtvQuery.defaults()));
    assertThrows(IllegalArgumentException.class, () -> LtvQuery.defaults().ltvAt(-1));
    assertEquals(PurchaseModel.PARETO_NBD, PurchaseModel.parse(" Pareto "));
    assertThrows(IllegalArgumentException.class, () -> PurchaseModel.parse("weibull"));
  }
}
