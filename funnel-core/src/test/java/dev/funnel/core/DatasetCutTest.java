package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A dataset as it stood at an instant ({@link DatasetCut}). */
class DatasetCutTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Dataset DEMO = DemoData.builder().seed(9).leads(2_000).zone(BERLIN).build().dataset();
  static final Period MARCH = Period.parse("2026-03");
  static final Instant END_OF_MARCH = MARCH.endInstant(BERLIN).minusNanos(1);

  @Test
  void theWholeCutKeepsEveryRowAtOrBeforeTheInstant() {
    Instant asOf = Instant.parse("2026-04-10T12:00:00Z");
    Dataset cut = DatasetCut.asOf(DEMO, asOf);
    assertEquals(DEMO.tables(), cut.tables());
    assertEquals(DEMO.leads().stream().filter(l -> !l.createdAt().isAfter(asOf)).count(), cut.leads().size());
    assertEquals(DEMO.stages().stream().filter(s -> !s.at().isAfter(asOf)).count(), cut.stages().size());
    assertEquals(DEMO.payments().stream().filter(p -> !p.paidAt().isAfter(asOf)).count(),
        cut.payments().size());
    LocalDate day = LocalDate.ofInstant(asOf, BERLIN);
    assertTrue(cut.spend().stream().allMatch(s -> !s.date().isAfter(day)));
    assertTrue(cut.spend().stream().anyMatch(s -> s.date().equals(day)), "spend of the as-of day counts");
    assertEquals(DEMO.plan(), cut.plan());
    // a row at the instant itself is kept
    StageChange first = DEMO.stages().get(0);
    assertTrue(DatasetCut.asOf(DEMO, first.at()).stages().contains(first));
  }

  @Test
  void aCohortAsOfAnInstantCountsTheStagesItsLeadsHadReached() {
    Instant from = MARCH.startInstant(BERLIN);
    Instant to = MARCH.endInstant(BERLIN);
    Dataset cohort = DatasetCut.cohort(DEMO, from, to, END_OF_MARCH);
    Dataset whole = DatasetCut.asOf(DEMO, END_OF_MARCH);
    FunnelQuery q = FunnelQuery.cohort().by(Dimension.CHANNEL);
    // the same counts (the reports differ only in the query they state)
    assertEquals(StageFunnel.compute(whole, q.between(from, to)).groups(),
        StageFunnel.compute(cohort, q).groups());
    ConversionMatrix a = StageFunnel.matrix(cohort, q, 0.05);
    ConversionMatrix b = StageFunnel.matrix(whole, q.between(from, to), 0.05);
    assertEquals(b.cells(), a.cells());
    // without the cut the same leads have gone further: the as-of instant matters
    assertFalse(StageFunnel.compute(DEMO, q.between(from, to)).groups()
        .equals(StageFunnel.compute(cohort, q).groups()));
    assertTrue(cohort.leads().stream().allMatch(l -> MARCH.contains(l.createdAt(), BERLIN)));
    assertFalse(cohort.has(DatasetTable.PAYMENTS));
  }
}
