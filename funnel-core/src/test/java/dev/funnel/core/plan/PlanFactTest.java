package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanFactTest {

  static final Period MARCH = Period.parse("2026-03");

  static Instant at(LocalDate day) {
    return day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
  }

  static PlanTarget target(String period, String metric, String value, String channel) {
    return new PlanTarget(Period.parse(period), metric, new BigDecimal(value), channel);
  }

  /** 20 leads on March 1-10 (seo and ppc alternating), 3 in February, 5 MQLs, spend, a payment. */
  static Dataset dataset() {
    Dataset.Builder b = Dataset.builder();
    for (int i = 0; i < 20; i++) {
      LocalDate day = LocalDate.of(2026, 3, 1 + i / 2);
      String id = "m" + i;
      b.lead(Lead.of(id, at(day), i % 2 == 0 ? "seo" : "ppc"));
      if (i < 5) {
        b.stageChange(StageChange.of(id, StageCatalog.DEFAULT.stage("MQL"), at(day.plusDays(1))));
      }
    }
    for (int i = 0; i < 3; i++) {
      b.lead(Lead.of("f" + i, at(LocalDate.of(2026, 2, 10 + i)), "seo"));
    }
    for (int i = 1; i <= 10; i++) {
      b.spend(new Spend(LocalDate.of(2026, 3, i), "seo", null, Money.of("50")));
    }
    b.payment(new Payment("p", "m0", null, at(LocalDate.of(2026, 3, 5)), Money.of("1000"), null));
    b.planTarget(target("2026-01", "leads", "40", null));
    b.planTarget(target("2026-02", "leads", "50", null));
    b.planTarget(target("2026-03", "leads", "60", null));
    b.planTarget(target("2026-03", "revenue", "5000", null));
    b.planTarget(target("2026-03", "cpl", "23", null));
    b.planTarget(target("2026-03", "mql", "14", null));
    b.planTarget(target("2026-03", "leads", "30", "seo"));
    b.planTarget(target("2026-03", "NPS", "50", null));
    return b.build();
  }

  static PlanFactRow row(PlanFactReport r, String metric, String channel) {
    return r.rows().stream()
        .filter(x -> x.metric().equals(metric) && java.util.Objects.equals(x.channel(), channel))
        .findFirst().orElseThrow();
  }

  @Test
  void runRateDeviationStatusAndQuarterToDate() {
    PlanFactReport r = PlanFact.compute(dataset(), MARCH,
        PlanFactOptions.defaults().through(LocalDate.of(2026, 3, 10)));
    assertEquals("2026-03", r.period());
    assertEquals(10, r.elapsedDays());
    assertEquals(31, r.totalDays());
    PlanFactRow leads = row(r, "leads", null);
    assertEquals(20.0, leads.actual());
    assertEquals(62.0, leads.runRate(), 1e-12);
    assertEquals(62.0 / 60 - 1, leads.deviation(), 1e-12);
    assertEquals(Status.OK, leads.status());
    assertEquals(150.0, leads.qtdPlan(), 1e-12);
    assertEquals(23.0, leads.qtdActual(), 1e-12);
    PlanFactRow revenue = row(r, "revenue", null);
    assertEquals(3100.0, revenue.runRate(), 1e-9);
    assertEquals(Status.ALERT, revenue.status());
    PlanFactRow cpl = row(r, "cpl", null);
    assertEquals(25.0, cpl.actual(), 1e-12);
    assertEquals(25.0, cpl.runRate(), 1e-12, "a ratio is forecast by its current value");
    assertEquals(Status.WARNING, cpl.status(), "8.7% over a lower-is-better plan");
    assertTrue(Double.isNaN(cpl.qtdPlan()));
    PlanFactRow mql = row(r, "mql", null);
    assertEquals(5.0, mql.actual());
    assertEquals(Status.OK, mql.status());
    assertEquals(10.0, row(r, "leads", "seo").actual());
    assertEquals(List.of("nps: unknown metric (expected leads, customers, revenue, spend, cpl, cac,"
        + " romi, drr, win_rate or a stage name)"), r.unsupported());
  }

  @Test
  void businessDaysWithAHoliday() {
    PlanFactReport r = PlanFact.compute(dataset(), MARCH, PlanFactOptions.defaults()
        .through(LocalDate.of(2026, 3, 10)).businessDays(Set.of(LocalDate.of(2026, 3, 9))));
    // March 2026 has 22 weekdays; the 9th is a holiday; 2-6 and 10 are the elapsed ones
    assertEquals(21, r.totalDays());
    assertEquals(6, r.elapsedDays());
    assertEquals(20.0 * 21 / 6, row(r, "leads", null).runRate(), 1e-12);
  }

  @Test
  void beforeTheStartAndAfterTheEnd() {
    PlanFactReport before = PlanFact.compute(dataset(), MARCH,
        PlanFactOptions.defaults().through(LocalDate.of(2026, 2, 27)));
    PlanFactRow leads = row(before, "leads", null);
    assertEquals(0.0, leads.actual());
    assertTrue(Double.isNaN(leads.runRate()) && Double.isNaN(leads.deviation()));
    assertEquals(Status.OK, leads.status());
    PlanFactReport closed = PlanFact.compute(dataset(), MARCH, PlanFactOptions.defaults());
    PlanFactRow all = row(closed, "leads", null);
    assertEquals(all.actual(), all.runRate());
    assertEquals(Status.ALERT, all.status(), "20 of 60 leads");
  }

  @Test
  void tolerancesAndDirections() {
    Tolerance more = Tolerance.of(Direction.HIGHER_IS_BETTER);
    assertEquals(Status.OK, more.status(0.5));
    assertEquals(Status.OK, more.status(-0.05));
    assertEquals(Status.WARNING, more.status(-0.1));
    assertEquals(Status.ALERT, more.status(-0.2));
    Tolerance less = Tolerance.of(Direction.LOWER_IS_BETTER);
    assertEquals(Status.ALERT, less.status(0.2));
    assertEquals(Status.OK, less.status(-0.9));
    PlanFactReport r = PlanFact.compute(dataset(), MARCH, PlanFactOptions.defaults()
        .through(LocalDate.of(2026, 3, 10))
        .tolerance("CPL", new Tolerance(Direction.LOWER_IS_BETTER, 0.1, 0.2)));
    assertEquals(Status.OK, row(r, "cpl", null).status());
    assertThrows(IllegalArgumentException.class, () -> new Tolerance(Direction.LOWER_IS_BETTER, 0.2, 0.1));
    assertThrows(IllegalStateException.class,
        () -> PlanFact.compute(Dataset.builder().build(), MARCH, PlanFactOptions.defaults()));
    String head = r.toString().lines().findFirst().orElseThrow();
    assertTrue(head.length() <= 80, head);
  }
}
