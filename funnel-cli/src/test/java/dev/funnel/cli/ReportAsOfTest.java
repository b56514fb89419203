package dev.funnel.cli;

import dev.funnel.cli.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.Spend;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.Sales;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as of one instant (issue #13, items 1 and 2) on an export shaped like a real one: the
 * leads table was exported on 2026-03-01 while the stage changes, activities, touches, payments
 * and spend run to 2026-05-10.
 *
 * <ul>
 *   <li>Defects of the issue, each failing before the as-of rule: the default period, a past
 *       period's pipeline, coverage, SLA, cohorts and attribution, partial periods unmarked.
 *   <li>The as-of property: appending rows stamped after the as-of instant changes nothing in the
 *       report's JSON but the two sections that describe the export as read ({@code dataset},
 *       {@code quality}) and the heading's notes on where the data ends.
 *   <li>Every section equals its own command's JSON with the same period and as-of instant.
 * </ul>
 */
class ReportAsOfTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static final Instant LEADS_END = Instant.parse("2026-03-01T23:59:59Z");
  static final Instant EVENTS_END = Instant.parse("2026-05-10T23:59:59Z");
  @TempDir static Path tmp;
  static Path dir;
  static Dataset export;

  @BeforeAll
  static void writeExport() {
    Dataset demo = DemoData.builder().seed(7).leads(3_000).build().dataset();
    dir = tmp.resolve("export");
    DatasetWriter.write(Exports.export(demo, LEADS_END, EVENTS_END, LocalDate.parse("2026-05-10"),
        Set.of()), dir, FileFormat.CSV);
    export = DatasetReader.strict().read(dir).dataset();
  }

  static JsonNode run(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, dir.toString());
    all.addAll(List.of("--format", "json"));
    FunnelTest.Run r = FunnelTest.run(all.toArray(new String[0]));
    assertEquals(0, r.code(), r.toString());
    return JACKSON.readTree(r.out());
  }

  static JsonNode report(Dataset d, Period p, Instant asOf) throws Exception {
    ReportScope s = ReportScope.forReport(d, asOf, p, null, ReportScope.DEFAULT_BANNER_SHARE,
        p == null ? Granularity.MONTH : p.granularity());
    ReportInput in = new ReportInput("export", d, List.of(), Window.ALL, s.asOf(), s);
    return JACKSON.readTree(Views.compact(Report.json(in)));
  }

  // ---- the defects, on the export

  @Test
  void theDefaultPeriodIsTheLastMonthTheLeadsAndTheStageChangesBothCover() throws Exception {
    JsonNode j = run("report");
    // the stage changes run to 10 May, the leads to 1 March: February, not April
    assertEquals("2026-02", j.get("report").get("period").asText());
    assertEquals("2026-01", j.get("report").get("compare").asText());
    assertEquals("2026-02-28T23:59:59.999999999Z", j.get("report").get("asOf").asText());
    assertEquals("end of 2026-02-28", j.get("report").get("asOfLabel").asText());
    assertFalse(j.get("report").get("partial").asBoolean());
    String note = j.get("report").get("notes").get(0).asText();
    assertTrue(note.contains("leads to 2026-03-01, stage changes to 2026-05-10"), note);
    assertTrue(j.get("leads").get("leads").get("period").asLong() > 100, j.get("leads").toString());
    FunnelTest.Run text = FunnelTest.run("report", dir.toString());
    assertTrue(text.out().startsWith("Review pack 2026-02 against 2026-01, as of end of 2026-02-28 (UTC)\n"
        + "note: the data runs to 2026-05-10"), text.out());
    for (String line : text.out().split("\n")) {
      assertTrue(line.length() <= Report.WIDTH, line);
    }
    // by week: the last whole week before 1 March, Monday 23 February to Sunday 1 March
    assertEquals("2026-W09", run("report", "--granularity", "week").get("report").get("period").asText());
  }

  @Test
  void aPastPeriodIsReportedAsItStoodAtItsEnd() throws Exception {
    Period dec = Period.parse("2025-12");
    Instant end = Instant.parse("2025-12-31T23:59:59.999999999Z");
    JsonNode j = run("report", "--period", "2025-12");
    assertEquals(end.toString(), j.get("report").get("asOf").asText());
    // pipeline and coverage of December from December's pipeline
    Pipeline p = Sales.pipelineAgainstPlan(export, end, dec);
    JsonNode pipe = j.get("deals").get("pipeline");
    assertEquals(end.toString(), pipe.get("asOf").asText());
    assertEquals(p.deals(), pipe.get("deals").asLong());
    assertEquals(p.coverage(), pipe.get("coverage").asDouble(), 1e-12);
    assertTrue(Sales.pipelineAgainstPlan(export, EVENTS_END, dec).deals() != p.deals());
    // the SLA worklists as of the end of December
    assertEquals(end.toString(), j.get("sla").get("asOf").asText());
    for (JsonNode l : j.get("sla").get("stale")) {
      assertTrue(Instant.parse(l.get("since").asText()).isBefore(end), l.toString());
    }
    // cohorts end with December; attribution counts December's conversions only
    assertEquals("2025-12", j.get("cohorts").get("retention").get("lastPeriod").asText());
    long wonInDecember = export.stages().stream()
        .filter(s -> s.stage().equals(export.catalog().won()) && dec.contains(s.at(), export.zone()))
        .map(StageChange::leadId).distinct().count();
    JsonNode a = j.get("attribution");
    assertEquals(wonInDecember, a.get("conversions").asLong() + a.get("unattributedConversions").asLong());
    assertEquals(90, a.get("lookbackDays").asInt());
    // the plan's run-rate is December's actual
    assertEquals(1.0, j.get("plan").get("elapsed").asDouble());
  }

  @Test
  void partialPeriodsAreMarkedWhereverTheyShow() throws Exception {
    // April: the leads ended on 1 March; the trend marks March and April
    JsonNode j = run("report", "--period", "2026-04");
    assertTrue(j.get("report").get("partial").asBoolean());
    assertTrue(j.get("report").get("notes").get(0).asText().contains("no leads after 2026-03-01"));
    JsonNode trend = j.get("leads").get("trend");
    assertEquals("2026-04", trend.get(5).get("period").asText());
    assertTrue(trend.get(5).get("partial").asBoolean());
    assertTrue(trend.get(4).get("partial").asBoolean(), "March: leads end on its first day");
    assertFalse(trend.get(3).get("partial").asBoolean());
    FunnelTest.Run text = FunnelTest.run("report", dir.toString(), "--period", "2026-04");
    assertTrue(text.out().contains("2026-03*"), text.out());
    assertTrue(text.out().contains("* 2026-03 is partial: leads end 2026-03-01\n"), text.out());
    // May: the data ends on the 10th; the plan's run-rate forecasts the rest, the bridge refuses
    JsonNode may = run("report", "--period", "2026-05");
    assertEquals("2026-05-10T23:59:59.999999999Z", may.get("report").get("asOf").asText());
    assertTrue(may.get("plan").get("partial").asBoolean());
    assertEquals(10.0 / 31, may.get("plan").get("elapsed").asDouble(), 1e-12);
    assertTrue(may.get("bridge").get("unavailable").asText().contains("2026-05 is partial"),
        may.get("bridge").toString());
    // the cohort table's last month is partial and the averages leave it out
    JsonNode c = run("cohorts");
    assertEquals("2026-05", c.get("lastPeriod").asText());
    assertEquals("2026-05", c.get("partialPeriod").asText());
    assertEquals("2026-04", c.get("completeThrough").asText());
    JsonNode cohorts = c.get("cohorts");
    long size = 0;
    long active = 0;
    for (JsonNode row : cohorts) {
      int k = 1;
      if (Period.parse(row.get("cohort").asText()).plus(k).compareTo(Period.parse("2026-04")) <= 0) {
        size += row.get("size").asLong();
        active += row.get("active").get(k).asLong();
      }
    }
    assertEquals((double) active / size, c.get("averages").get(1).get("retention").asDouble(), 1e-12);
    FunnelTest.Run grid = FunnelTest.run("cohorts", dir.toString());
    assertTrue(grid.out().contains("* 2026-05 is partial"), grid.out());
  }

  // ---- the as-of property

  /**
   * For a report of period P as of its end (and as of a day inside P), appending rows stamped after
   * the as-of instant (leads created later with their whole history, later stage changes of open
   * deals into WON and LOST with amounts, touches, activities, payments and refunds of existing
   * customers, spend on later days, some a nanosecond after the instant) changes nothing in the
   * JSON of any section about the business.
   */
  @Test
  void appendingRowsAfterTheAsOfInstantChangesNoNumber() throws Exception {
    List<Object[]> cases = List.of(
        new Object[] {Period.parse("2025-12"), null},
        new Object[] {Period.parse("2026-02"), null},
        new Object[] {Period.parse("2026-01"), Instant.parse("2026-01-20T23:59:59.999999999Z")},
        new Object[] {Period.parse("2026-W05"), null});
    for (Object[] c : cases) {
      Period p = (Period) c[0];
      Instant explicit = (Instant) c[1];
      JsonNode base = report(export, p, explicit);
      Instant asOf = Instant.parse(base.get("report").get("asOf").asText());
      for (long seed = 1; seed <= 3; seed++) {
        Dataset more = appendAfter(export, asOf, new Random(seed));
        assertTrue(more.size(DatasetTable.STAGES) > export.size(DatasetTable.STAGES));
        JsonNode after = report(more, p, explicit);
        assertSameBusiness(base, after, p + " as of " + asOf + " seed " + seed);
      }
    }
  }

  /** Equal JSON but for the sections and notes that describe the export as read. */
  static void assertSameBusiness(JsonNode expected, JsonNode actual, String what) {
    ObjectNode e = expected.deepCopy();
    ObjectNode a = actual.deepCopy();
    for (ObjectNode n : List.of(e, a)) {
      n.remove(List.of("dataset", "quality"));
      ((ObjectNode) n.get("report")).remove(List.of("notes", "warning"));
    }
    Iterator<Map.Entry<String, JsonNode>> it = e.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> x = it.next();
      assertEquals(x.getValue(), a.get(x.getKey()), what + ": section " + x.getKey());
    }
    assertEquals(e, a, what);
  }

  /** The dataset with rows stamped after {@code asOf} appended. */
  static Dataset appendAfter(Dataset d, Instant asOf, Random rnd) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog()).currency(d.currency());
    d.tables().forEach(b::table);
    d.leads().forEach(b::lead);
    d.stages().forEach(b::stageChange);
    d.activities().forEach(b::activity);
    d.touches().forEach(b::touch);
    d.payments().forEach(b::payment);
    d.spend().forEach(b::spend);
    d.plan().forEach(b::planTarget);
    List<Stage> stages = d.catalog().all();
    List<Lead> leads = d.leads();
    String[] channels = {"seo", "paid_search", "direct", "email", "brand_new_channel"};
    for (int i = 0; i < 400; i++) {
      Instant at = later(asOf, rnd);
      Lead old = leads.get(rnd.nextInt(leads.size()));
      switch (rnd.nextInt(7)) {
        case 0 -> { // a new lead with a history, some of it paid by an existing customer
          String id = "LATE" + i;
          String customer = rnd.nextBoolean() ? old.customerId() : "CLATE" + i;
          b.lead(new Lead(id, at, channels[rnd.nextInt(channels.length)], "late", null, "sdr.late",
              customer, null));
          b.touch(new Touch(id, at.minusSeconds(0), channels[rnd.nextInt(channels.length)], null,
              TouchKind.ONLINE, null));
          b.stageChange(new StageChange(id, d.catalog().stage("MQL"), at.plusSeconds(60), null, null, "sdr.late"));
          b.stageChange(new StageChange(id, d.catalog().won(), at.plusSeconds(7_200), null,
              Money.of("1000.00", d.currency()), "ae.late"));
          b.payment(new Payment("PLATE" + i, customer, id, at.plusSeconds(9_000), Money.of("1000.00",
              d.currency()), null));
        }
        case 1 -> b.stageChange(new StageChange(old.id(), stages.get(rnd.nextInt(stages.size())), at,
            rnd.nextBoolean() ? "competitor" : null,
            rnd.nextBoolean() ? Money.of(new BigDecimal(100 + rnd.nextInt(9_000))) : null, "ae.late"));
        case 2 -> b.stageChange(new StageChange(old.id(), d.catalog().won(), at, null,
            Money.of("5000.00", d.currency()), "ae.late"));
        case 3 -> b.touch(new Touch(old.id(), at, channels[rnd.nextInt(channels.length)], "late",
            TouchKind.ONLINE, null));
        case 4 -> b.activity(new Activity(old.id(), at, "call", "sdr.late", "reached"));
        case 5 -> b.payment(new Payment("PX" + i, old.customerId(), rnd.nextBoolean() ? old.id() : null,
            at, Money.of(rnd.nextInt(4) == 0 ? "-50.00" : "250.00", d.currency()), null));
        default -> b.spend(new Spend(LocalDate.ofInstant(asOf, d.zone()).plusDays(1 + rnd.nextInt(60)),
            channels[rnd.nextInt(channels.length)], null, Money.of("99.00", d.currency())));
      }
    }
    return b.build();
  }

  /** An instant after {@code asOf}: a nanosecond, a second, or up to 60 days later. */
  private static Instant later(Instant asOf, Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> asOf.plusNanos(1);
      case 1 -> asOf.plusSeconds(1);
      default -> asOf.plus(Duration.ofMinutes(1 + rnd.nextInt(60 * 24 * 60)));
    };
  }

  // ---- every section equals its own command

  @Test
  void everySectionEqualsItsOwnCommandWithTheSamePeriodAndAsOf() throws Exception {
    for (String[] c : new String[][] {{"2025-12", "2025-11", "2025-12-01", "2026-01-01", "2025-12-31"},
        {"2026-05", "2026-04", "2026-05-01", "2026-06-01", "2026-05-10"}}) {
      String period = c[0];
      JsonNode r = run("report", "--period", period);
      String asOf = r.get("report").get("asOf").asText();
      assertEquals(c[4], asOf.substring(0, 10));
      // leads and the funnel: funnel --from --to --as-of (event basis), the matrix on the cohort basis
      JsonNode f = run("funnel", "--from", c[2], "--to", c[3], "--as-of", c[4]);
      assertEquals(f, r.get("funnel").get("funnel"), period + " funnel");
      assertEquals(f.get("stages").get(0).get("count").asLong(),
          r.get("leads").get("leads").get("period").asLong(), period + " leads");
      JsonNode m = run("funnel", "--matrix", "--from", c[2], "--to", c[3], "--as-of", c[4]);
      assertEquals(m, r.get("funnel").get("matrix"), period + " matrix");
      // deals: sales --period
      JsonNode s = run("sales", "--period", period);
      assertEquals(asOf, s.get("asOf").asText());
      for (String k : List.of("dealSize", "pipeline", "velocity")) {
        assertEquals(s.get(k), r.get("deals").get(k), period + " " + k);
      }
      // channels: unit over the days of the period up to the as-of day
      JsonNode u = run("unit", "--from", c[2], "--to", LocalDate.parse(c[4]).plusDays(1).toString());
      assertEquals(u, without(r.get("channels"), "period"), period + " channels");
      // attribution --model all --period: the report's six models are among the command's
      JsonNode a = run("attribution", "--model", "all", "--period", period);
      JsonNode ra = r.get("attribution");
      for (String k : List.of("period", "from", "asOf", "lookbackDays", "conversions", "value",
          "unattributedConversions", "unattributedValue")) {
        assertEquals(a.get(k), ra.get(k), period + " attribution " + k);
      }
      assertEquals(AttributionSection.MODELS.size(), ra.get("models").size());
      for (JsonNode model : ra.get("models")) {
        JsonNode same = null;
        for (JsonNode x : a.get("models")) {
          same = x.get("model").equals(model.get("model")) ? x : same;
        }
        assertEquals(same, model, period + " attribution " + model.get("model"));
      }
      // sla --from --to --as-of
      JsonNode sla = run("sla", "--from", c[2], "--to", c[3], "--as-of", asOf);
      assertEquals(sla, without(r.get("sla"), "period"), period + " sla");
      // planfact --period
      assertEquals(run("planfact", "--period", period), r.get("plan"), period + " plan");
      // cohorts --as-of, ltv --until (the channel economics)
      assertEquals(run("cohorts", "--as-of", c[4]), r.get("cohorts").get("retention"), period + " cohorts");
      JsonNode ltv = run("ltv", "--until", c[4]);
      for (String k : List.of("channels", "ltvAtMonth")) {
        assertEquals(ltv.get(k), r.get("cohorts").get("ltv").get(k), period + " ltv " + k);
      }
    }
    // bridge --base --current of a complete period
    JsonNode r = run("report", "--period", "2025-12");
    assertEquals(run("bridge", "--base", "2025-11", "--current", "2025-12"),
        r.get("bridge").get("compare"), "bridge");
  }

  private static JsonNode without(JsonNode n, String key) {
    ObjectNode o = n.deepCopy();
    o.remove(key);
    return o;
  }
}
