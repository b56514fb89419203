package dev.funnel.cli;

import dev.funnel.cli.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.LeadTrend;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.plan.PlanOptions;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.core.sales.ExitReasons;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report on the demo dataset, in process: every section is present, its numbers are the
 * library's computed directly here, text fits 100 columns, and two runs are identical.
 */
class ReportSectionsTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static final Dataset DEMO = DemoData.builder().seed(11).leads(3_000).build().dataset();
  static final Instant END = TimedRows.endOfData(DEMO);

  static ReportInput input(Dataset d) {
    return new ReportInput("demo", d, List.of(), Window.ALL, TimedRows.endOfData(d));
  }

  static JsonNode json(ReportInput in) throws Exception {
    return JACKSON.readTree(Views.compact(Report.json(in)));
  }

  private static void near(double expected, JsonNode actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(actual.isNull(), what + ": expected null, got " + actual);
    } else {
      assertEquals(expected, actual.asDouble(), 1e-9 * Math.max(1, Math.abs(expected)), what);
    }
  }

  private static void same(BigDecimal expected, JsonNode actual, String what) {
    assertEquals(0, expected.compareTo(actual.decimalValue()), what + ": " + expected + " vs " + actual);
  }

  @Test
  void theDefaultPeriodIsTheLastCompleteMonthAgainstTheOneBefore() {
    ReportScope s = input(DEMO).scope();
    LocalDate last = LocalDate.ofInstant(END, DEMO.zone());
    Period month = Period.of(Granularity.MONTH, last);
    Period expected = last.equals(month.endInclusive()) ? month : month.previous();
    assertEquals(expected, s.period());
    assertEquals(expected.previous(), s.compare());
    // data ending mid-March: February is the last complete month
    Dataset d = Dataset.builder().zone(ZoneOffset.UTC)
        .lead(Lead.of("a", Instant.parse("2026-02-15T10:00:00Z"), "seo"))
        .lead(Lead.of("b", Instant.parse("2026-03-15T10:00:00Z"), "seo")).build();
    Instant later = Instant.parse("2026-12-01T00:00:00Z");
    assertEquals(Period.parse("2026-02"), defaultMonth(d, null));
    assertEquals(Period.parse("2026-02"), defaultMonth(d, later));
    // as of an earlier day, the month before that day, with activity: January has none
    assertEquals(Period.parse("2025-12"), defaultMonth(
        Dataset.builder().lead(Lead.of("c", Instant.parse("2025-12-15T10:00:00Z"), "seo"))
            .lead(Lead.of("a", Instant.parse("2026-02-15T10:00:00Z"), "seo")).build(),
        Instant.parse("2026-02-10T00:00:00Z")));
    Dataset e = Dataset.builder().zone(ZoneOffset.UTC)
        .lead(Lead.of("a", Instant.parse("2026-03-31T10:00:00Z"), "seo")).build();
    assertEquals(Period.parse("2026-03"), defaultMonth(e, later));
    // leads stop on 1 March while stage changes run into May: February is the last month both cover
    Dataset f = Dataset.builder().zone(ZoneOffset.UTC)
        .lead(Lead.of("a", Instant.parse("2026-01-10T10:00:00Z"), "seo"))
        .lead(Lead.of("c", Instant.parse("2026-02-20T10:00:00Z"), "seo"))
        .lead(Lead.of("b", Instant.parse("2026-03-01T10:00:00Z"), "seo"))
        .stageChange(new dev.funnel.core.StageChange("a", dev.funnel.core.StageCatalog.DEFAULT.stage("MQL"),
            Instant.parse("2026-05-01T10:00:00Z"), null, null, null))
        .build();
    assertEquals(Period.parse("2026-02"), defaultMonth(f, null));
    assertEquals(Period.parse("2026-W09"),
        ReportScope.defaultPeriod(f, DataExtent.of(f), null, Granularity.WEEK));
    // no complete quarter has activity: the quarter the data covers last, partial
    assertEquals(Period.parse("2026-Q1"),
        ReportScope.defaultPeriod(f, DataExtent.of(f), null, Granularity.QUARTER));
  }

  private static Period defaultMonth(Dataset d, Instant asOf) {
    return ReportScope.defaultPeriod(d, DataExtent.of(d), asOf, Granularity.MONTH);
  }

  @Test
  void everySectionIsInTheJsonWithTheLibrarysNumbers() throws Exception {
    ReportInput in = input(DEMO);
    JsonNode j = json(in);
    for (ReportSection s : Report.SECTIONS) {
      assertTrue(j.has(s.key()), "missing section " + s.key());
      assertFalse(j.get(s.key()).has("missing"), s.key() + " " + j.get(s.key()));
      assertFalse(j.get(s.key()).has("unavailable"), s.key() + " " + j.get(s.key()));
    }
    Period p = in.scope().period();
    Period c = in.scope().compare();
    Instant from = p.startInstant(DEMO.zone());
    Instant to = p.endInstant(DEMO.zone());

    // 1. leads and dynamics
    FunnelReport fp = StageFunnel.compute(DEMO, FunnelQuery.event().between(from, to));
    FunnelReport fc = StageFunnel.compute(DEMO,
        FunnelQuery.event().between(c.startInstant(DEMO.zone()), c.endInstant(DEMO.zone())));
    JsonNode leads = j.get("leads");
    assertEquals(p.label(), leads.get("period").asText());
    assertEquals(fp.count("LEAD"), leads.get("leads").get("period").asLong());
    assertEquals(fc.count("LEAD"), leads.get("leads").get("compare").asLong());
    near((double) (fp.count("LEAD") - fc.count("LEAD")) / fc.count("LEAD"), leads.get("leads").get("change"), "change");
    near((double) fp.count("SQL") / fp.count("LEAD"), leads.get("shareToSales").get("period"), "SQL/leads");

    // 2. funnel and matrix
    JsonNode funnel = j.get("funnel");
    assertEquals(fp.count("MQL"), funnel.get("funnel").get("stages").get(1).get("count").asLong());
    ConversionMatrix m = StageFunnel.matrix(DEMO,
        FunnelQuery.cohort().between(from, to).by(Dimension.CHANNEL), 0.05);
    near(m.overall().get(0), funnel.get("matrix").get("overall").get(0), "overall LEAD->MQL");
    assertEquals(m.cells().size(), funnel.get("matrix").get("cells").size());
    assertEquals(m.bottlenecks().size(), countTrue(funnel.get("matrix").get("cells"), "bottleneck"));

    // 3. deals and forecast
    JsonNode deals = j.get("deals");
    Pipeline pipe = Sales.pipelineAgainstPlan(DEMO, END, p);
    near(pipe.weighted(), deals.get("pipeline").get("weighted"), "weighted pipeline");
    near(pipe.coverage(), deals.get("pipeline").get("coverage"), "coverage");
    near(Sales.velocity(DEMO, END).perDay(), deals.get("velocity").get("perDay"), "velocity");
    assertEquals(fp.count("WON"), deals.get("won").asLong());

    // 4. channels
    UnitReport unit = UnitEconomics.compute(DEMO, p.start(), p.endExclusive(), null);
    JsonNode total = j.get("channels").get("total");
    near(unit.total().cac(), total.get("cac"), "CAC");
    near(unit.total().romi(), total.get("romi"), "ROMI");
    same(unit.total().spend(), total.get("spend"), "spend");

    // 5. attribution: the library's credits of the journeys ending in the period up to the as-of
    // instant, and each model's credits sum to the conversions
    JourneySet js = JourneySet.fromDataset(DEMO, JourneyOptions.DEFAULTS, from, in.scope().asOf());
    AttributionResult markov = Attribution.attribute(js, Model.MARKOV, AttributionOptions.builder().build());
    JsonNode models = j.get("attribution").get("models");
    assertEquals(List.of("first", "last", "linear", "position", "markov", "shapley"),
        names(models));
    assertEquals(js.conversions(), j.get("attribution").get("conversions").asLong());
    for (JsonNode model : models) {
      double sum = 0;
      for (JsonNode ch : model.get("channels")) {
        sum += ch.get("conversions").asDouble();
      }
      assertEquals(model.get("conversions").asDouble(), sum, 1e-6, model.get("model").asText());
      if (model.get("model").asText().equals("markov")) {
        near(markov.channels().get(0).conversions(), model.get("channels").get(0).get("conversions"),
            "markov first channel");
      }
    }

    // 6. reasons: the library's count; early + late = exits
    ExitReasons reasons = Sales.reasons(DEMO, from, to);
    JsonNode r = j.get("reasons");
    assertEquals(reasons.exits(), r.get("exits").asLong());
    assertEquals(r.get("exits").asLong(), r.get("early").asLong() + r.get("late").asLong());

    // 7. SLA
    SlaReport sla = Sla.compute(DEMO, SlaQuery.of("MQL", Duration.ofHours(1), END).between(from, to));
    near(sla.total().shareWithin(), j.get("sla").get("total").get("shareWithin"), "share within");
    assertEquals(sla.total().leads(), j.get("sla").get("total").get("leads").asLong());

    // 8. plan
    PlanReport plan = PlanFact.compute(DEMO, p, PlanOptions.defaults().asOf(END));
    JsonNode rows = j.get("plan").get("rows");
    assertEquals(plan.rows().size(), rows.size());
    near(plan.rows().get(0).actual(), rows.get(0).get("actual"), "plan actual");
    assertEquals(plan.rows().get(0).status().label(), rows.get(0).get("status").asText());

    // 9. bridge: the library's change, and the effects add up to it
    FunnelBridgeResult bridge = FunnelBridge.builder().build().periods(DEMO, c, p);
    JsonNode b = j.get("bridge").get("compare");
    same(bridge.change(), b.get("total"), "bridge total");
    double effects = 0;
    for (JsonNode e : b.get("effects")) {
      effects += e.get("effect").asDouble();
    }
    assertEquals(b.get("total").asDouble(), effects, 1e-6 * Math.max(1, Math.abs(effects)));
    assertTrue(j.get("bridge").get("plan").has("effects"), j.get("bridge").get("plan").toString());

    // 10. cohorts and LTV/CAC
    CohortTable t = Cohorts.table(DEMO, Granularity.MONTH, CohortBasis.PAYMENT);
    JsonNode cohorts = j.get("cohorts").get("retention").get("cohorts");
    assertEquals(t.cohorts().size(), cohorts.size());
    assertEquals(t.cohorts().get(0).size(), cohorts.get(0).get("size").asLong());
    var ue = Cohorts.ltvToCac(DEMO, Granularity.MONTH, 1.0, CohortsSection.LTV_AT);
    near(ue.channels().get(0).ltv(), j.get("cohorts").get("ltv").get("channels").get(0).get("ltv"), "LTV");
  }

  private static long countTrue(JsonNode array, String field) {
    long n = 0;
    for (JsonNode x : array) {
      n += x.get(field).asBoolean() ? 1 : 0;
    }
    return n;
  }

  private static List<String> names(JsonNode models) {
    List<String> out = new java.util.ArrayList<>();
    models.forEach(x -> out.add(x.get("model").asText()));
    return out;
  }

  @Test
  void theLeadsTrendEndsWithThePeriodAndSumsToTheFunnelOverItsWindow() throws Exception {
    ReportInput in = input(DEMO);
    Period p = in.scope().period();
    JsonNode leads = json(in).get("leads");
    JsonNode trend = leads.get("trend");
    assertEquals(LeadsSection.TREND_PERIODS, trend.size());
    // the last row is the reported period, with the section's own current counts
    JsonNode last = trend.get(trend.size() - 1);
    assertEquals(p.label(), last.get("period").asText());
    assertEquals(leads.get("leads").get("period").asLong(), last.get("leads").asLong());
    assertEquals(leads.get("mql").get("period").asLong(), last.get("mql").asLong());
    assertEquals(leads.get("sql").get("period").asLong(), last.get("sql").asLong());
    near(leads.get("shareQualified").get("period").asDouble(), last.get("shareQualified"), "MQL/leads");
    near(leads.get("shareToSales").get("period").asDouble(), last.get("shareToSales"), "SQL/leads");
    // consecutive periods of the report's granularity, oldest first
    for (int i = 0; i < trend.size(); i++) {
      assertEquals(p.plus(i - trend.size() + 1).label(), trend.get(i).get("period").asText());
      for (String k : List.of("period", "leads", "mql", "sql", "shareQualified", "shareToSales")) {
        assertTrue(trend.get(i).has(k), k);
      }
    }
    // the sum over the periods is the event funnel over their union, counted without periods
    Period first = p.plus(1 - LeadsSection.TREND_PERIODS);
    FunnelReport whole = StageFunnel.compute(DEMO, FunnelQuery.event()
        .between(first.startInstant(DEMO.zone()), p.endInstant(DEMO.zone())));
    long l = 0;
    long mql = 0;
    long sql = 0;
    for (JsonNode x : trend) {
      l += x.get("leads").asLong();
      mql += x.get("mql").asLong();
      sql += x.get("sql").asLong();
    }
    assertTrue(l > 0, "the demo has leads in the trend window");
    assertEquals(whole.count("LEAD"), l);
    assertEquals(whole.count("MQL"), mql);
    assertEquals(whole.count("SQL"), sql);
    // the text shows the same rows
    String text = new LeadsSection().text(in);
    assertTrue(text.contains("Trend, last 6 months (event basis)"), text);
    assertTrue(text.contains(first.label()), text);
  }

  @Test
  void theLeadsTrendCountsEmptyPeriodsAsZeroAndFollowsTheGranularity() {
    // one lead created in week 2026-W10 reaching MQL in W11 and SQL in W12 (skipping nothing)
    Dataset d = Dataset.builder().zone(ZoneOffset.UTC)
        .lead(Lead.of("a", Instant.parse("2026-03-03T10:00:00Z"), "seo"))
        .stageChange(dev.funnel.core.StageChange.of("a",
            dev.funnel.core.StageCatalog.DEFAULT.stage("MQL"), Instant.parse("2026-03-10T10:00:00Z")))
        .stageChange(dev.funnel.core.StageChange.of("a",
            dev.funnel.core.StageCatalog.DEFAULT.stage("SQL"), Instant.parse("2026-03-17T10:00:00Z")))
        .build();
    List<LeadTrend> t = LeadTrend.of(d, Period.parse("2026-W13"), 6);
    assertEquals(List.of(
        new LeadTrend(Period.parse("2026-W08"), 0, 0, 0),
        new LeadTrend(Period.parse("2026-W09"), 0, 0, 0),
        new LeadTrend(Period.parse("2026-W10"), 1, 0, 0),
        new LeadTrend(Period.parse("2026-W11"), 0, 1, 0),
        new LeadTrend(Period.parse("2026-W12"), 0, 0, 1),
        new LeadTrend(Period.parse("2026-W13"), 0, 0, 0)), t);
    assertTrue(Double.isNaN(t.get(0).shareQualified()), "no leads: undefined share");
    // a quarter: everything falls in 2026-Q1
    List<LeadTrend> q = LeadTrend.of(d, Period.parse("2026-Q2"), 2);
    assertEquals(List.of(new LeadTrend(Period.parse("2026-Q1"), 1, 1, 1),
        new LeadTrend(Period.parse("2026-Q2"), 0, 0, 0)), q);
    assertEquals(1.0, q.get(0).shareToSales());
    FunnelReport f = StageFunnel.compute(d, FunnelQuery.event());
    String table = dev.funnel.cli.view.LeadsView.of(Period.parse("2026-W13"), f,
        Period.parse("2026-W12"), f, t, java.util.Map.of()).trendTable().render();
    for (String line : table.split("\n")) {
      assertTrue(line.length() <= 100, line);
    }
  }

  @Test
  void textFitsOneHundredColumnsAndNamesEverySection() {
    String text = Report.text(input(DEMO));
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= 100, line.length() + " columns: " + line);
    }
    for (ReportSection s : Report.SECTIONS) {
      assertTrue(text.contains(s.title() + "\n"), s.title());
    }
    assertFalse(text.contains("not available"), text);
  }

  @Test
  void twoRunsAreIdentical() {
    assertEquals(Report.text(input(DEMO)), Report.text(input(DEMO)));
    assertEquals(Views.json(Report.json(input(DEMO))), Views.json(Report.json(input(DEMO))));
  }

  /** The demo without some tables. */
  static Dataset without(Dataset d, Set<DatasetTable> drop) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog()).currency(d.currency());
    EnumSet<DatasetTable> keep = EnumSet.copyOf(d.tables());
    keep.removeAll(drop);
    keep.forEach(b::table);
    d.leads().forEach(b::lead);
    d.stages().forEach(b::stageChange);
    if (keep.contains(DatasetTable.ACTIVITIES)) {
      d.activities().forEach(b::activity);
    }
    if (keep.contains(DatasetTable.TOUCHES)) {
      d.touches().forEach(b::touch);
    }
    d.payments().forEach(b::payment);
    if (keep.contains(DatasetTable.SPEND)) {
      d.spend().forEach(b::spend);
    }
    if (keep.contains(DatasetTable.PLAN)) {
      d.plan().forEach(b::planTarget);
    }
    return b.build();
  }

  @Test
  void missingTablesGiveOneLineEachAndTheRestOfTheReport() throws Exception {
    Dataset d = without(DEMO, EnumSet.of(DatasetTable.SPEND, DatasetTable.PLAN, DatasetTable.TOUCHES));
    ReportInput in = input(d);
    JsonNode j = json(in);
    assertEquals("spend", j.get("channels").get("missing").asText());
    assertEquals("plan", j.get("plan").get("missing").asText());
    assertEquals("touches", j.get("attribution").get("missing").asText());
    assertEquals("plan", j.get("bridge").get("plan").get("missing").asText());
    assertTrue(j.get("bridge").get("compare").has("effects"));
    assertTrue(j.get("leads").get("leads").get("period").asLong() > 0);
    String text = Report.text(in);
    assertTrue(text.contains("Channel effectiveness\n=====================\n"
        + "not available: the dataset has no spend table\n"), text);
    assertTrue(text.contains("not available: the dataset has no touches table"), text);
    assertTrue(text.contains("not available: the dataset has no plan table"), text);
    // LTV/CAC without spend: CAC undefined
    assertTrue(j.get("cohorts").get("ltv").get("channels").get(0).get("cac").isNull()
        || j.get("cohorts").get("ltv").get("channels").get(0).get("spend").asDouble() == 0);
  }

  @Test
  void aLargeShareOfRevenueWithoutSourceOpensTheTextWithABanner() throws Exception {
    // 100 of 100 USD from a lead without a channel: the whole revenue has no source
    Dataset d = Dataset.builder().zone(ZoneOffset.UTC)
        .lead(Lead.of("a", Instant.parse("2026-03-01T10:00:00Z"), null))
        .payment(new Payment(null, "a", "a", Instant.parse("2026-03-31T12:00:00Z"),
            Money.of("100", "USD"), null))
        .build();
    String text = Report.text(input(d));
    assertTrue(text.startsWith(Report.heading(input(d)) + "WARNING: 100.0% of revenue has no known source"),
        text);
    JsonNode scope = JACKSON.readTree(Views.compact(Report.json(input(d)))).get("report");
    assertTrue(scope.get("warning").asText().startsWith("100.0% of revenue"), scope.toString());
    assertEquals("2026-03", scope.get("period").asText());
    ReportInput quiet = new ReportInput("t", d, List.of(), Window.ALL, TimedRows.endOfData(d),
        ReportScope.of(d, TimedRows.endOfData(d), null, null, 1.0));
    assertTrue(Report.text(quiet).startsWith(Report.heading(quiet) + "\nDataset\n"), Report.text(quiet));
    assertFalse(Report.text(input(DEMO)).contains("WARNING"),
        "the demo's unsourced revenue share is small");
  }

  @Test
  void anExplicitPeriodAndComparisonAreReported() throws Exception {
    Period p = Period.parse("2026-Q2");
    Period c = Period.parse("2025-Q4");
    ReportInput in = new ReportInput("demo", DEMO, List.of(), Window.ALL, END,
        ReportScope.of(DEMO, END, p, c, ReportScope.DEFAULT_BANNER_SHARE));
    JsonNode j = json(in);
    assertEquals("2026-Q2", j.get("leads").get("period").asText());
    assertEquals("2025-Q4", j.get("report").get("compare").asText());
    assertTrue(j.get("report").get("warning").isNull());
    assertEquals("2025-Q4", j.get("leads").get("compare").asText());
    FunnelReport q2 = StageFunnel.compute(DEMO,
        FunnelQuery.event().between(p.startInstant(DEMO.zone()), p.endInstant(DEMO.zone())));
    assertEquals(q2.count("LEAD"), j.get("leads").get("leads").get("period").asLong());
    assertEquals("2025-Q4", j.get("bridge").get("compare").get("base").get("label").asText());
  }

  @Test
  void theCommandTakesPeriodCompareAndBanner() throws Exception {
    FunnelTest.Run r = FunnelTest.run("report", "--demo", "--leads", "1500", "--seed", "4",
        "--period", "2026-06", "--compare", "2026-03", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = JACKSON.readTree(r.out());
    assertEquals("2026-06", j.get("leads").get("period").asText());
    assertEquals("2026-03", j.get("leads").get("compare").asText());
    assertEquals("2026-06", j.get("plan").get("period").asText());
    FunnelTest.Run text = FunnelTest.run("report", "--demo", "--leads", "1500", "--seed", "4",
        "--banner", "0");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().split("\n")[1].startsWith("WARNING: "), text.out());
    assertEquals(2, FunnelTest.run("report", "--demo", "--period", "June").code());
    assertEquals(2, FunnelTest.run("report", "--demo", "--banner", "1.5").code());
  }

  @Test
  void sectionsPrintWhatTheCommandsPrint() throws Exception {
    String[] demo = {"--demo", "--leads", "1500", "--seed", "4"};
    JsonNode report = JACKSON.readTree(run("report", demo, "--period", "2026-06", "--format", "json"));
    JsonNode unit = JACKSON.readTree(run("unit", demo, "--from", "2026-06-01", "--to", "2026-07-01",
        "--format", "json"));
    JsonNode channels = report.get("channels").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) channels).remove("period");
    assertEquals(unit, channels);
    // the plan of a period as of its end: the command's default as-of instant is the report's
    JsonNode plan = JACKSON.readTree(run("planfact", demo, "--period", "2026-06", "--format", "json"));
    assertEquals(plan, report.get("plan"));
  }

  private static String run(String command, String[] demo, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(command));
    args.addAll(List.of(demo));
    args.addAll(List.of(more));
    FunnelTest.Run r = FunnelTest.run(args.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    return r.out();
  }

  @Test
  void theHtmlPageHasEverySectionAndItsChartsWithoutScripts() throws Exception {
    String html = HtmlReport.render(input(DEMO));
    for (ReportSection s : Report.SECTIONS) {
      assertTrue(html.contains(s.title()), s.title());
    }
    // leads trend, funnel, channels, attribution, scoring calibration, plan bullets, two
    // waterfalls, cohort heat map
    assertEquals(9, html.split("<svg", -1).length - 1);
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("http://") && html.contains("src=\"http"));
    assertEquals(html, HtmlReport.render(input(DEMO)), "deterministic");
    Dataset d = without(DEMO, EnumSet.of(DatasetTable.SPEND, DatasetTable.PLAN, DatasetTable.TOUCHES));
    String partial = HtmlReport.render(input(d));
    assertTrue(partial.contains("Not available: the dataset has no spend table."), partial);
    assertEquals(5, partial.split("<svg", -1).length - 1,
        "leads trend, funnel, scoring calibration, one waterfall, heat map");
  }

  @Test
  void theCommandWritesTheHtmlPage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path out = tmp.resolve("r.html");
    FunnelTest.Run r = FunnelTest.run("report", "--demo", "--leads", "1500", "--seed", "4",
        "--format", "html", "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    String html = java.nio.file.Files.readString(out);
    assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 40));
    assertTrue(html.contains("Review pack 2026-"), html.substring(0, 400));
  }
}
