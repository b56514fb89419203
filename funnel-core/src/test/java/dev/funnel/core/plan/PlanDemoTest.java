package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of plan vs actual on the demo dataset (its monthly plan). */
class PlanDemoTest {

  static final DemoData DEMO = DemoData.builder().leads(2000).build();
  static final Dataset D = DEMO.dataset();

  @Test
  void everyMonthIsPlannedAndCountedIndependently() {
    Period first = Period.of(Granularity.MONTH, DEMO.start());
    for (Period m = first; m.start().isBefore(DEMO.end()); m = m.next()) {
      PlanReport r = PlanFact.compute(D, m);
      assertTrue(r.summary().length() <= 80, r.summary());
      for (PlanRow row : r.rows()) {
        assertNotEquals(PlanStatus.UNKNOWN, row.status(), row.toString());
        assertTrue(!Double.isNaN(row.plan()), row.toString());
      }
      Period month = m;
      long leads = D.leads().stream().map(Lead::createdAt)
          .filter(t -> month.contains(t, D.zone())).count();
      assertEquals(leads, r.row("leads").actual(), m.label());
    }
  }

  @Test
  void quarterIsTheSumOfItsMonths() {
    Period q = Period.of(Granularity.QUARTER, DEMO.start());
    PlanReport quarter = PlanFact.compute(D, q);
    for (String metric : List.of("leads", "mql", "sql", "won", "revenue", "spend")) {
      double plan = 0;
      double actual = 0;
      for (int i = 0; i < 3; i++) {
        PlanRow row = PlanFact.compute(D, Period.of(Granularity.MONTH, q.start()).plus(i)).row(metric);
        plan += row.plan();
        actual += row.actual();
      }
      assertEquals(plan, quarter.row(metric).plan(), 1e-6 * Math.abs(plan), metric);
      assertEquals(actual, quarter.row(metric).actual(), 1e-6 * Math.max(1, Math.abs(actual)), metric);
      // the last month's quarter-to-date is the whole quarter
      PlanRow last = PlanFact.compute(D, Period.of(Granularity.MONTH, q.start()).plus(2)).row(metric);
      assertEquals(quarter.row(metric).actual(), last.qtdActual(), 1e-6 * Math.max(1, Math.abs(actual)), metric);
      assertEquals(quarter.row(metric).plan(), last.qtdPlan(), 1e-6 * Math.abs(plan), metric);
    }
  }

  @Test
  void runRateOfAFinishedMonthEqualsItsActualAndWeeksProRate() {
    Period m = Period.of(Granularity.MONTH, DEMO.start()).plus(4);
    Instant mid = m.startInstant(D.zone()).plusSeconds(86_400L * 10);
    PlanReport r = PlanFact.compute(D, m, PlanOptions.defaults().asOf(mid));
    assertEquals(10.0 / m.lengthInDays(), r.elapsed(), 1e-12);
    PlanRow leads = r.row("leads");
    assertEquals(leads.actual() * m.lengthInDays() / 10.0, leads.runRate(), 1e-9);
    // the weeks whose days all lie in the month get 7/len of the month's lead plan
    Period w = Period.of(Granularity.WEEK, m.start().plusDays(7));
    assertEquals(PlanFact.compute(D, m).row("leads").plan() * 7 / m.lengthInDays(),
        PlanFact.compute(D, w).row("leads").plan(), 1e-9);
  }
}
