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
}
