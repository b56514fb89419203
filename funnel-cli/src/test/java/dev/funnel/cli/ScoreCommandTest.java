package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import dev.funnel.scoring.RuleSet;
import dev.funnel.scoring.ScoreQuery;
import dev.funnel.scoring.ScoreReview;
import dev.funnel.scoring.Scoring;
import dev.funnel.scoring.WorkItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code funnel score}: the numbers are the library's, the rule file is read strictly. */
class ScoreCommandTest {

  @TempDir static Path tmp;
  static Path dir;
  static Dataset data;

  @BeforeAll
  static void writeDataset() {
    dir = tmp.resolve("demo");
    DatasetWriter.write(DemoData.builder().seed(7).leads(3_000).defectRate(0).build().dataset(), dir,
        FileFormat.CSV);
    data = DatasetReader.strict().read(dir).dataset();
  }

  @Test
  void jsonIsTheLibrarysReview() throws Exception {
    String asOf = "2026-10-15";
    FunnelTest.Run r = FunnelTest.run("score", dir.toString(), "--as-of", asOf, "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    Instant at = AsOf.endOfDay(java.time.LocalDate.parse(asOf), data.zone());
    ScoreReview lib = Scoring.review(data, ScoreQuery.of(at));
    assertEquals(at.toString(), j.get("asOf").asText());
    assertEquals("SQL", j.get("target").asText());
    assertEquals(30.0, j.get("horizonDays").asDouble());
    JsonNode v = j.get("validation");
    assertEquals(lib.validation().verdict(), v.get("verdict").asText());
    assertEquals(lib.validation().modelBeatsRules(), v.get("modelBeatsRules").asBoolean());
    assertEquals(lib.validation().model().auc().auc(), v.get("model").get("auc").asDouble(), 1e-12);
    assertEquals(lib.validation().rules().auc().auc(), v.get("rules").get("auc").asDouble(), 1e-12);
    assertEquals(10, v.get("model").get("calibration").get("deciles").size());
    assertEquals(v.get("modelBeatsRules").asBoolean(), v.get("comparison").get("lower").asDouble() > 0);
    assertEquals(lib.model().columns().size(), j.get("model").get("columns").size());
    JsonNode owners = j.get("worklist").get("owners");
    assertEquals(lib.worklist().owners().size(), owners.size());
    for (JsonNode o : owners) {
      List<WorkItem> items = lib.worklist().byOwner().get(o.get("owner").asText());
      assertEquals(items.size(), o.get("items").size());
      assertEquals(items.get(0).leadId(), o.get("items").get(0).get("lead").asText());
      assertEquals(items.get(0).rule().label(), o.get("items").get(0).get("rule").asText());
    }
    assertEquals(lib.outlook().rows().size(), j.get("outlook").get("rows").size());
    assertEquals("sql", j.get("outlook").get("rows").get(0).get("metric").asText());
  }

  @Test
  void textShowsModelAgainstRulesCalibrationAndEachOwnersWorklist() {
    FunnelTest.Run r = FunnelTest.run("score", dir.toString(), "--as-of", "2026-10-15", "--list", "3");
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("Lead scoring as of end of 2026-10-15") || out.startsWith("Lead scoring as of 2026-10-15"), out);
    assertTrue(out.contains("Model vs rules on the held-out period"), out);
    assertTrue(out.contains("the model beats the rules") || out.contains("does not beat the rules")
        || out.contains("the rules beat the model"), out);
    assertTrue(out.contains("Calibration of the model on the held-out leads"), out);
    assertTrue(out.contains("sdr.anna: "), out);
    assertTrue(out.contains("--list N shows more"), out);
    assertTrue(out.contains("Plan outlook as of"), out);
  }

