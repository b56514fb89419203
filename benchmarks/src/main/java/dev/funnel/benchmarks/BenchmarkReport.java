package dev.funnel.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and writes the results with every score stated as a ratio to the peer and
 * to the memory-bandwidth baseline of the same run.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [rows] [include-regex]}. {@code rows}
 * (digits, or several comma-separated) overrides every class's {@code @Param rows}; without it each
 * class runs at its own default size (its javadoc says what {@code rows} counts there). A first
 * argument that is not a number is taken as the include regex. Writes
 * {@code benchmarks/results/latest.json} (JMH's JSON) and {@code benchmarks/results/latest.md}
 * (the ratio table kept in README). Each benchmark class has one method named {@code funnel}, its
 * peers, and {@code memoryBaseline}; ratios are taken within a class and a parameter set.
 */
public final class BenchmarkReport {

  private BenchmarkReport() {}

  public static void main(String[] args) throws RunnerException, IOException {
    boolean sized = args.length > 0 && args[0].matches("\\d+(,\\d+)*");
    String rows = sized ? args[0] : null;
    int next = sized ? 1 : 0;
    String include = args.length > next ? args[next] : "dev\\.funnel\\.benchmarks\\..*";
    Path out = Path.of(System.getProperty("funnel.bench.results", "benchmarks/results"));
    Files.createDirectories(out);
    ChainedOptionsBuilder opts =
        new OptionsBuilder()
            .include(include)
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend("-Xmx8g")
            .resultFormat(ResultFormatType.JSON)
            .result(out.resolve("latest.json").toString());
    if (rows != null) {
      opts.param("rows", rows.split(","));
    }
    Collection<RunResult> results = new Runner(opts.build()).run();
    String table = ratios(results, rows);
    Files.writeString(out.resolve("latest.md"), table, StandardCharsets.UTF_8);
    System.out.print(table);
  }

  /** A markdown table: per benchmark class, each method's time and its ratios. */
  static String ratios(Collection<RunResult> results, String rows) {
    Map<String, Map<String, double[]>> byClass = new LinkedHashMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      int dot = label.lastIndexOf('.');
      String cls = label.substring(label.lastIndexOf('.', dot - 1) + 1, dot);
      String method = label.substring(dot + 1);
      String key = cls + paramsOf(r);
      byClass.computeIfAbsent(key, k -> new LinkedHashMap<>())
          .put(method, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
    }
    StringBuilder b = new StringBuilder();
    b.append("| benchmark | method | ms/op | ± | × funnel | × memory baseline |\n");
    b.append("|---|---|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Map<String, double[]>> e : byClass.entrySet()) {
      double[] funnel = e.getValue().get("funnel");
      double[] base = e.getValue().get("memoryBaseline");
      List<String> methods = new ArrayList<>(e.getValue().keySet());
      for (String m : methods) {
        double[] s = e.getValue().get(m);
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
            e.getKey(), m, figure(s[0]), figure(s[1]),
            funnel == null ? "-" : figure(s[0] / funnel[0]),
            base == null ? "-" : figure(s[0] / base[0])));
      }
    }
    b.append("\nrows = ").append(rows == null ? "each class's default (shown per benchmark)" : rows)
        .append("; ratios are times (lower is faster); ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append('\n');
    return b.toString();
  }

  /** Three significant digits, at least one decimal: small baselines do not print as 0.0. */
  static String figure(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    int decimals = Math.max(1, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String paramsOf(RunResult r) {
    StringBuilder b = new StringBuilder();
    for (String k : r.getParams().getParamsKeys()) {
      b.append(b.length() == 0 ? " (" : ", ").append(k).append('=').append(r.getParams().getParam(k));
    }
    return b.length() == 0 ? "" : b.append(')').toString();
  }
}
