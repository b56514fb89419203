package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "undefined is never zero", on an export shaped like the issue's: organic channels
 * (direct, seo, referral, call) have leads and customers but no spend rows, so their spend is
 * unknown; CPL, CAC, ROMI, DRR, LTV/CAC and payback are then undefined (JSON null, text '-') with a
 * footnote saying why, never 0. Without a spend table every CAC and payback is undefined.
 */
class UndefinedIsNeverZeroTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static Dataset export;

  @BeforeAll
  static void data() {
    export = RealShapedExport.of(20_000, 0);
  }

  static JsonNode json(Dataset d, String... args) throws Exception {
    FunnelTest.Run r = InMemoryDatasetTest.run(d, args);
    assertEquals(0, r.code(), r.toString());
    return JACKSON.readTree(r.out());
  }

  static JsonNode channel(JsonNode rows, String name) {
    for (JsonNode r : rows) {
      if (r.get("channel").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no channel " + name + " in " + rows);
  }

  @Test
  void cplAndCacOfAChannelWithoutSpendRowsAreUndefinedWithAReason() throws Exception {
    for (JsonNode j : List.of(
        json(export, "unit", "--from", "2026-01-01", "--to", "2026-02-01", "--format", "json"),
        json(export, "report", "--period", "2026-01", "--format", "json").get("channels"))) {
      JsonNode direct = channel(j.get("channels"), "direct");
      assertTrue(direct.get("leads").asLong() > 0, direct.toString());
      assertEquals(0, direct.get("spendRows").asLong());
      for (String f : List.of("cpl", "cac", "romi", "drr")) {
        assertTrue(direct.get(f).isNull(), f + " of direct must be null: " + direct);
        assertEquals("no spend rows for direct", direct.get("undefined").get(f).asText());
      }
      JsonNode paid = channel(j.get("channels"), "paid_search");
      assertTrue(paid.get("cpl").asDouble() > 0 && paid.get("spendRows").asLong() > 0,
          paid.toString());
      assertFalse(paid.has("undefined") && paid.get("undefined").has("cpl"), paid.toString());
    }
    String text = InMemoryDatasetTest.run(export, "unit", "--from", "2026-01-01", "--to",
        "2026-02-01").out();
    String row = text.lines().filter(l -> l.startsWith("direct ")).findFirst().orElseThrow();
    String[] cells = row.trim().split("\\s+"); // channel spend leads customers revenue cpl cac romi drr
    assertEquals(List.of("-", "-", "-", "-"), List.of(cells).subList(5, 9), row);
    assertTrue(text.contains("- = undefined:\n"), text);
    assertTrue(text.contains("cpl, cac, romi, drr: no spend rows for direct\n"), text);
    String html = InMemoryDatasetTest.run(export, "report", "--period", "2026-01", "--format",
        "html").out();
    assertTrue(html.contains("cpl, cac, romi, drr: no spend rows for direct"), "html footnote");
  }

  @Test
  void ltvWithoutASpendTableHasNoCacAndNoPayback() throws Exception {
    Dataset noSpend = RealShapedExport.withoutSpend(export);
    JsonNode j = json(noSpend, "ltv", "--format", "json");
    for (JsonNode c : j.get("channels")) {
      assertTrue(c.get("cac").isNull(), c.toString());
      assertTrue(c.get("ltvToCac").isNull(), c.toString());
      assertTrue(c.get("paybackMonths").isNull(), c.toString());
      assertEquals("undefined", c.get("paybackStatus").asText(), c.toString());
      assertEquals("no spend table", c.get("undefined").get("cac").asText(), c.toString());
    }
    for (JsonNode c : j.get("channelCohorts")) {
      assertTrue(c.get("cac").isNull() && c.get("paybackMonths").isNull(), c.toString());
    }
    String text = InMemoryDatasetTest.run(noSpend, "ltv").out();
    String table = text.substring(text.indexOf("Unit economics by channel"));
    for (String line : table.lines().skip(3).toList()) {
      if (line.startsWith("- = undefined") || line.startsWith("  ")) {
        break;
      }
      String[] cells = line.trim().split("\\s+");
      assertEquals("-", cells[3], "CAC of " + line);
      assertEquals("-", cells[cells.length - 1], "payback of " + line);
    }
    assertTrue(table.contains("CAC, LTV/CAC, payback: no spend table"), table);
    assertFalse(table.contains("not yet"), table);
  }

  @Test
  void ltvCacOfAChannelWithoutSpendRowsIsUndefinedNextToPaidChannels() throws Exception {
    JsonNode j = json(export, "ltv", "--format", "json");
    JsonNode direct = channel(j.get("channels"), "direct");
    assertTrue(direct.get("customers").asLong() > 0, direct.toString());
    assertTrue(direct.get("cac").isNull() && direct.get("paybackMonths").isNull(), direct.toString());
    assertEquals("no spend rows for direct", direct.get("undefined").get("cac").asText());
    JsonNode paid = channel(j.get("channels"), "paid_search");
    assertTrue(paid.get("cac").asDouble() > 0, paid.toString());
    assertTrue(!paid.get("paybackStatus").asText().equals("undefined"), paid.toString());
    String text = InMemoryDatasetTest.run(export, "ltv").out();
    assertTrue(text.contains("CAC, LTV/CAC, payback: no spend rows for direct"), text);
  }
}
