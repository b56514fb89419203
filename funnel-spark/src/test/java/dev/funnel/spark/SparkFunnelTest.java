package dev.funnel.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.attribution.PathState;
import dev.funnel.attribution.TransitionState;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortState;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Payment;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.money.UnitEconomicsState;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark results equal the single-JVM results exactly on the same data: 100,000 demo leads written
 * to CSV with {@link DatasetWriter}, read by Spark through {@link SparkFunnel#read} (spread over 8
 * partitions) and by the single-JVM {@link DatasetReader}; every aggregation compared as states
 * (equal byte forms) and as result records.
 */
class SparkFunnelTest {

  static final int LEADS = 100_000;

  @TempDir
  static Path dir;

  static SparkSession spark;
  static Dataset jvm;
  static SparkFunnel onSpark;

  @BeforeAll
  static void setUp() throws IOException {
    Dataset demo = DemoData.builder().seed(2026).leads(LEADS).build().dataset();
    DatasetWriter.write(demo, dir, FileFormat.CSV);
    jvm = DatasetReader.strict().read(dir).dataset();
    assertEquals(LEADS, jvm.leads().size());
    assertTrue(Files.exists(dir.resolve("touches.csv")));
    spark = SparkSessions.local();
    onSpark = SparkFunnel.read(spark, dir.toString()).repartition(8).cache();
  }

  @AfterAll
  static void tearDown() {
    if (onSpark != null) {
      onSpark.unpersist();
    }
  }

  /** Funnels and journeys of one grouping by lead, computed once for the two tests below. */
  static SparkFunnel.LeadStates byLead;

  static synchronized SparkFunnel.LeadStates byLead() {
    if (byLead == null) {
      byLead = onSpark.byLead(QUERIES, JourneyOptions.DEFAULTS, 2, false);
    }
    return byLead;
  }

  static final List<FunnelQuery> QUERIES = List.of(
      FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL),
      FunnelQuery.cohort().per(Granularity.MONTH).by(Dimension.CHANNEL));

  @Test
  void funnelByChannelAndMonthOnBothBases() {
    List<FunnelState> tallies = byLead().funnels();
    for (int i = 0; i < QUERIES.size(); i++) {
      FunnelState expected = StageFunnel.tally(jvm, QUERIES.get(i));
      assertArrayEquals(expected.toBytes(), tallies.get(i).toBytes(), QUERIES.get(i).toString());
      assertEquals(expected, tallies.get(i));
      assertEquals(StageFunnel.compute(jvm, QUERIES.get(i)), tallies.get(i).result());
    }
    assertEquals(LEADS, tallies.get(1).result().count("LEAD"), "every lead counted once");
  }

  @Test
  void attributionPathAndTransitionCountsAndModels() {
    SparkFunnel.Journeys j = byLead().journeys();
    JourneySet js = JourneySet.fromDataset(jvm, JourneyOptions.DEFAULTS);
    PathState expectedPaths = js.pathCounts();
    assertEquals(expectedPaths, j.paths());
    assertArrayEquals(expectedPaths.toBytes(), j.paths().toBytes());
    TransitionState expectedTransitions = TransitionState.empty(2, false);
    for (JourneyPath p : js.paths()) {
      expectedTransitions.add(p.channels(), p.conversions(), p.nulls());
    }
    assertEquals(expectedTransitions, j.transitions());
    assertEquals(expectedTransitions.removalEffects(), j.transitions().removalEffects());
    JourneySet fromSpark = JourneySet.fromCounts(j.paths());
    JourneySet fromJvm = JourneySet.fromCounts(expectedPaths);
    assertEquals(js.conversions(), fromSpark.conversions());
    assertTrue(fromSpark.conversions() > 1_000, "conversions " + fromSpark.conversions());
    for (Model m : List.of(Model.LINEAR, Model.LAST_NON_DIRECT, Model.MARKOV, Model.SHAPLEY)) {
      assertEquals(Attribution.attribute(fromJvm, m), Attribution.attribute(fromSpark, m), m.label());
    }
    AttributionOptions second = AttributionOptions.builder().markovOrder(2).build();
    assertEquals(Attribution.removalEffects(fromJvm, second), Attribution.removalEffects(fromSpark, second));
  }

  @Test
  void cohortTablesByFirstPaymentAndByLeadCreation() {
    CohortState payment = Cohorts.empty(Granularity.MONTH, jvm.zone());
    for (Payment p : jvm.payments()) {
      payment.add(p);
    }
    CohortState onSparkPayment = onSpark.cohorts(Granularity.MONTH, CohortBasis.PAYMENT);
    assertEquals(payment, onSparkPayment);
    assertEquals(Cohorts.byFirstPayment(jvm, Granularity.MONTH), onSparkPayment.result());
    assertEquals(Cohorts.recurringRevenue(jvm, Granularity.MONTH), onSparkPayment.bridge());
    assertEquals(Cohorts.table(jvm, Granularity.MONTH, CohortBasis.LEAD),
        onSpark.cohorts(Granularity.MONTH, CohortBasis.LEAD).result());
  }

  @Test
  void unitEconomicsByChannelAndCampaign() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate to = LocalDate.of(2026, 7, 1);
    UnitEconomicsState t = onSpark.unitEconomics(from, to, UnitEconomics.NON_MARKETING);
    assertEquals(UnitEconomics.tally(jvm, from, to, UnitEconomics.NON_MARKETING), t);
    assertEquals(jvm.currency(), onSpark.currency());
    BigDecimal margin = new BigDecimal("0.6");
    UnitReport expected = UnitEconomics.compute(jvm, from, to, margin);
    assertEquals(expected, t.result(onSpark.currency(), margin, expected.window()));
  }
}
