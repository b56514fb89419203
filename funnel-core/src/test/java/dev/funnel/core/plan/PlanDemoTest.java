package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** Oracle: the actuals recounted straight from the rows, without the library's reach logic. */
  @Test
  void actualsAgreeWithADirectRecount() {
    Period m = Period.of(Granularity.MONTH, DEMO.start()).plus(6);
    PlanReport r = PlanFact.compute(D, m);
    BigDecimal revenue = BigDecimal.ZERO;
    for (Payment p : D.payments()) {
      if (m.contains(p.paidAt(), D.zone())) {
        revenue = revenue.add(p.amount().amount());
      }
    }
    BigDecimal spend = BigDecimal.ZERO;
    for (Spend s : D.spend()) {
      if (m.contains(s.date())) {
        spend = spend.add(s.amount().amount());
      }
    }
    Map<String, Instant> firstPurchase = new TreeMap<>();
    for (Payment p : D.payments()) {
      if (p.amount().signum() > 0) {
        firstPurchase.merge(p.customerId(), p.paidAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    long customers = firstPurchase.values().stream().filter(t -> m.contains(t, D.zone())).count();
    long mql = 0;
    long won = 0;
    for (Lead l : D.leads()) {
      Instant firstQualified = null;
      Instant firstWon = null;
      for (StageChange c : D.stagesOf(l.id())) {
        if (!c.stage().exit() && c.stage().index() >= 1
            && (firstQualified == null || c.at().isBefore(firstQualified))) {
          firstQualified = c.at();
        }
        if (c.stage().name().equals("WON") && (firstWon == null || c.at().isBefore(firstWon))) {
          firstWon = c.at();
        }
      }
      mql += firstQualified != null && m.contains(firstQualified, D.zone()) ? 1 : 0;
      won += firstWon != null && m.contains(firstWon, D.zone()) ? 1 : 0;
    }
    assertEquals(revenue.doubleValue(), r.row("revenue").actual(), 0.0);
    assertEquals(spend.doubleValue(), r.row("spend").actual(), 0.0);
    assertEquals(mql, r.row("mql").actual());
    assertEquals(won, r.row("won").actual());
    assertTrue(customers > 0 && won > 0);
    assertEquals(spend.divide(BigDecimal.valueOf(customers), MathContext.DECIMAL128).doubleValue(),
        r.row("cac").actual(), 0.0);
  }
}
