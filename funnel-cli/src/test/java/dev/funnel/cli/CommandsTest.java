package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.io.DatasetReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in process, on small datasets written by hand. */
class CommandsTest {

  static final ObjectMapper JACKSON = new ObjectMapper();

  @TempDir Path tmp;

  static final String LEADS = "lead_id,created_at,channel,campaign\n"
      + "L1,2026-01-05T10:00:00Z,seo,brand\n"
      + "L2,2026-01-06T11:00:00Z,paid_search,spring\n"
      + "L3,2026-02-01T09:00:00Z,,\n";
  static final String STAGES = "lead_id,stage,at,amount\n"
      + "L1,MQL,2026-01-06T10:00:00Z,\n"
      + "L1,WON,2026-02-10T10:00:00Z,1200\n";
  static final String PAYMENTS = "payment_id,customer_id,paid_at,amount,currency\n"
      + "P1,L1,2026-02-11T10:00:00Z,1200,EUR\n";

  Path dataset(String leads) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("leads.csv"), leads, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("stages.csv"), STAGES, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("payments.csv"), PAYMENTS, StandardCharsets.UTF_8);
    return dir;
  }

  /** The leads with the second row's created_at broken. */
  Path corrupted() throws IOException {
    return dataset(LEADS.replace("2026-01-06T11:00:00Z", "2026-01-06T25:00:00Z"));
  }

  @Test
  void qualityJsonCountsEveryRow() throws Exception {
    FunnelTest.Run r = FunnelTest.run("quality", dataset(LEADS).toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode q = JACKSON.readTree(r.out());
    assertEquals(3, q.get("rows").get("leads").get("read").asInt());
    assertEquals(3, q.get("rows").get("leads").get("accepted").asInt());
    assertEquals(0, q.get("rows").get("leads").get("rejected").asInt());
    assertEquals(2, q.get("rows").get("stages").get("accepted").asInt());
    assertTrue(q.get("issues").isArray());
    boolean withoutSource = false;
    for (JsonNode i : q.get("issues")) {
      if (i.get("code").asText().equals("lead_without_source")) {
        withoutSource = true;
        assertEquals(1, i.get("count").asInt()); // L3
      }
    }
    assertTrue(withoutSource, r.out());
  }

  @Test
  void qualityAlwaysReadsLeniently() throws Exception {
    FunnelTest.Run r = FunnelTest.run("quality", corrupted().toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode leads = JACKSON.readTree(r.out()).get("rows").get("leads");
    assertEquals(3, leads.get("read").asInt());
    assertEquals(1, leads.get("rejected").asInt());
    FunnelTest.Run text = FunnelTest.run("quality", corrupted().toString());
    assertTrue(text.out().contains("rejected:unparsable_time"), text.out());
  }

  @Test
  void strictReadingStopsWithExitThreeNamingTheRow() throws Exception {
    FunnelTest.Run r = FunnelTest.run("report", corrupted().toString());
    assertEquals(3, r.code(), r.toString());
    assertEquals("", r.out());
    String first = r.err().lines().findFirst().orElseThrow();
    for (String part : new String[] {"leads.csv", "line 3", "column 2", "created_at", "2026-01-06T25:00:00Z", "unparsable_time"}) {
      assertTrue(first.contains(part), part + " missing in " + first);
    }
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void lenientReportSkipsTheRowSaysSoOnStderrAndInJson() throws Exception {
    FunnelTest.Run r = FunnelTest.run("report", corrupted().toString(), "--lenient", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("skipped 1 invalid row"), r.err());
    JsonNode j = JACKSON.readTree(r.out());
    assertEquals(2, j.get("dataset").get("tables").get("leads").asInt());
    JsonNode rejected = j.get("rejected");
    assertEquals(1, rejected.size());
    assertEquals("unparsable_time", rejected.get(0).get("code").asText());
    assertEquals(1, rejected.get(0).get("count").asInt());
    assertEquals(3, rejected.get(0).get("examples").get(0).get("line").asInt());
  }

  @Test
  void reportTextHasEverySection() throws Exception {
    FunnelTest.Run r = FunnelTest.run("report", dataset(LEADS).toString(), "--zone", "Europe/Berlin");
    assertEquals(0, r.code(), r.toString());
    for (ReportSection s : Report.SECTIONS) {
      assertTrue(r.out().contains(s.title() + "\n"), s.title() + " missing in\n" + r.out());
    }
    assertTrue(r.out().contains("zone:     Europe/Berlin"), r.out());
    assertTrue(r.out().contains("currency: EUR"), r.out());
    assertTrue(r.out().contains("events:   2026-01-05 .. 2026-02-11"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void windowCutsTheDatasetAndOutGoesToTheFile() throws Exception {
    Path out = tmp.resolve("report.json");
    FunnelTest.Run r = FunnelTest.run("report", dataset(LEADS).toString(), "--from", "2026-01-06",
        "--to", "2026-02-01", "--format", "json", "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    JsonNode d = JACKSON.readTree(Files.readString(out, StandardCharsets.UTF_8)).get("dataset");
    assertEquals(1, d.get("tables").get("leads").asInt()); // L2; L3 is on the excluded end
    assertEquals(1, d.get("tables").get("stages").asInt()); // L1 MQL on 01-06
    assertEquals(0, d.get("tables").get("payments").asInt());
    assertEquals("2026-02-01", d.get("window").get("to").asText());
  }

  @Test
  void usageErrorsOfTheDataCommands() throws Exception {
    String data = dataset(LEADS).toString();
    String[][] cases = {
        {"report"},
        {"report", data, "--demo"},
        {"report", data, "--seed", "3"},
        {"report", data, "--format", "svg"},
        {"quality", data, "--lenient"},
        {"quality", tmp.resolve("nope").toString()},
        {"quality", data, "--delimiter", "|"},
        {"report", "--demo", "--leads", "-1"},
    };
    for (String[] c : cases) {
      FunnelTest.Run r = FunnelTest.run(c);
      assertEquals(2, r.code(), String.join(" ", c) + "\n" + r);
      assertTrue(r.err().endsWith("Run 'funnel " + c[0] + " --help' for usage.\n"), r.err());
      assertEquals(2, r.err().lines().count(), r.err());
    }
  }

  @Test
  void aDirectoryWithoutTablesFailsWithExitOne() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    FunnelTest.Run r = FunnelTest.run("quality", empty.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("funnel: no table files in"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void demoFilesReadBackToTheDatasetGeneratedInMemory() throws Exception {
    Path dir = tmp.resolve("demo");
    FunnelTest.Run w = FunnelTest.run("demo", "--out", dir.toString(), "--leads", "150", "--seed", "9",
        "--format", "ndjson");
    assertEquals(0, w.code(), w.toString());
    assertTrue(Files.isRegularFile(dir.resolve("leads.ndjson")));
    assertFalse(Files.exists(dir.resolve("leads.csv")));
    FunnelTest.Run files = FunnelTest.run("report", dir.toString(), "--format", "json");
    FunnelTest.Run memory = FunnelTest.run("report", "--demo", "--leads", "150", "--seed", "9", "--format", "json");
    assertEquals(0, files.code(), files.toString());
    assertEquals(0, memory.code(), memory.toString());
    JsonNode f = JACKSON.readTree(files.out());
    JsonNode m = JACKSON.readTree(memory.out());
    assertEquals(m.get("dataset").get("tables"), f.get("dataset").get("tables"));
    assertEquals(150, f.get("dataset").get("tables").get("leads").asInt());
    assertEquals(m.get("dataset").get("firstDay"), f.get("dataset").get("firstDay"));
    assertEquals(m.get("quality").get("issues"), f.get("quality").get("issues"));
    assertEquals(m.get("quality").get("revenue").decimalValue(), f.get("quality").get("revenue").decimalValue());
  }

  @Test
  void demoWithRepeatPurchasesWritesDeterministicFilesThatReadBackStrictly() throws Exception {
    Path a = tmp.resolve("repeat-a");
    Path b = tmp.resolve("repeat-b");
    String[] args = {"--leads", "4000", "--seed", "5", "--payments-per-lead", "8"};
    FunnelTest.Run w = FunnelTest.run(concat(new String[] {"demo", "--out", a.toString()}, args));
    assertEquals(0, w.code(), w.toString());
    assertTrue(w.out().startsWith("Wrote the demo dataset (seed 5, 4000 leads, ~8 payments per lead, "), w.out());
    assertEquals(0, FunnelTest.run(concat(new String[] {"demo", "--out", b.toString()}, args)).code());
    for (String f : new String[] {"leads", "stages", "activities", "touches", "payments", "spend", "plan"}) {
      assertEquals(-1L, Files.mismatch(a.resolve(f + ".csv"), b.resolve(f + ".csv")), f);
    }
    Dataset read = DatasetReader.strict().read(a).dataset();
    Dataset memory = DemoData.builder().seed(5).leads(4_000).paymentsPerLead(8).build().dataset();
    assertEquals(memory.payments(), read.payments());
    assertEquals(memory.leads(), read.leads());
    double perLead = read.payments().size() / 4_000.0;
    assertTrue(perLead > 8 * 0.85 && perLead < 8 * 1.15, "payments per lead " + perLead);
    // the same option on --demo, and the LTV models fit the repeat buyers
    FunnelTest.Run ltv = FunnelTest.run("ltv", "--demo", "--leads", "4000", "--seed", "5",
        "--payments-per-lead", "8", "--format", "json");
    assertEquals(0, ltv.code(), ltv.toString());
    JsonNode l = JACKSON.readTree(ltv.out());
    assertEquals(read.payingCustomers().size(), l.get("customers").asInt());
    assertTrue(l.get("repeatCustomers").asInt() > l.get("customers").asInt() / 2, ltv.out());
  }

  @Test
  void paymentsPerLeadIsADemoOptionWithARange() {
    String[][] cases = {
        {"demo", "--out", tmp.resolve("x").toString(), "--payments-per-lead", "0.5"},
        {"demo", "--out", tmp.resolve("x").toString(), "--payments-per-lead", "ten"},
        {"report", "--demo", "--payments-per-lead", "101"},
        {"quality", tmp.toString(), "--payments-per-lead", "10"},
    };
    for (String[] c : cases) {
      FunnelTest.Run r = FunnelTest.run(c);
      assertEquals(2, r.code(), String.join(" ", c) + "\n" + r);
      assertTrue(r.err().contains("payments-per-lead"), r.err());
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void demoNeedsAnOutputDirectoryAndNoOperands() {
    FunnelTest.Run none = FunnelTest.run("demo");
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().startsWith("funnel: missing --out DIR"), none.err());
    FunnelTest.Run extra = FunnelTest.run("demo", "x", "--out", tmp.toString());
    assertEquals(2, extra.code(), extra.toString());
    FunnelTest.Run fmt = FunnelTest.run("demo", "--out", tmp.toString(), "--format", "json");
    assertEquals(2, fmt.code(), fmt.toString());
    assertTrue(fmt.err().contains("use one of csv, ndjson"), fmt.err());
  }

  @Test
  void asOfDecidesWhatIsInTheFuture() throws Exception {
    String data = dataset(LEADS).toString();
    // after the end of 2026-01-31: lead L3 (02-01), L1's WON (02-10) and payment P1 (02-11)
    FunnelTest.Run r = FunnelTest.run("quality", data, "--format", "json", "--as-of", "2026-01-31");
    assertEquals(0, r.code(), r.toString());
    JsonNode q = JACKSON.readTree(r.out());
    long future = 0;
    for (JsonNode i : q.get("issues")) {
      if (i.get("code").asText().equals("future_timestamp")) {
        future = i.get("count").asLong();
      }
    }
    assertEquals(3, future, r.out());
    assertEquals("2026-01-31T23:59:59.999999999Z", q.get("asOf").asText());
    FunnelTest.Run again = FunnelTest.run("quality", data, "--format", "json", "--as-of", "2026-01-31");
    assertEquals(r.out(), again.out(), "with --as-of the report is reproducible");
    assertEquals(2, FunnelTest.run("quality", data, "--as-of", "yesterday").code());
  }

  @Test
  void malformedCommonOptionsAreRefusedBeforeAnyWork() {
    // the directory does not exist: the format is checked before the data is looked at
    for (Command c : Commands.ALL) {
      java.util.function.Function<String[], FunnelTest.Run> run = extra -> {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(c.name()));
        if (c.maxOperands() > 0) {
          a.add(tmp.resolve("absent").toString());
        }
        a.addAll(java.util.List.of(extra));
        return FunnelTest.run(a.toArray(new String[0]));
      };
      if (c.options().contains(Option.FORMAT) && !c.formats().isEmpty()) {
        FunnelTest.Run r = run.apply(new String[] {"--format", "bogus"});
        assertEquals(2, r.code(), c.name() + "\n" + r);
        assertTrue(r.err().contains("does not support --format bogus"), c.name() + "\n" + r);
      }
      if (c.options().contains(Option.ZONE)) {
        FunnelTest.Run r = run.apply(new String[] {"--zone", "Nowhere/Land"});
        assertEquals(2, r.code(), c.name() + "\n" + r);
        assertTrue(r.err().contains("bad --zone"), c.name() + "\n" + r);
      }
    }
  }
}
