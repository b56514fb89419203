package dev.funnel.benchmarks;

import dev.funnel.core.Payment;
import dev.funnel.core.quality.TableRead;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.Rows;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a {@code payments.csv} of {@code rows} rows: funnel-io (strict, every column parsed
 * into {@link Payment} records, exact amount sum) against DuckDB's {@code read_csv} into a typed
 * table (one thread and all threads), and the memory-bandwidth baseline over the file's size.
 *
 * <p>Before timing, the setup checks that both readers agree on the row count and the exact sum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadPaymentsCsv {

  @Param("10000000")
  public long rows;

  private Path file;
  private DatasetReader reader;
  private DuckDbPeer duckOne;
  private DuckDbPeer duckAll;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    file = PaymentsFile.of(rows);
    reader = DatasetReader.strict();
    duckOne = new DuckDbPeer(1);
    duckAll = new DuckDbPeer(Runtime.getRuntime().availableProcessors());
    baseline = new MemoryBaseline(Files.size(file));
    Totals ours = readWithFunnel();
    DuckDbPeer.Totals theirs = duckOne.readPayments(file);
    if (ours.rows != theirs.rows() || ours.amount.compareTo(theirs.amount()) != 0) {
      throw new IllegalStateException(
          "readers disagree: funnel " + ours.rows + " rows, " + ours.amount + "; duckdb "
              + theirs.rows() + " rows, " + theirs.amount());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duckOne.close();
    duckAll.close();
  }

  private Totals readWithFunnel() {
    Totals t = new Totals();
    TableRead r = reader.forEach(Rows.PAYMENTS, file, p -> t.add(p));
    if (r.accepted() != t.rows) {
      throw new IllegalStateException("accepted " + r.accepted() + " but saw " + t.rows);
    }
    return t;
  }

  /** funnel-io, one thread: parse, validate, build records, exact sum. */
  @Benchmark
  public void funnel(Blackhole bh) {
    Totals t = readWithFunnel();
    bh.consume(t.rows);
    bh.consume(t.amount);
  }

  /** DuckDB read_csv into a typed table, one worker thread. */
  @Benchmark
  public void duckdbOneThread(Blackhole bh) throws SQLException {
    bh.consume(duckOne.readPayments(file));
  }

  /** DuckDB read_csv into a typed table, all cores. */
  @Benchmark
  public void duckdbAllThreads(Blackhole bh) throws SQLException {
    bh.consume(duckAll.readPayments(file));
  }

  /** Summing a long[] as large as the file: the hardware's floor for touching those bytes. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }

  /** Row count and exact amount sum (a long of cents would do, but the reader gives BigDecimal). */
  private static final class Totals {
    long rows;
    BigDecimal amount = BigDecimal.ZERO;

    void add(Payment p) {
      rows++;
      amount = amount.add(p.amount().amount());
    }
  }
}
