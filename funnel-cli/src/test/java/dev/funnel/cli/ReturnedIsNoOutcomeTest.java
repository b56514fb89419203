package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "exits stated", on an export shaped like the (many leads returned to
 * marketing): RETURNED is neither won, lost nor open, in the win rates and in the sales cycle
 * alike. The win rate's counts are checked against a recount over the raw stage rows; the cycle's
 * deals split into paid, open (censored), lost and returned exactly as the win rate's do.
 */
class ReturnedIsNoOutcomeTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static Dataset export;
  static JsonNode sales;

  @BeforeAll
  static void run() throws Exception {
    export = RealShapedExport.of(20_000, 0);
    FunnelTest.Run r = InMemoryDatasetTest.run(export, "sales", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    sales = JACKSON.readTree(r.out());
  }

  /**
   * {reached, won, lost, returned, open} of the leads that reached {@code base} (or a later
   * progression stage) by {@code asOf}, recounted from the stage rows: won = ever entered WON;
   * otherwise the latest change by time decides (RETURNED, LOST, or anything else: open).
   */
  static long[] recount(Dataset d, String base, Instant asOf) {
    StageCatalog c = d.catalog();
    int from = c.stage(base).index();
    Map<String, List<StageChange>> byLead = new HashMap<>();
    for (StageChange s : d.stages()) {
      if (!s.at().isAfter(asOf) && d.lead(s.leadId()) != null) {
        byLead.computeIfAbsent(s.leadId(), k -> new java.util.ArrayList<>()).add(s);
      }
    }
    long[] n = new long[5];
    for (List<StageChange> rows : byLead.values()) {
      boolean reached = rows.stream().anyMatch(s -> s.stage().progression()
          && s.stage().index() >= from);
      if (!reached) {
        continue;
      }
      n[0]++;
      boolean won = rows.stream().anyMatch(s -> s.stage().equals(c.won()));
      StageChange latest = rows.stream()
          .max(Comparator.comparing(StageChange::at).thenComparing(s -> s.stage().index()))
          .orElseThrow();
      if (won) {
        n[1]++;
      } else if (latest.stage().exit() && c.returned().map(latest.stage()::equals).orElse(false)) {
        n[3]++;
      } else if (latest.stage().exit()) {
        n[2]++;
      } else {
        n[4]++;
      }
    }
    return n;
  }

  @Test
  void returnedDealsAreCountedApartFromOpenOnes() {
    Instant asOf = Instant.parse(sales.get("asOf").asText());
    for (JsonNode w : sales.get("winRates")) {
      String base = w.get("base").asText();
      long[] want = recount(export, base, asOf);
      long[] got = {w.get("reached").asLong(), w.get("won").asLong(), w.get("lost").asLong(),
          w.get("returned").asLong(), w.get("open").asLong()};
      assertEquals(List.of(want[0], want[1], want[2], want[3], want[4]),
          List.of(got[0], got[1], got[2], got[3], got[4]),
          base + ": reached, won, lost, returned, open");
      assertEquals(got[0], got[1] + got[2] + got[3] + got[4], base);
      if (base.equals("SQL")) {
        assertTrue(got[3] > 100, "the export returns many SQLs to marketing: " + w);
      }
      assertEquals(got[1] / (double) (got[1] + got[2]), w.get("byCount").asDouble(), 1e-12);
    }
  }

  @Test
  void theCycleSplitsTheSameDealsTheSameWay() {
    JsonNode sql = sales.get("winRates").get(0);
    assertEquals("SQL", sql.get("base").asText());
    JsonNode c = sales.get("cycle");
    long paid = c.get("paid").asLong();
    long open = c.get("censored").asLong();
    long lost = c.get("lost").asLong();
    long returned = c.get("returned").asLong();
    // every deal that reached SQL is one cycle observation: paid, open (censored), lost or returned
    assertEquals(sql.get("reached").asLong(), paid + open + lost + returned, c.toString());
    assertEquals(lost + returned, c.get("excluded").asLong());
    // a returned deal is never open: those left out are the returned deals that did not pay
    assertTrue(returned > 0 && returned <= sql.get("returned").asLong(), c + " vs " + sql);
    assertTrue(lost <= sql.get("lost").asLong(), c + " vs " + sql);
    assertTrue(open <= sql.get("open").asLong() + sql.get("won").asLong(), c + " vs " + sql);
    String text = InMemoryDatasetTest.run(export, "sales").out();
    assertTrue(text.contains("returned") && text.contains("returned (left out)"), text);
  }
}
