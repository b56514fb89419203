package dev.funnel.benchmarks;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelCredit;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.core.Journey;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Rule-based attribution (issue #4: at least 20 million touches per second per model on one core,
 * at least 3x the same model in DuckDB SQL), one {@code model} per parameter set, over {@code rows}
 * synthetic timed journeys: 1 to 9 touches each (5 on average, so ~5M touches at 1M journeys),
 * channels drawn uniformly from 20 ({@code direct} and {@code c001..c019}), gaps between touches of
 * up to 3 days, converted with probability {@code 0.05 + 0.02 * touches} within 2 days of the last
 * touch, with a value of 10.00 to 500.00; {@link SplittableRandom} seed 42. The journeys are
 * {@link JourneySet#fromJourneys} (touch ages known, so time decay runs), built in setup with one
 * untimed call, so its columnar form is built before timing as DuckDB's tables are loaded.
 *
 * <ul>
 *   <li>{@code funnel}: {@link Attribution#attribute} with the model (default options: direct is
 *       {@code direct}, position 40/20/40, time-decay half-life 7 days);
 *   <li>{@code duckdbOneThread}, {@code duckdbAllThreads}: the same model's conversion credit in
 *       one SQL query over {@code touches(journey_id, position, channel, converted, age)} loaded by
 *       appender in setup (first: {@code position = 0}; last: {@code arg_max}; last non-direct:
 *       {@code arg_max ... FILTER}; linear, position and time decay: window functions per
 *       journey);
 *   <li>{@code streams}: plain Java streams over the journey rows (per converting journey the
 *       weight vector, {@code groupingBy} channel, {@code summingDouble});
 *   <li>{@code memoryBaseline}: summing as many bytes as the input holds (4 bytes per touch for a
 *       channel code and 8 for its age, plus 16 per journey for its two counts).
 * </ul>
 *
 * <p>Each fork's setup builds only what its method needs and throws before timing unless that
 * method's credits equal funnel's for every channel within 1e-9 relative (funnel's own fork checks
 * it against the streams route and that its credits sum to the conversions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleBasedAttribution {

  /** Number of journeys. */
  @Param("1000000")
  public int rows;

  /** The rule-based model, by its command-line name. */
  @Param({"first", "last", "last-non-direct", "linear", "position", "time-decay"})
  public String model;

  static final int CHANNELS = 20;
  private static final double TOLERANCE = 1e-9;
  private static final AttributionOptions OPTIONS = AttributionOptions.DEFAULTS;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** One synthetic journey: channel names, touch ages in days before the end, converted or not. */
  record Row(String[] channels, double[] ages, boolean converted) {}

  private Model rule;
  private List<Row> rowsData;
  private JourneySet journeys;
  private long touches;
  private DuckDbPeer duck;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws SQLException {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    rule = Model.parse(model);
    List<Journey> generated = new ArrayList<>(rows);
    rowsData = timedJourneys(rows, 42, generated);
    touches = 0;
    for (Row r : rowsData) {
      touches += r.channels().length;
    }
    baseline = new MemoryBaseline(12 * touches + 16L * rows);
    System.out.printf("%n%,d journeys, %,d touches%n", rows, touches);
    if (method.equals("memoryBaseline")) {
      return;
    }
    journeys = JourneySet.fromJourneys(generated);
    generated = null;
    Map<String, Double> ours = credits(funnel());
    sumsToConversions(funnel());
    switch (method) {
      case "funnel", "streams" -> agree(ours, streamCredits(), "plain Java streams");
      case "duckdbOneThread", "duckdbAllThreads" -> {
        duck = new DuckDbPeer(method.equals("duckdbOneThread") ? 1 : Runtime.getRuntime().availableProcessors());
        load(duck.connection());
        agree(ours, query(duck), "DuckDB");
      }
      default -> throw new IllegalStateException("no check for " + method);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    if (duck != null) {
      duck.close();
    }
  }

  /** funnel: the model's channel credits. */
  @Benchmark
  public AttributionResult funnel() {
    return Attribution.attribute(journeys, rule, OPTIONS);
  }

  /** DuckDB, one thread: the model's conversion credit per channel in SQL. */
  @Benchmark
  public Map<String, Double> duckdbOneThread() throws SQLException {
    return query(duck);
  }

  /** DuckDB, all threads: the model's conversion credit per channel in SQL. */
  @Benchmark
  public Map<String, Double> duckdbAllThreads() throws SQLException {
    return query(duck);
  }

  /** Plain Java streams over the journey rows. */
  @Benchmark
  public Map<String, Double> streams() {
    return streamCredits();
  }

  /** Summing a long[] as large as the input. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }

  /**
   * {@code n} timed journeys (see the class comment); also adds each as a core {@link Journey} to
   * {@code out} (lead ids {@code j0000000...}, in id order).
   */
  static List<Row> timedJourneys(int n, long seed, List<Journey> out) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] names = new String[CHANNELS];
    names[0] = Touch.DIRECT;
    for (int c = 1; c < CHANNELS; c++) {
      names[c] = String.format("c%03d", c);
    }
    List<Row> rowsOut = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      String id = String.format("j%07d", j);
      int len = 1 + random.nextInt(9);
      String[] path = new String[len];
      long[] at = new long[len];
      long t = random.nextLong(365L * 86_400);
      List<Touch> ts = new ArrayList<>(len);
      for (int i = 0; i < len; i++) {
        t += random.nextLong(3L * 86_400);
        at[i] = t;
        path[i] = names[random.nextInt(CHANNELS)];
        ts.add(Touch.of(id, T0.plusSeconds(t), path[i]));
      }
      boolean converted = random.nextDouble() < 0.05 + 0.02 * len;
      long end = converted ? t + random.nextLong(2L * 86_400) : t;
      double[] ages = new double[len];
      for (int i = 0; i < len; i++) {
        ages[i] = (end - at[i]) / 86_400.0;
      }
      BigDecimal value = converted ? BigDecimal.valueOf(1_000 + random.nextLong(49_001), 2) : null;
      out.add(new Journey(id, ts, converted ? T0.plusSeconds(end) : null, value));
      rowsOut.add(new Row(path, ages, converted));
    }
    return rowsOut;
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

  /** The weights of a converting journey's touches under the model, written out plainly. */
  private double[] weights(Row r) {
    int n = r.channels().length;
    double[] w = new double[n];
    switch (rule) {
      case FIRST -> w[0] = 1;
      case LAST -> w[n - 1] = 1;
      case LAST_NON_DIRECT -> {
        int at = n - 1;
        while (at >= 0 && r.channels()[at].equals(Touch.DIRECT)) {
          at--;
        }
        w[at < 0 ? n - 1 : at] = 1;
      }
      case LINEAR -> Arrays.fill(w, 1.0 / n);
      case POSITION -> {
        if (n <= 2) {
          Arrays.fill(w, 1.0 / n);
        } else {
          Arrays.fill(w, 0.2 / (n - 2));
          w[0] = 0.4;
          w[n - 1] = 0.4;
        }
      }
      case TIME_DECAY -> {
        double youngest = Arrays.stream(r.ages()).min().orElseThrow();
        double sum = 0;
        for (int i = 0; i < n; i++) {
          w[i] = Math.pow(2, -(r.ages()[i] - youngest) / OPTIONS.halfLifeDays());
          sum += w[i];
        }
        for (int i = 0; i < n; i++) {
          w[i] /= sum;
        }
      }
      default -> throw new IllegalStateException("not a benchmarked model: " + rule);
    }
    return w;
  }

  private Map<String, Double> streamCredits() {
    return rowsData.stream()
        .filter(Row::converted)
        .flatMap(r -> {
          double[] w = weights(r);
          return IntStream.range(0, w.length).mapToObj(i -> Map.entry(r.channels()[i], w[i]));
        })
        .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
            Collectors.summingDouble(Map.Entry::getValue)))
        .entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  /** The model's conversion credit per channel in SQL (every converting journey is 1 conversion). */
  private String sql() {
    String converted = "FROM touches WHERE converted";
    String windowed = "SELECT channel, position, count(*) OVER (PARTITION BY journey_id) AS n "
        + converted;
    return switch (rule) {
      case FIRST -> "SELECT channel, count(*)::DOUBLE " + converted + " AND position = 0 GROUP BY channel";
      case LAST -> "SELECT ch, count(*)::DOUBLE FROM (SELECT arg_max(channel, position) AS ch "
          + converted + " GROUP BY journey_id) GROUP BY ch";
      case LAST_NON_DIRECT -> "SELECT ch, count(*)::DOUBLE FROM (SELECT coalesce("
          + "arg_max(channel, position) FILTER (WHERE channel <> 'direct'), arg_max(channel, position))"
          + " AS ch " + converted + " GROUP BY journey_id) GROUP BY ch";
      case LINEAR -> "SELECT channel, sum(1.0::DOUBLE / n) FROM (SELECT channel,"
          + " count(*) OVER (PARTITION BY journey_id) AS n " + converted + ") GROUP BY channel";
      case POSITION -> "SELECT channel, sum(CASE WHEN n <= 2 THEN 1.0::DOUBLE / n"
          + " WHEN position = 0 OR position = n - 1 THEN 0.4 ELSE 0.2 / (n - 2) END) FROM ("
          + windowed + ") GROUP BY channel";
      case TIME_DECAY -> "SELECT channel, sum(w / total) FROM (SELECT channel, w,"
          + " sum(w) OVER (PARTITION BY journey_id) AS total FROM (SELECT journey_id, channel,"
          + " pow(2.0, -(age - min(age) OVER (PARTITION BY journey_id)) / "
          + OPTIONS.halfLifeDays() + ") AS w " + converted + ")) GROUP BY channel";
      default -> throw new IllegalStateException("not a benchmarked model: " + rule);
    };
  }

  private void load(DuckDBConnection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE touches (journey_id INTEGER, position INTEGER, channel VARCHAR,"
          + " converted BOOLEAN, age DOUBLE)");
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "touches")) {
      for (int j = 0; j < rowsData.size(); j++) {
        Row r = rowsData.get(j);
        for (int t = 0; t < r.channels().length; t++) {
          a.beginRow().append(j).append(t).append(r.channels()[t]).append(r.converted())
              .append(r.ages()[t]).endRow();
        }
      }
    }
  }

  private Map<String, Double> query(DuckDbPeer peer) throws SQLException {
    Map<String, Double> out = new TreeMap<>();
    try (PreparedStatement p = peer.connection().prepareStatement(sql());
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        if (r.getDouble(2) != 0) {
          out.put(r.getString(1), r.getDouble(2));
        }
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
        throw new IllegalStateException("credit of " + c + " differs: funnel " + a + ", "
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
