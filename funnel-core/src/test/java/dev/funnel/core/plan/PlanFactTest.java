package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.sla.BusinessCalendar;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A hand-built quarter (UTC). In March 2026:
 * <pre>
 * lead ch   created  customer  stages                                     payments
 * L1   seo  01-15    c1        MQL 01-20, SQL 02-01, WON 03-05            c1: 03-06 +1000.10, 03-15 -100.05
 * L2   seo  03-02    L2        MQL 03-03, SQL 03-10, LOST 03-20
 * L3   paid 03-05    L3        SQL 03-06 (MQL skipped), WON 03-25         L3: 03-26 +2500.00
 * L4   paid 03-20    L4        -
 * L5   paid 02-10    L5        MQL 02-11, LOST 03-12
 * L6   seo  03-28    L6        RETURNED 03-29 (not a loss)
 * L7   -    04-02    L7        - (April)
 * L8   seo  03-10    c1        - (second lead of c1, whose channel stays seo from L1)
 * L9   paid 01-01    c3        -                                          c3: 02-20 +300.00, 03-10 +200.00
 * L10  seo  03-01    c3        - (c3's channel is paid, from L9)
 * x9 has no lead: 03-11 +50.00 (channel (none))
 * spend: seo 02-10 400, 03-01 100.00, 03-15 200.50; paid 03-10 1000.00, 03-31 99.50, 04-01 77
 * </pre>
 * March actuals: leads 6 (seo 4, paid 2), MQL 2, SQL 2, won 2, lost 2, revenue 3650.05
 * (seo 900.05, paid 2700.00), spend 1400.00 (seo 300.50, paid 1099.50), new customers 3 (c1, L3,
 * x9; c3 bought first in February).
 */
class PlanFactTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Period MARCH = Period.parse("2026-03");

  static Instant t(String mmdd) {
    return Instant.parse("2026-" + mmdd + "T12:00:00Z");
  }

  static Consumer<Dataset.Builder> lead(String id, String ch, String created, String customer) {
    return b -> b.lead(new Lead(id, t(created), ch, null, null, null, customer, Map.of()));
  }

  static Consumer<Dataset.Builder> stage(String id, String stage, String at) {
    return b -> b.stageChange(StageChange.of(id, C.stage(stage), t(at)));
  }

  static Consumer<Dataset.Builder> pay(String customer, String at, String amount) {
    return b -> b.payment(new Payment(null, customer, null, t(at), Money.of(amount, "EUR"), null));
  }

  static Consumer<Dataset.Builder> spend(String ch, String day, String amount) {
    return b -> b.spend(new Spend(LocalDate.parse("2026-" + day), ch, null, Money.of(amount, "EUR")));
  }

  static Consumer<Dataset.Builder> plan(String period, String metric, String target, String channel) {
    return b -> b.planTarget(new PlanTarget(Period.parse(period), metric, new BigDecimal(target), channel));
  }

  static List<Consumer<Dataset.Builder>> rows() {
    List<Consumer<Dataset.Builder>> r = new ArrayList<>(List.of(
        lead("L1", "seo", "01-15", "c1"), lead("L2", "seo", "03-02", null),
        lead("L3", "paid", "03-05", null), lead("L4", "paid", "03-20", null),
        lead("L5", "paid", "02-10", null), lead("L6", "seo", "03-28", null),
        lead("L7", null, "04-02", null), lead("L8", "seo", "03-10", "c1"),
        lead("L9", "paid", "01-01", "c3"), lead("L10", "seo", "03-01", "c3"),
        stage("L1", "MQL", "01-20"), stage("L1", "SQL", "02-01"), stage("L1", "WON", "03-05"),
        stage("L2", "MQL", "03-03"), stage("L2", "SQL", "03-10"), stage("L2", "LOST", "03-20"),
        stage("L3", "SQL", "03-06"), stage("L3", "WON", "03-25"),
        stage("L5", "MQL", "02-11"), stage("L5", "LOST", "03-12"),
        stage("L6", "RETURNED", "03-29"),
        pay("c1", "03-06", "1000.10"), pay("c1", "03-15", "-100.05"), pay("L3", "03-26", "2500.00"),
        pay("c3", "02-20", "300.00"), pay("c3", "03-10", "200.00"), pay("x9", "03-11", "50.00"),
        spend("seo", "02-10", "400"), spend("seo", "03-01", "100.00"), spend("seo", "03-15", "200.50"),
        spend("paid", "03-10", "1000.00"), spend("paid", "03-31", "99.50"), spend("paid", "04-01", "77"),
        plan("2026-01", "leads", "3", null), plan("2026-02", "leads", "4", null),
        plan("2026-03", "leads", "6", null), plan("2026-03", "mql", "2.2", null),
        plan("2026-03", "sql", "4", null), plan("2026-03", "won", "2", null),
        plan("2026-03", "revenue", "3500", null), plan("2026-Q1", "revenue", "9000", null),
        plan("2026-03", "spend", "1500", null), plan("2026-03", "cpl", "220", null),
        plan("2026-03", "cac", "400", null), plan("2026-03", "romi", "1.5", null),
        plan("2026-03", "win_rate", "0.6", null), plan("2026-03", "mqls_typo", "3", null),
        plan("2026-03", "leads", "5", "seo"), plan("2026-03", "cpl", "600", "paid")));
    return r;
  }

  static Dataset build(List<Consumer<Dataset.Builder>> rows) {
    Dataset.Builder b = Dataset.builder();
    rows.forEach(r -> r.accept(b));
    return b.build();
  }

  static final Dataset D = build(rows());

  static void row(PlanReport r, String metric, String channel, double plan, double actual,
      PlanStatus status) {
    PlanRow row = r.row(metric, channel);
    assertEquals(plan, row.plan(), 1e-9 * Math.max(1, Math.abs(plan)), metric + " plan");
    assertEquals(actual, row.actual(), 1e-9 * Math.max(1, Math.abs(actual)), metric + " actual");
    assertEquals(actual - plan, row.deviation(), 1e-9 * Math.max(1, Math.abs(actual)), metric + " deviation");
    assertEquals(status, row.status(), metric + " status");
  }

  @Test
  void closedMonthEveryMetricByHand() {
    PlanReport r = PlanFact.compute(D, MARCH);
    assertEquals(1.0, r.elapsed());
    row(r, "leads", null, 6, 6, PlanStatus.OK);
    row(r, "mql", null, 2.2, 2, PlanStatus.WARNING);       // -9.1 %
    row(r, "sql", null, 4, 2, PlanStatus.ALERT);           // -50 %
    row(r, "won", null, 2, 2, PlanStatus.OK);
    row(r, "revenue", null, 3500, 3650.05, PlanStatus.OK);
    row(r, "spend", null, 1500, 1400, PlanStatus.WARNING); // 6.7 % under budget
    row(r, "cpl", null, 220, 1400.0 / 6, PlanStatus.WARNING); // 6.1 % dearer
    row(r, "cac", null, 400, 1400.0 / 3, PlanStatus.ALERT);   // 16.7 % dearer
    row(r, "romi", null, 1.5, 2250.05 / 1400, PlanStatus.OK);
    row(r, "win_rate", null, 0.6, 0.5, PlanStatus.ALERT);  // -16.7 %
    row(r, "leads", "seo", 5, 4, PlanStatus.ALERT);        // -20 %
    row(r, "cpl", "paid", 600, 1099.50 / 2, PlanStatus.OK);
    assertEquals(3650.05, r.row("revenue").actual());      // exact sum, then one rounding
    assertEquals(-0.5, r.row("sql").relativeDeviation(), 1e-15);
    for (PlanRow row : r.rows()) {
      if (row.status() != PlanStatus.UNKNOWN) {
        assertEquals(row.actual(), row.runRate(), 1e-12, row.metric() + ": closed period");
      }
    }
    assertNull(r.row("leads").note());
  }

  @Test
  void unknownMetricsAreKeptWithTheirPlan() {
    PlanRow u = PlanFact.compute(D, MARCH).row("mqls_typo");
    assertEquals(PlanStatus.UNKNOWN, u.status());
    assertEquals(3, u.plan());
    assertTrue(Double.isNaN(u.actual()));
    assertTrue(u.note().contains("unknown metric"), u.note());
  }

  @Test
  void rowsInCanonicalOrder() {
    List<String> order = PlanFact.compute(D, MARCH).rows().stream()
        .map(r -> r.metric() + (r.channel() == null ? "" : "/" + r.channel())).toList();
    assertEquals(List.of("leads", "leads/seo", "mql", "sql", "won", "revenue", "spend", "cpl",
        "cpl/paid", "cac", "romi", "win_rate", "mqls_typo"), order);
  }

  @Test
  void midPeriodRunRateAndQuarterToDate() {
    // as of 03-16 00:00 UTC: 15 of 31 days
    PlanReport r = PlanFact.compute(D, MARCH, PlanOptions.defaults().asOf(Instant.parse("2026-03-16T00:00:00Z")));
    assertEquals(15.0 / 31, r.elapsed(), 1e-15);
    PlanRow leads = r.row("leads");
    assertEquals(4, leads.actual()); // L2, L3, L8, L10
    assertEquals(4 * 31.0 / 15, leads.runRate(), 1e-12);
    assertEquals(PlanStatus.OK, leads.status());
    assertEquals(-2, leads.deviation());
    // revenue so far 1000.10 - 100.05 + 200 + 50 = 1150.05 -> forecast 2376.77, 32 % short
    PlanRow revenue = r.row("revenue");
    assertEquals(1150.05, revenue.actual(), 1e-9);
    assertEquals(1150.05 * 31 / 15, revenue.runRate(), 1e-9);
    assertEquals(PlanStatus.ALERT, revenue.status());
    // spend so far 100 + 200.50 + 1000 = 1300.50 -> forecast 2687.70, 79 % over budget
    assertEquals(1300.50, r.row("spend").actual(), 1e-9);
    assertEquals(PlanStatus.ALERT, r.row("spend").status());
    // ratios project as they stand: cpl 1300.50 / 4
    assertEquals(1300.50 / 4, r.row("cpl").runRate(), 1e-9);
    // QTD: leads plan Jan + Feb + Mar = 13; actual Jan 1 .. Mar 16: L9, L1, L5 + 4
    assertEquals(Period.parse("2026-Q1"), r.quarter());
    assertEquals(13, leads.qtdPlan(), 1e-12);
    assertEquals(7, leads.qtdActual());
    // revenue QTD: the span is the whole quarter, which has a target of its own
    assertEquals(9000, revenue.qtdPlan(), 1e-9);
    assertEquals(300 + 1150.05, revenue.qtdActual(), 1e-9);
  }

  @Test
  void businessDaysRunRate() {
    BusinessCalendar weekdays = BusinessCalendar.builder()
        .workingDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
        .hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
    PlanReport r = PlanFact.compute(D, MARCH,
        PlanOptions.defaults().asOf(Instant.parse("2026-03-16T00:00:00Z")).businessDays(weekdays));
    // 10 of March's 22 weekdays have passed
    assertEquals(10.0 / 22, r.elapsed(), 1e-15);
    assertEquals(4 * 22.0 / 10, r.row("leads").runRate(), 1e-12);
  }

  @Test
  void theAsOfInstantIsInsideTheActualWindow() {
    // as of the last instant of March the period is closed: the run-rate is the actual
    PlanReport end = PlanFact.compute(D, MARCH,
        PlanOptions.defaults().asOf(Instant.parse("2026-03-31T23:59:59.999999999Z")));
    PlanReport closed = PlanFact.compute(D, MARCH);
    assertEquals(1.0, end.elapsed());
    for (PlanRow r : closed.rows()) {
      PlanRow e = end.rows().get(closed.rows().indexOf(r));
      assertEquals(r.actual(), e.actual(), 0.0, r.metric());
      assertEquals(r.runRate(), e.runRate(), 0.0, r.metric());
      assertEquals(r.status(), e.status(), r.metric());
    }
    // an event at exactly the as-of instant counts; a nanosecond earlier it does not
    Instant l2 = null;
    for (dev.funnel.core.Lead l : D.leads()) {
      if (MARCH.contains(l.createdAt(), D.zone()) && (l2 == null || l.createdAt().isBefore(l2))) {
        l2 = l.createdAt();
      }
    }
    double at = PlanFact.compute(D, MARCH, PlanOptions.defaults().asOf(l2)).row("leads").actual();
    double before = PlanFact.compute(D, MARCH, PlanOptions.defaults().asOf(l2.minusNanos(1)))
        .row("leads").actual();
    assertEquals(before + 1, at, 0.0);
  }

  @Test
  void beforeThePeriodNothingIsForecast() {
    PlanReport r = PlanFact.compute(D, MARCH, PlanOptions.defaults().asOf(Instant.parse("2026-02-01T00:00:00Z")));
    assertEquals(0, r.elapsed());
    assertEquals(0, r.row("leads").actual());
    assertTrue(Double.isNaN(r.row("leads").runRate()));
    assertEquals(PlanStatus.UNDEFINED, r.row("leads").status());
  }

  @Test
  void quarterSumsMonthsAndPrefersItsOwnTarget() {
    PlanReport q = PlanFact.compute(D, Period.parse("2026-Q1"));
    assertEquals(13, q.row("leads").plan());
    assertEquals("sum of 2026-01, 2026-02, 2026-03", q.row("leads").note());
    assertEquals(9, q.row("leads").actual());
    assertEquals(9000, q.row("revenue").plan());
    assertEquals(300 + 3650.05, q.row("revenue").actual(), 1e-9);
    // March-only targets do not cover the quarter: undefined, never guessed
    assertTrue(Double.isNaN(q.row("mql").plan()));
    assertEquals(PlanStatus.UNDEFINED, q.row("mql").status());
    assertTrue(Double.isNaN(q.row("cpl").plan())); // no spend plan for Jan and Feb to derive it from
  }

  @Test
  void monthIsProRatedFromTheQuarterAndWeekFromTheMonth() {
    PlanReport feb = PlanFact.compute(D, Period.parse("2026-02"));
    assertEquals(9000.0 * 28 / 90, feb.row("revenue").plan(), 1e-9);
    assertTrue(feb.row("revenue").note().startsWith("pro-rated"), feb.row("revenue").note());
    assertEquals(300, feb.row("revenue").actual(), 1e-9);
    // ISO week 11: Mon 9 to Sun 15 March
    PlanReport w11 = PlanFact.compute(D, Period.parse("2026-W11"));
    assertEquals(6.0 * 7 / 31, w11.row("leads").plan(), 1e-12);
    assertEquals(1, w11.row("leads").actual()); // L8
    assertEquals(3500.0 * 7 / 31, w11.row("revenue").plan(), 1e-9);
    // ratios are not pro-rated: the month's CPL applies to the week
    assertEquals(220, w11.row("cpl").plan());
    assertEquals("the target of 2026-03", w11.row("cpl").note());
    assertEquals(1200.50 / 1, w11.row("cpl").actual(), 1e-9); // spend 03-10 1000 + 03-15 200.50 / 1 lead
  }

  @Test
  void channelAndWeekTargetsForARatio() {
    List<Consumer<Dataset.Builder>> rows = rows();
    rows.add(plan("2026-W10", "cac", "999", null));
    rows.add(plan("2026-03", "cac", "150", "seo"));
    Dataset d = build(rows);
    // seo: spend 300.50 / 1 new customer (c1) against 150
    PlanRow seo = PlanFact.compute(d, MARCH).row("cac", "seo");
    assertEquals(300.50, seo.actual(), 1e-9);
    assertEquals(PlanStatus.ALERT, seo.status());
    // week 10 (2-8 March): its own target for all channels, the containing month's for seo
    PlanReport w10 = PlanFact.compute(d, Period.parse("2026-W10"));
    assertEquals(999, w10.row("cac").plan());
    assertEquals(150, w10.row("cac", "seo").plan());
    // the quarter: neither target contains it and there is no spend plan for Jan and Feb
    PlanRow q = PlanFact.compute(d, Period.parse("2026-Q1")).row("cac");
    assertTrue(Double.isNaN(q.plan()));
    assertEquals(PlanStatus.UNDEFINED, q.status());
  }

  @Test
  void derivedCplWhenOnlyComponentsCoverTheSpan() {
    List<Consumer<Dataset.Builder>> rows = new ArrayList<>(rows());
    // a CPL target for one week only, and leads/spend plans for every month of Q1
    rows.add(plan("2026-W02", "cpl", "50", "paid"));
    rows.add(plan("2026-01", "spend", "1000", "paid"));
    rows.add(plan("2026-02", "spend", "1000", "paid"));
    rows.add(plan("2026-03", "spend", "1000", "paid"));
    rows.add(plan("2026-Q1", "leads", "8", "paid"));
    PlanRow cpl = PlanFact.compute(build(rows), Period.parse("2026-Q1")).row("cpl", "paid");
    assertEquals(3000.0 / 8, cpl.plan(), 1e-12);
    assertEquals("derived from the spend / leads plans", cpl.note());
    // paid Q1: spend 1099.50, leads L9, L5, L3, L4
    assertEquals(1099.50 / 4, cpl.actual(), 1e-9);
  }

  @Test
  void weekAcrossTheQuarterEnd() {
    // ISO week 14: Mon 30 March to Sun 5 April; the March targets cover 2 of its 7 days
    PlanReport w14 = PlanFact.compute(D, Period.parse("2026-W14"));
    PlanRow leads = w14.row("leads");
    assertTrue(Double.isNaN(leads.plan()));
    assertEquals("the plan covers 2 of 7 days", leads.note());
    assertEquals(PlanStatus.UNDEFINED, leads.status());
    assertEquals(1, leads.actual()); // L7 on 2 April
    // quarter to date follows the last day of the week: Q2, 1 to 5 April
    assertEquals(Period.parse("2026-Q2"), w14.quarter());
    assertEquals(1, leads.qtdActual());
    assertTrue(Double.isNaN(leads.qtdPlan()));
    assertTrue(PlanFact.compute(D, Period.parse("2026-W15")).rows().isEmpty());
    // as of the end of Tuesday 31 March the week's quarter is still Q1: 30 and 31 March
    PlanReport mid = PlanFact.compute(D, Period.parse("2026-W14"),
        PlanOptions.defaults().asOf(Instant.parse("2026-03-31T23:59:59.999999999Z")));
    assertEquals(Period.parse("2026-Q1"), mid.quarter());
    assertEquals(2.0 / 7, mid.elapsed(), 1e-15);
    assertEquals(13, mid.row("leads").qtdPlan(), 1e-12); // Jan + Feb + Mar: the week's days in Q1
    assertEquals(9, mid.row("leads").qtdActual());
  }

  @Test
  void rowOrderDoesNotMatter() {
    PlanOptions o = PlanOptions.defaults().asOf(Instant.parse("2026-03-20T06:00:00Z"));
    PlanReport expected = PlanFact.compute(D, MARCH, o);
    Random rnd = new Random(5);
    for (int i = 0; i < 5; i++) {
      List<Consumer<Dataset.Builder>> rows = rows();
      Collections.shuffle(rows, rnd);
      assertEquals(expected, PlanFact.compute(build(rows), MARCH, o));
    }
  }

  @Test
  void configurableBandsAndDirections() {
    PlanOptions o = PlanOptions.defaults()
        .tolerance("sql", new Tolerance(0.5, 0.6))
        .direction("spend", Direction.LOWER_IS_BETTER)
        .tolerance(new Tolerance(0.01, 0.02));
    PlanReport r = PlanFact.compute(D, MARCH, o);
    assertEquals(PlanStatus.WARNING, r.row("sql").status());  // exactly -50 %: on the warning edge
    assertEquals(PlanStatus.OK, r.row("spend").status());     // under budget is fine now
    assertEquals(PlanStatus.ALERT, r.row("mql").status());    // -9 % beyond the 2 % alert band
    assertThrows(IllegalArgumentException.class, () -> PlanOptions.defaults().direction("nope", Direction.ON_TARGET));
  }

  @Test
  void badInputIsExplained() {
    List<Consumer<Dataset.Builder>> rows = rows();
    rows.add(plan("2026-03", "leads", "7", null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PlanFact.compute(build(rows), MARCH));
    assertTrue(e.getMessage().contains("two plan targets for metric 'leads'"), e.getMessage());
    Dataset noPlan = Dataset.builder().lead(Lead.of("a", t("03-01"), "seo")).build();
    assertThrows(IllegalStateException.class, () -> PlanFact.compute(noPlan, MARCH));
    Dataset noSpend = Dataset.builder().lead(Lead.of("a", t("03-01"), "seo"))
        .planTarget(new PlanTarget(MARCH, "cpl", BigDecimal.TEN, null)).build();
    PlanRow cpl = PlanFact.compute(noSpend, MARCH).row("cpl");
    assertEquals(PlanStatus.UNDEFINED, cpl.status());
    assertTrue(cpl.note().contains("spend table"), cpl.note());
  }
}
