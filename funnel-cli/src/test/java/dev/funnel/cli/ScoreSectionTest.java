package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.demo.DemoData;
import dev.funnel.scoring.BinaryMetrics;
import dev.funnel.scoring.CalibrationBin;
import dev.funnel.scoring.ModelValidation;
import dev.funnel.scoring.ScoreQuery;
import dev.funnel.scoring.ScoreReview;
import dev.funnel.scoring.Scoring;
import dev.funnel.scoring.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report's lead-scoring section: its JSON is the library's review as of the report instant
 * (model against rules, calibration, model card, the top of each owner's worklist), and a dataset
 * too small or without a lead reaching the target gives a section that says so, not a failure.
 */
class ScoreSectionTest {

  static final Dataset DEMO = DemoData.builder().seed(11).leads(3_000).build().dataset();

  private static void near(double expected, JsonNode actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(actual.isNull(), what + ": expected null, got " + actual);
    } else {
      assertEquals(expected, actual.asDouble(), 1e-12 * Math.max(1, Math.abs(expected)), what);
    }
  }

  private static void metrics(BinaryMetrics m, JsonNode j, String who) {
    assertEquals(m.rows(), j.get("rows").asLong(), who);
    assertEquals(m.positives(), j.get("positives").asLong(), who);
    near(m.auc().auc(), j.get("auc"), who + " AUC");
    near(m.auc().lower(), j.get("aucLower"), who + " AUC lower");
    near(m.auc().upper(), j.get("aucUpper"), who + " AUC upper");
    near(m.logLoss(), j.get("logLoss"), who + " log loss");
    near(m.brier(), j.get("brier"), who + " Brier");
    near(m.calibration().pValue(), j.get("calibration").get("pValue"), who + " HL p");
    List<CalibrationBin> bins = m.calibration().bins();
    JsonNode deciles = j.get("calibration").get("deciles");
    assertEquals(bins.size(), deciles.size(), who);
    for (int i = 0; i < bins.size(); i++) {
      CalibrationBin b = bins.get(i);
      JsonNode d = deciles.get(i);
      assertEquals(b.rows(), d.get("rows").asLong(), who + " decile " + b.bin());
      assertEquals(b.observed(), d.get("observed").asLong(), who + " decile " + b.bin());
      near(b.meanPredicted(), d.get("meanPredicted"), who + " decile " + b.bin());
      near(b.lower(), d.get("lower"), who + " decile " + b.bin());
      near(b.upper(), d.get("upper"), who + " decile " + b.bin());
    }
  }

  @Test
  void theSectionIsTheLibrarysReviewAsOfTheReportInstant() throws Exception {
    ReportInput in = ReportSectionsTest.input(DEMO);
    JsonNode j = ReportSectionsTest.json(in).get("scoring");
    Instant asOf = in.scope().asOf();
    ScoreReview lib = Scoring.review(DEMO, ScoreQuery.of(asOf));
    assertEquals(asOf.toString(), j.get("asOf").asText());
    assertEquals("SQL", j.get("target").asText());
    assertEquals(30.0, j.get("horizonDays").asDouble());

    ModelValidation v = lib.validation();
    JsonNode jv = j.get("validation");
    assertEquals(v.cut().toString(), jv.get("cut").asText());
    assertEquals(v.verdict(), jv.get("verdict").asText());
    assertEquals(v.modelBeatsRules(), jv.get("modelBeatsRules").asBoolean());
    assertEquals(v.testRows(), jv.get("testLeads").asInt());
    assertEquals(v.immature(), jv.get("immatureLeads").asInt());
    metrics(v.model(), jv.get("model"), "model");
    metrics(v.rules(), jv.get("rules"), "rules");
    near(v.comparison().difference(), jv.get("comparison").get("aucDifference"), "difference");
    near(v.comparison().lower(), jv.get("comparison").get("lower"), "difference lower");

    JsonNode cols = j.get("model").get("columns");
    assertEquals(lib.model().columns().size(), cols.size());
    for (int c = 0; c < cols.size(); c++) {
      assertEquals(lib.model().columns().get(c), cols.get(c).get("column").asText());
      near(lib.model().coefficients().get(c), cols.get(c).get("coefficient"), "coefficient " + c);
    }

    Map<String, List<WorkItem>> byOwner = lib.worklist().byOwner();
    JsonNode owners = j.get("worklist").get("owners");
    assertEquals(List.copyOf(byOwner.keySet()),
        java.util.stream.StreamSupport.stream(owners.spliterator(), false)
            .map(o -> o.get("owner").asText()).toList());
    int shown = 0;
    for (JsonNode o : owners) {
      List<WorkItem> all = byOwner.get(o.get("owner").asText());
      assertEquals(all.size(), o.get("count").asInt());
      dev.funnel.scoring.OwnerCapacity c = lib.worklist().capacity(o.get("owner").asText());
      assertEquals(c.source().label(), o.get("capacitySource").asText());
      assertEquals(c.assigned(), o.get("assigned").asInt());
      assertEquals(c.overflow(), o.get("overflow").asInt());
      near(c.overflowValue(), o.get("overflowValue"), "overflow value");
      JsonNode items = o.get("items");
      assertEquals(Math.min(ScoreSection.TOP, all.size()), items.size());
      for (int i = 0; i < items.size(); i++) {
        WorkItem w = all.get(i);
        assertEquals(w.rank(), items.get(i).get("rank").asInt());
        assertEquals(w.leadId(), items.get(i).get("lead").asText());
        assertEquals(w.rule().label(), items.get(i).get("rule").asText());
        assertEquals(w.assignment().label(), items.get(i).get("assignment").asText());
        near(w.expectedValue(), items.get(i).get("expectedValue"), "expected value " + w.leadId());
      }
      shown += items.size();
    }
    assertTrue(shown >= 2 * ScoreSection.TOP, "several owners: " + shown);
    assertEquals(lib.problems().size(), j.get("problems").size());

    String text = Report.text(in);
    String section = text.substring(text.indexOf("Lead scoring and next best action\n"));
    assertTrue(section.contains(v.verdict().substring(0, 20)), section);
    assertTrue(section.contains("Calibration of the model on the held-out leads"), section);
    WorkItem first = byOwner.values().iterator().next().get(0);
    assertTrue(section.lines().anyMatch(l -> l.startsWith(first.owner()) && l.contains(first.leadId())
        && l.contains(first.rule().label())), section);
    String csv = Report.csv(in);
    assertEquals(shown * 10, csv.lines().filter(l -> l.startsWith("scoring/worklist,")).count(),
        "ten figures per worklist row besides its first cell");
    String html = HtmlReport.render(in);
    assertTrue(html.contains("<svg class=\"chart calibration\""), "calibration diagram");
  }

  /** Leads created 37 hours apart, every third moved to {@code furthest} two days after creation. */
  static Dataset small(int leads, String furthest) {
    Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES);
    Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
    for (int i = 0; i < leads; i++) {
      String id = "L" + i;
      Instant created = t0.plus(Duration.ofHours(37L * i));
      b.lead(new Lead(id, created, i % 2 == 0 ? "seo" : "webinar", null, "smb", "sdr" + (i % 3),
          null, Map.of()));
      if (i % 3 == 0) {
        b.stageChange(new StageChange(id, StageCatalog.DEFAULT.stage(furthest),
            created.plus(Duration.ofDays(2)), null, null, "sdr" + (i % 3)));
      }
    }
    return b.build();
  }

  private static void honest(Dataset d, String validation, String model) throws Exception {
    ReportInput in = ReportSectionsTest.input(d);
    JsonNode j = ReportSectionsTest.json(in).get("scoring");
    assertTrue(j.get("validation").isNull(), j.toString());
    assertTrue(j.get("model").isNull(), j.toString());
    List<String> problems = java.util.stream.StreamSupport.stream(j.get("problems").spliterator(),
        false).map(JsonNode::asText).toList();
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("validation: ") && p.contains(validation)),
        validation + " in " + problems);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("model: ") && p.contains(model)),
        model + " in " + problems);
    assertTrue(j.get("worklist").get("owners").size() > 0, "the worklist is still there");
    String text = Report.text(in);
    String section = text.substring(text.indexOf("Lead scoring and next best action\n"));
    assertTrue(section.contains("not computed: validation: "), section);
    assertTrue(section.contains("not computed: model: "), section);
    assertFalse(section.contains("Exception"), section);
    String html = HtmlReport.render(in);
    assertTrue(html.contains("Not computed: model: "), "HTML says it too");
  }

  @Test
  void tooFewLeadsGiveAnHonestSectionAndTheRestOfTheReport() throws Exception {
    honest(small(6, "SQL"), "validation needs at least 20", "no lead snapshot to learn SQL");
  }

  @Test
  void noLeadReachingTheTargetIsSaidNotFailed() throws Exception {
    honest(small(120, "MQL"), "missed the target", "missed the target: nothing to learn SQL");
  }

  @Test
  void aCatalogWithoutSqlIsScoredForItsWonStage() throws Exception {
    StageCatalog cat = StageCatalog.of(List.of("NEW", "QUALIFIED", "DEMO", "CLOSED_WON"),
        List.of("DROPPED"));
    Dataset.Builder b = Dataset.builder().catalog(cat).table(DatasetTable.STAGES);
    Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
    for (int i = 0; i < 40; i++) {
      Instant created = t0.plus(Duration.ofHours(20L * i));
      b.lead(new Lead("N" + i, created, "seo", null, "smb", "rep", null, Map.of()));
      b.stageChange(new StageChange("N" + i, cat.stage(i % 4 == 0 ? "CLOSED_WON" : "QUALIFIED"),
          created.plus(Duration.ofDays(3)), null, null, "rep"));
    }
    JsonNode j = ReportSectionsTest.json(ReportSectionsTest.input(b.build())).get("scoring");
    assertEquals("CLOSED_WON", j.get("target").asText(), j.toString());
    assertEquals(90.0, j.get("horizonDays").asDouble());
    assertTrue(j.get("worklist").get("owners").size() > 0, j.toString());
  }

  @Test
  void aDatasetBeyondTheReportsLimitIsSentToTheScoreCommand() throws Exception {
    ReportInput in = ReportSectionsTest.input(DEMO);
    int leads = DEMO.leads().size();
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> new ScoreSection(leads - 1).compute(in));
    assertTrue(e.getMessage().contains("funnel score DATA fits the model on all of them"), e.getMessage());
    // at the limit itself the section is computed
    assertEquals(Scoring.review(DEMO, ScoreSection.query(DEMO, in.scope().asOf())).toString(),
        new ScoreSection(leads).compute(in).toString());
  }
}
