package dev.funnel.benchmarks;

import dev.funnel.cli.Funnel;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.demo.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * The whole {@code funnel report --demo --leads rows} command through its Java entry point
 * ({@link Funnel#run}): generating the demo dataset of {@code rows} leads in memory (seed 42,
 * UTC), computing every report section and rendering the text, as of the end of 2026-12-31. The
 * target of the issue: under 1 s warm on 10k leads, under 10 s on 1M leads. The report has the
 * sections of {@code Report.SECTIONS} on the branch built (when written: the dataset summary and
 * the data-quality report), so the figure grows as sections land.
 *
 * <p>No peer exists for the whole report, so this class reports {@code funnel} against
 * {@code memoryBaseline} only (summing as many bytes as the columnar form of the demo dataset,
 * {@link Columns#footprint()}, tables and dictionaries). The setup checks that the command
 * succeeds, writes nothing on stderr, and reports the generated number of leads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportDemo {

  /** Number of demo leads. */
  @Param("10000")
  public long rows;

  private String[] command;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() {
    command = new String[] {"report", "--demo", "--leads", Long.toString(rows), "--as-of", "2026-12-31"};
    Columns c = Columns.of(DemoData.builder().leads(rows).build().dataset());
    baseline = new MemoryBaseline(c.footprint().tableBytes() + c.footprint().dictionaryBytes());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String text = run(err).toString(StandardCharsets.UTF_8);
    if (err.size() > 0) {
      throw new IllegalStateException("funnel report wrote to stderr: " + err.toString(StandardCharsets.UTF_8));
    }
    if (!text.matches("(?s).*\\nleads\\s+" + rows + "\\b.*")) {
      throw new IllegalStateException("the report does not show " + rows + " leads:\n" + text);
    }
  }

  private ByteArrayOutputStream run(ByteArrayOutputStream errBytes) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream(1 << 16);
    try (PrintStream out = new PrintStream(outBytes, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, false, StandardCharsets.UTF_8)) {
      int code = Funnel.run(command, out, err, true);
      if (code != 0) {
        err.flush();
        throw new IllegalStateException("funnel report exited with " + code + ": "
            + errBytes.toString(StandardCharsets.UTF_8));
      }
    }
    return outBytes;
  }

  /** funnel: the whole report command, demo generation included; returns the bytes written. */
  @Benchmark
  public int funnel() {
    return run(new ByteArrayOutputStream()).size();
  }

  /** Summing a long[] as large as the columnar demo dataset. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }
}
