package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.demo.DemoData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorklistTest {

  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final StageCatalog C = StageCatalog.DEFAULT;

  static Instant ago(double hours) {
    return NOW.minusSeconds((long) (hours * 3600));
  }

  static Dataset scenario() {
    Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES).table(DatasetTable.ACTIVITIES)
        .table(DatasetTable.TOUCHES);
    lead(b, "A", ago(24), "sdr");
    b.stageChange(new StageChange("A", C.stage("MQL"), ago(0.5), null, null, "sdr"));
    lead(b, "B", ago(24), "sdr");
    b.stageChange(new StageChange("B", C.stage("MQL"), ago(3), null, null, "sdr"));
    lead(b, "C", ago(24 * 40), "sdr");
    b.stageChange(new StageChange("C", C.stage("MQL"), ago(24 * 39), null, null, "sdr"));
    b.activity(new Activity("C", ago(24 * 39 - 1), "call", "sdr", null));
    b.stageChange(new StageChange("C", C.stage("OPPORTUNITY"), ago(24 * 20), null, new java.math.BigDecimal("5000"), "ae"));
    b.activity(new Activity("C", ago(24 * 10), "demo", "ae", null));
    lead(b, "D", ago(10), "sdr");
    b.touch(new Touch("D", ago(2), "webinar", null, dev.funnel.core.TouchKind.OFFLINE, null));
    b.touch(new Touch("D", ago(3), "seo", null, null, null));
    b.touch(new Touch("D", ago(4), "seo", null, null, null));
    lead(b, "E", ago(5), "sdr");
    lead(b, "F", ago(24 * 30), "sdr");
    b.stageChange(new StageChange("F", C.stage("MQL"), ago(24 * 29), null, null, "sdr"));
    b.activity(new Activity("F", ago(24 * 29 - 0.2), "call", "sdr", null));
    b.stageChange(new StageChange("F", C.stage("PROPOSAL"), ago(24 * 3), null, null, "ae"));
    lead(b, "G", ago(24 * 90), "sdr");
    b.stageChange(new StageChange("G", C.stage("MQL"), ago(24 * 89), null, null, "sdr"));
    b.activity(new Activity("G", ago(24 * 89 - 0.5), "email", "sdr", null));
    b.stageChange(new StageChange("G", C.stage("SQL"), ago(24 * 60), null, null, "sdr"));
    lead(b, "H", ago(100), "sdr");
    b.stageChange(new StageChange("H", C.stage("LOST"), ago(50), "no_budget", null, "sdr"));
    lead(b, "I", ago(24 * 50), "sdr");
    b.stageChange(new StageChange("I", C.stage("WON"), ago(24 * 5), null, new java.math.BigDecimal("9000"), "ae"));
    lead(b, "J", NOW.plusSeconds(60), "sdr");
    return b.build();
  }

  static void lead(Dataset.Builder b, String id, Instant created, String owner) {
    b.lead(new Lead(id, created, id.equals("D") ? "webinar" : "seo", null, id.equals("D") ? "enterprise" : "smb",
        owner, null, Map.of()));
  }

  @Test
  void eachOpenLeadGetsTheStepOfTheFirstRuleThatApplies() {
    WorklistReport w = Worklist.compute(scenario(), ScoreQuery.of(NOW));
    Map<String, WorkItem> by = new HashMap<>();
    w.items().forEach(i -> by.put(i.leadId(), i));
    assertEquals(List.of("A", "B", "C", "D", "E", "F", "G"), by.keySet().stream().sorted().toList(),
        "lost, won and future leads are not open:\n" + w.table().render());
    assertEquals(NextStepRule.FIRST_RESPONSE_DUE, by.get("A").rule());
    assertEquals(ago(0.5).plus(Duration.ofHours(1)), by.get("A").due());
    assertEquals(NextStepRule.FIRST_RESPONSE_OVERDUE, by.get("B").rule());
    assertEquals(NextStepRule.STALE_DEAL, by.get("C").rule());
    assertEquals("ae", by.get("C").owner(), "a deal belongs to whoever moved it last");
    assertEquals(5000, by.get("C").dealValue());
    assertEquals(NextStepRule.POINTS_MQL, by.get("D").rule(), by.get("D").toString());
    assertEquals(NextStepRule.NURTURE, by.get("E").rule());
    assertEquals(NextStepRule.STAGE_NEXT_STEP, by.get("F").rule());
    assertEquals("follow up on the proposal and negotiate", by.get("F").action());
    assertEquals(NextStepRule.DORMANT, by.get("G").rule());
    assertNull(by.get("F").due());
    // the won model cannot be fitted on one won lead: values without probabilities, and it says so
    assertTrue(Double.isNaN(by.get("C").probability()));
    assertTrue(w.notes().stream().anyMatch(n -> n.startsWith("no won probability")), w.notes().toString());
    // per owner: SLA first, housekeeping last, ranks 1..n
    List<WorkItem> sdr = w.byOwner().get("sdr");
    assertEquals(List.of("B", "A", "D", "E", "G"), sdr.stream().map(WorkItem::leadId).toList());
    for (int k = 0; k < sdr.size(); k++) {
      assertEquals(k + 1, sdr.get(k).rank());
    }
    assertTrue(w.toString().startsWith("Worklist as of 2026-03-10T12:00:00Z: 7 open leads and deals, 2 owners, 1 first responses overdue, 1 stale deals"), w.toString());
  }

  @Test
  void aCustomCatalogWithoutMqlGetsGenericStepsAndSaysWhatItCannotCheck() {
    StageCatalog cat = StageCatalog.of(List.of("NEW", "QUALIFIED", "DEMO", "CLOSED_WON"), List.of("DROPPED"));
    Dataset d = Dataset.builder().catalog(cat).table(DatasetTable.STAGES).table(DatasetTable.ACTIVITIES)
        .lead(new Lead("X", ago(48), "seo", null, null, "kim", null, Map.of()))
        .stageChange(new StageChange("X", cat.stage("QUALIFIED"), ago(24), null, null, "kim"))
        .lead(new Lead("Y", ago(48), "seo", null, null, "kim", null, Map.of()))
        .build();
    WorklistReport w = Worklist.compute(d, ScoreQuery.of(NOW).target("QUALIFIED"));
    assertEquals(2, w.items().size(), w.toString());
    WorkItem x = w.items().stream().filter(i -> i.leadId().equals("X")).findFirst().orElseThrow();
    assertEquals(NextStepRule.STAGE_NEXT_STEP, x.rule());
    assertEquals("move to DEMO", x.action());
    assertTrue(w.notes().stream().anyMatch(n -> n.startsWith("the catalog has no progression stage MQL")), w.notes().toString());
    ScoreReview r = Scoring.review(d, ScoreQuery.of(NOW).target("QUALIFIED"));
    assertEquals(2, r.worklist().items().size());
    assertTrue(r.validation() == null && !r.problems().isEmpty(), r.problems().toString());
    assertTrue(r.outlook().notes().stream().anyMatch(n -> n.contains("no MQL and SQL")), r.outlook().notes().toString());
  }

  /** Every row of a dataset as records, for rebuilding it in another order. */
  static List<Object> records(Dataset d) {
    List<Object> out = new ArrayList<>();
    out.addAll(d.leads());
    out.addAll(d.stages());
    out.addAll(d.activities());
    out.addAll(d.touches());
    out.addAll(d.payments());
    out.addAll(d.plan());
    return out;
  }

  static Dataset rebuild(List<Object> rows) {
    Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES).table(DatasetTable.ACTIVITIES)
        .table(DatasetTable.TOUCHES);
    for (Object o : rows) {
      if (o instanceof Lead l) {
        b.lead(l);
      } else if (o instanceof StageChange s) {
        b.stageChange(s);
      } else if (o instanceof Activity a) {
        b.activity(a);
      } else if (o instanceof Touch t) {
        b.touch(t);
      } else if (o instanceof dev.funnel.core.Payment p) {
        b.payment(p);
      } else if (o instanceof PlanTarget p) {
        b.planTarget(p);
      }
    }
    return b.build();
  }

  @Test
  void sameRowsInAnyOrderGiveTheSameWorklistAndReview() {
    Dataset d = DemoData.builder().seed(7).leads(1_500).build().dataset();
    Instant asOf = d.leads().get(d.leads().size() - 1).createdAt();
    ScoreQuery q = ScoreQuery.of(asOf).minLevelRows(10);
    List<Object> rows = records(d);
    WorklistReport first = Worklist.compute(rebuild(rows), q);
    assertFalse(first.items().isEmpty());
    Random r = new Random(3);
    for (int k = 0; k < 2; k++) {
      Collections.shuffle(rows, r);
      WorklistReport again = Worklist.compute(rebuild(rows), q);
      assertEquals(first.items(), again.items());
      assertEquals(first.notes(), again.notes());
    }
    // ranks run 1..n per owner and tiers never go back up
    for (List<WorkItem> items : first.byOwner().values()) {
      for (int k = 0; k < items.size(); k++) {
        assertEquals(k + 1, items.get(k).rank());
        if (k > 0) {
          assertTrue(items.get(k - 1).rule().tier() <= items.get(k).rule().tier());
        }
      }
    }
  }
}
