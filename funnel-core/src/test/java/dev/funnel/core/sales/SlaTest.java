package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant AS_OF = Instant.parse("2026-03-10T12:00:00Z");

  static Instant t(String s) {
    return Instant.parse(s + ":00Z");
  }

  static Lead lead(String id, String owner) {
    return new Lead(id, t("2026-02-01T00:00"), "seo", null, null, owner, null, Map.of());
  }

  static Dataset dataset() {
    return Dataset.builder()
        .lead(lead("a", "ann")).lead(lead("b", "ann")).lead(lead("c", "bob"))
        .lead(lead("d", "bob")).lead(lead("e", null)).lead(lead("f", "ann")).lead(lead("g", "bob"))
        .stageChange(StageChange.of("a", C.stage("MQL"), t("2026-03-01T10:00")))
        .stageChange(StageChange.of("b", C.stage("MQL"), t("2026-03-02T10:00")))
        .stageChange(StageChange.of("c", C.stage("MQL"), t("2026-03-09T20:00")))
        .stageChange(StageChange.of("d", C.stage("MQL"), t("2026-03-05T12:00")))
        .stageChange(StageChange.of("e", C.stage("MQL"), t("2026-03-01T00:00")))
        .stageChange(new StageChange("e", C.stage("LOST"), t("2026-03-02T00:00"), "unreachable", null, null))
        .stageChange(StageChange.of("f", C.stage("MQL"), t("2026-02-20T12:00")))
        .activity(new Activity("a", t("2026-03-01T12:00"), "call", "ann", null))
        .activity(new Activity("b", t("2026-03-04T10:00"), "email", "ann", null))
        .activity(new Activity("e", t("2026-02-28T00:00"), "call", null, null))
        .activity(new Activity("f", t("2026-02-20T13:00"), "call", "ann", null))
        .activity(new Activity("f", t("2026-02-21T12:00"), "email", "ann", null))
        .activity(new Activity("g", t("2026-03-03T12:00"), "call", "bob", null))
        .activity(new Activity("a", t("2026-03-11T12:00"), "call", "ann", "after as-of"))
        .build();
  }

  @Test
  void firstResponseSharesPerOwnerBreachesAndStaleLeads() {
    SlaReport r = Sales.sla(dataset(), SlaQuery.of(AS_OF));
    SlaRow all = r.total();
    assertEquals(List.of(6L, 3L, 2L, 1L, 2L, 1L), List.of(all.leads(), all.responded(),
        all.withinTarget(), all.late(), all.overdue(), all.pending()));
    assertEquals(0.4, all.shareWithin(), 1e-12);
    // KM: events at 1 h, 2 h, 48 h; censored 16 h, 120 h, 228 h: S(48) = 4/6 * 2/3 < 0.5
    assertEquals(48.0, all.medianHours(), 1e-12);
    assertEquals(List.of("(none)", "ann", "bob"), r.owners().stream().map(SlaRow::owner).toList());
    assertEquals(2.0 / 3, r.owners().get(1).shareWithin(), 1e-12);
    assertEquals(0.0, r.owners().get(2).shareWithin(), 1e-12);
    assertEquals(List.of(new SlaCase("d", "bob", t("2026-03-05T12:00"), 120.0)), r.breaches());
    assertEquals(List.of("f", "a"), r.stale().stream().map(SlaCase::leadId).toList());
    assertEquals(408.0, r.stale().get(0).hours(), 1e-9);
    String head = r.toString().lines().findFirst().orElseThrow();
    assertTrue(head.length() <= 80, head);
  }

  @Test
  void windowAndStageAndTarget() {
    SlaReport march = Sales.sla(dataset(), SlaQuery.of(AS_OF)
        .between(t("2026-03-01T00:00"), t("2026-03-10T00:00")).target(Duration.ofHours(72)));
    assertEquals(5, march.total().leads(), "f was handed off in February");
    assertEquals(2, march.total().withinTarget(), "a in 2 h, b in 48 h");
    assertEquals(0, Sales.sla(dataset(), SlaQuery.of(AS_OF).fromStage("SQL")).total().leads());
    assertThrows(IllegalArgumentException.class, () -> SlaQuery.of(AS_OF).target(Duration.ZERO));
    assertThrows(IllegalStateException.class, () -> Sales.sla(
        Dataset.builder().lead(lead("x", null)).build(), SlaQuery.of(AS_OF)));
  }

  @Test
  void workingTimeSkipsNightsWeekendsAndHolidays() {
    BusinessCalendar utc = BusinessCalendar.weekdays(ZoneOffset.UTC);
    // Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday
    assertEquals(Duration.ofHours(2), utc.between(t("2026-03-06T17:00"), t("2026-03-09T10:00")));
    assertEquals(Duration.ofHours(2), utc.withHolidays(Set.of(LocalDate.of(2026, 3, 9)))
        .between(t("2026-03-06T17:00"), t("2026-03-10T10:00")));
    assertEquals(Duration.ZERO, utc.between(t("2026-03-07T10:00"), t("2026-03-08T10:00")));
    assertEquals(Duration.ZERO, utc.between(t("2026-03-09T10:00"), t("2026-03-09T09:00")));
    // across the switch to summer time in Berlin (2026-03-29): still local 17:00 to 10:00
    BusinessCalendar berlin = BusinessCalendar.weekdays(ZoneId.of("Europe/Berlin"));
    assertEquals(Duration.ofHours(2),
        berlin.between(Instant.parse("2026-03-27T16:00:00Z"), Instant.parse("2026-03-30T08:00:00Z")));
    assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(
        EnumSet.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON, ZoneOffset.UTC, Set.of()));
  }

  @Test
  void slaInWorkingTime() {
    SlaReport r = Sales.sla(dataset(), SlaQuery.of(AS_OF).calendar(BusinessCalendar.weekdays(ZoneOffset.UTC)));
    assertTrue(r.businessHours());
    // b: Monday 10:00 to Wednesday 10:00 is 8 + 9 + 1 = 18 working hours: within 24
    assertEquals(3, r.owners().get(1).withinTarget());
  }
}
