package dev.funnel.cli;

import static dev.funnel.cli.AnalysisCommandsTest.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.sales.CycleComparison;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sales.SalesCycle;
import dev.funnel.core.sales.SalesQuery;
import dev.funnel.core.stats.LogRankTest;
import dev.funnel.core.stats.SurvivalCurve;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code funnel sales DATA --cycle-by D} in process on a demo dataset written to disk: every number
 * of the JSON (each group's deals, median with its interval, p75 and log-rank counts; the
 * statistic, degrees of freedom and p-value) equals {@link Sales#cycleBy} computed here from the
 * same files, the CSV carries the same test figures, and a dimension that does not exist is a
 * usage error naming the choices.
 */
class SalesCycleByCommandTest {

  @TempDir static Path tmp;
  static Path dir;
  static Dataset data;

  @BeforeAll
  static void writeDataset() {
    dir = tmp.resolve("demo");
    DatasetWriter.write(DemoData.builder().seed(7).leads(2_000).build().dataset(), dir, FileFormat.CSV);
    data = DatasetReader.strict().read(dir).dataset();
  }

  static FunnelTest.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("sales", dir.toString()));
    all.addAll(List.of(args));
    return FunnelTest.run(all.toArray(new String[0]));
  }

  static JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--format", "json"));
    FunnelTest.Run r = run(all.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    return SalesAndMatrixCommandsTest.JACKSON.readTree(r.out());
  }

  static void sameComparison(CycleComparison e, JsonNode j) {
    assertEquals(e.by().label(), j.get("by").asText());
    assertEquals("SQL", j.get("from").asText());
    assertEquals(0.95, j.get("confidence").asDouble());
    assertEquals("log-log", j.get("band").asText());
    assertEquals(e.cycles().size(), j.get("groups").size());
    int i = 0;
    for (Map.Entry<String, SalesCycle> g : e.cycles().entrySet()) {
      JsonNode n = j.get("groups").get(i++);
      String what = e.by().label() + " " + g.getKey();
      SalesCycle c = g.getValue();
      SurvivalCurve.PercentileInterval m = c.curve().percentileInterval(0.5, 0.95, SurvivalCurve.Scale.LOG_LOG);
      assertEquals(g.getKey(), n.get("group").asText());
      assertEquals(c.paid(), n.get("paid").asLong(), what);
      assertEquals(c.censored(), n.get("censored").asLong(), what);
      assertEquals(c.lost(), n.get("lost").asLong(), what);
      assertEquals(c.returned(), n.get("returned").asLong(), what);
      same(c.medianDays(), n.get("medianDays"), what + " median");
      same(m.lower(), n.get("medianLower"), what + " median lower");
      same(m.upper(), n.get("medianUpper"), what + " median upper");
      same(c.p75Days(), n.get("p75Days"), what + " p75");
      LogRankTest.Group lr = e.test().groups().stream().filter(x -> x.name().equals(g.getKey()))
          .findFirst().orElseThrow();
      assertEquals(lr.observed(), n.get("observed").asLong(), what);
      same(lr.expected(), n.get("expected"), what + " expected");
    }
    same(e.test().chiSquare(), j.get("logRank").get("chiSquare"), "chi-squared");
    assertEquals(e.test().degreesOfFreedom(), j.get("logRank").get("degreesOfFreedom").asInt());
    same(e.test().pValue(), j.get("logRank").get("pValue"), "p-value");
  }

  @Test
  void jsonEqualsTheLibrarysComparison() throws Exception {
    Instant asOf = Instant.parse("2026-06-30T23:59:59.999999999Z");
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-04-01T00:00:00Z");
    JsonNode j = json("--cycle-by", "segment", "--as-of", "2026-06-30", "--from", "2026-01-01",
        "--to", "2026-04-01");
    assertEquals(asOf.toString(), j.get("asOf").asText());
    assertEquals("2026-01-01", j.get("window").get("from").asText());
    CycleComparison seg = Sales.cycleBy(data, Dimension.SEGMENT, SalesQuery.all().between(from, to).asOf(asOf));
    sameComparison(seg, j);
    assertTrue(seg.test().degreesOfFreedom() >= 1, seg.toString());
    // the whole data, by channel, as of the end of the data (the latest event, as `funnel sales`)
    JsonNode c = json("--cycle-by", "CHANNEL");
    Instant end = Instant.parse(c.get("asOf").asText());
    sameComparison(Sales.cycleBy(data, Dimension.CHANNEL, SalesQuery.all().asOf(end)), c);
    // a real comparison: every segment with paid deals, a defined test, and the groups' paid
    // deals are the cycle's
    JsonNode all = json("--cycle-by", "segment");
    CycleComparison whole = Sales.cycleBy(data, Dimension.SEGMENT, SalesQuery.all().asOf(end));
    sameComparison(whole, all);
    assertEquals(Sales.cycle(data, SalesQuery.all().asOf(end)).paid(),
        whole.cycles().values().stream().mapToLong(SalesCycle::paid).sum());
    assertTrue(whole.cycles().size() >= 3 && whole.cycles().values().stream().allMatch(x -> x.paid() > 0),
        whole.toString());
    assertTrue(whole.test().pValue() > 0 && whole.test().pValue() < 1, whole.toString());
  }

  @Test
  void textAndCsvShowTheSameTest() {
    Instant asOf = Instant.parse("2026-06-30T23:59:59.999999999Z");
    CycleComparison seg = Sales.cycleBy(data, Dimension.SEGMENT, SalesQuery.all().asOf(asOf));
    FunnelTest.Run t = run("--cycle-by", "segment", "--as-of", "2026-06-30");
    assertEquals(0, t.code(), t.toString());
    assertTrue(t.out().startsWith("Sales cycle SQL->payment by segment as of "), t.out());
    assertTrue(t.out().contains(seg.summary()), t.out());
    assertTrue(t.out().contains("Log-rank p = "), t.out());
    FunnelTest.Run csv = run("--cycle-by", "segment", "--as-of", "2026-06-30", "--format", "csv");
    assertEquals(0, csv.code(), csv.toString());
    String p = null;
    long groups = 0;
    for (String line : csv.out().split("\n")) {
      if (line.startsWith("log-rank,log-rank,p-value,")) {
        p = line.substring("log-rank,log-rank,p-value,".length());
      }
      if (line.startsWith("cycle by segment,") && line.contains(",paid,")) {
        groups++;
      }
    }
    assertEquals(seg.test().pValue(), Double.parseDouble(p), 1e-12 * Math.max(1, seg.test().pValue()));
    assertEquals(seg.cycles().size(), groups);
  }

  @Test
  void aBadDimensionIsAUsageErrorNamingTheChoices() {
    FunnelTest.Run r = run("--cycle-by", "region");
    assertEquals(2, r.code(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertTrue(r.err().contains("bad --cycle-by: unknown breakdown 'region'; expected channel,"
        + " campaign, segment or owner"), r.err());
    FunnelTest.Run none = run("--cycle-by");
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().contains("--cycle-by D"), none.err());
  }
}
