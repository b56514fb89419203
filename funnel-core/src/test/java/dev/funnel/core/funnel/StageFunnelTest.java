package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StageFunnelTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");

  static Instant at(String day) {
    return Instant.parse(day + "T12:00:00Z");
  }

  static StageChange move(String lead, String stage, String day) {
    return StageChange.of(lead, C.stage(stage), at(day));
  }

  /**
   * a: MQL, SQL, then LOST. b: skips MQL (SQL) and SAL..NEGOTIATION (WON). c: nothing.
   * d: created before the window, MQL inside it. e: RETURNED, then MQL.
   */
  static Dataset handBuilt() {
    return Dataset.builder()
        .lead(new Lead("a", at("2026-01-05"), "seo", null, "smb", "ann", null, Map.of()))
        .lead(new Lead("b", at("2026-01-20"), "paid_search", null, "mid", "bob", null, Map.of()))
        .lead(new Lead("c", at("2026-02-01"), "seo", null, null, "ann", null, Map.of()))
        .lead(new Lead("d", at("2025-12-20"), "seo", null, "smb", null, null, Map.of()))
        .lead(new Lead("e", at("2026-03-15"), null, null, "smb", "bob", null, Map.of()))
        .stageChange(move("a", "MQL", "2026-01-10"))
        .stageChange(move("a", "SQL", "2026-02-03"))
        .stageChange(move("a", "LOST", "2026-02-10"))
        .stageChange(move("b", "SQL", "2026-01-25"))
        .stageChange(move("b", "WON", "2026-03-02"))
        .stageChange(move("d", "MQL", "2026-01-03"))
        .stageChange(move("e", "RETURNED", "2026-03-20"))
        .stageChange(move("e", "MQL", "2026-03-25"))
        .build();
  }

  static List<Long> counts(List<StageCount> rows) {
    return rows.stream().map(StageCount::count).collect(Collectors.toList());
  }

  @Test
  void eventBasisCountsHandOffsByMonthIncludingSkippedStages() {
    FunnelReport r = StageFunnel.compute(handBuilt(),
        FunnelQuery.event().between(JAN, APR).per(Granularity.MONTH));
    assertEquals(Basis.EVENT, r.basis());
    // LEAD a,b,c,e (d was created in December); MQL a,b(skipped, at SQL),d,e; SQL a,b; b alone won
    assertEquals(List.of(4L, 4L, 2L, 1L, 1L, 1L, 1L, 1L), counts(r.stages()));
    assertEquals(List.of("2026-01", "2026-02", "2026-03"),
        r.periods().stream().map(PeriodFunnel::period).collect(Collectors.toList()));
    assertEquals(List.of(2L, 3L, 1L, 0L, 0L, 0L, 0L, 0L), counts(r.periods().get(0).stages()));
    assertEquals(List.of(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L), counts(r.periods().get(1).stages()));
    assertEquals(List.of(1L, 1L, 0L, 1L, 1L, 1L, 1L, 1L), counts(r.periods().get(2).stages()));
    assertEquals(1.0, r.stages().get(1).conversionFromPrevious());
    assertEquals(0.5, r.stages().get(2).conversionFromPrevious());
    assertEquals(0.25, r.stages().get(7).conversionFromFirst());
    assertTrue(Double.isNaN(r.stages().get(0).conversionFromPrevious()));
    assertEquals(0.25, r.conversion("mql", "won"));
    // February: no MQL, so SQL / MQL is undefined
    assertTrue(Double.isNaN(r.periods().get(1).stages().get(2).conversionFromPrevious()));
    assertTrue(r.groups().isEmpty());
  }

  @Test
  void cohortBasisCountsWhatLeadsCreatedInTheWindowReached() {
    FunnelReport r = StageFunnel.compute(handBuilt(),
        FunnelQuery.cohort().between(JAN, APR).per(Granularity.MONTH));
    assertEquals(Basis.COHORT, r.basis());
    assertEquals(List.of(4L, 3L, 2L, 1L, 1L, 1L, 1L, 1L), counts(r.stages()));
    assertEquals(List.of(2L, 2L, 2L, 1L, 1L, 1L, 1L, 1L), counts(r.periods().get(0).stages()));
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), counts(r.periods().get(1).stages()));
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L), counts(r.periods().get(2).stages()));
    // within 30 days: a's SQL came 29 days after creation, b's WON 41 days after
    FunnelReport w = StageFunnel.compute(handBuilt(),
        FunnelQuery.cohort().between(JAN, APR).within(Duration.ofDays(30)));
    assertEquals(List.of(4L, 3L, 2L, 0L, 0L, 0L, 0L, 0L), counts(w.stages()));
  }

  @Test
  void breakdownByOneAndTwoDimensions() {
    FunnelReport r = StageFunnel.compute(handBuilt(),
        FunnelQuery.event().between(JAN, APR).by(Dimension.CHANNEL));
    assertEquals(List.of("(none)", "paid_search", "seo"),
        r.groups().stream().map(GroupFunnel::key).collect(Collectors.toList()));
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L), counts(r.groups().get(0).stages()));
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L), counts(r.groups().get(1).stages()));
    assertEquals(List.of(2L, 2L, 1L, 0L, 0L, 0L, 0L, 0L), counts(r.groups().get(2).stages()));

    FunnelReport two = StageFunnel.compute(handBuilt(),
        FunnelQuery.cohort().by(Dimension.SEGMENT, Dimension.OWNER).per(Granularity.QUARTER));
    assertEquals(List.of("(none) / ann", "mid / bob", "smb / (none)", "smb / ann", "smb / bob"),
        two.groups().stream().map(GroupFunnel::key).collect(Collectors.toList()));
    assertEquals(List.of("smb", "(none)"), two.groups().get(2).values());
    // d was created in 2025-Q4: every group lists both quarters
    assertEquals(2, two.groups().get(0).periods().size());
    assertEquals(List.of("2025-Q4", "2026-Q1"),
        two.periods().stream().map(PeriodFunnel::period).collect(Collectors.toList()));
  }

  @Test
  void emptyPeriodsBetweenFirstAndLastAreListed() {
    Dataset d = Dataset.builder().table(DatasetTable.STAGES)
        .lead(Lead.of("x", at("2026-01-02"), "seo"))
        .lead(Lead.of("y", at("2026-01-20"), "seo"))
        .build();
    FunnelReport r = StageFunnel.compute(d, FunnelQuery.event().per(Granularity.WEEK));
    assertEquals(List.of("2026-W01", "2026-W02", "2026-W03", "2026-W04"),
        r.periods().stream().map(PeriodFunnel::period).collect(Collectors.toList()));
    assertEquals(0L, r.periods().get(1).stages().get(0).count());
    assertTrue(Double.isNaN(r.periods().get(1).stages().get(0).conversionFromFirst()));
  }

  @Test
  void periodsAreCalendarPeriodsInTheDatasetZone() {
    Dataset d = Dataset.builder().zone(ZoneId.of("Europe/Berlin")).table(DatasetTable.STAGES)
        .lead(Lead.of("x", Instant.parse("2026-01-31T23:30:00Z"), "seo"))
        .build();
    FunnelReport r = StageFunnel.compute(d, FunnelQuery.event().per(Granularity.MONTH));
    assertEquals(Period.parse("2026-02"), r.periods().get(0).calendarPeriod());
  }

  @Test
  void windowIsHalfOpen() {
    Instant created = Instant.parse("2026-02-01T00:00:00Z");
    Dataset d = Dataset.builder().table(DatasetTable.STAGES).lead(Lead.of("x", created, "seo")).build();
    assertEquals(0L, StageFunnel.compute(d, FunnelQuery.event().between(JAN, created)).count("LEAD"));
    assertEquals(1L, StageFunnel.compute(d, FunnelQuery.event().between(created, APR)).count("LEAD"));
  }

  @Test
  void reachedAtIsTheSuffixMinimumAndCreationForTheFirstStage() {
    Dataset d = handBuilt();
    LeadReach b = LeadReach.of(d, d.lead("b"));
    assertEquals(at("2026-01-20"), b.reachedAt(C.stage("LEAD")));
    assertEquals(at("2026-01-25"), b.reachedAt(C.stage("MQL")));
    assertEquals(at("2026-03-02"), b.reachedAt(C.stage("SAL")));
    assertEquals(7, b.furthest());
    LeadReach a = LeadReach.of(d, d.lead("a"));
    assertEquals(2, a.furthest());
    assertEquals(null, a.reachedAt(C.stage("SAL")));
    assertThrows(IllegalArgumentException.class, () -> a.reachedAt(C.stage("LOST")));
  }

  @Test
  void theFirstStageIsReachedAtCreationEvenWhenAChangeWasRecordedEarlier() {
    Dataset d = Dataset.builder()
        .lead(Lead.of("x", at("2026-02-10"), "seo"))
        .stageChange(move("x", "MQL", "2026-01-28"))
        .build();
    LeadReach r = LeadReach.of(d, d.lead("x"));
    assertEquals(at("2026-02-10"), r.reachedAt(0));
    assertEquals(at("2026-01-28"), r.reachedAt(1));
    FunnelReport ev = StageFunnel.compute(d, FunnelQuery.event().per(Granularity.MONTH));
    assertEquals(List.of(0L, 1L), List.of(ev.periods().get(0).stages().get(0).count(),
        ev.periods().get(0).stages().get(1).count()));
    assertEquals(List.of(1L, 0L), List.of(ev.periods().get(1).stages().get(0).count(),
        ev.periods().get(1).stages().get(1).count()));
    FunnelReport co = StageFunnel.compute(d, FunnelQuery.cohort().within(Duration.ofDays(1)));
    assertEquals(List.of(1L, 1L, 0L), counts(co.stages()).subList(0, 3));
  }

  @Test
  void invalidQueriesAreRejectedWithAReason() {
    assertThrows(IllegalArgumentException.class, () -> FunnelQuery.event().within(Duration.ofDays(3)));
    assertThrows(IllegalArgumentException.class,
        () -> FunnelQuery.event().by(Dimension.CHANNEL, Dimension.CHANNEL));
    assertThrows(IllegalArgumentException.class,
        () -> FunnelQuery.event().by(Dimension.CHANNEL, Dimension.OWNER, Dimension.SEGMENT));
    assertThrows(IllegalArgumentException.class, () -> FunnelQuery.event().between(APR, JAN));
    assertThrows(IllegalArgumentException.class, () -> StageFunnel.compute(handBuilt(),
        FunnelQuery.event()).conversion("LEAD", "NOPE"));
    assertThrows(IllegalStateException.class,
        () -> StageFunnel.compute(Dataset.builder().build(), FunnelQuery.event()));
    IllegalStateException noStages = assertThrows(IllegalStateException.class, () -> StageFunnel
        .compute(Dataset.builder().lead(Lead.of("x", JAN, "seo")).build(), FunnelQuery.event()));
    assertTrue(noStages.getMessage().contains("stages"), noStages.getMessage());
  }

  @Test
  void toStringIsASummaryAndATable() {
    String s = StageFunnel.compute(handBuilt(), FunnelQuery.event()).toString();
    String first = s.substring(0, s.indexOf('\n'));
    assertTrue(first.length() <= 80, first);
    assertTrue(first.contains("event basis"), first);
    assertTrue(s.contains("NEGOTIATION"), s);
  }
}
