package dev.funnel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.PathState;
import dev.funnel.attribution.TransitionState;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortState;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitEconomicsState;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import dev.funnel.io.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregations that join by customer or convert money equal the single-JVM results on the
 * same rows: 20,000 demo leads written to CSV with a tenth of the leads without a customer of
 * their own moved to a paying customer (repeat leads: several leads per customer), payments of a
 * quarter of the customers and the spend of two channels in EUR or GBP (as in funnel-cli's
 * {@code CrmCrossCheckIT}); read by {@link DatasetReader} with conversion rates and by
 * {@link SparkFunnel#read} {@link SparkFunnel#withRates with the same rates} over 4 partitions.
 */
class SparkFunnelCustomerTest {

  static final int LEADS = 20_000;
  static final BigDecimal EUR = new BigDecimal("1.0842");
  static final BigDecimal GBP = new BigDecimal("1.2675");
  static final CurrencyRates RATES = CurrencyRates.of("USD", Map.of("EUR", EUR, "GBP", GBP));

  @TempDir
  static Path dir;

  static SparkSession spark;
  static Dataset jvm;
  static SparkFunnel onSpark;

  @BeforeAll
  static void setUp() {
    Dataset gen = DemoData.builder().seed(77).leads(LEADS).build().dataset();
    DatasetWriter.write(gen, dir, FileFormat.CSV);
    DatasetWriter.write(Rows.LEADS, repeatLeads(gen), dir.resolve("leads.csv"), FileFormat.CSV);
    DatasetWriter.write(Rows.PAYMENTS, foreignPayments(gen.payments()), dir.resolve("payments.csv"),
        FileFormat.CSV);
    DatasetWriter.write(Rows.SPEND, foreignSpend(gen.spend()), dir.resolve("spend.csv"), FileFormat.CSV);
    jvm = DatasetReader.builder().rates(RATES).build().read(dir).dataset();
    spark = SparkSessions.local();
    onSpark = SparkFunnel.read(spark, dir.toString()).repartition(4).cache().withRates(RATES);
  }

  @AfterAll
  static void tearDown() {
    if (onSpark != null) {
      onSpark.unpersist();
    }
  }

  /** Every 10th lead without a customer of its own becomes a repeat lead of a paying customer. */
  static List<Lead> repeatLeads(Dataset gen) {
    List<String> customers = new ArrayList<>(new TreeSet<>(gen.payingCustomers()));
    List<Lead> out = new ArrayList<>();
    int plain = 0;
    for (Lead l : gen.leads()) {
      if (l.customerId().equals(l.id()) && plain++ % 10 == 0) {
        String customer = customers.get((int) ((plain * 7919L) % customers.size()));
        out.add(new Lead(l.id(), l.createdAt(), l.hasChannel() ? l.channel() : null, l.campaign(),
            l.segment(), l.owner(), customer, l.attributes()));
      } else {
        out.add(l);
      }
    }
    return out;
  }

  static String currencyOf(String key) {
    int h = Math.floorMod(key.hashCode(), 8);
    return h == 0 ? "EUR" : h == 1 ? "GBP" : "USD";
  }

  static Money foreign(BigDecimal usd, String cur) {
    return Money.of(cur.equals("USD") ? usd
        : usd.divide(cur.equals("EUR") ? EUR : GBP, 2, RoundingMode.HALF_EVEN), cur);
  }

  static List<Payment> foreignPayments(List<Payment> usd) {
    return usd.stream().map(p -> new Payment(p.paymentId(), p.customerId(), p.leadId(), p.paidAt(),
        foreign(p.amount().amount(), currencyOf(p.customerId())), p.product())).toList();
  }

  static List<Spend> foreignSpend(List<Spend> usd) {
    return usd.stream().map(s -> new Spend(s.date(), s.channel(), s.campaign(),
        foreign(s.amount().amount(), currencyOf(s.channel())))).toList();
  }

  @Test
  void theDataMixesCurrenciesAndSharesCustomers() {
    Set<String> written = foreignPayments(jvm.payments()).stream()
        .map(p -> p.amount().currency()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("EUR", "GBP", "USD"), written);
    assertTrue(jvm.payments().stream().anyMatch(p -> p.amount().amount().scale() > 2),
        "converted amounts carry the rate's digits");
    long customers = jvm.leads().stream().map(Lead::customerId).distinct().count();
    assertTrue(LEADS - customers > 100, "repeat leads: " + (LEADS - customers));
  }

  @Test
  void mixedCurrenciesAreConvertedAsTheReaderConvertsThem() {
    SparkFunnel plain = SparkFunnel.read(spark, dir.toString());
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, plain::currency);
    assertTrue(mixed.getMessage().contains("[EUR, GBP, USD]"), mixed.getMessage());
    assertEquals(jvm.currency(), onSpark.currency());
    assertEquals("USD", onSpark.currency());
    assertEquals(RATES, onSpark.rates());

    CohortState payment = Cohorts.empty(Granularity.MONTH, jvm.zone());
    for (Payment p : jvm.payments()) {
      payment.add(p);
    }
    CohortState s = onSpark.cohorts(Granularity.MONTH, CohortBasis.PAYMENT);
    assertEquals(payment, s);
    assertEquals(Cohorts.byFirstPayment(jvm, Granularity.MONTH), s.result());
    assertEquals(Cohorts.recurringRevenue(jvm, Granularity.MONTH), s.bridge());

    LocalDate from = LocalDate.of(2025, 11, 1);
    LocalDate to = LocalDate.of(2026, 8, 1);
    UnitEconomicsState t = onSpark.unitEconomics(from, to, UnitEconomics.NON_MARKETING);
    assertEquals(UnitEconomics.tally(jvm, from, to, UnitEconomics.NON_MARKETING), t);
    BigDecimal margin = new BigDecimal("0.6");
    assertEquals(UnitEconomics.compute(jvm, from, to, margin),
        t.result(onSpark.currency(), margin, dev.funnel.core.display.Formats.window(from, to)));
  }

  @Test
  void aCurrencyTheRatesCannotConvertFailsTheJob() {
    SparkFunnel noGbp = SparkFunnel.read(spark, dir.toString())
        .withRates(CurrencyRates.of("USD", Map.of("EUR", EUR)));
    Exception e = assertThrows(Exception.class,
        () -> noGbp.cohorts(Granularity.MONTH, CohortBasis.PAYMENT));
    String all = messages(e);
    assertTrue(all.contains("unknown_currency") && all.contains("GBP"), all);
  }

  static String messages(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append('\n');
    }
    return b.toString();
  }

  @Test
  void cohortsByFirstTouchAndBySqlDateJoinLeadsToTheirCustomers() {
    for (CohortBasis basis : List.of(CohortBasis.TOUCH, CohortBasis.SQL, CohortBasis.LEAD)) {
      CohortTable expected = Cohorts.table(jvm, Granularity.MONTH, basis);
      CohortTable actual = onSpark.cohorts(Granularity.MONTH, basis).result();
      assertEquals(expected, actual, basis.label());
      assertTrue(expected.customers() > 1_000, basis.label() + " customers " + expected.customers());
    }
    assertEquals(Cohorts.table(jvm, Granularity.WEEK, CohortBasis.TOUCH),
        onSpark.cohorts(Granularity.WEEK, CohortBasis.TOUCH).result());
  }

  static BigDecimal value(PathState c) {
    return c.paths().stream().map(JourneyPath::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void journeysValuedByPaidRevenueJoinEachLeadToItsCustomersPayments() {
    JourneyOptions paid = JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(30);
    FunnelQuery q = FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL);
    SparkFunnel.LeadStates s = onSpark.byLead(List.of(q), paid, 2, false);
    assertEquals(StageFunnel.tally(jvm, q), s.funnels().get(0));
    JourneySet js = JourneySet.fromDataset(jvm, paid);
    assertEquals(js.pathCounts(), s.journeys().paths());
    TransitionState expected = TransitionState.empty(2, false);
    for (JourneyPath p : js.paths()) {
      expected.add(p.channels(), p.conversions(), p.nulls());
    }
    assertEquals(expected, s.journeys().transitions());
    assertEquals(js.pathCounts(), onSpark.pathCounts(paid), "journeys alone, without funnels");
    // the value is the paid revenue, not the stage amount: the two routes differ on this data
    BigDecimal byPayments = value(s.journeys().paths());
    assertTrue(byPayments.signum() > 0, "paid revenue " + byPayments);
    assertTrue(byPayments.compareTo(value(JourneySet.fromDataset(jvm, JourneyOptions.DEFAULTS).pathCounts())) != 0);
  }
}
