package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.Period;
import dev.funnel.core.bridge.Bridge;
import dev.funnel.core.bridge.BridgeResult;
import dev.funnel.core.bridge.FactorEffect;
import dev.funnel.core.bridge.FactorRow;
import dev.funnel.core.bridge.FactorTable;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import dev.funnel.core.bridge.Method;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code funnel bridge} run in-process: its JSON numbers are the library's, bad options exit 2. */
class BridgeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Funnel.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The LMDIR test data (two sub-categories x three factors, 1971 -> 1972). */
  private static final String LMDIR = """
      segment,factor,base,current
      sub1,a,1,4
      sub1,b,10,5
      sub1,c,2,3
      sub2,a,4,5
      sub2,b,5,6
      sub2,c,3,4
      """;

  private static Path file(Path dir, String text) throws Exception {
    Path f = dir.resolve("factors.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static void assertEffects(BridgeResult expected, JsonNode json) {
    JsonNode effects = json.get("effects");
    assertEquals(expected.effects().size(), effects.size());
    double sum = 0;
    for (int i = 0; i < effects.size(); i++) {
      FactorEffect e = expected.effects().get(i);
      assertEquals(e.factor(), effects.get(i).get("factor").asText());
      assertEquals(e.effect(), effects.get(i).get("effect").asDouble(), 1e-12);
      sum += effects.get(i).get("effect").asDouble();
    }
    assertEquals(json.get("total").asDouble(), sum, 1e-9 * Math.max(1, Math.abs(sum)));
  }

  @Test
  void factorFileAsJsonIsTheLibraryResult(@TempDir Path dir) throws Exception {
    Path f = file(dir, LMDIR);
    Run r = run("bridge", "--factors", f.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertEquals("lmdi", j.get("method").asText());
    FactorTable t = dev.funnel.io.FactorTableReader.strict().read(f).table();
    assertEquals(FactorTable.of(new FactorRow("sub1", "a", 1, 4), new FactorRow("sub1", "b", 10, 5),
        new FactorRow("sub1", "c", 2, 3), new FactorRow("sub2", "a", 4, 5),
        new FactorRow("sub2", "b", 5, 6), new FactorRow("sub2", "c", 3, 4)), t);
    assertEffects(Bridge.lmdi().decompose(t), j);
    // the published LMDIR additive effects (see LmdirPublishedTest)
    assertEquals(69.79006598, j.get("effects").get(0).get("effect").asDouble(), 1e-8);
    assertEquals(-9.455125793, j.get("effects").get(1).get("effect").asDouble(), 1e-8);
    assertEquals(39.66505981, j.get("effects").get(2).get("effect").asDouble(), 1e-8);
    assertEquals(100, j.get("total").asDouble(), 1e-9);
    assertEquals(80, j.get("base").get("value").asDouble(), 1e-12);
    assertEquals(180, j.get("current").get("value").asDouble(), 1e-12);
  }

  @Test
  void chainFollowsTheGivenOrderAndShapleyTheLibrary(@TempDir Path dir) throws Exception {
    Path f = file(dir, LMDIR);
    FactorTable t = dev.funnel.io.FactorTableReader.strict().read(f).table();
    Run chain = run("bridge", "--factors", f.toString(), "--method", "chain", "--order", "c,a,b",
        "--format", "json");
    assertEquals(0, chain.code(), chain.err());
    JsonNode j = JSON.readTree(chain.out());
    assertEquals("chain", j.get("method").asText());
    assertEquals("c", j.get("order").get(0).asText());
    assertEffects(Bridge.builder().method(Method.CHAIN).order("c", "a", "b").build().decompose(t), j);
    Run shapley = run("bridge", "--factors", f.toString(), "--method", "shapley", "--format=json");
    assertEquals(0, shapley.code(), shapley.err());
    assertEffects(Bridge.builder().method(Method.SHAPLEY).build().decompose(t),
        JSON.readTree(shapley.out()));
  }

  @Test
  void textIsTheWaterfall(@TempDir Path dir) throws Exception {
    Run r = run("bridge", "--factors", file(dir, LMDIR).toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Bridge lmdi-additive: 80 -> 180 (+100)"), r.out());
    assertTrue(r.out().contains("current"), r.out());
  }

  @Test
  void datasetBridgeAddsUpToTheChangeInRevenue(@TempDir Path dir) throws Exception {
    Dataset demo = DemoData.builder().seed(5).leads(1_500).build().dataset();
    DatasetWriter.write(demo, dir, FileFormat.CSV);
    Run r = run("bridge", dir.toString(), "--base", "2026-02", "--current", "2026-03", "--by",
        "channel", "--existing", "--lenient", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    Dataset read = DatasetReader.lenient().read(dir).dataset();
    FunnelBridgeResult lib = FunnelBridge.builder().by(Dimension.CHANNEL).newVsExisting().build()
        .periods(read, Period.parse("2026-02"), Period.parse("2026-03"));
    assertEffects(lib.bridge(), j);
    assertEquals(0, lib.baseRevenue().compareTo(j.get("base").get("revenue").decimalValue()));
    assertEquals(0, lib.currentRevenue().compareTo(j.get("current").get("revenue").decimalValue()));
    BigDecimal total = j.get("total").decimalValue();
    assertEquals(0, lib.change().compareTo(total));
    assertEquals("2026-02", j.get("base").get("label").asText());
    // --lenient: the rejections go to stderr and into the JSON, counted like the reader's
    long rejected = DatasetReader.lenient().read(dir).rejected();
    assertEquals(rejected, sumCounts(j.get("rejected")));
    if (rejected > 0) {
      assertTrue(r.err().contains("skipped " + rejected + " invalid row"), r.err());
    }

    Run text = run("bridge", dir.toString(), "--base", "2026-02", "--current", "2026-03",
        "--lenient");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("Funnel bridge 2026-02 -> 2026-03"), text.out());

    Run velocity = run("bridge", dir.toString(), "--base", "2026-02", "--current", "2026-03",
        "--velocity", "--method", "shapley", "--lenient", "--format", "json");
    assertEquals(0, velocity.code(), velocity.err());
    JsonNode v = JSON.readTree(velocity.out());
    FunnelBridgeResult libV = FunnelBridge.builder().velocity()
        .bridge(Bridge.builder().method(Method.SHAPLEY).build()).build()
        .periods(read, Period.parse("2026-02"), Period.parse("2026-03"));
    assertEquals("sales velocity", v.get("quantity").asText());
    assertEquals("shapley", v.get("method").asText());
    assertEffects(libV.bridge(), v);
    assertEquals(libV.bridge().change(), v.get("total").asDouble(), 1e-9);
    assertEquals(libV.bridge().base(), v.get("base").get("value").asDouble(), 1e-9);

    Run plan = run("bridge", dir.toString(), "--base", "plan", "--current", "2026-03",
        "--lenient", "--format", "json");
    assertEquals(0, plan.code(), plan.err());
    JsonNode p = JSON.readTree(plan.out());
    assertEquals("plan 2026-03", p.get("base").get("label").asText());
    assertEffects(FunnelBridge.builder().build().planVsActual(read, Period.parse("2026-03"))
        .bridge(), p);
  }

  private static long sumCounts(JsonNode rejected) {
    long n = 0;
    for (JsonNode x : rejected) {
      n += x.get("count").asLong();
    }
    return n;
  }

  @Test
  void badOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
    String f = file(dir, LMDIR).toString();
    List<String[]> bad = List.of(
        new String[] {"bridge", "--factors", f, "--method", "divisia"},
        new String[] {"bridge", "--factors", f, "--order", "a,b,c"},
        new String[] {"bridge", "--factors", f, "--method", "chain", "--order", "a,b"},
        new String[] {"bridge", "--factors", f, "--method", "chain", "--order", "a,b,x"},
        new String[] {"bridge", "--factors", f, "--base", "2026-01"},
        new String[] {"bridge", "--factors", f, "--format", "html"},
        new String[] {"bridge", dir.toString(), "--base", "2026-01"},
        new String[] {"bridge", dir.toString(), "--base", "January", "--current", "2026-02"},
        new String[] {"bridge", dir.toString(), "--base", "2026-01", "--current", "2026-02",
            "--by", "colour"},
        new String[] {"bridge", dir.resolve("nothing").toString(), "--base", "2026-01",
            "--current", "2026-02"},
        new String[] {"bridge", "--base", "2026-01", "--current", "2026-02"},
        new String[] {"bridge", "--factors", f, "--velocity"},
        new String[] {"bridge", dir.toString(), "--base", "2026-01", "--current", "2026-02",
            "--velocity", "--by", "channel"},
        new String[] {"bridge", "--factors", f, "--unknown"});
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().contains("funnel bridge --help"), r.err());
    }
  }

  @Test
  void badFactorFilesNameTheLine(@TempDir Path dir) throws Exception {
    for (String text : List.of("segment,factor,base\n,a,1\n",
        "segment,factor,base,current\n,a,1,x\n",
        "segment,factor,base,current\n,a,1\n",
        "segment,factor,base,current\n",
        "segment,factor,base,current\n,a,1,2\nb,a,1,2\n,b,1,2\n")) {
      Run r = run("bridge", "--factors", file(dir, text).toString());
      assertNotEquals(0, r.code(), text);
      assertNotEquals(2, r.code(), text);
      assertTrue(r.err().contains("factors.csv") || r.err().contains("segment 'b'"), r.err());
    }
    // quoted fields, blank segment = the single segment
    Run q = run("bridge", "--factors", file(dir,
        "segment,factor,base,current\n\"\",\"leads, all\",10,12\n,deal,\"5\",5\n").toString(),
        "--format", "json");
    assertEquals(0, q.code(), q.err());
    JsonNode j = JSON.readTree(q.out());
    assertEquals("leads, all", j.get("effects").get(0).get("factor").asText());
    assertEquals(10, j.get("effects").get(0).get("effect").asDouble(), 1e-9);
  }

  @Test
  void factorFilesReadStrictOrLenientLikeDatasetTables(@TempDir Path dir) throws Exception {
    String text = "segment;factor;base;current\n;leads;10;12\n;deal;x;5\n;deal;5;6\n";
    Path f = file(dir, text);
    Run strict = run("bridge", "--factors", f.toString());
    assertEquals(3, strict.code(), strict.err());
    assertTrue(strict.err().contains("factors.csv at line 3, column 3 (field base, value 'x')"),
        strict.err());
    Run lenient = run("bridge", "--factors", f.toString(), "--lenient", "--format", "json");
    assertEquals(0, lenient.code(), lenient.err());
    assertTrue(lenient.err().contains("skipped 1 invalid row (unparsable_number 1)"), lenient.err());
    JsonNode j = JSON.readTree(lenient.out());
    assertEquals(1, j.get("rejected").get("rows").get("factors").get("rejected").asLong());
    assertEquals(3, j.get("rejected").get("rejected").get(0).get("examples").get(0).get("line")
        .asLong());
    // the single segment leads x deal goes from 10 x 5 = 50 to 12 x 6 = 72
    assertEquals(22, j.get("total").asDouble(), 1e-12);
    Run tab = run("bridge", "--factors", file(dir, text.replace(';', '\t')).toString(),
        "--delimiter", "tab", "--lenient");
    assertEquals(0, tab.code(), tab.err());
  }
}
