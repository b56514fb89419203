package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cohorts by lead creation, first touch and SQL date. */
class CohortBasisTest {

  static Lead lead(String id, String created, String customer) {
    return new Lead(id, Instant.parse(created), "ads", null, null, null, customer, null);
  }

  static Dataset data() {
    Dataset.Builder b = Dataset.builder();
    b.lead(lead("l1", "2026-01-03T00:00:00Z", "A"));
    b.lead(lead("l2", "2026-01-20T00:00:00Z", "B"));
    b.lead(lead("l3", "2026-02-02T00:00:00Z", "C")); // never pays
    b.lead(lead("l4", "2025-12-30T00:00:00Z", "A")); // A's earliest lead
    b.touch(new Touch("l2", Instant.parse("2025-11-15T00:00:00Z"), "seo", null, TouchKind.ONLINE, null));
    b.touch(new Touch("l1", Instant.parse("2026-01-01T00:00:00Z"), "ads", null, TouchKind.ONLINE, null));
    StageCatalog cat = StageCatalog.DEFAULT;
    b.stageChange(new StageChange("l1", cat.stage("SQL"), Instant.parse("2026-02-10T00:00:00Z"), null, null, null));
    b.stageChange(new StageChange("l2", cat.stage("WON"), Instant.parse("2026-01-25T00:00:00Z"), null, null, null));
    b.stageChange(new StageChange("l3", cat.stage("MQL"), Instant.parse("2026-02-05T00:00:00Z"), null, null, null));
    b.payment(pay("A", "2026-01-10T00:00:00Z", "100"));
    b.payment(pay("A", "2026-03-10T00:00:00Z", "40"));
    b.payment(pay("B", "2026-02-10T00:00:00Z", "70"));
    b.payment(pay("E", "2026-02-11T00:00:00Z", "5")); // no lead: outside every lead cohort
    return b.build();
  }

  @Test
  void byLeadCreation() {
    CohortTable t = Cohorts.table(data(), Granularity.MONTH, CohortBasis.LEAD);
    assertEquals(3, t.cohorts().size());
    CohortRow dec = t.cohorts().get(0);
    assertEquals(Period.parse("2025-12"), dec.cohort());
    assertEquals(1, dec.size()); // A
    assertEquals(List.of(0L, 1L, 0L, 1L), dec.active());
    CohortRow jan = t.cohorts().get(1);
    assertEquals(1, jan.size()); // B
    assertEquals(List.of(0L, 1L, 0L), jan.active());
    assertEquals(0.0, jan.retention().get(0));
    CohortRow feb = t.cohorts().get(2);
    assertEquals(1, feb.size()); // C never pays
    assertEquals(List.of(0L, 0L), feb.active());
    assertEquals(1, t.customersOutside()); // E
    assertEquals(0, new BigDecimal("5").compareTo(t.revenueOutside()));
  }

  @Test
  void byFirstTouchAndBySql() {
    CohortTable touch = Cohorts.table(data(), Granularity.MONTH, CohortBasis.TOUCH);
    assertEquals(List.of(Period.parse("2025-11"), Period.parse("2026-01")),
        touch.cohorts().stream().map(CohortRow::cohort).toList());
    assertEquals(1, touch.customersOutside()); // E pays without a lead; C (no touch) never pays
    CohortTable sql = Cohorts.table(data(), Granularity.MONTH, CohortBasis.SQL);
    // B reached WON (SQL skipped) in January; A reached SQL in February; C only MQL
    assertEquals(List.of(Period.parse("2026-01"), Period.parse("2026-02")),
        sql.cohorts().stream().map(CohortRow::cohort).toList());
    CohortRow feb = sql.cohorts().get(1);
    assertEquals(1, feb.size());
    assertEquals(1, sql.paymentsBeforeCohort()); // A's January payment precedes its SQL month
    assertEquals(List.of(0L, 1L), feb.active());
  }

