package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The as-of rule of the commands (issue #13) on exports shaped like real ones: the leads table
 * stops before the stage changes do, the export ends at an event, a period in the past.
 */
class AsOfCommandsTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static final Dataset DEMO = DemoData.builder().seed(5).leads(2_000).build().dataset();

  static JsonNode json(Path dir, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, dir.toString());
    all.addAll(List.of("--format", "json"));
    FunnelTest.Run r = FunnelTest.run(all.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    return JACKSON.readTree(r.out());
  }

  static Path write(Dataset d, Path dir) {
    DatasetWriter.write(d, dir, FileFormat.CSV);
    return dir;
  }

  /**
   * An export taken at the instant of a WON change, leads exported two months earlier: the default
   * as-of is that instant, and the deal won at it is in the average deal and the velocity as it
   * is in the win rate (it was dropped by a half-open window ending at the as-of).
   */
  @Test
  void salesCountsTheDealWonAtTheDefaultAsOfInEveryFigure(@TempDir Path tmp) throws Exception {
    Instant leadsEnd = Instant.parse("2026-03-01T00:00:00Z");
    Dataset cut = Exports.export(DEMO, leadsEnd, Instant.parse("2026-05-01T00:00:00Z"), null, Set.of());
    Instant won = Exports.lastWon(cut, Instant.parse("2026-05-01T00:00:00Z"));
    Dataset d = Exports.export(DEMO, leadsEnd, won, null, Set.of());
    JsonNode j = json(write(d, tmp.resolve("export")), "sales");
    assertEquals(won.toString(), j.get("asOf").asText());
    long wonDeals = j.get("winRates").get(0).get("won").asLong();
    assertTrue(wonDeals > 20, j.toString());
    assertEquals(wonDeals, j.get("winRates").get(1).get("won").asLong());
    assertEquals(wonDeals, j.get("dealSize").get("won").asLong(), "average deal over every won deal");
    assertEquals(j.get("dealSize").get("average").asDouble(),
        j.get("velocity").get("averageDeal").asDouble(), 1e-9, "velocity's average deal");
  }

  /**
   * The per-month funnel of an export whose leads stop on 1 March and whose stage changes stop on
   * 10 May lists March, April and May as partial, with the reason, and no earlier month.
   */
  @Test
  void aPerPeriodFunnelListsThePartialPeriods(@TempDir Path tmp) throws Exception {
    Dataset d = Exports.export(DEMO, Instant.parse("2026-03-01T12:00:00Z"),
        Instant.parse("2026-05-10T12:00:00Z"), java.time.LocalDate.parse("2026-05-10"), Set.of());
    Path dir = write(d, tmp.resolve("export"));
    JsonNode j = json(dir, "funnel", "--period", "month");
    List<String> partial = new ArrayList<>();
    j.get("partialPeriods").forEach(p -> partial.add(p.get("period").asText()));
    assertEquals(List.of("2026-03", "2026-04", "2026-05"), partial);
    assertEquals("leads end 2026-03-01", j.get("partialPeriods").get(0).get("why").get(0).asText());
    // the funnel reads leads and stage changes: the data ends with the last stage change in May
    assertTrue(j.get("partialPeriods").get(2).get("why").get(0).asText()
        .matches("as of end of 2026-05-(0[1-9]|10), ([1-9]|10) of its 31 days"),
        j.get("partialPeriods").toString());
    // as of the end of February nothing shown is partial, and nothing after February counts
    JsonNode feb = json(dir, "funnel", "--period", "month", "--as-of", "2026-02-28");
    assertEquals(0, feb.get("partialPeriods").size());
    assertEquals("2026-02", feb.get("periods").get(feb.get("periods").size() - 1).get("period").asText());
  }
}
