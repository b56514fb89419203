package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command reads only the tables (and the free-text columns) its computation uses; what it
 * leaves out changes nothing: its JSON on a dataset directory equals its JSON on the whole dataset
 * read from that directory and given in memory (every table, every column), for attribution,
 * unit economics, cohorts, the funnel, LTV, sales, plan vs actual, SLA and the bridge. Over the
 * demo with its defects (orphan rows, ids without a lead row) and repeat payments.
 */
class TablesReadTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path dir;
  static Dataset whole;

  @BeforeAll
  static void writeDataset() {
    dir = tmp.resolve("demo");
    DatasetWriter.write(DemoData.builder().seed(11).leads(1_500).paymentsPerLead(3.0).build().dataset(),
        dir, FileFormat.CSV);
    whole = DatasetReader.lenient().read(dir).dataset();
  }

  /**
   * The same on a real-shaped export: no activities file, a touches file that is a
   * header alone, and the payments of the last month cut off mid-month (a partial last month).
   */
  @Test
  void onARaggedExportToo() throws java.io.IOException {
    Path ragged = tmp.resolve("ragged");
    java.nio.file.Files.createDirectories(ragged);
    for (String f : List.of("leads.csv", "stages.csv", "spend.csv", "plan.csv")) {
      java.nio.file.Files.copy(dir.resolve(f), ragged.resolve(f));
    }
    List<String> touches = java.nio.file.Files.readAllLines(dir.resolve("touches.csv"));
    java.nio.file.Files.write(ragged.resolve("touches.csv"), touches.subList(0, 1));
    List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("payments.csv"));
    int at = List.of(lines.get(0).split(",")).indexOf("paid_at");
    String lastMonth = lines.stream().skip(1).map(l -> l.split(",")[at].substring(0, 7)).max(
        String::compareTo).orElseThrow();
    List<String> payments = new ArrayList<>();
    for (String line : lines) { // the last month stops on its 15th
      String paid = line.split(",")[at];
      if (!paid.startsWith(lastMonth) || paid.compareTo(lastMonth + "-16") < 0) {
        payments.add(line);
      }
    }
    assertTrue(payments.size() < lines.size(), "the last month was cut");
    java.nio.file.Files.write(ragged.resolve("payments.csv"), payments);
    Dataset all = DatasetReader.lenient().read(ragged).dataset();
    for (String[] c : List.of(new String[] {"attribution", "--model", "linear"},
        new String[] {"unit"}, new String[] {"cohorts"}, new String[] {"ltv"},
        new String[] {"funnel", "--by", "channel", "--period", "month"})) {
      compare(c, ragged, all);
    }
  }

  @Test
  void leavingTablesAndPaymentIdsOutChangesNoFigure() throws java.io.IOException {
    List<String[]> commands = List.of(
        new String[] {"attribution", "--model", "linear"},
        new String[] {"attribution", "--model", "first"},
        new String[] {"attribution", "--model", "markov"},
        new String[] {"attribution", "--model", "time-decay"},
        new String[] {"attribution", "--model", "w-shaped"},
        new String[] {"attribution", "--model", "all"},
        new String[] {"attribution", "--model", "linear", "--as-of", "2026-06-30"},
        new String[] {"attribution", "--model", "linear", "--period", "2026-05"},
        new String[] {"attribution", "--model", "linear", "--conversion", "LEAD"},
        new String[] {"unit"},
        new String[] {"cohorts"},
        new String[] {"funnel", "--by", "channel", "--period", "month"},
        new String[] {"ltv"},
        new String[] {"sales"},
        new String[] {"planfact", "--period", "2026-05"},
        new String[] {"sla"},
        new String[] {"bridge", "--base", "2026-04", "--current", "2026-05"});
    for (String[] c : commands) {
      compare(c, dir, whole);
    }
  }

  /** The command's JSON on the directory equals its JSON on the whole dataset in memory. */
  private static void compare(String[] c, Path data, Dataset all) throws java.io.IOException {
    List<String> onDisk = new ArrayList<>(List.of(c));
    onDisk.add(1, data.toString());
    onDisk.addAll(List.of("--format", "json", "--lenient"));
    List<String> inMemory = new ArrayList<>(List.of(c));
    inMemory.addAll(List.of("--format", "json"));
    JsonNode read = JSON.readTree(run(onDisk, null));
    JsonNode given = JSON.readTree(run(inMemory, all));
    ((ObjectNode) read).remove("rejected"); // the lenient read's report, of the files read
    assertEquals(given, read, String.join(" ", c) + " on " + data.getFileName());
  }

  private static String run(List<String> args, Dataset dataset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    String[] a = args.toArray(new String[0]);
    int code = dataset == null ? Funnel.run(a, o, e, false) : Funnel.run(a, dataset, o, e, false);
    assertEquals(0, code, args + ": " + err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
