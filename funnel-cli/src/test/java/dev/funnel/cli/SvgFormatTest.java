package dev.funnel.cli;

import dev.funnel.core.funnel.LeadTrend;
import dev.funnel.cli.view.LeadsView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.LtvAnalysis;
import dev.funnel.cohort.LtvQuery;
import dev.funnel.cohort.ltv.AliveGrid;
import dev.funnel.cohort.ltv.PurchaseModel;
import dev.funnel.core.display.Formats;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageCount;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.plan.PlanOptions;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import dev.funnel.io.chart.Svg;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --format svg} of the commands with a natural chart, on a demo dataset written to disk:
 * the output is a standalone SVG document that parses as XML, and it draws one mark (a bar, a
 * heat-map cell, or the dashed gap of an undefined value) per number of the library's result,
 * counted here from that result. Commands without a chart refuse the format (exit 2).
 */
class SvgFormatTest {

  @TempDir static Path tmp;
  static Path dir;
  static Dataset data;

  @BeforeAll
  static void writeDataset() {
    dir = tmp.resolve("demo");
    DatasetWriter.write(DemoData.builder().seed(7).leads(2_000).defectRate(0).build().dataset(), dir,
        FileFormat.CSV);
    data = DatasetReader.strict().read(dir).dataset();
  }

