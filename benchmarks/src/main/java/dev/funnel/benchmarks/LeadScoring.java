package dev.funnel.benchmarks;

import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.scoring.LeadModel;
import dev.funnel.scoring.LeadProbabilities;
import dev.funnel.scoring.LeadScore;
import dev.funnel.scoring.LeadScores;
import dev.funnel.scoring.ScoreQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lead scoring on {@code rows} demo leads (seed 42, as of 2026-10-31T23:59:59Z): the issue's
 * "scoring 1M leads with the fitted model" and "fitting on 1M leads".
 *
 * <ul>
 *   <li>{@code funnel}: {@link LeadModel#probabilities}, the probability of reaching SQL within 30
 *       days of every lead at risk (each lead's state as of the instant read from the dataset's
 *       columns, its model columns, a dot product and the logistic function);
 *   <li>{@code withReasons}: {@link LeadModel#score}, the same with each lead's per-feature
 *       contributions, points and the list sorted;
 *   <li>{@code fitModel}: {@link LeadModel#fit}, the model fitted on every matured snapshot
 *       (about 3.4 snapshots per lead, 44 columns), from the dataset to the coefficients;
 *   <li>peer {@code dotProduct}: plain Java over a dense {@code double[][]} of as many rows as
 *       leads at risk and as many columns as the model, already in memory: the floor of scoring
 *       once the features exist.
 * </ul>
 * The setup fits the model and throws unless {@code funnel}'s probabilities equal, lead by lead,
 * those {@code withReasons} gives (1e-12).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LeadScoring {

  /** Number of demo leads. */
  @Param("1000000")
  public long rows;

  private static final Instant AS_OF = Instant.parse("2026-10-31T23:59:59Z");

  private Dataset data;
  private ScoreQuery query;
  private LeadModel model;
  private double[][] features;
  private double[] beta;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() {
    data = DemoData.builder().seed(42).leads((int) rows).build().dataset();
    query = ScoreQuery.of(AS_OF);
    model = LeadModel.fit(data, query);
    LeadProbabilities p = funnel();
    LeadScores s = withReasons();
    if (p.size() != s.leads().size()) {
      throw new IllegalStateException(p.size() + " probabilities, " + s.leads().size() + " scores");
    }
    Map<String, Double> byLead = new HashMap<>();
    for (LeadScore l : s.leads()) {
      byLead.put(l.leadId(), l.probability());
    }
    for (int i = 0; i < p.size(); i++) {
      Double q = byLead.get(p.leadIds().get(i));
      if (q == null || Math.abs(q - p.probability(i)) > 1e-12) {
        throw new IllegalStateException("lead " + p.leadIds().get(i) + ": " + p.probability(i)
            + " vs " + q);
      }
    }
    beta = model.regression().coefficients();
    SplittableRandom rnd = new SplittableRandom(42);
    features = new double[p.size()][beta.length];
    for (double[] f : features) {
      f[0] = 1;
      for (int j = 1; j < f.length; j++) {
        f[j] = rnd.nextDouble() < 0.3 ? rnd.nextDouble() * 4 : 0;
      }
    }
    baseline = new MemoryBaseline(8L * features.length * beta.length);
  }

  /** funnel: the probability of every lead at risk. */
  @Benchmark
  public LeadProbabilities funnel() {
    return model.probabilities(data, AS_OF);
  }

  /** The same leads with per-feature reasons and points. */
  @Benchmark
  public LeadScores withReasons() {
    return model.score(data, AS_OF);
  }

  /** Fitting the model on every matured snapshot. */
  @Benchmark
  public LeadModel fitModel() {
    return LeadModel.fit(data, query);
  }

  /** Dense rows already in memory: a dot product and the logistic function per row. */
  @Benchmark
  public void dotProduct(Blackhole bh) {
    double sum = 0;
    for (double[] f : features) {
      double eta = 0;
      for (int j = 0; j < f.length; j++) {
        eta += f[j] * beta[j];
      }
      sum += 1 / (1 + Math.exp(-eta));
    }
    bh.consume(sum);
  }

  /** Summing a long[] as large as the peer's rows. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }
}
