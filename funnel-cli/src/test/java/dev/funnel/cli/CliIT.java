package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.demo.DemoDefects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped jar driven as a user does: demo data written, read back, checked, broken. */
class CliIT {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static final int LEADS = 800;
  static final long SEED = 7;

  @TempDir static Path tmp;
  static Path data;

  @BeforeAll
  static void writeDemo() {
    data = tmp.resolve("demo");
    Processes.Run r = Processes.funnel(tmp, "demo", "--out", "demo", "--leads", "" + LEADS, "--seed", "" + SEED);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Wrote the demo dataset (seed 7, 800 leads"), r.toString());
    assertEquals("", r.err(), "nothing on stderr");
    assertTrue(Files.isRegularFile(data.resolve("leads.csv")));
  }

  @Test
  void qualityOfTheDemoFilesFindsTheInjectedDefects() throws Exception {
    Processes.Run r = Processes.funnel(tmp, "quality", data.toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode q = JACKSON.readTree(r.out());
    Iterator<Map.Entry<String, JsonNode>> tables = q.get("rows").fields();
    List<String> names = new ArrayList<>();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> t = tables.next();
      names.add(t.getKey());
      JsonNode n = t.getValue();
      assertEquals(n.get("read").asLong(), n.get("accepted").asLong() + n.get("rejected").asLong(), t.getKey());
      assertEquals(0, n.get("rejected").asLong(), "the writer's files read back whole: " + t.getKey());
    }
    // every table quality looked for is listed; the demo writes no paths table
    assertEquals(List.of("leads", "stages", "activities", "touches", "payments", "spend", "plan", "paths"),
        names);
    assertEquals(false, q.get("rows").get("paths").get("found").asBoolean());
    assertEquals(true, q.get("rows").get("plan").get("found").asBoolean());
    assertEquals(LEADS, q.get("rows").get("leads").get("read").asInt());
    // the generator's own tally of what it injected, against what reading the files back found
    DemoDefects injected = DemoData.builder().seed(SEED).leads(LEADS).build().defects();
    Map<String, Long> found = new HashMap<>();
    q.get("issues").forEach(i -> found.put(i.get("code").asText(), i.get("count").asLong()));
    assertEquals(injected.leadsWithoutSource(), found.getOrDefault("lead_without_source", 0L));
    assertEquals(injected.leadsWithoutCampaign(), found.getOrDefault("lead_without_campaign", 0L));
    assertEquals(injected.paymentsWithoutLead(), found.getOrDefault("payment_without_lead", 0L));
    assertEquals(injected.spendChannelsWithoutLeads(), found.getOrDefault("spend_without_leads", 0L));
  }

  @Test
  void badOptionIsAUsageError() {
    Processes.Run r = Processes.funnel(tmp, "quality", data.toString(), "--bogus");
    assertEquals(2, r.code(), r.toString());
    assertEquals(List.of("funnel: unknown option '--bogus' for 'funnel quality'",
        "Run 'funnel quality --help' for usage."), r.err().lines().toList());
  }

  @Test
  void oneCorruptedTimestampStopsStrictReadingAndIsTheOneRowLenientSkips() throws Exception {
    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken);
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        Files.copy(f, broken.resolve(f.getFileName()));
      }
    }
    Path leads = broken.resolve("leads.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(leads, StandardCharsets.UTF_8));
    int col = List.of(lines.get(0).split(",", -1)).indexOf("created_at");
    String[] cells = lines.get(4).split(",", -1);
    String good = cells[col];
    cells[col] = good.replace('T', ' ').replace("Z", "Q"); // line 5 of the file
    lines.set(4, String.join(",", cells));
    Files.write(leads, lines, StandardCharsets.UTF_8);

    Processes.Run strict = Processes.funnel(tmp, "report", broken.toString(), "--format", "json");
    assertEquals(3, strict.code(), strict.toString());
    assertEquals("", strict.out());
    String message = strict.err().lines().findFirst().orElseThrow();
    for (String part : new String[] {"leads.csv", "line 5", "column " + (col + 1), "created_at", cells[col]}) {
      assertTrue(message.contains(part), part + " missing in: " + message);
    }
    assertFalse(strict.err().contains("\tat "), "no stack trace");

    Processes.Run lenient = Processes.funnel(tmp, "report", broken.toString(), "--lenient", "--format", "json");
    assertEquals(0, lenient.code(), lenient.toString());
    assertTrue(lenient.err().startsWith("funnel: skipped 1 invalid row (--lenient):"), lenient.toString());
    JsonNode j = JACKSON.readTree(lenient.out());
    long rejected = 0;
    for (JsonNode x : j.get("rejected")) {
      rejected += x.get("count").asLong();
    }
    assertEquals(1, rejected, lenient.out());
    assertEquals(5, j.get("rejected").get(0).get("examples").get(0).get("line").asInt());
    assertEquals(LEADS - 1, j.get("dataset").get("tables").get("leads").asInt());
    assertEquals(1, j.get("quality").get("rows").get("leads").get("rejected").asInt());
  }
}
