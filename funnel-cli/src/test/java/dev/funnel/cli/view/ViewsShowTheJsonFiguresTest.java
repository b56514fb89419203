package dev.funnel.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.LtvAnalysis;
import dev.funnel.cohort.LtvQuery;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.bridge.Bridge;
import dev.funnel.core.bridge.FactorRow;
import dev.funnel.core.bridge.FactorTable;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.LeadTrend;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.quality.DataQuality;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One test per view: its text, HTML and CSV show the numbers of its JSON. Each checks a table of
 * the view row by row against the JSON rows: the CSV cell is the JSON number, the text and HTML
 * cell the JSON number formatted by the cell's convention (a share {@code 0.476} as
 * {@code 47.6%}, money to the cent, undefined as {@code -}). Computed on the demo dataset.
 */
class ViewsShowTheJsonFiguresTest {

  static final Dataset D = DemoData.builder().seed(21).leads(2_500).build().dataset();
  static final Period P = Period.parse("2026-02");
  static final Period C = Period.parse("2026-01");
  static final Instant AS_OF = P.endInstant(D.zone()).minusNanos(1);

  private static Map<String, String> cols(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void unit() throws Exception {
    var r = UnitEconomics.compute(D, P.start(), P.endExclusive(), null, UnitEconomics.NON_MARKETING);
    Consistency c = Consistency.of(UnitView.of(r));
    String cur = r.currency();
    c.table("channels", c.json().get("channels"), "channel", cols("spend, " + cur, "spend",
        "leads", "leads", "customers", "customers", "revenue, " + cur, "revenue", "CPL", "cpl",
        "CAC", "cac", "ROMI", "romi", "DRR", "drr"));
    c.row("channels", "(all)", c.json().get("total"), cols("CAC", "cac", "ROMI", "romi",
        "DRR", "drr", "revenue, " + cur, "revenue"));
    assertTrue(c.checked() > 50, "cells " + c.checked());
  }

  @Test
  void funnel() throws Exception {
    FunnelReport r = StageFunnel.compute(D, FunnelQuery.event().between(P.startInstant(D.zone()),
        P.endInstant(D.zone())));
    Consistency c = Consistency.of(FunnelView.of(r));
    c.table("funnel", c.json().get("stages"), "stage", cols("count", "count", "from previous",
        "conversionFromPrevious", "from first", "conversionFromFirst"));
    assertEquals(3 * r.stages().size(), c.checked());
  }

  @Test
  void matrix() throws Exception {
    ConversionMatrix m = StageFunnel.matrix(D, FunnelQuery.cohort().by(Dimension.CHANNEL),
        ConversionMatrix.DEFAULT_FDR);
    Consistency c = Consistency.of(MatrixView.of(m, "channel"));
    // the grid: a row per source, a column per transition with the source's rate
    JsonNode cells = c.json().get("cells");
    ArrayNode grid = JsonNodeFactory.instance.arrayNode();
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    for (JsonNode cell : cells) {
      String tr = ConversionMatrix.abbreviate(cell.get("from").asText() + "->"
          + cell.get("to").asText());
      columns.put(tr, tr);
      ObjectNode row = null;
      for (JsonNode r : grid) {
        if (r.get("channel").asText().equals(cell.get("source").asText())) {
          row = (ObjectNode) r;
        }
      }
      if (row == null) {
        row = grid.addObject().put("channel", cell.get("source").asText());
      }
      row.set(tr, cell.get("rate"));
    }
    c.table("matrix", grid, "channel", columns);
    // the cells table, every figure of each cell, is the CSV's: check it in JSON order
    c.csvOnly().table("cells", cells, null, cols("entered", "entered", "converted",
        "converted", "rate", "rate", "shrunk", "shrunkRate", "adj. p", "adjustedPValue", "gap",
        "gap", "gap low", "gapLower", "gap high", "gapUpper"));
    assertTrue(c.checked() > 150, "cells " + c.checked());
  }

  @Test
  void attribution() throws Exception {
    JourneySet js = JourneySet.fromDataset(D, JourneyOptions.DEFAULTS);
    AttributionResult linear = Attribution.attribute(js, Model.LINEAR, AttributionOptions.DEFAULTS);
    Consistency one = Consistency.of(AttributionView.of(js, linear)
        .economics(List.of(Attribution.economics(linear, D.spend()))));
    String credit = "credit " + linear.model().label();
    one.table(credit, one.json().get("channels"), "channel", cols("conversions", "conversions",
        "value", "value", "assisted", "assisted"));
    one.table("return on spend linear", one.json().get("economics").get("channels"), "channel",
        cols("roas", "roas", "romi", "romi", "cac", "cac", "drr", "drr"));
    // side by side: each model's column is its channels' credits
    List<AttributionResult> all = List.of(linear,
        Attribution.attribute(js, Model.FIRST, AttributionOptions.DEFAULTS));
    Consistency many = Consistency.of(AttributionView.sideBySide(js, all));
    for (int i = 0; i < all.size(); i++) {
      JsonNode model = many.json().get("models").get(i);
      many.table("conversions credited", model.get("channels"), "channel",
          cols(all.get(i).model().label(), "conversions"));
      many.table("value credited", model.get("channels"), "channel",
          cols(all.get(i).model().label(), "value"));
    }
    assertTrue(one.checked() + many.checked() > 40);
  }

  @Test
  void cohorts() throws Exception {
    CohortTable t = Cohorts.table(D, Granularity.MONTH, CohortBasis.PAYMENT, AS_OF);
    Period through = Period.lastComplete(AS_OF, Granularity.MONTH, D.zone());
    Consistency c = Consistency.of(CohortsView.of(t, AS_OF, through));
    // the grid's cell k of a cohort is retention[k] of its JSON row
    JsonNode rows = c.json().get("cohorts");
    int periods = 0;
    for (JsonNode r : rows) {
      periods = Math.max(periods, r.get("retention").size());
    }
    for (int k = 0; k < periods; k++) {
      ArrayNode flat = JsonNodeFactory.instance.arrayNode();
      for (JsonNode r : rows) {
        if (r.get("retention").size() > k) {
          ObjectNode o = flat.addObject();
          o.set("cohort", r.get("cohort"));
          o.set("size", r.get("size"));
          o.set("retention", r.get("retention").get(k));
        }
      }
      c.table("cohorts", flat, "cohort", k == 0 ? cols("size", "size", "0", "retention")
          : cols(Integer.toString(k), "retention"));
    }
    assertTrue(c.checked() > rows.size(), "cells " + c.checked());
  }

  @Test
  void ltv() throws Exception {
    LtvAnalysis a = Cohorts.ltv(D, LtvQuery.defaults().until(P.endExclusive().minusDays(1)));
    Consistency c = Consistency.of(LtvView.of(a));
    c.table("channels", c.json().get("channels"), "channel", cols("customers", "customers",
        "CAC", "cac", "LTV", "ltv", "LTV/CAC", "ltvToCac"));
    assertTrue(c.checked() >= 4 * a.channels().channels().size());
  }

  @Test
  void sales() throws Exception {
    SalesView.Figures f = new SalesView.Figures(AS_OF, D.zone(), null, null, P, false,
        List.of(Sales.winRate(D, "SQL", null, null, AS_OF)), Sales.dealSize(D, null, null, AS_OF),
        Sales.cycle(D, "SQL", AS_OF, null, null), Sales.timeInStages(D, AS_OF),
        Sales.forecast(D, AS_OF, P), Sales.owners(D, AS_OF, null, null), D.currency());
    Consistency c = Consistency.of(SalesView.of(f));
    c.table("win rate from SQL", c.json().get("winRates"), "base", cols("reached", "reached",
        "won", "won", "lost", "lost", "returned", "returned", "open", "open", "won value",
        "wonValue", "by count", "byCount", "by value", "byValue"));
    c.table("pipeline", c.json().get("pipeline").get("stages"), "stage", cols("deals", "deals",
        "value", "value", "win probability", "winProbability", "weighted", "weighted"));
    c.table("time in stage", c.json().get("timeInStage"), "stage", cols("stays", "stays",
        "median days", "medianDays", "p75 days", "p75Days"));
    c.table("owners", c.json().get("owners"), "owner", cols("MQLs", "mqls", "reach rate",
        "reachRate", "MQL->SQL", "mqlToSql", "win rate", "winRate", "avg deal", "averageDeal"));
    assertTrue(c.checked() > 50, "cells " + c.checked());
  }

  @Test
  void cycleBy() throws Exception {
    var cmp = Sales.cycleBy(D, Dimension.SEGMENT, dev.funnel.core.sales.SalesQuery.all().asOf(AS_OF));
    Consistency c = Consistency.of(CycleView.of(cmp, AS_OF, D.zone(), null, null));
    c.table("cycle by segment", c.json().get("groups"), "group", cols("paid", "paid",
        "open (censored)", "censored", "median days", "medianDays", "95% low", "medianLower",
        "95% high", "medianUpper", "p75 days", "p75Days", "expected paid (log-rank)", "expected"));
    c.row("log-rank", "log-rank", c.json().get("logRank"), cols("chi-squared", "chiSquare",
        "degrees of freedom", "degreesOfFreedom", "p-value", "pValue"));
    assertTrue(c.checked() >= 7 * cmp.cycles().size() + 3, "cells " + c.checked());
  }

  @Test
  void deals() throws Exception {
    var forecast = Sales.forecast(D, AS_OF, P);
    Consistency c = Consistency.of(DealsView.of(new DealsView.Figures(P, 12, C, 10,
        Sales.dealSize(D, P.startInstant(D.zone()), P.endInstant(D.zone()), AS_OF),
        forecast.pipeline(), forecast.velocity(), "end of 2026-02-28", D.currency())));
    c.table("pipeline", c.json().get("pipeline").get("stages"), "stage", cols("deals", "deals",
        "value", "value", "win probability", "winProbability", "weighted", "weighted"));
    assertTrue(c.checked() > 8);
  }

  @Test
  void reasons() throws Exception {
    Consistency c = Consistency.of(ReasonsView.of(P, Sales.reasons(D, P.startInstant(D.zone()),
        P.endInstant(D.zone())), C, Sales.reasons(D, C.startInstant(D.zone()),
        C.endInstant(D.zone()))));
    c.table("reasons", c.json().get("reasons"), null, cols("count", "count", "share", "share",
        "early", "early", "late", "late"));
    assertTrue(c.checked() > 8);
  }

  @Test
  void leads() throws Exception {
    FunnelReport cur = StageFunnel.compute(D, FunnelQuery.event().between(P.startInstant(D.zone()),
        P.endInstant(D.zone())));
    FunnelReport base = StageFunnel.compute(D, FunnelQuery.event().between(C.startInstant(D.zone()),
        C.endInstant(D.zone())));
    List<LeadTrend> trend = LeadTrend.of(D, P, 6);
    Consistency c = Consistency.of(LeadsView.of(P, cur, C, base, trend, new TreeMap<>()));
    c.table("trend", c.json().get("trend"), "period", cols("leads", "leads", "MQL", "mql",
        "SQL", "sql", "MQL/leads", "shareQualified", "SQL/leads", "shareToSales"));
    c.row("comparison", "leads", c.json().get("leads"), cols(P.label(), "period",
        C.label(), "compare", "change", "change"));
    assertEquals(5 * 6 + 3, c.checked());
  }

  @Test
  void plan() throws Exception {
    var r = PlanFact.compute(D, P);
    Consistency c = Consistency.of(PlanView.of(r, D.zone()));
    c.table("plan", c.json().get("rows"), null, cols("plan", "plan", "actual", "actual",
        "run-rate", "runRate", "deviation", "deviation", "dev %", "relativeDeviation",
        "QTD plan", "qtdPlan", "QTD actual", "qtdActual"));
    assertTrue(c.checked() >= 7 * r.rows().size());
  }

  @Test
  void sla() throws Exception {
    var r = Sla.compute(D, SlaQuery.of("MQL", Duration.ofHours(1), AS_OF));
    Consistency c = Consistency.of(SlaView.of(r, 1_000, D.zone()));
    c.row("sla", r.total().owner(), c.json().get("total"), cols("leads", "leads", "within",
        "within", "late", "late", "share within", "shareWithin", "median min", "medianMinutes",
        "p90 min", "p90Minutes"));
    c.table("sla", c.json().get("owners"), "owner", cols("leads", "leads", "share within",
        "shareWithin", "median min", "medianMinutes"));
    assertTrue(c.checked() > 10);
  }

  @Test
  void bridge() throws Exception {
    Consistency funnel = Consistency.of(BridgeView.of(FunnelBridge.builder().build()
        .periods(D, C, P)));
    funnel.table("bridge", funnel.json().get("effects"), "factor", cols("effect", "effect"));
    Consistency factors = Consistency.of(BridgeView.of(Bridge.lmdi().decompose(FactorTable.of(
        new FactorRow("a", "price", 10, 12), new FactorRow("a", "volume", 5, 4),
        new FactorRow("b", "price", 3, 3.5), new FactorRow("b", "volume", 8, 9)))));
    factors.table("bridge", factors.json().get("effects"), "factor", cols("effect", "effect"));
    assertEquals(7, funnel.checked() + factors.checked());
  }

  @Test
  void quality() throws Exception {
    var q = DataQuality.check(D, AS_OF);
    Consistency c = Consistency.of(QualityView.of(q, List.of()));
    c.table("quality", c.json().get("issues"), "code", cols("count", "count"));
    assertEquals(q.issues().size(), c.checked());
  }

  @Test
  void dataset() throws Exception {
    Consistency c = Consistency.of(DatasetView.of(new DatasetView.Facts("demo", D, null, null,
        AS_OF, "end of 2026-02-28", null, null)));
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    c.json().get("tables").fields().forEachRemaining(e -> rows.add(JsonNodeFactory.instance
        .objectNode().put("table", e.getKey()).set("rows", e.getValue())));
    c.table("tables", rows, "table", cols("rows", "rows"));
    assertEquals(D.tables().size(), c.checked());
  }

  /** The scoring review of the demo as of 2026-02-28, shared by the command's and section's views. */
  static final dev.funnel.scoring.ScoreReview SCORE = dev.funnel.scoring.Scoring.review(D,
      dev.funnel.scoring.ScoreQuery.of(AS_OF));

  private static void score(Consistency c, int items) {
    JsonNode v = c.json().get("validation");
    for (String side : List.of("model", "rules")) {
      for (String[] m : new String[][] {{"AUC", "auc"}, {"log loss", "logLoss"},
          {"Brier score", "brier"}, {"Brier skill", "brierSkill"}, {"rows", "rows"},
          {"positives", "positives"}}) {
        c.row("validation", m[0], v.get(side), cols(side, m[1]));
      }
    }
    c.table("calibration", v.get("model").get("calibration").get("deciles"), "decile",
        cols("rows", "rows", "mean predicted", "meanPredicted", "observed", "observed",
            "observed rate", "observedRate", "95% low", "lower", "95% high", "upper"));
    c.table("model", c.json().get("model").get("columns"), "column", cols("coefficient",
        "coefficient", "std error", "standardError", "training mean", "mean"));
    ArrayNode flat = JsonNodeFactory.instance.arrayNode();
    for (JsonNode o : c.json().get("worklist").get("owners")) {
      o.get("items").forEach(flat::add);
    }
    assertEquals(items, flat.size());
    String cur = ", " + D.currency();
    c.table("worklist", flat, null, cols("rank", "rank", "lead", "lead", "rule", "rule",
        "P(won)", "probabilityWon", "value" + cur, "dealValue", "expected" + cur, "expectedValue",
        "assignment", "assignment"));
    c.table("capacity", c.json().get("worklist").get("owners"), "owner", cols("capacity a day",
        "capacity", "items", "count", "assigned", "assigned", "overflow", "overflow", "marketing",
        "marketing", "assigned expected" + cur, "assignedValue", "overflow expected" + cur,
        "overflowValue"));
  }

  @Test
  void score() throws Exception {
    Consistency c = Consistency.of(ScoreView.of(SCORE, 3));
    score(c, SCORE.worklist().items().size());
    c.table("outlook", c.json().get("outlook").get("rows"), null, cols("expected more",
        "expected", "projected", "projected", "open leads", "openLeads"));
    assertTrue(c.checked() > 200, "cells " + c.checked());
  }

  @Test
  void scoreSection() throws Exception {
    Consistency c = Consistency.of(ScoreView.section(SCORE, 2));
    int shown = 0;
    for (var items : SCORE.worklist().byOwner().values()) {
      shown += Math.min(2, items.size());
    }
    score(c, shown);
    assertTrue(c.checked() > 100, "cells " + c.checked());
  }
}
