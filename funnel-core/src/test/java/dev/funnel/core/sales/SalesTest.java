package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SalesTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant AS_OF = at("2026-03-01");

  static Instant at(String day) {
    return Instant.parse(day + "T12:00:00Z");
  }

  static StageChange move(String lead, String stage, String day, String amount, String reason) {
    return new StageChange(lead, C.stage(stage), at(day), reason,
        amount == null ? null : Money.of(amount), null);
  }

  static StageChange move(String lead, String stage, String day) {
    return move(lead, stage, day, null, null);
  }

  static List<Object> rows() {
    List<Object> r = new ArrayList<>();
    for (String id : List.of("w1", "w2", "l1", "l2", "r1", "o1", "o2")) {
      r.add(Lead.of(id, at("2026-01-01"), "seo"));
    }
    r.add(move("w1", "SQL", "2026-01-05", "1000", null));
    r.add(move("w1", "OPPORTUNITY", "2026-01-10", "1200", null));
    r.add(move("w1", "WON", "2026-01-20", "1500", null));
    r.add(move("w2", "SQL", "2026-01-03"));
    r.add(move("w2", "WON", "2026-02-02", "500", null));
    r.add(move("l1", "SQL", "2026-01-04"));
    r.add(move("l1", "OPPORTUNITY", "2026-01-08", "800", null));
    r.add(move("l1", "PROPOSAL", "2026-01-20"));
    r.add(move("l1", "LOST", "2026-01-30", null, "competitor"));
    r.add(move("l2", "MQL", "2026-01-02"));
    r.add(move("l2", "SQL", "2026-01-06"));
    r.add(move("l2", "LOST", "2026-01-07", null, "no_budget"));
    r.add(move("r1", "MQL", "2026-01-03"));
    r.add(move("r1", "RETURNED", "2026-01-09", null, "Not_Ready"));
    r.add(move("o1", "SQL", "2026-01-10"));
    r.add(move("o1", "OPPORTUNITY", "2026-01-15", "2000", null));
    r.add(move("o1", "PROPOSAL", "2026-02-01", "2500", null));
    r.add(move("o2", "SQL", "2026-02-01"));
    r.add(move("o2", "NEGOTIATION", "2026-02-10", "3000", null));
    r.add(new Payment("p1", "w1", null, at("2026-01-25"), Money.of("1500"), null));
    r.add(new Payment("p2", "w2", null, at("2026-02-12"), Money.of("500"), null));
    r.add(new Payment("p3", "w2", null, at("2026-02-20"), Money.of("-50"), null));
    return r;
  }

  static Dataset dataset(long shuffle) {
    List<Object> r = rows();
    if (shuffle != 0) {
      Collections.shuffle(r, new Random(shuffle));
    }
    Dataset.Builder b = Dataset.builder();
    for (Object o : r) {
      if (o instanceof Lead l) {
        b.lead(l);
      } else if (o instanceof StageChange s) {
        b.stageChange(s);
      } else {
        b.payment((Payment) o);
      }
    }
    return b.build();
  }

  @Test
  void winRateFromSqlAndFromOpportunityByCountAndValue() {
    Dataset d = dataset(0);
    WinRate sql = Sales.winRate(d, "sql", null, null);
    assertEquals("SQL", sql.base());
    assertEquals(List.of(6L, 2L, 2L, 2L), List.of(sql.reached(), sql.won(), sql.lost(), sql.open()));
    assertEquals(0.5, sql.byCount());
    assertEquals(0, new BigDecimal("2000").compareTo(sql.wonValue()));
    assertEquals(0, new BigDecimal("800").compareTo(sql.lostValue()));
    assertEquals(2000.0 / 2800, sql.byValue(), 1e-12);
    WinRate opp = Sales.winRate(d, "OPPORTUNITY", null, null);
    assertEquals(5, opp.reached(), "w2 reached OPPORTUNITY by skipping it");
    assertEquals(2.0 / 3, opp.byCount(), 1e-12);
    // as of 2026-01-25 w2 is still open, l1 not yet lost, o2 not yet SQL
    WinRate early = Sales.winRate(d, "SQL", null, null, at("2026-01-25"));
    assertEquals(List.of(5L, 1L, 1L), List.of(early.reached(), early.won(), early.lost()));
    // window on the SQL hand-off: only o2 reached SQL in February
    WinRate feb = Sales.winRate(d, "SQL", at("2026-02-01"), at("2026-03-01"));
    assertEquals(1, feb.reached());
    assertTrue(Double.isNaN(feb.byCount()));
    assertThrows(IllegalArgumentException.class, () -> Sales.winRate(d, "LOST", null, null));
    assertThrows(IllegalArgumentException.class, () -> Sales.winRate(d, "NOPE", null, null));
  }

  @Test
  void winRateTallyLaws() {
    Random r = new Random(3);
    Outcome[] o = Outcome.values();
    WinRateTally whole = WinRateTally.empty("SQL");
    WinRateTally[] parts = {WinRateTally.empty("SQL"), WinRateTally.empty("SQL"), WinRateTally.empty("SQL")};
    for (int i = 0; i < 300; i++) {
      Outcome x = o[r.nextInt(o.length)];
      BigDecimal v = r.nextInt(4) == 0 ? null : BigDecimal.valueOf(r.nextInt(100_000), 2);
      whole.add(x, v);
      parts[r.nextInt(3)].add(x, v);
    }
    WinRate expect = whole.result();
    assertEquals(expect, parts[0].merge(parts[1]).merge(parts[2]).result());
    assertEquals(expect, parts[2].merge(parts[1].merge(parts[0])).result());
    assertEquals(expect, WinRateTally.empty("SQL").merge(whole).result());
    assertEquals(300, expect.reached());
    assertThrows(IllegalArgumentException.class, () -> whole.merge(WinRateTally.empty("MQL")));
  }

  @Test
  void averageDealIsTheMeanWonAmount() {
    DealSize s = Sales.dealSize(dataset(0), null, null);
    assertEquals(2, s.won());
    assertEquals(0, new BigDecimal("2000").compareTo(s.total()));
    assertEquals(1000.0, s.average());
    assertEquals(1, Sales.dealSize(dataset(0), at("2026-02-01"), null).won());
    assertTrue(Double.isNaN(Sales.dealSize(dataset(0), at("2026-03-01"), null).average()));
  }

  @Test
  void aDealWonAtTheAsOfInstantCountsInEveryFigure() {
    // w2 is won at 2026-02-02T12:00Z: as of that very instant it is won everywhere
    Instant asOf = at("2026-02-02");
    Dataset d = dataset(0);
    assertEquals(2, Sales.winRate(d, "SQL", null, null, asOf).won());
    DealSize s = Sales.dealSize(d, null, null, asOf);
    assertEquals(2, s.won());
    assertEquals(1000.0, s.average());
    assertEquals(1000.0, Sales.velocity(d, asOf).averageDeal());
    // a nanosecond earlier it is not won yet
    assertEquals(1, Sales.dealSize(d, null, null, asOf.minusNanos(1)).won());
    assertEquals(1500.0, Sales.velocity(d, asOf.minusNanos(1)).averageDeal());
    // the window still bounds the won time: [from, to) half-open
    assertEquals(1, Sales.dealSize(d, at("2026-02-01"), at("2026-03-01"), asOf).won());
    assertEquals(0, Sales.dealSize(d, at("2026-02-01"), asOf, asOf).won());
  }

  @Test
  void salesCycleCensorsOpenDealsAndLeavesOutLostOnes() {
    SalesCycle c = Sales.cycle(dataset(0), AS_OF);
    assertEquals(2, c.paid());
    assertEquals(2, c.censored());
    assertEquals(2, c.excluded());
    // events at 20 and 40 days, censored at 28 and 50: S(20) = 3/4, S(40) = 3/4 * 1/2
    assertEquals(0.75, c.curve().survival(20), 1e-12);
    assertEquals(0.375, c.curve().survival(40), 1e-12);
    assertEquals(40.0, c.medianDays());
    assertTrue(Double.isNaN(c.p75Days()));
    // dropping the open deals instead would give a median of 20: censoring matters
    SalesCycle before = Sales.cycle(dataset(0), at("2026-02-01"));
    assertEquals(1, before.paid());
  }

  @Test
  void timeInStageFromActualEntriesWithCensoring() {
    TimeInStages t = Sales.timeInStages(dataset(0), AS_OF);
    StageTime sql = t.stages().get(2);
    assertEquals(List.of(6L, 6L, 0L), List.of(sql.stays(), sql.completed(), sql.censored()));
    assertEquals(5.0, sql.medianDays());
    assertEquals(9.0, sql.p75Days());
    StageTime mql = t.stages().get(1);
    assertEquals(2, mql.stays());
    assertEquals(4.0, mql.medianDays());
    StageTime neg = t.stages().get(6);
    assertEquals(List.of(1L, 0L, 1L), List.of(neg.stays(), neg.completed(), neg.censored()));
    assertTrue(Double.isNaN(neg.medianDays()));
    StageTime sal = t.stages().get(3);
    assertEquals(0, sal.stays(), "nobody actually entered SAL");
    assertEquals(7, t.stages().get(0).stays());
  }

  @Test
  void exitReasonsEarlyAndLate() {
    ExitReasons r = Sales.reasons(dataset(0), null, null);
    assertEquals(3, r.exits());
    assertEquals(List.of(
        new ReasonCount("LOST", "competitor", 1, 0.5, 0, 1),
        new ReasonCount("LOST", "no_budget", 1, 0.5, 1, 0),
        new ReasonCount("RETURNED", "not_ready", 1, 1.0, 1, 0)), r.reasons());
    assertEquals(1, Sales.reasons(dataset(0), at("2026-01-08"), at("2026-01-10")).exits());
  }

  @Test
  void pipelineWeightedByLearnedStageProbabilities() {
    Pipeline p = Sales.pipeline(dataset(0), AS_OF, new BigDecimal("11000"));
    assertEquals(2, p.deals());
    assertEquals(0, new BigDecimal("5500").compareTo(p.value()));
    assertEquals(0.5, p.coverage(), 1e-12);
    PipelineStage proposal = p.stages().get(1);
    assertEquals("PROPOSAL", proposal.stage());
    assertEquals(2.0 / 3, proposal.winProbability(), 1e-12);
    assertEquals(1.0, p.stages().get(2).winProbability(), 1e-12);
    assertEquals(2500 * 2.0 / 3 + 3000, p.weighted(), 1e-9);
    assertTrue(Double.isNaN(Sales.pipeline(dataset(0), AS_OF, null).coverage()));
    Dataset planned = Dataset.builder().table(dev.funnel.core.DatasetTable.STAGES).lead(dev.funnel.core.Lead.of("z", AS_OF, "seo"))
        .planTarget(new dev.funnel.core.PlanTarget(dev.funnel.core.Period.parse("2026-03"), "revenue",
            new BigDecimal("100"), null))
        .build();
    assertEquals(0, Sales.pipelineAgainstPlan(planned, AS_OF, dev.funnel.core.Period.parse("2026-03")).plan()
        .compareTo(new BigDecimal("100")));
    assertTrue(Double.isNaN(Sales.pipelineAgainstPlan(planned, AS_OF, dev.funnel.core.Period.parse("2026-04")).coverage()));
    // as of mid-January o1 sits in OPPORTUNITY with 2000
    Pipeline jan = Sales.pipeline(dataset(0), at("2026-01-16"), null);
    assertEquals(3, jan.deals()); // o1 2000, w1 1200, l1 800
    assertEquals(0, new BigDecimal("4000").compareTo(jan.value()));
  }

  @Test
  void velocityIsOpportunitiesTimesWinRateTimesDealOverCycle() {
    SalesVelocity v = Sales.velocity(dataset(0), AS_OF);
    assertEquals(2, v.opportunities());
    assertEquals(2 * (2.0 / 3) * 1000 / 40, v.perDay(), 1e-9);
  }

  @Test
  void resultsDoNotDependOnRowOrder() {
    for (long seed = 1; seed <= 5; seed++) {
      Dataset d = dataset(seed);
      assertEquals(Sales.winRate(dataset(0), "SQL", null, null), Sales.winRate(d, "SQL", null, null));
      assertEquals(Sales.cycle(dataset(0), AS_OF), Sales.cycle(d, AS_OF));
      assertEquals(Sales.timeInStages(dataset(0), AS_OF), Sales.timeInStages(d, AS_OF));
      assertEquals(Sales.reasons(dataset(0), null, null), Sales.reasons(d, null, null));
      assertEquals(Sales.pipeline(dataset(0), AS_OF, BigDecimal.TEN), Sales.pipeline(d, AS_OF, BigDecimal.TEN));
    }
  }

  @Test
  void missingAsOfIsAnIllegalArgument() {
    Dataset d = dataset(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sales.cycle(d, (Instant) null));
    assertTrue(e.getMessage().contains("as-of"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sales.pipeline(d, null, null));
    assertThrows(IllegalArgumentException.class, () -> Sales.timeInStages(d, null));
  }

  @Test
  void summariesFitOneLine() {
    Dataset d = dataset(0);
    for (Object o : List.of(Sales.winRate(d, "SQL", null, null), Sales.dealSize(d, null, null),
        Sales.cycle(d, AS_OF), Sales.timeInStages(d, AS_OF), Sales.reasons(d, null, null),
        Sales.pipeline(d, AS_OF, BigDecimal.TEN), Sales.velocity(d, AS_OF))) {
      String head = o.toString().lines().findFirst().orElseThrow();
      assertTrue(head.length() <= 80, head);
    }
  }
}
