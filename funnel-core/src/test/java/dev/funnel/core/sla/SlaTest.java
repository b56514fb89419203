package dev.funnel.core.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.demo.DemoData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A hand-built dataset (UTC, target 1 hour, as of 2026-03-10 12:00, stale after 2 days):
 * <pre>
 * lead owner  MQL (reach)        first activity            outcome
 * a    ann    03-02 10:00        03-02 10:30 ann           within, 30 min
 * b    ann    03-02 10:00        03-02 12:00 bob           late, 120 min (owner bob)
 * c    bob    03-03 09:00        03-03 09:45 (no owner)    within, 45 min (08:00 one before MQL ignored)
 * d    bob    03-09 09:00        none                      overdue, 27 h
 * e    -      SQL 03-10 11:30    none                      waiting, 30 min (skipped MQL)
 * f    ann    03-01 09:00        03-01 09:10 ann           within, 10 min
 * g    ann    03-11 (after)      03-11                     not counted
 * h    bob    03-04 10:00        03-10 13:00 (after as-of) overdue, 6 d 2 h
 * i    ann    03-02 10:00, LOST 03-02 11:00, none          overdue, 8 d 2 h, closed
 * j    ann    never MQL                                    not counted
 * </pre>
 */
class SlaTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant AS_OF = Instant.parse("2026-03-10T12:00:00Z");
  static final SlaQuery Q = SlaQuery.of("mql", Duration.ofHours(1), AS_OF).staleAfter(Duration.ofDays(2));

  static Instant t(String s) {
    return Instant.parse("2026-" + s + ":00Z");
  }

  static List<Consumer<Dataset.Builder>> rows() {
    List<Consumer<Dataset.Builder>> r = new ArrayList<>();
    String[][] leads = {{"a", "ann"}, {"b", "ann"}, {"c", "bob"}, {"d", "bob"}, {"e", null},
        {"f", "ann"}, {"g", "ann"}, {"h", "bob"}, {"i", "ann"}, {"j", "ann"}};
    for (String[] l : leads) {
      r.add(b -> b.lead(new Lead(l[0], t("02-20T08:00"), "seo", null, null, l[1], null, Map.of())));
    }
    r.add(b -> b.stageChange(StageChange.of("a", C.stage("MQL"), t("03-02T10:00"))));
    r.add(b -> b.stageChange(StageChange.of("b", C.stage("MQL"), t("03-02T10:00"))));
    r.add(b -> b.stageChange(StageChange.of("c", C.stage("MQL"), t("03-03T09:00"))));
    r.add(b -> b.stageChange(StageChange.of("d", C.stage("MQL"), t("03-09T09:00"))));
    r.add(b -> b.stageChange(StageChange.of("e", C.stage("SQL"), t("03-10T11:30"))));
    r.add(b -> b.stageChange(StageChange.of("f", C.stage("MQL"), t("03-01T09:00"))));
    r.add(b -> b.stageChange(StageChange.of("g", C.stage("MQL"), t("03-11T09:00"))));
    r.add(b -> b.stageChange(StageChange.of("h", C.stage("MQL"), t("03-04T10:00"))));
    r.add(b -> b.stageChange(StageChange.of("i", C.stage("MQL"), t("03-02T10:00"))));
    r.add(b -> b.stageChange(StageChange.of("i", C.stage("LOST"), t("03-02T11:00"))));
    r.add(b -> b.activity(new Activity("a", t("03-02T10:30"), "call", "ann", null)));
    r.add(b -> b.activity(new Activity("a", t("03-02T11:30"), "email", "ann", null)));
    r.add(b -> b.activity(new Activity("b", t("03-02T12:00"), "call", "bob", null)));
    r.add(b -> b.activity(new Activity("c", t("03-03T08:00"), "email", "bob", null)));
    r.add(b -> b.activity(new Activity("c", t("03-03T09:45"), "call", null, null)));
    r.add(b -> b.activity(new Activity("f", t("03-01T09:10"), "call", "ann", null)));
    r.add(b -> b.activity(new Activity("g", t("03-11T09:10"), "call", "ann", null)));
    r.add(b -> b.activity(new Activity("h", t("03-10T13:00"), "call", "bob", null)));
    return r;
  }

  static Dataset build(List<Consumer<Dataset.Builder>> rows) {
    Dataset.Builder b = Dataset.builder();
    rows.forEach(r -> r.accept(b));
    return b.build();
  }

  static final Dataset D = build(rows());

  static void stats(SlaStats s, long leads, long within, long late, long overdue, long waiting,
      double share, double median, double p90) {
    assertEquals(leads, s.leads(), s.owner() + " leads");
    assertEquals(within, s.within(), s.owner() + " within");
    assertEquals(late, s.late(), s.owner() + " late");
    assertEquals(overdue, s.overdue(), s.owner() + " overdue");
    assertEquals(waiting, s.waiting(), s.owner() + " waiting");
    assertEquals(within + late, s.responded());
    assertEquals(share, s.shareWithin(), 1e-15, s.owner() + " share");
    assertEquals(median, s.medianMinutes(), 1e-9, s.owner() + " median");
    assertEquals(p90, s.p90Minutes(), 1e-9, s.owner() + " p90");
  }

  @Test
  void totalsByHand() {
    SlaReport r = Sla.compute(D, Q);
    // KM over 10e 30e 30c 45e 120e 1620c 8760c 11640c: S = 7/8, 3/4, 3/5, 9/20 -> median 120;
    // S never reaches 0.1 -> p90 not estimable
    stats(r.total(), 8, 3, 1, 3, 1, 3.0 / 7, 120, Double.NaN);
    assertEquals("MQL", r.stage());
  }

  @Test
  void perOwnerByHand() {
    SlaReport r = Sla.compute(D, Q);
    assertEquals(List.of("(none)", "ann", "bob"), r.owners().stream().map(SlaStats::owner).toList());
    // ann: a 30e, f 10e, i 11640c -> S(10)=2/3, S(30)=1/3
    stats(r.owner("ann"), 3, 2, 0, 1, 0, 2.0 / 3, 30, Double.NaN);
    // bob: b 120e (responded by bob), c 45e, d 1620c, h 8760c -> S(45)=3/4, S(120)=1/2
    stats(r.owner("bob"), 4, 1, 1, 2, 0, 0.25, 120, Double.NaN);
    stats(r.owner("(none)"), 1, 0, 0, 0, 1, Double.NaN, Double.NaN, Double.NaN);
  }

  @Test
  void overdueLeadsAsOfTheInstant() {
    OverdueLeads o = Sla.compute(D, Q).overdue();
    assertEquals(List.of(
        new OverdueLead("i", "ann", "LOST", t("03-02T10:00"), Duration.ofMinutes(11640)),
        new OverdueLead("h", "bob", "MQL", t("03-04T10:00"), Duration.ofMinutes(8760)),
        new OverdueLead("d", "bob", "MQL", t("03-09T09:00"), Duration.ofHours(27))), o.leads());
  }

  @Test
  void staleLeadsAreOpenAndSilent() {
    OverdueLeads s = Sla.compute(D, Q).stale();
    assertEquals(List.of(
        new OverdueLead("f", "ann", "MQL", t("03-01T09:10"), Duration.ofMinutes(9 * 1440 + 170)),
        new OverdueLead("a", "ann", "MQL", t("03-02T11:30"), Duration.ofMinutes(8 * 1440 + 30)),
        new OverdueLead("b", "ann", "MQL", t("03-02T12:00"), Duration.ofDays(8)),
        new OverdueLead("c", "bob", "MQL", t("03-03T09:45"), Duration.ofMinutes(7 * 1440 + 135)),
        new OverdueLead("h", "bob", "MQL", t("03-04T10:00"), Duration.ofMinutes(6 * 1440 + 120))),
        s.leads());
  }

  @Test
  void laterAsOfResolvesTheWaitingLead() {
    // as of 03-10 13:00 h has responded (late), e has waited 90 min (overdue)
    SlaReport r = Sla.compute(D, Q.asOf(t("03-10T13:00")));
    stats(r.total(), 8, 3, 2, 3, 0, 3.0 / 8, 120, Double.NaN);
    assertEquals(List.of("i", "d", "e"), r.overdue().leads().stream().map(OverdueLead::leadId).toList());
  }

  @Test
  void fromSqlOnlyCountsSqlLeads() {
    SlaReport r = Sla.compute(D, SlaQuery.of("SQL", Duration.ofHours(1), AS_OF));
    stats(r.total(), 1, 0, 0, 0, 1, Double.NaN, Double.NaN, Double.NaN);
  }

  @Test
  void windowRestrictsByStageTime() {
    SlaReport r = Sla.compute(D, Q.between(t("03-02T00:00"), t("03-03T00:00")));
    // a within, b late, i overdue
    stats(r.total(), 3, 1, 1, 1, 0, 1.0 / 3, 120, Double.NaN);
  }

  @Test
  void businessHoursChangeTheVerdict() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Dataset d = Dataset.builder()
        .lead(new Lead("x", Instant.parse("2026-03-27T10:00:00Z"), "seo", null, null, "ann", null, Map.of()))
        // Friday 16:45 CET
        .stageChange(StageChange.of("x", C.stage("MQL"), Instant.parse("2026-03-27T15:45:00Z")))
        // Monday 09:20 CEST
        .activity(new Activity("x", Instant.parse("2026-03-30T07:20:00Z"), "call", "ann", null))
        .build();
    BusinessCalendar office = BusinessCalendar.builder().zone(berlin)
        .hours(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
    SlaQuery q = SlaQuery.of("MQL", Duration.ofHours(1), Instant.parse("2026-04-01T00:00:00Z"));
    assertEquals(1, Sla.compute(d, q).total().late());
    SlaReport biz = Sla.compute(d, q.on(office));
    assertEquals(1, biz.total().within());
    assertEquals(35, biz.total().medianMinutes(), 1e-9);
    // one business day as the target
    assertEquals(1, Sla.compute(d, q.on(office).target(office.dayLength())).total().within());
  }

  @Test
  void rowOrderDoesNotMatter() {
    SlaReport expected = Sla.compute(D, Q);
    Random rnd = new Random(11);
    for (int i = 0; i < 5; i++) {
      List<Consumer<Dataset.Builder>> rows = rows();
      Collections.shuffle(rows, rnd);
      assertEquals(expected, Sla.compute(build(rows), Q));
    }
  }

  @Test
  void tallyMergeLaws() {
    List<FirstResponse> all = Sla.responses(D, Q);
    SlaTally whole = SlaTally.empty();
    all.forEach(whole::add);
    Random rnd = new Random(3);
    for (int i = 0; i < 10; i++) {
      SlaTally a = SlaTally.empty();
      SlaTally b = SlaTally.empty();
      SlaTally c = SlaTally.empty();
      for (FirstResponse r : all) {
        int k = rnd.nextInt(3);
        (k == 0 ? a : k == 1 ? b : c).add(r);
      }
      assertEquals(whole.result(), a.merge(b).merge(c).result());
      assertEquals(whole.byOwner(), c.merge(a.merge(b)).byOwner());
      assertEquals(whole.result(), b.merge(c).merge(a).result());
    }
    assertEquals(whole.result(), whole.merge(SlaTally.empty()).result());
    assertEquals(whole.byOwner(), SlaTally.empty().merge(whole).byOwner());
    assertEquals(whole.result(), Sla.tally(D, Q).result());
  }

  @Test
  void badQueriesAreExplained() {
    assertThrows(IllegalArgumentException.class, () -> Sla.compute(D, SlaQuery.of("LOST", Duration.ofHours(1), AS_OF)));
    assertThrows(IllegalArgumentException.class, () -> Sla.compute(D, SlaQuery.of("NOPE", Duration.ofHours(1), AS_OF)));
    assertThrows(IllegalArgumentException.class, () -> SlaQuery.of("MQL", Duration.ZERO, AS_OF));
    assertThrows(IllegalArgumentException.class, () -> SlaQuery.of("MQL", Duration.ofHours(1), null));
    Dataset noActivities = Dataset.builder()
        .lead(Lead.of("a", AS_OF, "seo")).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sla.compute(noActivities, Q));
    assertTrue(e.getMessage().contains("activities"), e.getMessage());
  }

  @Test
  void demoInvariants() {
    DemoData demo = DemoData.builder().leads(1500).build();
    Dataset d = demo.dataset();
    Instant asOf = demo.end().atStartOfDay(demo.zone()).toInstant().minus(Duration.ofDays(20));
    for (String stage : List.of("MQL", "SQL")) {
      SlaReport r = Sla.compute(d, SlaQuery.of(stage, Duration.ofHours(4), asOf));
      SlaStats t = r.total();
      assertTrue(t.leads() > 50, r.summary());
      assertEquals(t.leads(), t.within() + t.late() + t.overdue() + t.waiting());
      assertEquals(t.leads(), r.owners().stream().mapToLong(SlaStats::leads).sum());
      assertEquals(t.overdue(), r.overdue().size());
      assertTrue(t.shareWithin() >= 0 && t.shareWithin() <= 1);
      assertTrue(t.medianMinutes() <= t.p90Minutes() || Double.isNaN(t.p90Minutes()));
      assertTrue(r.toString().lines().findFirst().orElseThrow().length() <= 80, r.summary());
      for (OverdueLead o : r.stale().leads()) {
        assertTrue(o.waited().compareTo(SlaQuery.DEFAULT_STALE) > 0);
      }
    }
  }
}
