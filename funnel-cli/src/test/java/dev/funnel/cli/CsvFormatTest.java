package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --format csv} for every command with a tabular result: well-formed CSV (RFC 4180, a
 * header, every record as wide as it), a result with one table in wide form and one with several
 * in long form ({@code table,row,column,value}); the figures are the JSON's at full precision.
 */
class CsvFormatTest {

  private static final String[] DEMO = {"--demo", "--leads", "1500", "--seed", "4"};

  private static List<String> concat(String[] a, String... b) {
    List<String> out = new ArrayList<>(List.of(a));
    out.addAll(0, List.of(b));
    return out;
  }

  private static List<List<String>> csv(String... command) {
    FunnelTest.Run r = FunnelTest.run(concat(DEMO, command).toArray(new String[0]));
    assertEquals(0, r.code(), String.join(" ", command) + ": " + r.err());
    List<List<String>> rows = dev.funnel.cli.view.Consistency.records(r.out());
    assertFalse(rows.isEmpty(), String.join(" ", command));
    for (List<String> row : rows) {
      assertEquals(rows.get(0).size(), row.size(), String.join(" ", command) + ": " + row);
    }
    return rows;
  }

  @Test
  void everyTabularCommandWritesCsv() {
    assertEquals(List.of("stage", "count", "from previous", "from first"),
        csv("funnel", "--format", "csv").get(0));
    assertEquals(List.of("table", "row", "column", "value"),
        csv("funnel", "--matrix", "--format", "csv").get(0));
    assertEquals("channel", csv("attribution", "--model", "linear", "--format", "csv").get(0).get(0));
    assertEquals(List.of("table", "row", "column", "value"),
        csv("attribution", "--model", "all", "--format", "csv").get(0));
    assertEquals("cohort", csv("cohorts", "--format", "csv").get(0).get(0));
    assertEquals("channel", csv("ltv", "--format", "csv").get(0).get(0));
    assertEquals("channel", csv("unit", "--format", "csv").get(0).get(0));
    assertEquals(List.of("table", "row", "column", "value"), csv("sales", "--format", "csv").get(0));
    assertEquals("metric", csv("planfact", "--period", "2026-03", "--format", "csv").get(0).get(0));
    assertEquals(List.of("table", "row", "column", "value"), csv("sla", "--format", "csv").get(0));
    assertEquals("step", csv("bridge", "--base", "2026-02", "--current", "2026-03", "--format",
        "csv").get(0).get(0));
    assertEquals(List.of("table", "row", "column", "value"), csv("score", "--format", "csv").get(0));
    List<List<String>> report = csv("report", "--period", "2026-03", "--format", "csv");
    assertEquals(List.of("table", "row", "column", "value"), report.get(0));
    assertTrue(report.stream().anyMatch(r -> r.get(0).startsWith("channels/")), "channels");
    assertTrue(report.stream().anyMatch(r -> r.get(0).startsWith("cohorts/")), "cohorts");
  }

  @Test
  void theCsvHasTheJsonFiguresAtFullPrecision() throws Exception {
    JsonNode j = new ObjectMapper().readTree(FunnelTest.run(concat(DEMO, "unit", "--format",
        "json").toArray(new String[0])).out());
    List<List<String>> rows = csv("unit", "--format", "csv");
    int romi = rows.get(0).indexOf("ROMI");
    for (JsonNode ch : j.get("channels")) {
      List<String> row = rows.stream().filter(r -> r.get(0).equals(ch.get("channel").asText()))
          .findFirst().orElseThrow();
      if (ch.get("romi").isNull()) {
        assertEquals("", row.get(romi), ch.toString());
      } else {
        assertEquals(ch.get("romi").asDouble(), Double.parseDouble(row.get(romi)), 0.0,
            ch.toString());
      }
    }
  }
}
