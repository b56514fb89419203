package dev.funnel.cli;

import static dev.funnel.cli.AnalysisCommandsTest.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.GroupFunnel;
import dev.funnel.core.funnel.MatrixCell;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.sales.DealSize;
import dev.funnel.core.sales.OwnerKpi;
import dev.funnel.core.sales.OwnerKpis;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sales.SalesCycle;
import dev.funnel.core.sales.SalesVelocity;
import dev.funnel.core.sales.WinRate;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code funnel sales} and {@code funnel funnel --matrix} (issue #3) in process on a demo dataset
 * written to disk: the JSON equals the library's results computed here from the same files, and
 * the counts add up (won + lost + open = reached; a group's entries into the first transition are
 * its cohort's leads); the worklists of {@code sla} state the as-of instant readably.
 */
class SalesAndMatrixCommandsTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path dir;
  static Dataset data;

  @BeforeAll
  static void writeDataset() {
    dir = tmp.resolve("demo");
    DatasetWriter.write(DemoData.builder().seed(3).leads(1_500).build().dataset(), dir, FileFormat.CSV);
    data = DatasetReader.strict().read(dir).dataset();
  }

  static FunnelTest.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, dir.toString());
    return FunnelTest.run(all.toArray(new String[0]));
  }

  static JsonNode json(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--format", "json"));
    FunnelTest.Run r = run(all.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
    return JACKSON.readTree(r.out());
  }

  @Test
  void salesEqualsTheLibraryAndItsCountsAddUp() throws IOException {
    JsonNode j = json("sales", "--as-of", "2026-06-30", "--from", "2026-01-01", "--to", "2026-04-01",
        "--period", "2026-06");
    Instant asOf = Instant.parse("2026-06-30T23:59:59.999999999Z");
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-04-01T00:00:00Z");
    assertEquals(asOf.toString(), j.get("asOf").asText());
    String[] bases = {"SQL", "OPPORTUNITY"};
    for (int i = 0; i < 2; i++) {
      WinRate w = Sales.winRate(data, bases[i], from, to, asOf);
      JsonNode n = j.get("winRates").get(i);
      assertEquals(bases[i], n.get("base").asText());
      assertEquals(w.reached(), n.get("reached").asLong());
      assertEquals(w.won(), n.get("won").asLong());
      assertEquals(w.lost(), n.get("lost").asLong());
      assertEquals(w.returned(), n.get("returned").asLong());
      assertEquals(n.get("reached").asLong(), n.get("won").asLong() + n.get("lost").asLong()
          + n.get("returned").asLong() + n.get("open").asLong());
      same(w.byCount(), n.get("byCount"), "win rate by count");
      same(w.byValue(), n.get("byValue"), "win rate by value");
      assertTrue(w.reached() > 50, w.toString());
    }
    DealSize d = Sales.dealSize(data, from, to);
    assertEquals(d.won(), j.get("dealSize").get("won").asLong());
    assertEquals(0, d.total().compareTo(j.get("dealSize").get("total").decimalValue()));
    SalesCycle c = Sales.cycle(data, "SQL", asOf, from, to);
    assertEquals(c.paid(), j.get("cycle").get("paid").asLong());
    assertEquals(c.censored(), j.get("cycle").get("censored").asLong());
    same(c.medianDays(), j.get("cycle").get("medianDays"), "cycle median");
    Pipeline p = Sales.pipelineAgainstPlan(data, asOf, Period.parse("2026-06"));
    JsonNode pj = j.get("pipeline");
    assertEquals(p.deals(), pj.get("deals").asLong());
    assertEquals(0, p.value().compareTo(pj.get("value").decimalValue()));
    same(p.coverage(), pj.get("coverage"), "coverage");
    assertTrue(p.plan() != null && p.plan().signum() > 0, "the demo plans revenue for 2026-06");
    long stageDeals = 0;
    for (JsonNode s : pj.get("stages")) {
      stageDeals += s.get("deals").asLong();
    }
    assertEquals(p.deals(), stageDeals);
    SalesVelocity v = Sales.velocity(data, asOf);
    same(v.perDay(), j.get("velocity").get("perDay"), "velocity");
    assertEquals(p.deals(), j.get("velocity").get("opportunities").asLong());
    assertEquals(data.catalog().progression().size(), j.get("timeInStage").size());
    OwnerKpis o = Sales.owners(data, asOf, from, to);
    assertEquals(o.owners().size(), j.get("owners").size());
    long mqls = 0;
    for (int i = 0; i < o.owners().size(); i++) {
      OwnerKpi k = o.owners().get(i);
      JsonNode n = j.get("owners").get(i);
      assertEquals(k.owner(), n.get("owner").asText());
      assertEquals(k.mqls(), n.get("mqls").asLong());
      same(k.winRate(), n.get("winRate"), "owner win rate");
      mqls += n.get("mqls").asLong();
    }
    assertTrue(mqls > 0);
  }

  @Test
  void salesTextFitsTheTerminalAndSaysWhen() {
    FunnelTest.Run r = run("sales", "--as-of", "2026-06-30");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Sales as of end of 2026-06-30\n"), r.out());
    assertTrue(r.out().contains("Owner KPIs by role as of end of 2026-06-30"), r.out());
    for (String line : r.out().split("\n")) {
      assertTrue(line.length() <= 100, line);
    }
    assertEquals(2, run("sales", "--period", "June").code());
    assertEquals(2, run("sales", "--format", "svg").code());
  }

  @Test
  void matrixEqualsTheLibraryAndEntriesAreTheCohort() throws IOException {
    JsonNode j = json("funnel", "--matrix", "--by", "segment", "--from", "2026-01-01", "--to", "2026-07-01");
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-07-01T00:00:00Z");
    FunnelReport cohort = StageFunnel.compute(data, FunnelQuery.cohort().between(from, to).by(Dimension.SEGMENT));
    ConversionMatrix m = ConversionMatrix.of(cohort, 0.05);
    assertEquals("cohort", j.get("basis").asText());
    assertEquals("segment", j.get("by").asText());
    assertEquals(m.cells().size(), j.get("cells").size());
    int n = m.transitions().size();
    for (int i = 0; i < m.cells().size(); i++) {
      MatrixCell c = m.cells().get(i);
      JsonNode x = j.get("cells").get(i);
      assertEquals(c.source(), x.get("source").asText());
      assertEquals(c.entered(), x.get("entered").asLong());
      assertEquals(c.converted(), x.get("converted").asLong());
      assertEquals(c.bottleneck(), x.get("bottleneck").asBoolean());
      same(c.adjustedPValue(), x.get("adjustedPValue"), "p");
    }
    // independent route: the first column's entries of a group are its cohort's leads
    for (GroupFunnel g : cohort.groups()) {
      int row = m.sources().indexOf(g.key());
      assertTrue(row >= 0, g.key() + " in " + m.sources());
      assertEquals(g.stages().get(0).count(), j.get("cells").get(row * n).get("entered").asLong());
      assertEquals(g.stages().get(1).count(), j.get("cells").get(row * n).get("converted").asLong());
    }
  }

  @Test
  void matrixTextAndUsage() {
    FunnelTest.Run r = run("funnel", "--matrix", "--within", "30d");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Conversion matrix by channel, leads created at any time (cohort basis),"
        + " stages reached within 30d\n! = bottleneck: FDR 0.05 and a gap of at least 10% of the"
        + " rest's rate\n"), r.out());
    assertTrue(r.out().contains("(all)"), r.out());
    for (String line : r.out().split("\n")) {
      assertTrue(line.length() <= 100, line);
    }
    assertEquals(2, run("funnel", "--matrix", "--basis", "event").code());
    assertEquals(2, run("funnel", "--matrix", "--period", "month").code());
    assertEquals(2, run("funnel", "--matrix", "--format", "svg").code());
  }

  @Test
  void slaWorklistsStateTheAsOfInstantReadably() {
    FunnelTest.Run end = run("sla", "--as-of", "2026-05-31T23:59:59.999999999Z");
    assertEquals(0, end.code(), end.toString());
    assertTrue(end.out().contains("overdue leads (> 1h) as of end of 2026-05-31\n"), end.out());
    assertTrue(end.out().contains("stale leads (> 7d) as of end of 2026-05-31\n"), end.out());
    FunnelTest.Run mid = run("sla", "--as-of", "2026-05-31T09:30:15.5Z", "--zone", "Europe/Berlin");
    assertEquals(0, mid.code(), mid.toString());
    assertTrue(mid.out().contains("as of 2026-05-31T11:30:15+02:00\n"), mid.out());
  }
}
