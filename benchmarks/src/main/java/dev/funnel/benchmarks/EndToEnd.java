package dev.funnel.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end benchmark (issue 12, part 4b): times what a user runs, the {@code funnel} command
 * as a whole process over a directory of CSV files, against a DuckDB process
 * ({@link EndToEndDuckDb}) reading the same files and computing the same numbers, and reports
 * ratios. Unlike the JMH benchmarks (data in memory, one method timed), every time here includes
 * JVM start, CSV parsing, the calculation and writing the JSON.
 *
 * <p>Per dataset size: the data is generated once by {@code funnel demo} into a cache
 * ({@link EndToEndData}). Per job: funnel runs once and the peer once per thread setting, and
 * their numbers must agree ({@link EndToEndFigures}; a difference stops the benchmark with the
 * list); then {@code --runs} rounds each run every side once, the order alternating between
 * rounds, measuring wall time and peak RSS ({@link EndToEndProcess}). {@code report} has no peer;
 * it is also run once under {@code -Xmx1g}, recorded as pass or fail. A funnel process that fails
 * (an out-of-memory error, say) is recorded with its exit code, not hidden.
 *
 * <p>Usage (from the repository root): {@value EndToEndOptions#USAGE}. Results go to
 * {@code benchmarks/results/end-to-end.{json,md}} ({@link EndToEndResults}); {@code --render DIR}
 * only rewrites {@code DIR/end-to-end.md} from {@code DIR/end-to-end.json}.
 */
public final class EndToEnd {

  /** The members of the JSON report: the scope, then one per section. */
  private static final List<String> REPORT_SECTIONS = List.of("report", "dataset", "leads", "funnel",
      "deals", "channels", "attribution", "reasons", "sla", "plan", "bridge", "cohorts", "quality");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final EndToEndOptions options;
  private final String java;
  private final Path peerJar;
  private final Path out;

  private EndToEnd(EndToEndOptions options, Path peerJar) {
    this.options = options;
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.peerJar = peerJar;
    this.out = options.cache().resolve("out");
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--render")) {
      EndToEndResults.open(Path.of(args[1])).render();
      return;
    }
    EndToEndOptions options;
    try {
      options = EndToEndOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    new EndToEnd(options, ownJar()).run();
  }

  private void run() throws IOException, InterruptedException {
    ensureFunnelJar();
    Files.createDirectories(out);
    EndToEndResults results = EndToEndResults.open(options.results());
    ObjectNode machine = EndToEndMachine.describe(java, options.jar());
    machine.fields().forEachRemaining(f -> System.out.println(f.getKey() + ": " + f.getValue().asText()));
    results.machine(machine);
    for (long leads : options.leads()) {
      Path dir = EndToEndData.ensure(options.cache(), leads, options.seed(), options.paymentsPerLead(),
          java, options.jar());
      Map<String, Long> rows = EndToEndData.rows(dir);
      System.out.println("rows: " + rows);
      for (EndToEndJob job : options.jobs()) {
        ObjectNode entry = job(job, dir, leads);
        entry.put("seed", options.seed());
        entry.put("payments", EndToEndOptions.paymentsLabel(options.paymentsPerLead()));
        entry.set("rows", JSON.valueToTree(rows));
        results.store(entry);
      }
    }
    System.out.println();
    System.out.print(Files.readString(options.results().resolve("end-to-end.md"), StandardCharsets.UTF_8));
  }

  /** Checks, then times one job at one size; the entry of the results. */
  private ObjectNode job(EndToEndJob job, Path dir, long leads) throws IOException, InterruptedException {
    String name = leads + "-" + EndToEndOptions.paymentsLabel(options.paymentsPerLead()) + "-" + job.label();
    Map<String, List<String>> sides = new LinkedHashMap<>();
    sides.put("funnel", funnelCommand(List.of(), job, dir));
    if (job.hasPeer()) {
      sides.put("duckdb", peerCommand(job, dir, List.of()));
      sides.put("duckdb1", peerCommand(job, dir, List.of("--threads", "1")));
    }
    ObjectNode entry = EndToEndResults.entry();
    entry.put("job", job.label());
    entry.put("leads", leads);
    entry.put("jar", options.launcher() != null ? options.launcher().toString() : options.jar().toString());
    entry.put("command", "funnel " + String.join(" ", job.arguments("DIR")));
    entry.put("compared", job.compared());
    entry.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    entry.put("loadAverage", EndToEndMachine.loadAverage());
    entry.put("funnelJar", options.launcher() != null
        ? "launcher " + options.launcher() + " over " + EndToEndMachine.jar(options.jar())
        : EndToEndMachine.jar(options.jar()));

    System.out.printf("%n== %s, %,d leads: checking%n", job.label(), leads);
    Path funnelOut = out.resolve(name + "-funnel.json");
    EndToEndProcess.Run first = EndToEndProcess.run(sides.get("funnel"), funnelOut);
    Map<String, List<EndToEndProcess.Run>> runs = new LinkedHashMap<>();
    sides.keySet().forEach(s -> runs.put(s, new ArrayList<>()));
    if (first.ok()) {
      entry.put("check", check(job, funnelOut, sides, name));
    } else {
      System.out.printf("funnel failed (exit %d, %.1f s): %s%n", first.exit(), first.seconds(),
          first.stderrTail());
      entry.put("check", "funnel failed (exit " + first.exit() + "), not compared");
      entry.put("funnelStderr", first.stderrTail());
      runs.get("funnel").add(first);
      sides.remove("funnel");
    }
    for (int round = 0; round < options.runs(); round++) {
      List<String> order = new ArrayList<>(sides.keySet());
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (String side : order) {
        EndToEndProcess.Run r = EndToEndProcess.run(sides.get(side), out.resolve(name + "-" + side + ".out"));
        runs.get(side).add(r);
        System.out.printf("  round %d %-8s exit %d  %7.2f s  peak RSS %,7d MB%n", round + 1, side,
            r.exit(), r.seconds(), r.peakRssKb() / 1024);
      }
    }
    entry.put("runs", options.runs());
    entry.put("loadAverageEnd", EndToEndMachine.loadAverage());
    runs.forEach((side, list) -> entry.set(side, EndToEndResults.side(list)));
    if (job == EndToEndJob.REPORT) {
      EndToEndProcess.Run x = EndToEndProcess.run(funnelCommand(List.of("-Xmx1g"), job, dir),
          out.resolve(name + "-xmx1g.json"));
      System.out.printf("  -Xmx1g   exit %d  %7.2f s  peak RSS %,7d MB%n", x.exit(), x.seconds(),
          x.peakRssKb() / 1024);
      ObjectNode xmx = entry.putObject("xmx1g");
      xmx.put("exit", x.exit());
      xmx.put("seconds", Math.round(x.seconds() * 1000) / 1000.0);
      xmx.put("peakRssKb", x.peakRssKb());
      xmx.put("stderr", x.stderrTail());
    }
    return entry;
  }

  /**
   * The pre-timing check. Report: exit 0 and every section present and available (the scoring
   * section may say it was not fitted, above its size limit). Other jobs:
   * each peer variant run once, its figures equal to the ones read from funnel's JSON; throws
   * with every difference otherwise.
   */
  private String check(EndToEndJob job, Path funnelOut, Map<String, List<String>> sides, String name)
      throws IOException, InterruptedException {
    String text = Files.readString(funnelOut, StandardCharsets.UTF_8);
    JsonNode json = JSON.readTree(text);
    if (job == EndToEndJob.REPORT) {
      for (String s : REPORT_SECTIONS) {
        if (!json.path(s).isObject()) {
          throw new IllegalStateException("funnel report: the JSON has no section " + s);
        }
        String section = json.path(s).toString();
        if (section.contains("\"unavailable\"") || section.contains("\"missing\"")) {
          throw new IllegalStateException("funnel report: section " + s + " is not available: " + funnelOut);
        }
      }
      // the scoring section fits its model up to a size (docs/report.md) and says so above it
      String scoring = json.path("scoring").path("unavailable").isTextual() ? ", scoring not fitted (size)"
          : json.path("scoring").isObject() ? ", scoring" : "";
      return "exit 0, " + REPORT_SECTIONS.size() + " sections" + scoring;
    }
    EndToEndFigures want = job.figures(json);
    for (String side : List.of("duckdb", "duckdb1")) {
      Path peerOut = out.resolve(name + "-" + side + ".out");
      EndToEndProcess.Run r = EndToEndProcess.run(sides.get(side), peerOut);
      if (!r.ok()) {
        throw new IllegalStateException(side + " failed (exit " + r.exit() + "): " + r.stderrTail());
      }
      EndToEndFigures got = EndToEndFigures.parse(Files.readAllLines(peerOut, StandardCharsets.UTF_8));
      List<String> diff = want.differences(got);
      if (!diff.isEmpty()) {
        throw new IllegalStateException(String.format("%s: funnel and %s disagree on %d of %d"
            + " figures (funnel output %s, peer output %s):%n  %s", job.label(), side, diff.size(),
            want.size(), funnelOut, peerOut, String.join("\n  ", diff.subList(0, Math.min(40, diff.size())))));
      }
    }
    if (want.size() == 0) {
      throw new IllegalStateException(job.label() + ": nothing to compare in " + funnelOut);
    }
    System.out.printf("  funnel and DuckDB (all threads, 1 thread) agree on %d figures: %s%n",
        want.size(), want.metrics());
    return "equal: " + want.size() + " figures";
  }

  /**
   * The funnel side: {@code java JVM -jar JAR ARGS}, or with {@code --launcher} the launcher with the
   * JVM options in {@code FUNNEL_JAVA_OPTS} (through {@code env}), as a user runs it.
   */
  private List<String> funnelCommand(List<String> jvm, EndToEndJob job, Path dir) {
    List<String> c = new ArrayList<>();
    if (options.launcher() != null) {
      if (!jvm.isEmpty()) {
        c.addAll(List.of("env", "FUNNEL_JAVA_OPTS=" + String.join(" ", jvm)));
      }
      c.add(options.launcher().toString());
    } else {
      c.add(java);
      c.addAll(jvm);
      c.addAll(List.of("-jar", options.jar().toString()));
    }
    c.addAll(job.arguments(dir.toString()));
    return c;
  }

  private List<String> peerCommand(EndToEndJob job, Path dir, List<String> extra) {
    List<String> c = new ArrayList<>(List.of(java, "-cp", peerJar.toString(),
        EndToEndDuckDb.class.getName(), job.label(), dir.toString()));
    c.addAll(extra);
    return c;
  }

  /** Builds the funnel jar with the Maven wrapper when it is missing, as the ./funnel launcher does. */
  private void ensureFunnelJar() throws IOException, InterruptedException {
    if (Files.isRegularFile(options.jar())) {
      return;
    }
    if (!Files.isExecutable(Path.of("mvnw"))) {
      throw new IllegalStateException(options.jar() + " is missing; build it with"
          + " ./mvnw -B -q -pl funnel-cli -am package -DskipTests");
    }
    System.out.println(options.jar() + " is missing: building it");
    int exit = new ProcessBuilder("./mvnw", "-B", "-q", "-pl", "funnel-cli", "-am", "package",
        "-DskipTests").inheritIO().start().waitFor();
    if (exit != 0 || !Files.isRegularFile(options.jar())) {
      throw new IllegalStateException("building " + options.jar() + " failed (exit " + exit + ")");
    }
  }

  /** The jar (or class directory) this class was loaded from: the peer's class path. */
  private static Path ownJar() throws URISyntaxException {
    return Path.of(EndToEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
