package dev.funnel.io;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.quality.DataQuality;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Jazzer fuzz target of the calculators fed a fuzzed dataset: a directory built from one input of
 * up to 64 KiB ({@link FuzzDatasets}), read leniently, then the funnel (event and cohort basis,
 * by month and channel, and the conversion matrix), sales (win rates, deal size, cycle, time in
 * stages, exit reasons, pipeline, velocity, forecast, owners), unit economics, data quality,
 * SLA, plan vs actual, cohort tables (every basis), LTV/CAC and the recurring-revenue bridge,
 * attribution (every model over the touches, and over the paths table) and the funnel bridge
 * between two months. The default build replays the inputs under {@code
 * src/test/resources/dev/funnel/io/CalculatorsFuzzTestInputs}; {@code ./mvnw -Pfuzz} fuzzes (with
 * a 20-second limit per input, so an input that runs longer is a finding).
 *
 * <p>Property: each calculation gives a result or one of the documented exceptions: {@link
 * IllegalArgumentException} (a limit, an argument the data cannot serve: a period span, a Markov
 * chain past its states, a stage the catalog lacks), {@link IllegalStateException} (a table the
 * calculation needs is missing) or {@link ArithmeticException} (a count past a long). The work
 * budget is the calculations' own limits, set small here: 400 periods for cohort tables, 300
 * Markov states, 50 Shapley permutations; reading is the reader's contract (a refused
 * directory ends the input).
 */
class CalculatorsFuzzTest {

  private static final DatasetReader LENIENT = DatasetReader.lenient();
  private static final Instant AS_OF = Instant.parse("2026-06-30T23:59:59Z");
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final int MAX_PERIODS = 400;
  private static final AttributionOptions ATTRIBUTION = AttributionOptions.builder()
      .markovMaxStates(300).shapleyPermutations(50).build();
  private static final AttributionOptions ORDER_TWO = ATTRIBUTION.toBuilder().markovOrder(2)
      .keepRepeats(true).build();

  @DictionaryEntries({"@@leads.csv", "@@stages.csv", "@@activities.csv",
      "@@touches.csv", "@@payments.csv", "@@spend.csv", "@@plan.csv",
      "@@paths.csv", "lead_id", "created_at", "channel", "customer_id", "stage", "amount",
      "currency", "paid_at", "date", "period", "metric", "target", "path", "total_conversions",
      "owner", "reason", "touch_id", "kind", "2026-01-01T00:00:00Z", "2026-03-01", "2199-12-31",
      "1900-01-01", "EUR", "MQL", "SQL", "OPPORTUNITY", "WON", "LOST", "RETURNED", " > ",
      "9223372036854775807", "2026-Q1", "2026-03", "2026-W10", "leads", "cpl", "romi", "spend"})
  @FuzzTest(maxDuration = "10m")
  void everyCalculationGivesAResultOrADocumentedException(
      @NotNull @WithLength(max = 65536) byte[] data) {
    DatasetRead read;
    try {
      read = LENIENT.read(FuzzDatasets.directory(data));
    } catch (InvalidDataException | IllegalArgumentException | UncheckedIOException e) {
      return; // the reader's contract, checked by DatasetDirectoryFuzzTest
    }
    Dataset d = read.dataset();
    Period jan = Period.parse("2026-01");
    Period feb = Period.parse("2026-02");
    run(() -> DataQuality.check(d, read.tables(), AS_OF));
    run(() -> StageFunnel.compute(d, FunnelQuery.event().per(Granularity.MONTH)
        .by(Dimension.CHANNEL)));
    run(() -> StageFunnel.compute(d, FunnelQuery.cohort().between(FROM, AS_OF)
        .per(Granularity.WEEK).by(Dimension.SEGMENT, Dimension.OWNER)));
    run(() -> StageFunnel.matrix(d, FunnelQuery.cohort().by(Dimension.CHANNEL), 0.05));
    run(() -> Sales.winRate(d, "SQL", FROM, AS_OF, AS_OF));
    run(() -> Sales.dealSize(d, FROM, AS_OF, AS_OF));
    run(() -> Sales.cycle(d, "SQL", AS_OF, FROM, AS_OF));
    run(() -> Sales.timeInStages(d, AS_OF));
    run(() -> Sales.reasons(d, FROM, AS_OF));
    run(() -> Sales.pipeline(d, AS_OF, new BigDecimal("1000")));
    run(() -> Sales.velocity(d, AS_OF));
    run(() -> Sales.forecast(d, AS_OF, jan));
    run(() -> Sales.owners(d, AS_OF, FROM, AS_OF));
    run(() -> UnitEconomics.compute(d, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 7, 1),
        new BigDecimal("0.6")));
    run(() -> Sla.compute(d, SlaQuery.of("MQL", Duration.ofHours(4), AS_OF)));
    run(() -> PlanFact.compute(d, jan));
    for (CohortBasis b : CohortBasis.values()) {
      run(() -> Cohorts.table(d, Granularity.MONTH, b, null, MAX_PERIODS).averages());
    }
    run(() -> Cohorts.table(d, Granularity.DAY, CohortBasis.PAYMENT, AS_OF, MAX_PERIODS));
    run(() -> Cohorts.byGroup(d, Granularity.WEEK, dev.funnel.core.Lead::channel, null,
        MAX_PERIODS));
    run(() -> Cohorts.ltvToCac(d, Granularity.MONTH, 0.5, 12, MAX_PERIODS));
    run(() -> Cohorts.recurringRevenue(d, Granularity.MONTH));
    if (d.has(DatasetTable.TOUCHES)) {
      run(() -> {
        JourneySet js = JourneySet.fromDataset(d, null);
        for (Model m : Model.values()) {
          run(() -> Attribution.attribute(js, m, ATTRIBUTION));
        }
        run(() -> Attribution.attribute(js, Model.MARKOV, ORDER_TWO));
        return js;
      });
      run(() -> JourneySet.fromDataset(d, null, FROM, AS_OF));
    }
    if (d.has(DatasetTable.PATHS)) {
      run(() -> {
        JourneySet js = JourneySet.fromPaths(d.paths());
        for (Model m : new Model[] {Model.LINEAR, Model.POSITION, Model.MARKOV, Model.SHAPLEY}) {
          run(() -> Attribution.attribute(js, m, ATTRIBUTION));
        }
        return js;
      });
    }
    run(() -> FunnelBridge.builder().build().periods(d, jan, feb));
    run(() -> FunnelBridge.builder().by(Dimension.CHANNEL).build().periods(d, jan, feb));
    run(() -> FunnelBridge.builder().build().planVsActual(d, jan));
  }

  /** A calculation: its result, or a documented exception. */
  private static void run(java.util.function.Supplier<?> calculation) {
    try {
      calculation.get();
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      FuzzDatasets.oneLine(e);
    }
  }
}
