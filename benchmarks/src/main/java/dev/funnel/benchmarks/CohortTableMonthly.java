package dev.funnel.benchmarks;

import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The monthly cohort table of issue #5 (active customers, revenue and cumulative revenue per
 * cohort month and month index; docs/spec/metrics.md, "Cohorts and LTV") over {@code rows} payments of
 * {@code rows / 5} customers, UTC.
 *
 * <p>Data (generated in setup, seed 42): customer {@code i} pays first (payment {@code i}), the
 * other payments go to uniformly drawn customers; times uniform over 2024-2025 (second
 * resolution); amounts 1.00 to 500.00 with two decimals, 3% of them refunds (negative), so some
 * customers only have refunds (no cohort) and some refunds fall before a customer's first positive
 * payment (outside every cell).
 *
 * <ul>
 *   <li>{@code funnel}: {@link Cohorts#byFirstPayment} with {@link Granularity#MONTH} over the
 *       in-memory {@link Dataset} (built once in setup), plus each row's cumulative revenue;
 *   <li>{@code duckdbOneThread}, {@code duckdbAllThreads}: the payments loaded into a DuckDB table
 *       ({@code customer_id VARCHAR, paid_at TIMESTAMP, amount DECIMAL(18,2)}) through its appender
 *       in setup, then one SQL query: a customer's cohort is the month of its first positive
 *       payment, the index the difference in calendar months; per (cohort, index) the active
 *       customers (a positive payment), the exact revenue (refunds included), the cumulative
 *       revenue (a window sum over the index) and the cohort size;
 *   <li>{@code memoryBaseline}: summing 20 bytes per payment (an int customer code, an epoch long
 *       and a scaled long amount: the payments as columns).
 * </ul>
 *
 * <p>The setup checks, before anything is timed, that funnel and both DuckDB runs give the same
 * cohort sizes and, for every (cohort, index) with a payment, the same active count, revenue and
 * cumulative revenue (exact decimals).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CohortTableMonthly {

  /** Number of payments; customers are a fifth of it. */
  @Param("10000000")
  public long rows;

  private static final String SQL = """
      WITH p AS (
        SELECT customer_id, year(paid_at) * 12 + month(paid_at) - 1 AS m, amount FROM payments
      ),
      c AS (
        SELECT customer_id, min(m) AS cohort FROM p WHERE amount > 0 GROUP BY customer_id
      ),
      sizes AS (SELECT cohort, count(*) AS size FROM c GROUP BY cohort),
      cells AS (
        SELECT c.cohort, p.m - c.cohort AS idx,
               count(DISTINCT p.customer_id) FILTER (WHERE p.amount > 0) AS active,
               sum(p.amount) AS revenue
        FROM p JOIN c ON c.customer_id = p.customer_id
        WHERE p.m >= c.cohort
        GROUP BY c.cohort, idx
      )
      SELECT cells.cohort, cells.idx, sizes.size, cells.active, cells.revenue,
             sum(cells.revenue) OVER (PARTITION BY cells.cohort ORDER BY cells.idx) AS cumulative
      FROM cells JOIN sizes ON sizes.cohort = cells.cohort
      """;

  private Dataset dataset;
  private DuckDbPeer duckOne;
  private DuckDbPeer duckAll;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    dataset = generate(rows);
    baseline = new MemoryBaseline(rows * 20);
    duckOne = new DuckDbPeer(1);
    duckAll = new DuckDbPeer(Runtime.getRuntime().availableProcessors());
    load(duckOne.connection());
    load(duckAll.connection());
    Result ours = cells(Cohorts.byFirstPayment(dataset, Granularity.MONTH));
    check("duckdb (1 thread)", ours, query(duckOne));
    check("duckdb (all threads)", ours, query(duckAll));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duckOne.close();
    duckAll.close();
  }

  /** funnel: the monthly cohort table of the in-memory dataset and every row's cumulative revenue. */
  @Benchmark
  public void funnel(Blackhole bh) {
    CohortTable t = Cohorts.byFirstPayment(dataset, Granularity.MONTH);
    for (CohortRow r : t.cohorts()) {
      bh.consume(r.cumulativeRevenue());
    }
    bh.consume(t);
  }

  /** DuckDB, one worker thread, table already loaded. */
  @Benchmark
  public void duckdbOneThread(Blackhole bh) throws SQLException {
    bh.consume(query(duckOne));
  }

  /** DuckDB, all cores, table already loaded. */
  @Benchmark
  public void duckdbAllThreads(Blackhole bh) throws SQLException {
    bh.consume(query(duckAll));
  }

  /** Summing a long[] of 20 bytes per payment. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }

  /** One cell of the table: a cohort month ({@code 2024-03}) and a month index. */
  record Cell(String cohort, int index) {}

  /** Active customers, revenue and cumulative revenue of one cell (amounts at scale 2). */
  record Values(long active, BigDecimal revenue, BigDecimal cumulative) {}

  /** Cohort sizes by cohort month, and the cells that have at least one payment. */
  record Result(Map<String, Long> sizes, Map<Cell, Values> cells) {}

  /** The payments, deterministic for a given count. */
  static Dataset generate(long rows) {
    if (rows < 5 || rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rows must be in [5, 2^31), got " + rows);
    }
    int customers = (int) (rows / 5);
    String[] ids = new String[customers];
    for (int i = 0; i < customers; i++) {
      ids[i] = "c" + i;
    }
    long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    long span = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() - start;
    SplittableRandom rnd = new SplittableRandom(42);
    Dataset.Builder b = Dataset.builder().zone(ZoneOffset.UTC);
    for (long i = 0; i < rows; i++) {
      String customer = i < customers ? ids[(int) i] : ids[rnd.nextInt(customers)];
      Instant at = Instant.ofEpochSecond(start + rnd.nextLong(span));
      long cents = 100 + rnd.nextLong(49_901);
      if (rnd.nextInt(100) < 3) {
        cents = -cents;
      }
      b.payment(new Payment(null, customer, null, at, Money.of(BigDecimal.valueOf(cents, 2), "USD"), null));
    }
    return b.currency("USD").build();
  }

  /** Loads the payments (UTC local times, exact decimals) by appender. */
  private void load(DuckDBConnection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE payments (customer_id VARCHAR, paid_at TIMESTAMP, amount DECIMAL(18,2))");
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "payments")) {
      for (Payment p : dataset.payments()) {
        a.beginRow()
            .append(p.customerId())
            .append(LocalDateTime.ofInstant(p.paidAt(), ZoneOffset.UTC))
            .append(p.amount().amount())
            .endRow();
      }
    }
  }

  private static Result query(DuckDbPeer peer) throws SQLException {
    Map<String, Long> sizes = new HashMap<>();
    Map<Cell, Values> cells = new HashMap<>();
    try (PreparedStatement p = peer.connection().prepareStatement(SQL);
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        long m = r.getLong(1);
        String cohort = YearMonth.of((int) Math.floorDiv(m, 12), (int) Math.floorMod(m, 12) + 1).toString();
        sizes.put(cohort, r.getLong(3));
        cells.put(new Cell(cohort, r.getInt(2)),
            new Values(r.getLong(4), scale2(r.getBigDecimal(5)), scale2(r.getBigDecimal(6))));
      }
    }
    return new Result(sizes, cells);
  }

  /** The table's sizes and its cells with a payment (active or non-zero revenue). */
  private static Result cells(CohortTable t) {
    Map<String, Long> sizes = new HashMap<>();
    Map<Cell, Values> cells = new HashMap<>();
    for (CohortRow r : t.cohorts()) {
      String cohort = r.cohort().label();
      sizes.put(cohort, r.size());
      List<BigDecimal> cumulative = r.cumulativeRevenue();
      for (int k = 0; k < r.periods(); k++) {
        long active = r.active().get(k);
        BigDecimal revenue = r.revenue().get(k);
        if (active != 0 || revenue.signum() != 0) {
          cells.put(new Cell(cohort, k), new Values(active, scale2(revenue), scale2(cumulative.get(k))));
        }
      }
    }
    return new Result(sizes, cells);
  }

  private static BigDecimal scale2(BigDecimal v) {
    return v.setScale(2);
  }

  private static void check(String peer, Result ours, Result theirs) {
    if (!ours.sizes().equals(theirs.sizes())) {
      throw new IllegalStateException("funnel and " + peer + " disagree on cohort sizes: "
          + ours.sizes() + " vs " + theirs.sizes());
    }
    if (!ours.cells().equals(theirs.cells())) {
      List<String> diff = new ArrayList<>();
      for (Map.Entry<Cell, Values> e : ours.cells().entrySet()) {
        if (!e.getValue().equals(theirs.cells().get(e.getKey()))) {
          diff.add(e.getKey() + ": " + e.getValue() + " vs " + theirs.cells().get(e.getKey()));
        }
      }
      for (Cell c : theirs.cells().keySet()) {
        if (!ours.cells().containsKey(c)) {
          diff.add(c + ": absent vs " + theirs.cells().get(c));
        }
      }
      throw new IllegalStateException("funnel and " + peer + " disagree on " + diff.size()
          + " of " + ours.cells().size() + " cells, e.g. " + diff.stream().limit(5).toList());
    }
  }
}
