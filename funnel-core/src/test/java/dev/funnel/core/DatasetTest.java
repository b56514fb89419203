package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final StageCatalog CAT = StageCatalog.DEFAULT;

  /** Random rows of every table, with many ties (same lead, same time, equal amounts written differently). */
  private static final class Rows {
    final List<Lead> leads = new ArrayList<>();
    final List<StageChange> stages = new ArrayList<>();
    final List<Activity> activities = new ArrayList<>();
    final List<Touch> touches = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Spend> spend = new ArrayList<>();
    final List<PlanTarget> plan = new ArrayList<>();
    final List<JourneyPath> paths = new ArrayList<>();

    Rows(long seed, int n) {
      Random r = new Random(seed);
      for (int i = 0; i < n; i++) {
        String id = "L" + i;
        Instant at = T0.plusSeconds(r.nextInt(5) * 3600L); // few distinct times: ties
        leads.add(new Lead(id, at, pick(r, "seo", "direct", null), pick(r, "c1", null), pick(r, "smb", null),
            pick(r, "ann", "bob", null), pick(r, "C1", "C2", null), Map.of()));
        for (int k = 0; k < r.nextInt(4); k++) {
          stages.add(new StageChange(id, CAT.get(r.nextInt(CAT.size())), at.plusSeconds(r.nextInt(3) * 60L),
              pick(r, "no_budget", null), money(amount(r)), pick(r, "ann", null)));
          touches.add(new Touch(id, at.minusSeconds(r.nextInt(3) * 60L), pick(r, "seo", "email"),
              pick(r, "c1", null), r.nextBoolean() ? TouchKind.ONLINE : TouchKind.OFFLINE, money(amount(r))));
          activities.add(new Activity(id, at.plusSeconds(r.nextInt(3)), pick(r, "call", "email"),
              pick(r, "ann", null), pick(r, "reached", null)));
        }
        if (r.nextBoolean()) {
          BigDecimal a = amount(r);
          payments.add(new Payment(pick(r, "P" + i, null), pick(r, "C1", "C2", id), id,
              T0.plusSeconds(r.nextInt(2)), Money.of(a == null ? BigDecimal.TEN : a, pick(r, "EUR", null)),
              pick(r, "pro", null)));
        }
      }
      for (int d = 0; d < n / 2 + 1; d++) {
        BigDecimal a = amount(r);
        spend.add(new Spend(LocalDate.of(2026, 3, 1 + r.nextInt(3)), pick(r, "seo", "email"), pick(r, "c1", null),
            Money.of(a == null ? BigDecimal.ONE : a.abs(), null)));
        plan.add(new PlanTarget(Period.parse(pick(r, "2026-03", "2026-Q1")), pick(r, "leads", "mql"),
            a == null ? BigDecimal.ONE : a, pick(r, "seo", null)));
        paths.add(new JourneyPath(JourneyPath.parseChannels(pick(r, "seo > email", "seo")), r.nextInt(3),
            a, r.nextInt(3)));
      }
    }

    Dataset build(Random order) {
      Dataset.Builder b = Dataset.builder().zone(ZoneId.of("Europe/Berlin"));
      shuffled(leads, order).forEach(b::lead);
      shuffled(stages, order).forEach(b::stageChange);
      shuffled(activities, order).forEach(b::activity);
      shuffled(touches, order).forEach(b::touch);
      shuffled(payments, order).forEach(b::payment);
      shuffled(spend, order).forEach(b::spend);
      shuffled(plan, order).forEach(b::planTarget);
      shuffled(paths, order).forEach(b::path);
      return b.build();
    }
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  /** An amount without a currency (it takes the dataset's), or null. */
  private static Money money(BigDecimal a) {
    return a == null ? null : Money.of(a);
  }

  /** Small amounts, often equal in value but written with different scales (1.5 and 1.50). */
  private static BigDecimal amount(Random r) {
    if (r.nextInt(4) == 0) {
      return null;
    }
    return BigDecimal.valueOf(r.nextInt(3) * 5, 1).setScale(1 + r.nextInt(2));
  }

  private static <T> List<T> shuffled(List<T> rows, Random order) {
    List<T> copy = new ArrayList<>(rows);
    Collections.shuffle(copy, order);
    return copy;
  }

  /** Same rows by equals and by text (equals ignores a BigDecimal scale in Money, not in records). */
  private static void assertSameRows(List<?> expected, List<?> actual) {
    assertEquals(expected, actual);
    assertEquals(expected.toString(), actual.toString());
  }

  @Test
  void sameRowsInAnyOrderGiveTheSameDataset() {
    qt().withExamples(40).forAll(longs().all(), integers().between(0, 40), longs().all())
        .checkAssert((seed, n, order) -> {
          Rows rows = new Rows(seed, n);
          Dataset a = rows.build(new Random(order));
          Dataset b = rows.build(new Random(order + 1));
          assertSameRows(a.leads(), b.leads());
          assertSameRows(a.stages(), b.stages());
          assertSameRows(a.activities(), b.activities());
          assertSameRows(a.touches(), b.touches());
          assertSameRows(a.payments(), b.payments());
          assertSameRows(a.spend(), b.spend());
          assertSameRows(a.plan(), b.plan());
          assertSameRows(a.paths(), b.paths());
          assertEquals(a.currency(), b.currency());
          assertEquals(a.toString(), b.toString());
          assertEquals(n.intValue(), a.size(DatasetTable.LEADS));
        });
  }

  @Test
  void tablesAreInTheirDocumentedOrder() {
    Dataset d = new Rows(42, 60).build(new Random(1));
    for (int i = 1; i < d.leads().size(); i++) {
      Lead p = d.leads().get(i - 1);
      Lead l = d.leads().get(i);
      assertTrue(p.createdAt().isBefore(l.createdAt())
          || p.createdAt().equals(l.createdAt()) && p.id().compareTo(l.id()) < 0);
    }
    for (int i = 1; i < d.stages().size(); i++) {
      StageChange p = d.stages().get(i - 1);
      StageChange s = d.stages().get(i);
      int c = p.leadId().compareTo(s.leadId());
      assertTrue(c < 0 || c == 0 && !p.at().isAfter(s.at()));
      if (c == 0 && p.at().equals(s.at())) {
        assertTrue(p.stage().index() <= s.stage().index(), "ties in time follow the catalog order");
      }
    }
    for (int i = 1; i < d.payments().size(); i++) {
      Payment p = d.payments().get(i - 1);
      Payment q = d.payments().get(i);
      int c = p.customerId().compareTo(q.customerId());
      assertTrue(c < 0 || c == 0 && !p.paidAt().isAfter(q.paidAt()));
    }
    for (int i = 1; i < d.spend().size(); i++) {
      assertFalse(d.spend().get(i - 1).date().isAfter(d.spend().get(i).date()));
    }
  }

  @Test
  void indexesAgreeWithTheTables() {
    Dataset d = new Rows(7, 50).build(new Random(3));
    int stages = 0;
    for (Lead l : d.leads()) {
      assertEquals(l, d.lead(l.id()));
      List<StageChange> own = d.stagesOf(l.id());
      stages += own.size();
      assertTrue(own.stream().allMatch(s -> s.leadId().equals(l.id())));
      assertEquals(d.stages().stream().filter(s -> s.leadId().equals(l.id())).toList(), own);
      assertEquals(d.touches().stream().filter(s -> s.leadId().equals(l.id())).toList(), d.touchesOf(l.id()));
      assertEquals(d.activities().stream().filter(s -> s.leadId().equals(l.id())).toList(), d.activitiesOf(l.id()));
    }
    assertEquals(d.stages().size(), stages);
    for (String c : d.payingCustomers()) {
      assertEquals(d.payments().stream().filter(p -> p.customerId().equals(c)).toList(), d.paymentsOf(c));
    }
    assertEquals(d.payments().stream().map(Payment::customerId).distinct().sorted().toList(),
        List.copyOf(d.payingCustomers()));
    assertNull(d.lead("nobody"));
    assertEquals(List.of(), d.stagesOf("nobody"));
    assertEquals(List.of(), d.paymentsOf("nobody"));
    assertThrows(UnsupportedOperationException.class, () -> d.leads().clear());
    assertThrows(UnsupportedOperationException.class, () -> d.stagesOf(d.leads().get(0).id()).clear());
  }

  @Test
  void duplicateLeadIdsAreRejected() {
    Dataset.Builder b = Dataset.builder().lead(Lead.of("a", T0, "seo"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.lead(Lead.of(" a ", T0.plusSeconds(1), "ppc")));
    assertEquals("duplicate lead_id 'a' in leads", e.getMessage());
  }

  private static Payment pay(String customer, String amount, String currency) {
    return new Payment(null, customer, null, T0, Money.of(amount, currency), null);
  }

  @Test
  void mixedCurrenciesAreRejectedUnlessConverted() {
    Dataset.Builder b = Dataset.builder().payment(pay("c", "10", "EUR")).payment(pay("c", "5", "USD"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("the dataset mixes currencies [EUR, USD] (EUR: payments; USD: payments);"
        + " supply conversion rates (CurrencyRates)", e.getMessage());
    // spend counts too
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.builder().payment(pay("c", "10", "EUR"))
        .spend(new Spend(LocalDate.of(2026, 3, 1), "seo", null, Money.of("3", "GBP"))).build());
    assertTrue(e.getMessage().contains("[EUR, GBP]"), e.getMessage());
    // a stated dataset currency conflicts with the rows'
    e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.builder().currency("usd").payment(pay("c", "10", "EUR")).build());
    assertTrue(e.getMessage().contains("[EUR, USD]"), e.getMessage());

    Dataset converted = Dataset.builder()
        .rates(CurrencyRates.of("EUR", Map.of("USD", new BigDecimal("0.9"))))
        .payment(pay("c", "10", "EUR")).payment(pay("c", "5", "USD")).payment(pay("c", "1", null))
        .build();
    assertEquals("EUR", converted.currency());
    assertEquals(Money.of("15.5", "EUR"),
        converted.payments().stream().map(Payment::amount).reduce(Money.zero(), Money::plus));
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.builder()
        .rates(CurrencyRates.of("EUR", Map.of("USD", new BigDecimal("0.9"))))
        .payment(pay("c", "5", "JPY")).build());
    assertEquals("no conversion rate from JPY to EUR; known: [USD]", e.getMessage());
  }

  @Test
  void rowsWithoutCurrencyTakeTheDatasets() {
    Dataset d = Dataset.builder().payment(pay("c", "10", "EUR")).payment(pay("c", "2", null))
        .spend(new Spend(LocalDate.of(2026, 3, 1), "seo", null, Money.of("3"))).build();
    assertEquals("EUR", d.currency());
    assertTrue(d.payments().stream().allMatch(p -> p.amount().currency().equals("EUR")));
    assertEquals("EUR", d.spend().get(0).amount().currency());
    Dataset stated = Dataset.builder().currency("chf").payment(pay("c", "2", null)).build();
    assertEquals("CHF", stated.currency());
    assertEquals(Money.of("2", "CHF"), stated.payments().get(0).amount());
    Dataset none = Dataset.builder().payment(pay("c", "2", null)).build();
    assertEquals(Money.UNSPECIFIED, none.currency());
    assertEquals(Money.UNSPECIFIED, Dataset.builder().build().currency());
  }

  @Test
  void stageAmountsAndTouchCostsAreInTheDatasetCurrency() {
    StageCatalog c = StageCatalog.DEFAULT;
    Instant won = T0.plusSeconds(60);
    // without a currency they take the dataset's, here the payments' EUR
    Dataset d = Dataset.builder().payment(pay("c", "10", "EUR"))
        .stageChange(StageChange.builder("a", c.won(), won).amount("1200.50").build())
        .stageChange(StageChange.of("a", c.first(), T0))
        .touch(Touch.builder("a", T0, "ads").cost("0.85").build())
        .touch(Touch.of("a", T0.plusSeconds(1), "seo"))
        .build();
    assertEquals("EUR", d.currency());
    assertEquals(Money.of("1200.50", "EUR"), d.stagesOf("a").get(1).amount());
    assertNull(d.stagesOf("a").get(0).amount(), "an absent amount stays absent");
    assertEquals(Money.of("0.85", "EUR"), d.touchesOf("a").get(0).cost());
    assertNull(d.touchesOf("a").get(1).cost());
    // a stated currency is the dataset's, even with no payment or spend
    Dataset usd = Dataset.builder()
        .stageChange(StageChange.builder("a", c.won(), won).amount(Money.of("5", "usd")).build())
        .touch(Touch.builder("a", T0, "ads").cost("1").build()).build();
    assertEquals("USD", usd.currency());
    assertEquals(Money.of("1", "USD"), usd.touches().get(0).cost());
    // a cut keeps them in the currency
    assertEquals(Money.of("5", "USD"), DatasetCut.asOf(usd, won).stages().get(0).amount());
    // nothing states one: no currency
    Dataset none = Dataset.builder()
        .stageChange(StageChange.builder("a", c.won(), won).amount("5").build()).build();
    assertEquals(Money.of("5"), none.stages().get(0).amount());
  }

  @Test
  void aStageAmountOrTouchCostInAnotherCurrencyIsRefusedUnlessConverted() {
    StageCatalog c = StageCatalog.DEFAULT;
    StageChange usdDeal = StageChange.builder("a", c.won(), T0).amount(Money.of("100", "USD")).build();
    Touch gbpClick = Touch.builder("a", T0, "ads").cost(Money.of("2", "GBP")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.builder().payment(pay("c", "10", "EUR")).stageChange(usdDeal).build());
    assertEquals("the dataset mixes currencies [EUR, USD] (EUR: payments; USD: stages);"
        + " supply conversion rates (CurrencyRates)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.builder().currency("EUR").touch(gbpClick).build());
    assertEquals("the dataset mixes currencies [EUR, GBP] (EUR: declared; GBP: touches);"
        + " supply conversion rates (CurrencyRates)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.builder().stageChange(usdDeal).touch(gbpClick).build());
    assertEquals("the dataset mixes currencies [GBP, USD] (GBP: touches; USD: stages);"
        + " supply conversion rates (CurrencyRates)", e.getMessage());
    // summing the records themselves is refused as a payment sum is
    e = assertThrows(IllegalArgumentException.class, () -> usdDeal.amount().plus(gbpClick.cost()));
    assertEquals("cannot combine USD and GBP amounts; supply conversion rates (CurrencyRates) to"
        + " convert to one currency", e.getMessage());

    // with rates both are converted (100 USD * 0.9 = 90 EUR, 2 GBP * 1.15 = 2.30 EUR)
    Dataset converted = Dataset.builder()
        .rates(CurrencyRates.of("EUR", Map.of("USD", new BigDecimal("0.9"), "GBP", new BigDecimal("1.15"))))
        .payment(pay("c", "10", "EUR")).stageChange(usdDeal).touch(gbpClick)
        .stageChange(StageChange.of("a", c.first(), T0.minusSeconds(1)))
        .touch(Touch.builder("a", T0.plusSeconds(1), "seo").cost("3").build())
        .build();
    assertEquals(Money.of("90", "EUR"), converted.stages().get(1).amount());
    assertNull(converted.stages().get(0).amount());
    assertEquals(List.of(Money.of("2.30", "EUR"), Money.of("3", "EUR")),
        converted.touches().stream().map(Touch::cost).toList());
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.builder()
        .rates(CurrencyRates.of("EUR", Map.of("USD", new BigDecimal("0.9")))).touch(gbpClick).build());
    assertEquals("no conversion rate from GBP to EUR; known: [USD]", e.getMessage());
  }

  @Test
  void anUnstatedBuilderCurrencyIsNoCurrency() {
    // currency(null) or currency("XXX") states nothing: rows in EUR make a EUR dataset
    assertEquals("EUR", Dataset.builder().currency(null).payment(pay("c", "2", "EUR")).build().currency());
    assertEquals("EUR", Dataset.builder().currency("XXX").payment(pay("c", "2", "EUR")).build().currency());
  }

  @Test
  void requireNamesTheMissingTableFile() {
    Dataset d = Dataset.builder().lead(Lead.of("a", T0, "seo")).table(DatasetTable.SPEND).build();
    assertEquals(EnumSet.of(DatasetTable.LEADS, DatasetTable.SPEND), d.tables());
    assertTrue(d.has(DatasetTable.SPEND), "a table given empty is present");
    assertEquals(0, d.size(DatasetTable.SPEND));
    d.require(DatasetTable.LEADS, "conversion rates");
    d.require(DatasetTable.SPEND, "CAC");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> d.require(DatasetTable.TOUCHES, "Markov attribution"));
    assertEquals("Markov attribution needs the touches table (touches.csv or touches.ndjson),"
        + " which this dataset does not have", e.getMessage());
    assertEquals(Set.of(), Dataset.builder().build().tables());
  }

  @Test
  void stagesOutsideTheCatalogAreRejected() {
    StageCatalog saas = StageCatalog.of(List.of("visitor", "trial", "paid"), List.of("churned"));
    Dataset.Builder b = Dataset.builder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.stageChange(StageChange.of("a", saas.stage("trial"), T0)));
    assertEquals("stage TRIAL of lead a is not in the catalog " + StageCatalog.DEFAULT, e.getMessage());
    Dataset d = Dataset.builder().catalog(saas).stageChange(StageChange.of("a", saas.stage("trial"), T0)).build();
    assertEquals(saas, d.catalog());
    assertEquals(1, d.stagesOf("a").size());
  }

  @Test
  void summaryListsTheTables() {
    Dataset d = new Rows(1, 5).build(new Random(1));
    assertTrue(d.toString().startsWith("Dataset: 5 leads, zone Europe/Berlin, currency "), d.toString());
    assertTrue(d.toString().contains("leads"));
    assertEquals(ZoneId.of("Europe/Berlin"), d.zone());
  }

  @Test
  void tableNames() {
    for (DatasetTable t : DatasetTable.values()) {
      assertEquals(t, DatasetTable.parse(" " + t.fileName().toUpperCase() + " "));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetTable.parse("deals"));
    assertEquals("unknown table 'deals'; expected one of leads, stages, activities, touches, payments, spend,"
        + " plan, paths", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DatasetTable.parse(null));
  }
}
