package dev.funnel.benchmarks;

import dev.funnel.cli.Funnel;
import dev.funnel.core.Dataset;
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
 * The whole {@code funnel report} (every section of {@code Report.SECTIONS}) through its Java
 * entry points, as of the end of 2026-12-31, on the demo dataset of {@code rows} leads (seed 42,
 * UTC; 10,000 and 1,000,000 by default). The target of issue #7: under 1 s warm on the default demo
 * dataset, under 10 s on 1M leads.
 *
 * <ul>
 *   <li>{@code funnel}: {@code funnel report --demo --leads rows} as a user runs it, generating
 *       the demo dataset in memory on every call, then computing and rendering the text;
 *   <li>{@code reportText}, {@code reportJson}: the report over the dataset generated once in
 *       setup ({@link Funnel#run(String[], Dataset, PrintStream, PrintStream, boolean)}), as text
 *       and as the JSON document: the report itself, without the generation.
 * </ul>
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
  @Param({"10000", "1000000"})
  public long rows;

  private String[] command;
  private Dataset dataset;
  private MemoryBaseline baseline;

  private static final String[] TEXT = {"report", "--as-of", "2026-12-31"};
  private static final String[] JSON = {"report", "--as-of", "2026-12-31", "--format", "json"};
  /** The members of the JSON report: the scope, then one per section. */
  private static final String[] SECTIONS = {"report", "dataset", "leads", "funnel", "deals",
      "channels", "attribution", "reasons", "sla", "plan", "bridge", "cohorts", "quality"};

  @Setup(Level.Trial)
  public void setUp() {
    command = new String[] {"report", "--demo", "--leads", Long.toString(rows), "--as-of", "2026-12-31"};
    dataset = DemoData.builder().leads(rows).build().dataset();
    Columns c = Columns.of(dataset);
    baseline = new MemoryBaseline(c.footprint().tableBytes() + c.footprint().dictionaryBytes());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String text = run(err).toString(StandardCharsets.UTF_8);
    check(text, err);
    String inMemory = run(TEXT, err).toString(StandardCharsets.UTF_8);
    check(inMemory, err);
    String json = run(JSON, err).toString(StandardCharsets.UTF_8);
    check(json, err);
    for (String key : SECTIONS) {
      if (!json.contains("\n  \"" + key + "\" : {")) {
        throw new IllegalStateException("the JSON report has no section " + key);
      }
    }
    if (json.contains("\"unavailable\"") || json.contains("\"missing\"")) {
      throw new IllegalStateException("a section of the JSON report is not available");
    }
  }

  private void check(String out, ByteArrayOutputStream err) {
    if (err.size() > 0) {
      throw new IllegalStateException("funnel report wrote to stderr: " + err.toString(StandardCharsets.UTF_8));
    }
    if (!out.matches("(?s).*\\n(leads\\s+|  *\"leads\" : )" + rows + "\\b.*")) {
      throw new IllegalStateException("the report does not show " + rows + " leads:\n"
          + out.substring(0, Math.min(2000, out.length())));
    }
  }

  /** The report over the dataset in memory, as the arguments ask. */
  private ByteArrayOutputStream run(String[] args, ByteArrayOutputStream errBytes) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream(1 << 20);
    try (PrintStream out = new PrintStream(outBytes, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, false, StandardCharsets.UTF_8)) {
      int code = Funnel.run(args, dataset, out, err, true);
      if (code != 0) {
        err.flush();
        throw new IllegalStateException("funnel report exited with " + code + ": "
            + errBytes.toString(StandardCharsets.UTF_8));
      }
    }
    return outBytes;
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

  /** The whole report as text over the dataset generated in setup; returns the bytes written. */
  @Benchmark
  public int reportText() {
    return run(TEXT, new ByteArrayOutputStream()).size();
  }

  /** The whole report as JSON over the dataset generated in setup; returns the bytes written. */
  @Benchmark
  public int reportJson() {
    return run(JSON, new ByteArrayOutputStream()).size();
  }

  /** Summing a long[] as large as the columnar demo dataset. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }
}