  @Test
  void anchoredStatesMergeLikeTheWhole() {
    ZoneId zone = ZoneId.of("UTC");
    List<Payment> pays = CohortFixtures.random(3, 200);
    Random rnd = new Random(4);
    List<Object[]> anchors = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      anchors.add(new Object[] {"c" + rnd.nextInt(60),
          Instant.parse("2024-10-01T00:00:00Z").plusSeconds(rnd.nextInt(600) * 86400L)});
    }
    CohortState whole = Cohorts.empty(Granularity.MONTH, zone, CohortBasis.LEAD);
    CohortState a = Cohorts.empty(Granularity.MONTH, zone, CohortBasis.LEAD);
    CohortState b = Cohorts.empty(Granularity.MONTH, zone, CohortBasis.LEAD);
    for (int i = 0; i < anchors.size(); i++) {
      whole.anchor((String) anchors.get(i)[0], (Instant) anchors.get(i)[1]);
      (i % 3 == 0 ? a : b).anchor((String) anchors.get(i)[0], (Instant) anchors.get(i)[1]);
    }
    for (int i = 0; i < pays.size(); i++) {
      whole.add(pays.get(i));
      (i % 2 == 0 ? a : b).add(pays.get(i));
    }
    assertEquals(whole.result(), b.merge(a).result());
    assertEquals(whole.result(), a.merge(b).result());
  }

  @Test
  void badUse() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Cohorts.empty(Granularity.MONTH, ZoneId.of("UTC"))
            .anchor("x", Instant.EPOCH));
    assertThrows(IllegalArgumentException.class, () -> CohortBasis.parse("visit"));
    assertEquals(CohortBasis.SQL, CohortBasis.parse("Sql"));
  }

  /** The per-lead step over each lead's rows at once gives the state the table builds row by row. */
  @Test
  void anchorLeadPerLeadGroupEqualsTheTable() {
    Dataset d = data();
    for (CohortBasis basis : List.of(CohortBasis.LEAD, CohortBasis.TOUCH, CohortBasis.SQL)) {
      CohortState s = Cohorts.empty(Granularity.MONTH, d.zone(), basis);
      for (Lead l : d.leads()) {
        Cohorts.anchorLead(s, l.id(), l, d.touchesOf(l.id()), d.stagesOf(l.id()), d.catalog());
      }
      d.payments().forEach(s::add);
      assertEquals(Cohorts.table(d, Granularity.MONTH, basis), s.result(), basis.label());
    }
  }

  @Test
  void anchorLeadAnchorsTheLeadsCustomerAtItsEarliestEvent() {
    ZoneId utc = ZoneId.of("UTC");
    StageCatalog cat = StageCatalog.DEFAULT;
    Lead l = lead("l9", "2026-03-01T00:00:00Z", "A");
    List<Touch> touches = List.of(
        Touch.of("l9", Instant.parse("2026-02-10T00:00:00Z"), "ads"),
        Touch.of("l9", Instant.parse("2026-01-31T23:00:00Z"), "seo"));
    CohortState byTouch = Cohorts.anchorLead(Cohorts.empty(Granularity.MONTH, utc, CohortBasis.TOUCH),
        "l9", l, touches, List.of(), cat);
    assertEquals(Cohorts.empty(Granularity.MONTH, utc, CohortBasis.TOUCH)
        .anchor("A", Instant.parse("2026-01-15T00:00:00Z"))
        .anchor("A", Instant.parse("2026-02-01T00:00:00Z")), byTouch,
        "customer A in January; the February touch extends the last period only");
    // a lead missing from the leads table is its own customer
    assertEquals(Cohorts.empty(Granularity.MONTH, utc, CohortBasis.TOUCH)
            .anchor("l9", Instant.parse("2026-01-31T23:00:00Z"))
            .anchor("l9", Instant.parse("2026-02-28T00:00:00Z")),
        Cohorts.anchorLead(Cohorts.empty(Granularity.MONTH, utc, CohortBasis.TOUCH), "l9", null,
            touches, List.of(), cat));
    // SQL basis: an exit and an earlier stage do not anchor; SQL and later stages do
    List<StageChange> changes = List.of(
        StageChange.of("l9", cat.stage("MQL"), Instant.parse("2026-01-05T00:00:00Z")),
        StageChange.of("l9", cat.stage("LOST"), Instant.parse("2026-02-05T00:00:00Z")),
        StageChange.of("l9", cat.stage("WON"), Instant.parse("2026-04-05T00:00:00Z")));
    assertEquals(Cohorts.empty(Granularity.MONTH, utc, CohortBasis.SQL)
            .anchor("A", Instant.parse("2026-04-01T00:00:00Z")),
        Cohorts.anchorLead(Cohorts.empty(Granularity.MONTH, utc, CohortBasis.SQL), "l9", l,
            List.of(), changes, cat));
    assertThrows(IllegalArgumentException.class, () -> Cohorts.anchorLead(
        Cohorts.empty(Granularity.MONTH, utc), "l9", l, touches, List.of(), cat));
    StageCatalog noSql = StageCatalog.of(List.of("NEW", "WON"), List.of("LOST"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cohorts.anchorLead(
        Cohorts.empty(Granularity.MONTH, utc, CohortBasis.SQL), "l9", l, List.of(),
        List.of(StageChange.of("l9", noSql.stage("WON"), Instant.parse("2026-04-05T00:00:00Z"))), noSql));
    assertEquals("the stage catalog has no SQL stage: " + noSql, e.getMessage());
  }
}
