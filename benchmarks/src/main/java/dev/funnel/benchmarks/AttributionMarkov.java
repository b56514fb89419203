package dev.funnel.benchmarks;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.RemovalEffects;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.demo.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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

/**
 * Markov order-1 removal effects (Anderl et al. 2016; the Markov model of
 * {@code dev.funnel.attribution}) on the journey set of the demo dataset of {@code rows} leads
 * ({@link DemoData}, seed 42; journeys built with {@link JourneyOptions#DEFAULTS}, consecutive
 * repeats collapsed).
 *
 * <ul>
 *   <li>{@code funnel}: {@link Attribution#removalEffects} (exact state elimination, every
 *       removal from one recursive halving of the channels), turned into conversion credits;
 *   <li>{@code plainJava}: the straightforward route from the path rows: transition counts in
 *       nested maps, a dense row-stochastic matrix, then power iteration of the start
 *       distribution until the mass left in transient states is below 1e-15, once for the full
 *       chain and once per removed channel (its state sent to null);
 *   <li>{@code memoryBaseline}: summing as many bytes as the path rows hold (4 bytes per channel
 *       step plus 16 for the two counts).
 * </ul>
 *
 * <p>Credits are {@code conversions * effect / sum of effects}. The setup checks that both give
 * every channel's credit within 1e-9 before timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AttributionMarkov {

  /** Number of demo leads. */
  @Param("100000")
  public long rows;

  private static final AttributionOptions ORDER_ONE =
      AttributionOptions.builder().markovOrder(1).keepRepeats(false).build();
  private static final double TOLERANCE = 1e-9;
  private static final String START = "(start)";

  private JourneySet journeys;
  private List<JourneyPath> paths;
  private long conversions;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() {
    journeys = JourneySet.fromDataset(DemoData.builder().leads(rows).build().dataset(),
        JourneyOptions.DEFAULTS);
    paths = journeys.paths();
    conversions = journeys.conversions();
    long bytes = 0;
    for (JourneyPath p : paths) {
      bytes += 4L * p.channels().size() + 16;
    }
    baseline = new MemoryBaseline(bytes);
    Map<String, Double> ours = funnel();
    Map<String, Double> theirs = plainJava();
    if (!ours.keySet().equals(theirs.keySet())) {
      throw new IllegalStateException("channels differ: funnel " + ours.keySet() + ", plain Java "
          + theirs.keySet());
    }
    for (String c : ours.keySet()) {
      if (!(Math.abs(ours.get(c) - theirs.get(c)) <= TOLERANCE)) {
        throw new IllegalStateException("credit of " + c + " differs: funnel " + ours.get(c)
            + ", plain Java " + theirs.get(c));
      }
    }
  }

  /** funnel: exact removal effects of the order-1 chain, as conversion credits per channel. */
  @Benchmark
  public Map<String, Double> funnel() {
    RemovalEffects r = Attribution.removalEffects(journeys, ORDER_ONE);
    return credits(r.effects());
  }

  /** Plain Java: nested-map counts, dense matrix, power iteration per removed channel. */
  @Benchmark
  public Map<String, Double> plainJava() {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    Map<String, long[]> ends = new TreeMap<>(); // state -> {conversions, nulls}
    for (JourneyPath p : paths) {
      long weight = p.conversions() + p.nulls();
      if (weight == 0) {
        continue;
      }
      String from = START;
      for (String c : p.channels()) {
        if (c.equals(from)) {
          continue; // a repeat of the same channel is not a step
        }
        counts.computeIfAbsent(from, k -> new TreeMap<>()).merge(c, weight, Long::sum);
        from = c;
      }
      long[] e = ends.computeIfAbsent(from, k -> new long[2]);
      e[0] += p.conversions();
      e[1] += p.nulls();
    }
    TreeSet<String> channels = new TreeSet<>();
    counts.values().forEach(m -> channels.addAll(m.keySet()));
    List<String> states = new ArrayList<>();
    states.add(START);
    states.addAll(channels);
    int n = states.size();
    int conv = n;
    int nul = n + 1;
    double[][] matrix = new double[n + 2][n + 2];
    for (int i = 0; i < n; i++) {
      Map<String, Long> out = counts.getOrDefault(states.get(i), Map.of());
      long[] e = ends.getOrDefault(states.get(i), new long[2]);
      double total = e[0] + e[1];
      for (long v : out.values()) {
        total += v;
      }
      for (Map.Entry<String, Long> t : out.entrySet()) {
        matrix[i][states.indexOf(t.getKey())] = t.getValue() / total;
      }
      matrix[i][conv] = e[0] / total;
      matrix[i][nul] = e[1] / total;
    }
    matrix[conv][conv] = 1;
    matrix[nul][nul] = 1;
    double p = absorbed(matrix, -1);
    Map<String, Double> effects = new TreeMap<>();
    for (int i = 1; i < n; i++) {
      effects.put(states.get(i), p > 0 ? 1 - absorbed(matrix, i) / p : Double.NaN);
    }
    return credits(effects);
  }

  /**
   * P(conversion) from the start by power iteration of the state distribution, the removed state
   * (or none for -1) sending its mass to null.
   */
  private static double absorbed(double[][] matrix, int removed) {
    int m = matrix.length;
    double[] v = new double[m];
    v[0] = 1;
    for (int step = 0; step < 1_000_000; step++) {
      double[] next = new double[m];
      for (int i = 0; i < m; i++) {
        if (v[i] == 0) {
          continue;
        }
        if (i == removed) {
          next[m - 1] += v[i];
          continue;
        }
        for (int j = 0; j < m; j++) {
          next[j] += v[i] * matrix[i][j];
        }
      }
      v = next;
      double live = 0;
      for (int i = 0; i < m - 2; i++) {
        live += v[i];
      }
      if (live < 1e-15) {
        break;
      }
    }
    return v[m - 2];
  }

  private Map<String, Double> credits(Map<String, Double> effects) {
    double total = 0;
    for (double e : effects.values()) {
      total += e;
    }
    Map<String, Double> out = new TreeMap<>();
    for (Map.Entry<String, Double> e : effects.entrySet()) {
      out.put(e.getKey(), conversions * e.getValue() / total);
    }
    return out;
  }

  /** Summing a long[] as large as the path rows. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }
}