  @Test
  void aRuleFileIsReadStrictlyWithFileLineAndColumn() throws Exception {
    Path good = tmp.resolve("rules.csv");
    Files.writeString(good, RuleSet.builder().mqlAt(20).add("Enterprise", "segment", "=", "enterprise", 30)
        .add("Engaged", "touches", ">=", "3", 20).build().toCsv(), StandardCharsets.UTF_8);
    FunnelTest.Run ok = FunnelTest.run("score", dir.toString(), "--as-of", "2026-10-15", "--rules",
        good.toString(), "--format", "json");
    assertEquals(0, ok.code(), ok.toString());
    assertTrue(ok.out().contains("\"condition\" : \"segment = enterprise\""), ok.out());
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "rule,feature,operator,value,points\nMQL,score,>=,20,\nBig,headcount,>,100,5\n",
        StandardCharsets.UTF_8);
    FunnelTest.Run r = FunnelTest.run("score", dir.toString(), "--rules", bad.toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("bad.csv at line 3, column 2 (field feature)"), r.err());
    assertTrue(r.err().contains("unknown feature 'headcount'"), r.err());
  }

  @Test
  void capacityFromTheDataFromTheOptionAndFromAFile() throws Exception {
    String asOf = "2026-10-15";
    Instant at = AsOf.endOfDay(java.time.LocalDate.parse(asOf), data.zone());
    FunnelTest.Run d = FunnelTest.run("score", dir.toString(), "--as-of", asOf, "--format", "json");
    assertEquals(0, d.code(), d.toString());
    ScoreReview lib = Scoring.review(data, ScoreQuery.of(at));
    for (JsonNode o : new ObjectMapper().readTree(d.out()).get("worklist").get("owners")) {
      dev.funnel.scoring.OwnerCapacity c = lib.worklist().capacity(o.get("owner").asText());
      assertEquals(c.source().label(), o.get("capacitySource").asText());
      assertEquals(c.capacity(), o.get("capacity").asInt(), o.toString());
      assertEquals(c.assigned(), o.get("assigned").asInt());
      assertEquals(c.overflow(), o.get("overflow").asInt());
      assertEquals(c.assigned(), java.util.stream.StreamSupport.stream(o.get("items").spliterator(), false)
          .filter(i -> i.get("assignment").asText().equals("assigned")).count());
    }
    Path file = tmp.resolve("capacity.csv");
    Files.writeString(file, "owner,capacity\nsdr.anna,2\n", StandardCharsets.UTF_8);
    FunnelTest.Run r = FunnelTest.run("score", dir.toString(), "--as-of", asOf, "--capacity", "3",
        "--capacity-file", file.toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    ScoreReview given = Scoring.review(data, ScoreQuery.of(at)
        .capacity(dev.funnel.scoring.Capacity.perDay(3).owner("sdr.anna", 2)));
    for (JsonNode o : new ObjectMapper().readTree(r.out()).get("worklist").get("owners")) {
      String owner = o.get("owner").asText();
      int expected = owner.equals("sdr.anna") ? 2 : owner.equals("(none)") ? 0 : 3;
      assertEquals(expected, o.get("capacity").asInt(), o.toString());
      assertEquals(given.worklist().capacity(owner).assigned(), o.get("assigned").asInt());
    }
    FunnelTest.Run text = FunnelTest.run("score", dir.toString(), "--as-of", asOf, "--capacity", "3", "--list", "4");
    assertTrue(text.out().contains("sdr.anna: "), text.out());
    assertTrue(text.out().lines().anyMatch(l -> l.matches("sdr\\.anna: \\d+ items, 3 a day \\(given\\): 3 assigned, .*")),
        text.out());
    Files.writeString(file, "owner,capacity\nsdr.anna,lots\n", StandardCharsets.UTF_8);
    FunnelTest.Run bad = FunnelTest.run("score", dir.toString(), "--capacity-file", file.toString());
    assertEquals(3, bad.code(), bad.toString());
    assertTrue(bad.err().contains("capacity.csv at line 2, column 2 (field capacity)"), bad.err());
    assertEquals(2, FunnelTest.run("score", dir.toString(), "--capacity", "0").code());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, FunnelTest.run("score", dir.toString(), "--target", "REVENUE").code());
    assertEquals(2, FunnelTest.run("score", dir.toString(), "--target", "LEAD").code());
    assertEquals(2, FunnelTest.run("score", dir.toString(), "--horizon", "soon").code());
    assertEquals(2, FunnelTest.run("score", dir.toString(), "--lambda", "-1").code());
    assertEquals(2, FunnelTest.run("score", dir.toString(), "--cut", "2030-01-01", "--as-of", "2026-10-15").code());
  }
}
