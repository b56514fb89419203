package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on hostile or broken datasets (issue 15): bounded work with a clean one-line error,
 * no table that vanishes without a word, and output that depends on the data only.
 */
class HostileInputCommandsTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path dataset(String name, String... files) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1], StandardCharsets.UTF_8);
    }
    return dir;
  }

  private static final String LEADS = "lead_id,created_at,channel\nL1,2026-01-02T10:00:00Z,search\n"
      + "L2,2026-01-05T10:00:00Z,social\n";

  /**
   * The dataset is built in memory, so this holds whatever the reader's date window does with
   * such a row: the cohort table itself refuses the span.
   */
  @Test
  void aPaymentInYear9999IsRefusedWithTheLimitNotComputedForMinutes() throws IOException {
    Dataset.Builder b = Dataset.builder();
    b.lead(new Lead("L1", Instant.parse("2026-01-02T10:00:00Z"), "search", null, null, null, null, Map.of()));
    b.payment(new Payment("P1", null, "L1", Instant.parse("2026-01-10T10:00:00Z"), Money.of("100.00", "EUR"), null));
    b.payment(new Payment("P2", "C2", null, Instant.parse("9999-12-31T10:00:00Z"), Money.of("5.00", "EUR"), null));
    Dataset d = b.build();
    FunnelTest.Run r = InMemoryDatasetTest.run(d, "cohorts", "--format", "json");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("funnel: the cohort table would span 95,688 months (2026-01 to 9999-12), more than"
        + " the limit of 2,000 periods (maxPeriods): is a date mistyped? Otherwise use a coarser"
        + " granularity or a larger maxPeriods\n", r.err());

    FunnelTest.Run wide = InMemoryDatasetTest.run(d, "cohorts", "--format", "json", "--max-periods", "100000");
    assertEquals(0, wide.code(), wide.toString());
    JsonNode json = JACKSON.readTree(wide.out());
    assertEquals(2, json.get("cohorts").size());
    assertEquals(95_688, json.get("cohorts").get(0).get("active").size());

    assertEquals(2, InMemoryDatasetTest.run(d, "cohorts", "--max-periods", "0").code());
  }

  private static final String STAGES = "lead_id,stage,at\nL1,MQL,2026-01-03T10:00:00Z\n"
      + "L2,MQL,2026-01-07T09:00:00Z\n";

  @Test
  void aDirectoryInPlaceOfATableIsExitThreeInBothModes() throws IOException {
    Path d = dataset("dirtable", "leads.csv", LEADS, "stages.csv", STAGES);
    Files.createDirectory(d.resolve("payments.csv"));
    for (String[] args : new String[][] {
        {"report", d.toString()}, {"report", d.toString(), "--lenient"}, {"quality", d.toString()},
        {"cohorts", d.toString(), "--lenient"}}) {
      FunnelTest.Run r = FunnelTest.run(args);
      assertEquals(3, r.code(), r.toString());
      String first = r.err().lines().findFirst().orElseThrow();
      assertEquals("funnel: invalid data in payments.csv: payments.csv is a directory, not a file;"
          + " a table file must be a regular, readable file [not_a_file]", first);
      assertEquals("Fix the file: a table that cannot be read at all stops every command, --lenient"
          + " too.", r.err().lines().skip(1).findFirst().orElseThrow());
    }
    // a command that does not read payments is not concerned
    assertEquals(0, FunnelTest.run("funnel", d.toString()).code());
  }

  @Test
  void aMissingRequiredColumnIsFatalInLenientModeToo() throws IOException {
    Path d = dataset("nocol", "leads.csv", "lead_id,create\nL1,2026-01-02T10:00:00Z\n", "stages.csv", STAGES);
    FunnelTest.Run r = FunnelTest.run("funnel", d.toString(), "--lenient");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().startsWith("funnel: invalid data in leads.csv at line 1 (field created_at): the"
        + " header has no column created_at (required); it has [lead_id, create]; 'create' looks"
        + " like created_at cut short [missing_column]\n"), r.err());
  }

  @Test
  void anUpperCaseFileNameIsReadWithAWarning() throws IOException {
    Path d = dataset("upper", "LEADS.CSV", LEADS, "stages.csv", STAGES);
    FunnelTest.Run r = FunnelTest.run("funnel", d.toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    assertEquals("funnel: warning: read LEADS.CSV as the leads table: table files are named in lower"
        + " case (leads.csv)\n", r.err());
    assertEquals(2, JACKSON.readTree(r.out()).get("stages").get(0).get("count").asInt());
  }

  @Test
  void lenientReadingSaysOneLinePerTable() throws IOException {
    Path d = dataset("bad", "leads.csv", LEADS + "L3,never,seo\nL4,\"2026-01-05\nX\",seo\n", "stages.csv",
        STAGES + "L1,NOPE,2026-01-04T00:00:00Z\n");
    FunnelTest.Run r = FunnelTest.run("funnel", d.toString(), "--lenient");
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.err().lines().toList();
    assertEquals(3, lines.size(), r.err());
    assertEquals("funnel: skipped 3 invalid rows (--lenient):", lines.get(0));
    assertTrue(lines.get(1).startsWith("  leads.csv: 2 of 4 rows skipped: unparsable_time 2; e.g."
        + " leads.csv:4:2: field created_at 'never'"), lines.get(1));
    assertTrue(lines.get(2).startsWith("  stages.csv: 1 of 3 rows skipped: unknown_stage 1; e.g."),
        lines.get(2));
  }

  @Test
  void qualityListsEveryTableItLookedForFoundOrNot() throws IOException {
    Path d = dataset("some", "leads.csv", LEADS, "stages.csv", STAGES);
    FunnelTest.Run r = FunnelTest.run("quality", d.toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode rows = JACKSON.readTree(r.out()).get("rows");
    assertEquals(List.of("leads", "stages", "activities", "touches", "payments", "spend", "plan", "paths"),
        iterable(rows.fieldNames()));
    assertTrue(rows.get("leads").get("found").asBoolean());
    assertEquals("leads.csv", rows.get("leads").get("file").asText());
    assertEquals(2, rows.get("leads").get("accepted").asInt());
    assertFalse(rows.get("touches").get("found").asBoolean());
    assertTrue(rows.get("touches").get("file").isNull());
    assertEquals(0, rows.get("touches").get("read").asInt());

    FunnelTest.Run text = FunnelTest.run("quality", d.toString());
    assertTrue(text.out().contains("Tables not found (looked for NAME.csv and NAME.ndjson): activities,"
        + " touches, payments, spend, plan, paths\n"), text.out());
  }

  @Test
  void qualityTakesItsAsOfFromTheDataNotTheClock() throws IOException {
    Path d = dataset("asof", "leads.csv", LEADS, "stages.csv", STAGES);
    JsonNode j = JACKSON.readTree(FunnelTest.run("quality", d.toString(), "--format", "json").out());
    assertEquals("2026-01-07T09:00:00Z", j.get("asOf").asText());
    JsonNode given = JACKSON.readTree(
        FunnelTest.run("quality", d.toString(), "--format", "json", "--as-of", "2026-01-04").out());
    assertEquals("2026-01-04T23:59:59.999999999Z", given.get("asOf").asText());
    assertEquals(2, count(given, "future_timestamp"), "L2 created and its MQL after the 4th");
    assertEquals(0, count(j, "future_timestamp"));
    Path plan = dataset("planonly", "plan.csv", "period,metric,target\n2026-Q1,leads,10\n");
    assertTrue(JACKSON.readTree(FunnelTest.run("quality", plan.toString(), "--format", "json").out())
        .get("asOf").isNull(), "no timestamp in the data, no clock either");
  }

  private static long count(JsonNode quality, String code) {
    for (JsonNode i : quality.get("issues")) {
      if (i.get("code").asText().equals(code)) {
        return i.get("count").asLong();
      }
    }
    return 0;
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
