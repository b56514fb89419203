package dev.funnel.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and writes the results with every score stated as a ratio to the peer and
 * to the memory-bandwidth baseline of the same run.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [rows] [include-regex] [name=v1,v2
 * ...]}. {@code rows} (digits, or several comma-separated) overrides every class's {@code @Param
 * rows}; without it each class runs at its own default size (its javadoc says what {@code rows}
 * counts there). A first argument that is not a number is taken as the include regex; an argument
 * {@code name=values} overrides another {@code @Param} (for example {@code changesPerLead=10}).
 *
 * <p>Writes {@code benchmarks/results/latest.json} (JMH's JSON) and
 * {@code benchmarks/results/latest.md} (the ratio table kept in README). A run replaces the
 * entries of the benchmarks it ran (same method and parameters) and keeps the others from earlier
 * runs, so classes can be run one at a time; the table is made from the merged JSON. Each benchmark
 * class has one method named {@code funnel}, its peers, and {@code memoryBaseline}; ratios are
 * taken within a class and a parameter set, so they always compare scores of the same run.
 * {@code --render} only rewrites the table from the JSON (dropping methods no longer in the build).
 */
public final class BenchmarkReport {

  private BenchmarkReport() {}

  public static void main(String[] args) throws RunnerException, IOException {
    if (args.length == 1 && args[0].equals("--render")) { // the table again, runs nothing
      Path out = Path.of(System.getProperty("funnel.bench.results", "benchmarks/results"));
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Path latest = out.resolve("latest.json");
      ArrayNode merged = merge((ArrayNode) json.readTree(latest.toFile()), json.createArrayNode(), json);
      json.writeValue(latest.toFile(), merged);
      String table = ratios(merged);
      Files.writeString(out.resolve("latest.md"), table, StandardCharsets.UTF_8);
      System.out.print(table);
      return;
    }
    String rows = null;
    String include = "dev\\.funnel\\.benchmarks\\..*";
    Map<String, String[]> params = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (i == 0 && args[i].matches("\\d+(,\\d+)*")) {
        rows = args[i];
      } else if (args[i].matches("[A-Za-z_]\\w*=.+")) {
        int eq = args[i].indexOf('=');
        params.put(args[i].substring(0, eq), args[i].substring(eq + 1).split(","));
      } else {
        include = args[i];
      }
    }
    Path out = Path.of(System.getProperty("funnel.bench.results", "benchmarks/results"));
    Files.createDirectories(out);
    Path run = Files.createTempFile("funnel-jmh", ".json");
    ChainedOptionsBuilder opts =
        new OptionsBuilder()
            .include(include)
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend("-Xmx8g")
            .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
            .result(run.toString());
    if (rows != null) {
      opts.param("rows", rows.split(","));
    }
    params.forEach(opts::param);
    new Runner(opts.build()).run();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path latest = out.resolve("latest.json");
    ArrayNode merged = merge(Files.exists(latest) ? (ArrayNode) json.readTree(latest.toFile()) : null,
        (ArrayNode) json.readTree(run.toFile()), json);
    json.writeValue(latest.toFile(), merged);
    Files.delete(run);
    String table = ratios(merged);
    Files.writeString(out.resolve("latest.md"), table, StandardCharsets.UTF_8);
    System.out.print(table);
  }

  /**
   * The earlier entries not run again (by method and parameters) whose benchmark method still
   * exists, then this run's entries: a method deleted from its class (a route no longer there)
   * leaves the table instead of standing beside the methods that replaced it.
   */
  static ArrayNode merge(ArrayNode earlier, ArrayNode now, ObjectMapper json) {
    Set<String> ran = new LinkedHashSet<>();
    for (JsonNode n : now) {
      ran.add(key(n));
    }
    ArrayNode out = json.createArrayNode();
    if (earlier != null) {
      for (JsonNode n : earlier) {
        if (!ran.contains(key(n)) && exists(n.path("benchmark").asText())) {
          out.add(n);
        }
      }
    }
    now.forEach(out::add);
    return out;
  }

  /** Whether {@code pkg.Class.method} names a {@code @Benchmark} method of this build. */
  static boolean exists(String benchmark) {
    int dot = benchmark.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    try {
      Class<?> c = Class.forName(benchmark.substring(0, dot), false, BenchmarkReport.class.getClassLoader());
      String name = benchmark.substring(dot + 1);
      for (java.lang.reflect.Method m : c.getMethods()) {
        if (m.getName().equals(name) && m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String key(JsonNode n) {
    return n.path("benchmark").asText() + paramsOf(n);
  }

  /** A markdown table: per benchmark class and parameter set, each method's time and its ratios. */
  static String ratios(ArrayNode results) {
    Map<String, Map<String, double[]>> byClass = new TreeMap<>();
    String vm = "";
    for (JsonNode r : results) {
      String label = r.path("benchmark").asText();
      int dot = label.lastIndexOf('.');
      String cls = label.substring(label.lastIndexOf('.', dot - 1) + 1, dot);
      String method = label.substring(dot + 1);
      byClass.computeIfAbsent(cls + paramsOf(r), k -> new TreeMap<>())
          .put(method, new double[] {r.path("primaryMetric").path("score").asDouble(),
              r.path("primaryMetric").path("scoreError").asDouble()});
      vm = r.path("vmName").asText() + ' ' + r.path("jdkVersion").asText();
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
    b.append("\nParameters per benchmark in its label; ratios are times within one class and")
        .append(" parameter set (lower is faster); ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores (shared), ")
        .append(vm).append('\n');
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

  /** {@code " (a=1, b=2)"} in key order, or empty. */
  private static String paramsOf(JsonNode r) {
    TreeMap<String, String> p = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      p.put(e.getKey(), e.getValue().asText());
    }
    StringBuilder b = new StringBuilder();
    p.forEach((k, v) -> b.append(b.length() == 0 ? " (" : ", ").append(k).append('=').append(v));
    return b.length() == 0 ? "" : b.append(')').toString();
  }
}
