package dev.funnel.benchmarks;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelCredit;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.core.JourneyPath;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Rule-based attribution (issue #4: at least 20 million touches per second per model on one core,
 * at least 3x the same model in DuckDB SQL) over {@code rows} synthetic journeys: 1 to 9 touches
 * each (5 on average), channels drawn uniformly from 20, converted with probability
 * {@code 0.05 + 0.02 * touches}; {@link SplittableRandom} seed 42, so every run sees the same
 * journeys. One journey is one {@link JourneyPath} row (1 conversion or 1 null) and the set is
 * {@link JourneySet#fromPaths} (built once in setup, not timed).
 *
 * <ul>
 *   <li>{@code funnel}: {@link Attribution#attribute} with {@link Model#LINEAR} (per touch: each
 *       touch of a converting journey of n touches gets 1/n of its conversion);
 *   <li>{@code funnelFirst}, {@code funnelPosition}: the same call with {@link Model#FIRST} and
 *       {@link Model#POSITION} (40/20/40), for the per-model rate; not compared with a peer, their
 *       credits are checked to sum to the conversions;
 *   <li>{@code duckdbOneThread}, {@code duckdbAllThreads}: the linear credit in one SQL query over
 *       a table {@code touches(journey_id, position, channel, converted)} loaded by appender in
 *       setup: per converting journey its touch count by a window, then {@code sum(1/n)} per
 *       channel;
 *   <li>{@code memoryBaseline}: summing as many bytes as the input holds (4 bytes per touch for a
 *       channel code plus 16 per journey for its two counts).
 * </ul>
 *
 * <p>Setup throws before timing unless funnel and both DuckDB runs give every channel's linear
 * credit within 1e-9 relative, and the credits of every model sum to the conversions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleBasedAttribution {

  /** Number of journeys. */
  @Param("1000000")
  public int rows;

  static final int CHANNELS = 20;
  private static final double TOLERANCE = 1e-9;
  private static final AttributionOptions OPTIONS = AttributionOptions.DEFAULTS;
  private static final String SQL = "SELECT channel, sum(1.0::DOUBLE / n) FROM (SELECT channel,"
      + " count(*) OVER (PARTITION BY journey_id) AS n FROM touches WHERE converted) GROUP BY channel";

  private List<JourneyPath> paths;
  private JourneySet journeys;
  private long touches;
  private DuckDbPeer duckOne;
  private DuckDbPeer duckAll;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    paths = journeys(rows, CHANNELS, 42);
    touches = 0;
    for (JourneyPath p : paths) {
      touches += p.channels().size();
    }
    journeys = JourneySet.fromPaths(paths);
    baseline = new MemoryBaseline(4 * touches + 16L * rows);
    duckOne = new DuckDbPeer(1);
    duckAll = new DuckDbPeer(Runtime.getRuntime().availableProcessors());
    load(duckOne.connection());
    load(duckAll.connection());
    Map<String, Double> ours = credits(funnel());
    agree(ours, duckdbOneThread(), "DuckDB (1 thread)");
    agree(ours, duckdbAllThreads(), "DuckDB (all threads)");
    sumsToConversions(funnel());
    sumsToConversions(funnelFirst());
    sumsToConversions(funnelPosition());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duckOne.close();
    duckAll.close();
  }

  /**
   * {@code n} journeys over {@code channels} channels named {@code c000...}: 1 to 9 touches
   * (uniform), channels uniform, converted with probability {@code 0.05 + 0.02 * touches}.
   */
  static List<JourneyPath> journeys(int n, int channels, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] names = new String[channels];
    for (int c = 0; c < channels; c++) {
      names[c] = String.format("c%03d", c);
    }
    List<JourneyPath> out = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      int len = 1 + random.nextInt(9);
      String[] path = new String[len];
      for (int t = 0; t < len; t++) {
        path[t] = names[random.nextInt(channels)];
      }
      boolean converted = random.nextDouble() < 0.05 + 0.02 * len;
      out.add(new JourneyPath(Arrays.asList(path), converted ? 1 : 0, BigDecimal.ZERO,
          converted ? 0 : 1));
    }
    return out;
  }

  /** funnel: linear (per touch) credits. */
  @Benchmark
  public AttributionResult funnel() {
    return Attribution.attribute(journeys, Model.LINEAR, OPTIONS);
  }

  /** funnel: first-touch credits. */
  @Benchmark
  public AttributionResult funnelFirst() {
    return Attribution.attribute(journeys, Model.FIRST, OPTIONS);
  }

  /** funnel: position-based (40/20/40) credits. */
  @Benchmark
  public AttributionResult funnelPosition() {
    return Attribution.attribute(journeys, Model.POSITION, OPTIONS);
  }

  /** DuckDB, one thread: the linear credit per channel in SQL. */
  @Benchmark
  public Map<String, Double> duckdbOneThread() throws SQLException {
    return query(duckOne);
  }

  /** DuckDB, all threads: the linear credit per channel in SQL. */
  @Benchmark
  public Map<String, Double> duckdbAllThreads() throws SQLException {
    return query(duckAll);
  }

  /** Summing a long[] as large as the input. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }

  private void load(DuckDBConnection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE touches (journey_id INTEGER, position INTEGER, channel VARCHAR,"
          + " converted BOOLEAN)");
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "touches")) {
      for (int j = 0; j < paths.size(); j++) {
        JourneyPath p = paths.get(j);
        boolean converted = p.conversions() > 0;
        List<String> ch = p.channels();
        for (int t = 0; t < ch.size(); t++) {
          a.beginRow().append(j).append(t).append(ch.get(t)).append(converted).endRow();
        }
      }
    }
  }

  private static Map<String, Double> query(DuckDbPeer peer) throws SQLException {
    Map<String, Double> out = new TreeMap<>();
    try (PreparedStatement p = peer.connection().prepareStatement(SQL);
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.put(r.getString(1), r.getDouble(2));
      }
    }
    return out;
  }

  static Map<String, Double> credits(AttributionResult r) {
    Map<String, Double> out = new TreeMap<>();
    for (ChannelCredit c : r.channels()) {
      if (c.conversions() != 0) {
        out.put(c.channel(), c.conversions());
      }
    }
    return out;
  }

  private static void agree(Map<String, Double> ours, Map<String, Double> theirs, String who) {
    if (!ours.keySet().equals(theirs.keySet())) {
      throw new IllegalStateException("channels differ: funnel " + ours.keySet() + ", " + who
          + " " + theirs.keySet());
    }
    for (String c : ours.keySet()) {
      double a = ours.get(c);
      double b = theirs.get(c);
      if (!(Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b)))) {
        throw new IllegalStateException("linear credit of " + c + " differs: funnel " + a + ", "
            + who + " " + b);
      }
    }
  }

  /** Credits of a model sum to its conversions (1e-9 relative). */
  static void sumsToConversions(AttributionResult r) {
    double sum = 0;
    for (ChannelCredit c : r.channels()) {
      sum += c.conversions();
    }
    if (r.conversions() <= 0
        || !(Math.abs(sum - r.conversions()) <= TOLERANCE * r.conversions())) {
      throw new IllegalStateException(r.model() + " credits sum to " + sum + ", conversions "
          + r.conversions());
    }
  }
}
