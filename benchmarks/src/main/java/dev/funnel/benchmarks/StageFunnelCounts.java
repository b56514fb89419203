package dev.funnel.benchmarks;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Footprint;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.GroupFunnel;
import dev.funnel.core.funnel.PeriodFunnel;
import dev.funnel.core.funnel.StageCount;
import dev.funnel.core.funnel.StageFunnel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Event-basis stage counts per month and channel (docs/spec/metrics.md, "Counting conventions": a lead
 * counts for a stage in the month it first reached that stage or any later one) over {@code rows}
 * leads: with {@code changesPerLead = 0} the demo dataset ({@link DemoData}, seed 42, UTC; about
 * 1.7 stage changes per lead), otherwise {@link #denseHistories} (issue #3: 1M leads with
 * {@code changesPerLead = 10} are exactly 10M stage changes).
 *
 * <ul>
 *   <li>{@code funnel}: {@link StageFunnel#compute} with an event query per month by channel, over
 *       the in-memory {@link Dataset} (built once in setup, not timed, as DuckDB's load is not;
 *       a dataset is its columnar form, so this is the route every command takes);
 *   <li>{@code duckdbOneThread}, {@code duckdbAllThreads}: the leads and stage changes loaded into
 *       DuckDB tables through its appender in setup, then one SQL query: per lead the first time
 *       into each progression stage, a range join for "that stage or any later one", counted per
 *       channel, month and stage;
 *   <li>{@code streams}: plain Java streams, {@code groupingBy} over the object rows;
 *   <li>{@code memoryBaseline}: summing as many bytes as the columnar form of the leads and stages
 *       tables ({@link Columns#footprint()}).
 * </ul>
 *
 * <p>Each fork's setup checks, before anything is timed, that its method gives the same count for
 * every (channel, month, stage) as funnel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StageFunnelCounts {

  /** Number of leads. */
  @Param("100000")
  public long rows;

  /** 0: the demo dataset's own histories; n > 0: {@link #denseHistories} with n changes per lead. */
  @Param("0")
  public int changesPerLead;

  private static final FunnelQuery QUERY =
      FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL);

  private static final String SQL = """
      WITH firsts AS (
        SELECT s.lead_id, c.idx, min(s.changed_at) AS reached
        FROM stages s JOIN catalog c ON c.stage = s.stage
        WHERE NOT c.is_exit
        GROUP BY s.lead_id, c.idx
        UNION ALL
        SELECT lead_id, 0, created_at FROM leads
      ),
      reach AS (
        SELECT f.lead_id, k.idx, min(f.reached) AS reached
        FROM firsts f JOIN catalog k ON NOT k.is_exit AND f.idx >= k.idx
        GROUP BY f.lead_id, k.idx
      )
      SELECT l.channel, strftime(make_timestamp(r.reached), '%Y-%m') AS month, c.stage, count(*) AS n
      FROM reach r
        JOIN leads l ON l.lead_id = r.lead_id
        JOIN catalog c ON c.idx = r.idx AND NOT c.is_exit
      GROUP BY ALL
      """;

  private Dataset dataset;
  private DuckDbPeer duck;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws SQLException {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    dataset = changesPerLead == 0
        ? DemoData.builder().leads(rows).build().dataset()
        : denseHistories(Math.toIntExact(rows), changesPerLead, 42);
    if (!dataset.zone().equals(ZoneOffset.UTC)) {
      throw new IllegalStateException("the SQL peer counts UTC months; the demo zone is " + dataset.zone());
    }
    Footprint f = Columns.of(dataset).footprint();
    baseline = new MemoryBaseline(f.table("leads").bytes() + f.table("stages").bytes());
    System.out.printf("%n%,d leads, %,d stage changes; columnar leads + stages %,d bytes%n",
        dataset.leads().size(), dataset.stages().size(), f.table("leads").bytes() + f.table("stages").bytes());
    if (method.equals("memoryBaseline")) {
      return;
    }
    // every fork checks its own method against funnel's counts
    Map<Cell, Long> ours = cells(StageFunnel.compute(dataset, QUERY));
    switch (method) {
      case "funnel" -> { } // the reference itself
      case "streams" -> check("streams", ours, streamCounts());
      case "duckdbOneThread", "duckdbAllThreads" -> {
        duck = new DuckDbPeer(method.equals("duckdbOneThread") ? 1 : Runtime.getRuntime().availableProcessors());
        load(duck.connection());
        check("duckdb", ours, query(duck));
      }
      default -> throw new IllegalStateException("no check for " + method);
    }
  }

  /**
   * {@code leads} leads over 12 channels created uniformly over 13 months from 2025-10-01 (UTC),
   * each with a dense, realistic stage history in the default catalog: lead 2k gets {@code n} changes
   * (n uniform in 2..2m-2 for m = {@code perLead}) and lead 2k+1 gets {@code 2m - n}, so the total is
   * exactly {@code leads * m} (for an even count of leads). Each change is, from the current stage:
   * mostly the next stage, sometimes a skip of 2 or 3 stages, a step back (re-entry into an earlier
   * stage), or an exit (LOST or RETURNED); after an exit the lead comes back into a progression
   * stage; after WON it re-enters earlier (a new deal). Changes are 1 minute to 6 days apart, so
   * leads cross months. {@link SplittableRandom} with the seed.
   */
  static Dataset denseHistories(int leads, int perLead, long seed) {
    if (perLead < 2) {
      throw new IllegalArgumentException("dense histories need at least 2 changes per lead, got " + perLead);
    }
    SplittableRandom random = new SplittableRandom(seed);
    StageCatalog catalog = StageCatalog.DEFAULT;
    List<Stage> progression = catalog.progression();
    Stage lost = catalog.stage("LOST");
    Stage returned = catalog.stage("RETURNED");
    int won = progression.size() - 1;
    String[] channels = new String[12];
    for (int c = 0; c < channels.length; c++) {
      channels[c] = "ch" + (char) ('a' + c);
    }
    Instant start = Instant.parse("2025-10-01T00:00:00Z");
    long span = 395L * 86_400;
    Dataset.Builder b = Dataset.builder().zone(ZoneOffset.UTC).catalog(catalog);
    int previous = 0;
    for (int l = 0; l < leads; l++) {
      String id = String.format("L%07d", l);
      Instant created = start.plusSeconds(random.nextLong(span));
      b.lead(Lead.of(id, created, channels[random.nextInt(channels.length)]));
      int n = (l & 1) == 0 ? 2 + random.nextInt(2 * perLead - 3) : 2 * perLead - previous;
      previous = n;
      long t = 0;
      int at = 0; // progression index, -1 after an exit
      for (int k = 0; k < n; k++) {
        t += 60 + random.nextLong(6L * 86_400);
        Stage next;
        double u = random.nextDouble();
        if (at < 0) {
          at = random.nextInt(won); // back from LOST / RETURNED into a progression stage
          next = progression.get(at);
        } else if (at == won) {
          at = 1 + random.nextInt(won - 1); // a new deal: re-entry earlier in the funnel
          next = progression.get(at);
        } else if (u < 0.08) {
          at = -1;
          next = lost;
        } else if (u < 0.12) {
          at = -1;
          next = returned;
        } else if (u < 0.20 && at > 0) {
          at = random.nextInt(at); // step back
          next = progression.get(at);
        } else if (u < 0.30) {
          at = Math.min(won, at + 2 + random.nextInt(2)); // skip
          next = progression.get(at);
        } else {
          at++;
          next = progression.get(at);
        }
        b.stageChange(StageChange.of(id, next, created.plusSeconds(t)));
      }
    }
    return b.build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    if (duck != null) {
      duck.close();
    }
  }

  /** funnel: the stage funnel of the in-memory dataset, one thread. */
  @Benchmark
  public FunnelReport funnel() {
    return StageFunnel.compute(dataset, QUERY);
  }

  /** DuckDB, one worker thread, tables already loaded. */
  @Benchmark
  public void duckdbOneThread(Blackhole bh) throws SQLException {
    bh.consume(query(duck));
  }

  /** DuckDB, all cores, tables already loaded. */
  @Benchmark
  public void duckdbAllThreads(Blackhole bh) throws SQLException {
    bh.consume(query(duck));
  }

  /** Plain Java streams over the object rows. */
  @Benchmark
  public Map<Cell, Long> streams() {
    return streamCounts();
  }

  /** Summing a long[] as large as the columnar leads and stages tables. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }

  /** One count of the result: a channel, a month ({@code 2026-03}) and a stage name. */
  record Cell(String channel, String month, String stage) {}

  /**
   * The straightforward version: stage changes grouped by lead, then for each lead and progression
   * stage the earliest change into it or a later one (created_at for the first stage too),
   * grouped by channel, month and stage.
   */
  private Map<Cell, Long> streamCounts() {
    Map<String, List<StageChange>> byLead = dataset.stages().stream()
        .filter(c -> !c.stage().exit())
        .collect(Collectors.groupingBy(StageChange::leadId));
    List<Stage> progression = dataset.catalog().progression();
    return dataset.leads().stream()
        .flatMap(lead -> {
          List<StageChange> own = byLead.getOrDefault(lead.id(), List.of());
          return IntStream.range(0, progression.size())
              .mapToObj(k -> reach(lead, own, k)
                  .map(at -> new Cell(lead.channel(), month(at), progression.get(k).name())))
              .flatMap(Optional::stream);
        })
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static Optional<Instant> reach(Lead lead, List<StageChange> own, int k) {
    Optional<Instant> changed =
        own.stream().filter(c -> c.stage().index() >= k).map(StageChange::at).min(Instant::compareTo);
    if (k != 0) {
      return changed;
    }
    return Optional.of(changed.filter(t -> t.isBefore(lead.createdAt())).orElse(lead.createdAt()));
  }

  private static String month(Instant t) {
    return YearMonth.from(t.atOffset(ZoneOffset.UTC)).toString();
  }

  /** Loads the catalog, leads and stage changes (times as epoch microseconds) by appender. */
  private void load(DuckDBConnection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE catalog (stage VARCHAR, idx INTEGER, is_exit BOOLEAN)");
      s.execute("CREATE TABLE leads (lead_id VARCHAR, created_at BIGINT, channel VARCHAR)");
      s.execute("CREATE TABLE stages (lead_id VARCHAR, stage VARCHAR, changed_at BIGINT)");
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "catalog")) {
      for (Stage st : dataset.catalog().all()) {
        a.beginRow().append(st.name()).append(st.index()).append(st.exit()).endRow();
      }
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "leads")) {
      for (Lead l : dataset.leads()) {
        a.beginRow().append(l.id()).append(micros(l.createdAt())).append(l.channel()).endRow();
      }
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stages")) {
      for (StageChange sc : dataset.stages()) {
        a.beginRow().append(sc.leadId()).append(sc.stage().name()).append(micros(sc.at())).endRow();
      }
    }
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static Map<Cell, Long> query(DuckDbPeer peer) throws SQLException {
    Map<Cell, Long> out = new HashMap<>();
    try (PreparedStatement p = peer.connection().prepareStatement(SQL);
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.put(new Cell(r.getString(1), r.getString(2), r.getString(3)), r.getLong(4));
      }
    }
    return out;
  }

  /** The report's non-zero counts per (channel, month, stage). */
  private static Map<Cell, Long> cells(FunnelReport report) {
    Map<Cell, Long> out = new HashMap<>();
    for (GroupFunnel g : report.groups()) {
      for (PeriodFunnel p : g.periods()) {
        for (StageCount s : p.stages()) {
          if (s.count() != 0) {
            out.put(new Cell(g.key(), p.period(), s.stage()), s.count());
          }
        }
      }
    }
    return out;
  }

  private static void check(String peer, Map<Cell, Long> ours, Map<Cell, Long> theirs) {
    if (!ours.equals(theirs)) {
      Map<Cell, String> diff = new HashMap<>();
      for (Cell c : ours.keySet()) {
        if (!ours.get(c).equals(theirs.get(c))) {
          diff.put(c, ours.get(c) + " vs " + theirs.get(c));
        }
      }
      for (Cell c : theirs.keySet()) {
        if (!ours.containsKey(c)) {
          diff.put(c, "absent vs " + theirs.get(c));
        }
      }
      throw new IllegalStateException("funnel and " + peer + " disagree on " + diff.size()
          + " of " + ours.size() + " cells, e.g. " + diff.entrySet().stream().limit(5).toList());
    }
  }
}
