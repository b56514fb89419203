package dev.funnel.benchmarks;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Event-basis stage counts per month and channel (spec/metrics.md, "Counting conventions": a lead
 * counts for a stage in the month it first reached that stage or any later one) on the demo
 * dataset of {@code rows} leads ({@link DemoData}, seed 42, UTC).
 *
 * <ul>
 *   <li>{@code funnel}: {@link StageFunnel#compute} with an event query per month by channel, over
 *       the in-memory {@link Dataset} (built once in setup);
 *   <li>{@code funnelColumnar}: {@link StageFunnel#compute(Columns, FunnelQuery)}, the same query
 *       over the columnar form ({@link Columns#of(Dataset)} built once in setup, not timed, as
 *       DuckDB's load is not);
 *   <li>{@code duckdbOneThread}, {@code duckdbAllThreads}: the leads and stage changes loaded into
 *       DuckDB tables through its appender in setup, then one SQL query: per lead the first time
 *       into each progression stage, a range join for "that stage or any later one", counted per
 *       channel, month and stage;
 *   <li>{@code streams}: plain Java streams, {@code groupingBy} over the object rows;
 *   <li>{@code memoryBaseline}: summing as many bytes as the columnar form of the leads and stages
 *       tables ({@link Columns#footprint()}).
 * </ul>
 *
 * <p>The setup checks that all of them give the same count for every (channel, month, stage) before
 * anything is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StageFunnelCounts {

  /** Number of demo leads. */
  @Param("100000")
  public long rows;

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
  private Columns columns;
  private DuckDbPeer duckOne;
  private DuckDbPeer duckAll;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    dataset = DemoData.builder().leads(rows).build().dataset();
    if (!dataset.zone().equals(ZoneOffset.UTC)) {
      throw new IllegalStateException("the SQL peer counts UTC months; the demo zone is " + dataset.zone());
    }
    columns = Columns.of(dataset);
    Footprint f = columns.footprint();
    baseline = new MemoryBaseline(f.table("leads").bytes() + f.table("stages").bytes());
    duckOne = new DuckDbPeer(1);
    duckAll = new DuckDbPeer(Runtime.getRuntime().availableProcessors());
    load(duckOne.connection());
    load(duckAll.connection());
    Map<Cell, Long> ours = cells(StageFunnel.compute(dataset, QUERY));
    check("duckdb (1 thread)", ours, query(duckOne));
    check("duckdb (all threads)", ours, query(duckAll));
    check("streams", ours, streamCounts());
    check("funnel columnar", ours, cells(StageFunnel.compute(columns, QUERY)));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duckOne.close();
    duckAll.close();
  }

  /** funnel: the stage funnel of the in-memory dataset, one thread. */
  @Benchmark
  public FunnelReport funnel() {
    return StageFunnel.compute(dataset, QUERY);
  }

  /** funnel: the same report over the columnar form (built in setup), one thread. */
  @Benchmark
  public FunnelReport funnelColumnar() {
    return StageFunnel.compute(columns, QUERY);
  }

  /** DuckDB, one worker thread, tables already loaded. */
  @Benchmark
  public void duckdbOneThread(Blackhole bh) throws SQLException {
    bh.consume(query(duckOne));
  }

  /** DuckDB, all cores, tables already loaded. */
  @Benchmark
  public void duckdbAllThreads(Blackhole bh) throws SQLException {
    bh.consume(query(duckAll));
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
