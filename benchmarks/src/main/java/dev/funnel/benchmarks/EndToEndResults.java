package dev.funnel.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end results: {@code end-to-end.json} (every run's raw wall times, peak RSS and exit
 * codes per job and size) and {@code end-to-end.md} (the table made from it). A run replaces the
 * entries of the (job, leads, payments setting, funnel jar) it ran and keeps the others, so sizes and jobs can be
 * run one at a time (for example 1M leads on another day) and builds of funnel kept side by side
 * (a jar copied under a name of its own, e.g. its commit); the table is always made from the
 * merged JSON.
 */
final class EndToEndResults {

  /** The sides timed, in table order: the funnel command and the DuckDB peer on all / one thread. */
  static final List<String> SIDES = List.of("funnel", "duckdb", "duckdb1");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path json;
  private final Path markdown;
  private final ObjectNode root;

  private EndToEndResults(Path json, Path markdown, ObjectNode root) {
    this.json = json;
    this.markdown = markdown;
    this.root = root;
  }

  /** The results under {@code dir}, with the entries of earlier runs when the JSON exists. */
  static EndToEndResults open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve("end-to-end.json");
    ObjectNode root = Files.exists(json) ? (ObjectNode) JSON.readTree(json.toFile())
        : JSON.createObjectNode();
    if (!root.has("entries")) {
      root.putArray("entries");
    }
    return new EndToEndResults(json, dir.resolve("end-to-end.md"), root);
  }

  /** A new, empty entry (not yet stored). */
  static ObjectNode entry() {
    return JSON.createObjectNode();
  }

  /** The machine and software of the current run (replaces the earlier one). */
  void machine(ObjectNode machine) {
    root.set("machine", machine);
  }

  /**
   * Stores an entry in place of an earlier one of the same job, leads, payments setting and funnel
   * jar, sorted by leads, payments setting, job order and jar, and rewrites both files.
   */
  void store(ObjectNode entry) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode e : root.get("entries")) {
      if (!(e.get("job").asText().equals(entry.get("job").asText())
          && e.get("leads").asLong() == entry.get("leads").asLong()
          && payments(e).equals(payments(entry))
          && e.get("jar").asText().equals(entry.get("jar").asText()))) {
        entries.add(e);
      }
    }
    entries.add(entry);
    entries.sort(Comparator.comparingLong((JsonNode e) -> e.get("leads").asLong())
        .thenComparing(EndToEndResults::payments)
        .thenComparing(e -> EndToEndJob.of(e.get("job").asText()))
        .thenComparing(e -> e.get("jar").asText()));
    ArrayNode array = root.putArray("entries");
    entries.forEach(array::add);
    JSON.writeValue(json.toFile(), root);
    render();
  }

  /**
   * The payments setting of an entry's dataset ({@link EndToEndOptions#paymentsLabel}): entries
   * from before the setting existed ran on the demo's default payments, {@code b2b}.
   */
  static String payments(JsonNode e) {
    return e.path("payments").asText("b2b");
  }

  /** Rewrites the markdown table from the JSON as it stands. */
  void render() throws IOException {
    Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
  }

  /** Wall times, peak RSS and exit codes of a side's runs, with median, min and max. */
  static ObjectNode side(List<EndToEndProcess.Run> runs) {
    ObjectNode s = JSON.createObjectNode();
    ArrayNode seconds = s.putArray("seconds");
    ArrayNode rss = s.putArray("peakRssKb");
    ArrayNode exits = s.putArray("exit");
    double[] ok = runs.stream().filter(EndToEndProcess.Run::ok)
        .mapToDouble(EndToEndProcess.Run::seconds).sorted().toArray();
    for (EndToEndProcess.Run r : runs) {
      seconds.add(round(r.seconds()));
      rss.add(r.peakRssKb());
      exits.add(r.exit());
    }
    s.put("failed", runs.size() - ok.length);
    if (ok.length > 0) {
      s.put("median", round(median(ok)));
      s.put("min", round(ok[0]));
      s.put("max", round(ok[ok.length - 1]));
    }
    s.put("peakRssKbMax", runs.stream().mapToLong(EndToEndProcess.Run::peakRssKb).max().orElse(-1));
    return s;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  private String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# End to end: the `funnel` command against DuckDB over the same CSV files\n\n")
        .append("Made by `dev.funnel.benchmarks.EndToEnd` from `end-to-end.json` (docs/benchmarks.md,")
        .append(" section \"End to end\"). Every time is one whole process, JVM start included,")
        .append(" wall clock; **ratio = DuckDB median / funnel median** (below 1: funnel is slower);")
        .append(" peak RSS is the largest of the runs; load is the 1-minute load average when the job")
        .append(" started and ended (the machine is shared). Before timing, the DuckDB peer's numbers were")
        .append(" checked equal to funnel's JSON (see \"What the check compared\").\n\n");
    JsonNode m = root.get("machine");
    if (m != null) {
      md.append("Machine (latest run): ");
      List<String> parts = new ArrayList<>();
      m.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + f.getValue().asText()));
      md.append(String.join("; ", parts)).append(".\n\n");
    }
    md.append("## Datasets (`funnel demo --leads N --seed S [--payments-per-lead X]`, data rows per")
        .append(" CSV file; payments setting `pplX` with `--payments-per-lead X`, `b2b` without)\n\n");
    md.append("| leads | seed | payments setting |");
    EndToEndData.TABLES.forEach(t -> md.append(' ').append(t).append(" |"));
    md.append(" all |\n|---:|---:|---|");
    EndToEndData.TABLES.forEach(t -> md.append("---:|"));
    md.append("---:|\n");
    String shown = null;
    for (JsonNode e : root.get("entries")) {
      String dataset = e.get("leads").asLong() + " " + payments(e);
      if (dataset.equals(shown)) {
        continue;
      }
      shown = dataset;
      md.append("| ").append(String.format(Locale.ROOT, "%,d", e.get("leads").asLong())).append(" | ")
          .append(e.get("seed").asLong()).append(" | ").append(payments(e)).append(" |");
      long all = 0;
      for (String t : EndToEndData.TABLES) {
        long n = e.get("rows").path(t).asLong(0);
        all += n;
        md.append(String.format(Locale.ROOT, " %,d |", n));
      }
      md.append(String.format(Locale.ROOT, " %,d |%n", all));
    }
    md.append("\n## Times\n\n")
        .append("| job | leads | payments setting | rows (all files) | funnel jar | runs | funnel median (min-max) s")
        .append(" | DuckDB median (min-max) s | ratio | DuckDB 1 thread median s | ratio 1 thread")
        .append(" | funnel peak RSS MB | DuckDB peak RSS MB (1 thread) | check | when | load |\n")
        .append("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|\n");
    for (JsonNode e : root.get("entries")) {
      md.append(row(e));
    }
    md.append("\n## What the check compared, per job\n\n");
    for (EndToEndJob j : EndToEndJob.values()) {
      md.append("- `").append(String.join(" ", j.arguments("DIR"))).append("`: ")
          .append(j.compared()).append(".\n");
    }
    md.append("\n## `funnel report` under `-Xmx1g`\n\n");
    for (JsonNode e : root.get("entries")) {
      if (e.has("xmx1g")) {
        JsonNode x = e.get("xmx1g");
        md.append(String.format(Locale.ROOT, "- %,d leads (%s), %s: %s (exit %d, %.1f s, peak RSS %,d MB)%s%n",
            e.get("leads").asLong(), payments(e), Path.of(e.get("jar").asText()).getFileName(),
            x.get("exit").asInt() == 0 ? "pass" : "**fail**",
            x.get("exit").asInt(), x.get("seconds").asDouble(), x.get("peakRssKb").asLong() / 1024,
            x.get("exit").asInt() == 0 ? "" : ": " + x.path("stderr").asText().replace('\n', ' ')));
      }
    }
    return md.toString();
  }

  private static String row(JsonNode e) {
    long all = 0;
    for (Map.Entry<String, JsonNode> t : iterable(e.get("rows"))) {
      all += t.getValue().asLong();
    }
    JsonNode f = e.get("funnel");
    JsonNode d = e.path("duckdb");
    JsonNode d1 = e.path("duckdb1");
    return String.format(Locale.ROOT, "| %s | %,d | %s | %,d | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
        e.get("job").asText(), e.get("leads").asLong(), payments(e), all,
        Path.of(e.get("jar").asText()).getFileName(), e.get("runs").asInt(), span(f), span(d),
        ratio(d, f), d1.has("median") ? String.format(Locale.ROOT, "%.2f", d1.get("median").asDouble())
            : "-", ratio(d1, f), mb(f), d.isMissingNode() ? "-" : mb(d) + " (" + mb(d1) + ")",
        e.get("check").asText(), e.get("date").asText(), load(e));
  }

  /** The 1-minute load average at the job's start, and at its end when recorded. */
  private static String load(JsonNode e) {
    String start = e.get("loadAverage").asText().split(" ")[0];
    return e.has("loadAverageEnd") ? start + " to " + e.get("loadAverageEnd").asText().split(" ")[0]
        : start;
  }

  private static String span(JsonNode s) {
    if (s.isMissingNode()) {
      return "-";
    }
    if (!s.has("median")) {
      return "failed (exit " + s.get("exit").get(0).asInt() + ")";
    }
    String failed = s.get("failed").asInt() > 0 ? ", " + s.get("failed").asInt() + " failed" : "";
    return String.format(Locale.ROOT, "%.2f (%.2f-%.2f%s)", s.get("median").asDouble(),
        s.get("min").asDouble(), s.get("max").asDouble(), failed);
  }

  private static String ratio(JsonNode peer, JsonNode funnel) {
    if (!peer.has("median") || !funnel.has("median")) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.3f", peer.get("median").asDouble() / funnel.get("median").asDouble());
  }

  private static String mb(JsonNode s) {
    return String.format(Locale.ROOT, "%,d", s.get("peakRssKbMax").asLong() / 1024);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
    return n::fields;
  }
}
