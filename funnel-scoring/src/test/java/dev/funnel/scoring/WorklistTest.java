package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
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
    b.stageChange(new StageChange("C", C.stage("OPPORTUNITY"), ago(24 * 20), null, Money.of("5000"), "ae"));
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
    b.stageChange(new StageChange("I", C.stage("WON"), ago(24 * 5), null, Money.of("9000"), "ae"));
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
    // per owner: SLA first, housekeeping last, marketing's nurture after the owner's work, ranks 1..n
    List<WorkItem> sdr = w.byOwner().get("sdr");
    assertEquals(List.of("B", "A", "D", "G", "E"), sdr.stream().map(WorkItem::leadId).toList());
    for (int k = 0; k < sdr.size(); k++) {
      assertEquals(k + 1, sdr.get(k).rank());
    }
    // capacity: ae logged one activity (C's demo, 10 days ago) on one day in the 28 days: 1 a day
    // (C assigned, F overflow);
    // sdr's last activity is 28.99 days old, outside the window: the measured owners' median, 1
    OwnerCapacity ae = w.capacity("ae");
    assertEquals(OwnerCapacity.Source.DATA, ae.source());
    assertEquals(1, ae.activities());
    assertEquals(1, ae.activeDays());
    assertEquals(1, ae.capacity());
    OwnerCapacity s = w.capacity("sdr");
    assertEquals(OwnerCapacity.Source.OWNERS_MEDIAN, s.source());
    assertEquals(1, s.capacity());
    assertEquals(List.of(Assignment.ASSIGNED, Assignment.OVERFLOW, Assignment.OVERFLOW,
        Assignment.OVERFLOW, Assignment.MARKETING), sdr.stream().map(WorkItem::assignment).toList());
    assertEquals(List.of(1, 3, 1), List.of(s.assigned(), s.overflow(), s.marketing()));
    assertTrue(w.toString().startsWith("Worklist as of 2026-03-10T12:00:00Z: 7 open leads and deals,"
        + " 2 owners, 2 assigned within capacity, 4 overflow, 1 first responses overdue, 1 stale"
        + " deals"), w.toString());
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
      assertEquals(first.capacities(), again.capacities());
      assertEquals(first.notes(), again.notes());
    }
    // ranks run 1..n per owner, tiers never go back up, the capacity takes the first owner
    // actions (the highest expected values of a tier), the overflow the rest, marketing's last
    for (List<WorkItem> items : first.byOwner().values()) {
      OwnerCapacity c = first.capacity(items.get(0).owner());
      int actions = (int) items.stream().filter(w -> w.rule().ownerAction()).count();
      assertEquals(Math.min(c.capacity(), actions), c.assigned(), c.toString());
      assertEquals(actions - c.assigned(), c.overflow(), c.toString());
      for (int k = 0; k < items.size(); k++) {
        WorkItem w = items.get(k);
        assertEquals(k + 1, w.rank());
        Assignment expected = !w.rule().ownerAction() ? Assignment.MARKETING
            : k < c.capacity() ? Assignment.ASSIGNED : Assignment.OVERFLOW;
        assertEquals(expected, w.assignment(), w.toString());
        if (k > 0) {
          WorkItem before = items.get(k - 1);
          assertTrue(before.rule().tier() <= w.rule().tier() || !w.rule().ownerAction());
          if (before.rule().tier() == w.rule().tier() && before.rule().ownerAction() == w.rule().ownerAction()
              && !Double.isNaN(w.expectedValue())) {
            assertTrue(before.expectedValue() >= w.expectedValue(), before + " before " + w);
          }
        }
      }
    }
    assertTrue(first.capacities().stream().allMatch(c -> c.source() == OwnerCapacity.Source.DATA
        || c.source() == OwnerCapacity.Source.NO_OWNER), first.capacities().toString());
  }

  @Test
  void theCapacityComesFromTheOwnersPaceOrIsGivenAndTheRestOverflows() {
    Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES).table(DatasetTable.ACTIVITIES);
    String[] ids = {"K1", "K2", "K3", "K4", "K5"};
    for (String id : ids) {
      b.lead(new Lead(id, ago(24 * 6), "seo", null, "smb", "kim", null, Map.of()));
      b.stageChange(new StageChange(id, C.stage("MQL"), ago(24 * 5), null, null, "kim"));
    }
    // day -5: 3 activities (K1..K3), day -3: 2 (K4, K5), day -1: 4 (K1..K4): 9 on 3 days
    for (int i = 0; i < 3; i++) {
      b.activity(new Activity(ids[i], ago(24 * 5 - 1 - i), "call", "kim", null));
    }
    b.activity(new Activity("K4", ago(24 * 3), "email", "kim", null));
    b.activity(new Activity("K5", ago(24 * 3 - 1), "email", "kim", null));
    for (int i = 0; i < 4; i++) {
      b.activity(new Activity(ids[i], ago(24 - i), "call", "kim", null));
    }
    b.activity(new Activity("K5", ago(24 * 30), "call", "kim", null));   // before the window
    b.activity(new Activity("K5", NOW.plusSeconds(600), "call", "kim", null));   // after the instant
    b.lead(new Lead("K6", ago(24 * 2), "seo", null, "smb", "kim", null, Map.of()));   // nurture
    b.lead(new Lead("N1", ago(24 * 6), "seo", null, "smb", null, null, Map.of()));
    b.stageChange(new StageChange("N1", C.stage("MQL"), ago(24 * 5), null, null, null));
    b.activity(new Activity("N1", ago(24 * 2), "email", null, null));
    Dataset d = b.build();

    WorklistReport w = Worklist.compute(d, ScoreQuery.of(NOW));
    OwnerCapacity kim = w.capacity("kim");
    assertEquals(OwnerCapacity.Source.DATA, kim.source(), w.toString());
    assertEquals(9, kim.activities());
    assertEquals(3, kim.activeDays());
    assertEquals(3, kim.capacity());
    List<WorkItem> items = w.byOwner().get("kim");
    // no won model: expected values undefined, so ranks follow the lead id within the tier
    assertEquals(List.of("K1", "K2", "K3", "K4", "K5", "K6"), items.stream().map(WorkItem::leadId).toList());
    assertEquals(List.of(Assignment.ASSIGNED, Assignment.ASSIGNED, Assignment.ASSIGNED,
        Assignment.OVERFLOW, Assignment.OVERFLOW, Assignment.MARKETING),
        items.stream().map(WorkItem::assignment).toList());
    assertEquals(List.of(3, 2, 1, 6), List.of(kim.assigned(), kim.overflow(), kim.marketing(), kim.items()));
    OwnerCapacity none = w.capacity("(none)");
    assertEquals(OwnerCapacity.Source.NO_OWNER, none.source());
    assertEquals(Assignment.OVERFLOW, w.byOwner().get("(none)").get(0).assignment());
    assertTrue(w.notes().stream().anyMatch(n -> n.startsWith("leads without an owner")), w.notes().toString());
    assertEquals(List.of("N1", "K4", "K5"), w.items(Assignment.OVERFLOW).stream().map(WorkItem::leadId).toList());

    WorklistReport two = Worklist.compute(d, ScoreQuery.of(NOW).capacity(Capacity.perDay(2)));
    assertEquals(OwnerCapacity.Source.GIVEN, two.capacity("kim").source());
    assertEquals(2, two.capacity("kim").assigned());
    assertEquals(9, two.capacity("kim").activities(), "still measured, for comparison");
    Capacity file = Capacity.perDay(2).parse("# capacities\nOwner;Capacity\nkim;5\n\"lee\";1\n", "c.csv");
    assertEquals(Map.of("kim", 5, "lee", 1), file.byOwner());
    WorklistReport five = Worklist.compute(d, ScoreQuery.of(NOW).capacity(file));
    assertEquals(OwnerCapacity.Source.NAMED, five.capacity("kim").source());
    assertEquals(List.of(5, 0), List.of(five.capacity("kim").assigned(), five.capacity("kim").overflow()));
    assertTrue(five.notes().stream().anyMatch(n -> n.equals("capacity given for owners without open items: lee")),
        five.notes().toString());

    // without an activities table nothing is measured: not applied, and said
    Dataset bare = Dataset.builder().table(DatasetTable.STAGES).lead(d.leads().get(0))
        .stageChange(d.stages().get(0)).build();
    WorklistReport u = Worklist.compute(bare, ScoreQuery.of(NOW));
    assertEquals(OwnerCapacity.Source.UNKNOWN, u.capacities().get(0).source());
    assertEquals(Assignment.ASSIGNED, u.items().get(0).assignment());
    assertTrue(u.notes().stream().anyMatch(n -> n.startsWith("capacity unknown")), u.notes().toString());
  }

  @Test
  void aCapacityFileIsReadStrictly() {
    Capacity c = Capacity.fromData();
    RuleFileException e = org.junit.jupiter.api.Assertions.assertThrows(RuleFileException.class,
        () -> c.parse("owner,capacity\nkim,three\n", "c.csv"));
    assertEquals("c.csv:2:2: the capacity must be a whole number of actions a day >= 1, got 'three'", e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(RuleFileException.class,
        () -> c.parse("owner,capacity\nkim,3\nKim,4\n", "c.csv"));
    assertEquals("c.csv:3:1: owner 'Kim' is listed twice (also on line 2)", e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(RuleFileException.class,
        () -> c.parse("name,n\nkim,3\n", "c.csv"));
    assertEquals(1, e.line());
    e = org.junit.jupiter.api.Assertions.assertThrows(RuleFileException.class,
        () -> c.parse("owner,capacity\nkim,0\n", "c.csv"));
    assertEquals(2, e.column());
    e = org.junit.jupiter.api.Assertions.assertThrows(RuleFileException.class, () -> c.parse("", "c.csv"));
    assertTrue(e.reason().contains("empty"), e.reason());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Capacity.perDay(0));
  }
}