  /** Runs {@code command DIR args... --format svg}, expecting success, and parses the SVG. */
  static Document svg(String command, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(command, dir.toString()));
    all.addAll(Arrays.asList(args));
    all.addAll(List.of("--format", "svg"));
    FunnelTest.Run r = FunnelTest.run(all.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("<?xml"), r.out());
    return parse(r.out());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document d = f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", d.getDocumentElement().getLocalName());
    assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
    return d;
  }

  /** The rectangles whose class has one of these words. */
  static List<Element> marks(Document d, String... words) {
    List<String> wanted = List.of(words);
    List<Element> out = new ArrayList<>();
    NodeList rects = d.getElementsByTagNameNS("*", "rect");
    for (int i = 0; i < rects.getLength(); i++) {
      Element e = (Element) rects.item(i);
      if (Arrays.stream(e.getAttribute("class").split(" ")).anyMatch(wanted::contains)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void funnelDrawsABarPerStageWithLengthsProportionalToTheCounts() throws Exception {
    Document d = svg("funnel");
    FunnelReport r = StageFunnel.compute(data, FunnelQuery.event());
    List<StageCount> stages = r.stages();
    List<Element> bars = marks(d, "bar");
    assertEquals(stages.size(), bars.size());
    assertTrue(stages.size() >= 5, "the demo has the whole funnel: " + stages);
    double unit = Double.parseDouble(bars.get(0).getAttribute("width")) / stages.get(0).count();
    for (int i = 0; i < stages.size(); i++) {
      assertEquals(stages.get(i).count() * unit, Double.parseDouble(bars.get(i).getAttribute("width")),
          0.01, stages.get(i).stage());
    }
  }

  @Test
  void bridgeDrawsBaseEffectsAndCurrent() throws Exception {
    Document d = svg("bridge", "--base", "2026-02", "--current", "2026-03");
    FunnelBridgeResult r = FunnelBridge.builder().build()
        .periods(data, Period.parse("2026-02"), Period.parse("2026-03"));
    assertEquals(r.bridge().effects().size() + 2, marks(d, "bar", "gap").size());
    assertEquals(2, marks(d, "total").size());
  }

  @Test
  void cohortsDrawACellPerCohortAndPeriod() throws Exception {
    Document d = svg("cohorts");
    CohortTable t = Cohorts.table(data, Granularity.MONTH, CohortBasis.PAYMENT);
    int cells = 0;
    int defined = 0;
    for (CohortRow c : t.cohorts()) {
      cells += c.retention().size();
      defined += (int) c.retention().stream().filter(Double::isFinite).count();
    }
    assertTrue(cells > t.cohorts().size(), "several months per cohort: " + cells);
    assertEquals(cells, marks(d, "cell", "gap").size());
    assertEquals(defined, marks(d, "cell").size());
  }

  @Test
  void planfactDrawsABulletPerPlanRow() throws Exception {
    Document d = svg("planfact", "--period", "2026-03");
    PlanReport r = PlanFact.compute(data, Period.parse("2026-03"), PlanOptions.defaults());
    assertTrue(r.rows().size() >= 8, "the demo plans several metrics: " + r.rows().size());
    assertEquals(r.rows().size(), marks(d, "actual", "gap").size());
    assertEquals(r.rows().size(), marks(d, "track").size());
  }

  @Test
  void unitDrawsThreePanelsOfChannelBars() throws Exception {
    Document d = svg("unit");
    UnitReport r = UnitEconomics.compute(data, null, null, null, UnitEconomics.NON_MARKETING);
    assertTrue(r.channels().size() >= 2, "the demo has several channels");
    assertEquals(3 * r.channels().size(), marks(d, "bar", "gap").size());
  }

  @Test
  void attributionDrawsAGroupPerChannelAndABarPerModel() throws Exception {
    JourneySet js = JourneySet.fromDataset(data, JourneyOptions.DEFAULTS);
    List<Model> models = AttributionCommand.models(js, false);
    TreeSet<String> channels = new TreeSet<>();
    for (Model m : models) {
      AttributionResult r = Attribution.attribute(js, m, AttributionOptions.DEFAULTS);
      r.channels().forEach(c -> channels.add(c.channel()));
    }
    assertTrue(models.size() >= 6 && channels.size() >= 2, models + " " + channels);
    Document all = svg("attribution", "--model", "all");
    assertEquals(models.size() * channels.size(), marks(all, "bar", "gap").size());

    AttributionResult linear = Attribution.attribute(js, Model.LINEAR, AttributionOptions.DEFAULTS);
    Document one = svg("attribution", "--model", "linear");
    assertEquals(linear.channels().size(), marks(one, "bar", "gap").size());
  }

  @Test
  void theLeadsTrendDrawsABarPerPeriodAndStageOnOneScale() throws Exception {
    Period last = ReportScope.defaultPeriod(data, DataExtent.of(data), null, dev.funnel.core.Granularity.MONTH);
    List<LeadTrend> t = LeadTrend.of(data, last, 6);
    dev.funnel.core.funnel.FunnelReport f = StageFunnel.compute(data, FunnelQuery.event());
    Svg svg = LeadsView.of(last, f, last.plus(-1), f, t, java.util.Map.of()).chart();
    Document d = parse(svg.document());
    List<Element> bars = marks(d, "bar");
    assertEquals(3 * t.size(), marks(d, "bar", "gap").size());
    // every count is defined, so every mark is a bar; lengths share one scale (grouped by period)
    assertEquals(3 * t.size(), bars.size());
    List<Long> counts = new ArrayList<>();
    t.forEach(x -> counts.addAll(List.of(x.leads(), x.mql(), x.sql())));
    double unit = Double.parseDouble(bars.get(0).getAttribute("width")) / counts.get(0);
    for (int i = 0; i < bars.size(); i++) {
      assertEquals(counts.get(i) * unit, Double.parseDouble(bars.get(i).getAttribute("width")),
          0.05 + 1e-6 * counts.get(i) * unit, "bar " + i);
    }
    for (LeadTrend x : t) {
      assertTrue(svg.markup().contains(">" + x.period().label() + "<"), x.period().label());
    }
    assertEquals(svg.markup(), LeadsView.of(last, f, last.plus(-1), f, t, java.util.Map.of()).chart()
        .markup(), "deterministic");
  }

  /**
   * {@code funnel ltv --format svg}: the P(alive) heat map of the fitted model, a cell per possible
   * history of the library's grid ({@code LtvAnalysis.aliveGrid()}) carrying its value, a blank
   * box per impossible one.
   */
  @Test
  void ltvDrawsTheAliveGridOfTheFittedModel() throws Exception {
    for (PurchaseModel model : PurchaseModel.values()) {
      Document d = svg("ltv", "--model", model.label());
      AliveGrid g = Cohorts.ltv(data, LtvQuery.defaults().model(model)).aliveGrid().orElseThrow();
      List<Element> cells = marks(d, "cell");
      int[] xs = g.frequencies();
      double[] tx = g.recencies();
      int k = 0;
      int undefined = 0;
      for (int i = 0; i < xs.length; i++) {
        for (int j = 0; j < tx.length; j++) {
          if (Double.isNaN(g.alive(i, j))) {
            undefined++;
            continue;
          }
          assertEquals("x = " + xs[i] + ", t_x " + Formats.label(tx[j]) + ": "
              + Formats.percent(g.alive(i, j)), cells.get(k++).getTextContent(), model.label());
        }
      }
      assertEquals(k, cells.size());
      assertEquals(undefined, marks(d, "gap").size());
      assertTrue(xs.length >= 2 && tx.length == LtvAnalysis.GRID_STEPS + 1, model.label());
    }
  }

  @Test
  void nothingToDrawFailsAndSaysSo() {
    PlanReport r = PlanFact.compute(data, Period.parse("2020-01"), PlanOptions.defaults());
    assertEquals(0, r.rows().size(), "the demo plans no month of 2020");
    FunnelTest.Run run = FunnelTest.run("planfact", dir.toString(), "--period", "2020-01", "--format", "svg");
    assertEquals(1, run.code(), run.toString());
    assertEquals("", run.out());
    assertTrue(run.err().contains("nothing to draw"), run.err());
  }

  @Test
  void outWritesTheSameDocument() throws Exception {
    Path file = tmp.resolve("funnel.svg");
    FunnelTest.Run r = FunnelTest.run("funnel", dir.toString(), "--format", "svg", "--out", file.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    FunnelTest.Run stdout = FunnelTest.run("funnel", dir.toString(), "--format", "svg");
    assertEquals(stdout.out(), Files.readString(file, StandardCharsets.UTF_8));
    parse(stdout.out());
  }

  @Test
  void optionsAChartCannotShowAndCommandsWithoutAChartAreUsageErrors() {
    String d = dir.toString();
    String[][] cases = {
        {"funnel", d, "--format", "svg", "--period", "month"},
        {"funnel", d, "--format", "svg", "--by", "channel"},
        {"cohorts", d, "--format", "svg", "--group", "channel"},
        {"cohorts", d, "--format", "svg", "--metric", "revenue"},
        {"attribution", d, "--format", "svg", "--model", "all", "--spend"},
        {"sla", d, "--format", "svg"},
        {"quality", d, "--format", "svg"},
        {"report", d, "--format", "svg"},
    };
    for (String[] c : cases) {
      FunnelTest.Run r = FunnelTest.run(c);
      assertEquals(2, r.code(), String.join(" ", c) + "\n" + r);
      assertEquals("", r.out(), String.join(" ", c));
    }
  }
}
