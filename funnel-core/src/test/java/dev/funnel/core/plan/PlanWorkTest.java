package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Period;
import dev.funnel.core.PeriodSpan;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.columnar.Columns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plan vs actual does work linear in its input, by operation count: the actuals pass over the
 * rows once per window whatever the number of channels the plan names (it was a pass per window
 * and channel: plan channels times data rows), and the plan of a period looks at each target once
 * plus the few that overlap it per day (it was every target of the metric for every day).
 */
class PlanWorkTest {

  static Dataset data(int channels, int leadsPerChannel) {
    Dataset.Builder b = Dataset.builder();
    Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < leadsPerChannel; i++) {
        b.lead(new Lead("L" + c + "-" + i, t0.plusSeconds(3_600L * i), "ch" + c, null, null, null,
            null, Map.of()));
      }
      b.spend(new Spend(LocalDate.of(2026, 3, 2), "ch" + c, null, Money.of("10.00", "EUR")));
    }
    return b.build();
  }

  /** Rows visited to count two windows for the first {@code named} channels. */
  static long visited(Dataset d, int named) {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant mid = Instant.parse("2026-03-15T00:00:00Z");
    Instant to = Instant.parse("2026-04-01T00:00:00Z");
    List<String> channels = new ArrayList<>();
    for (int c = 0; c < named; c++) {
      channels.add("ch" + c);
    }
    Actuals a = new Actuals(d, from, to, channels);
    for (String ch : channels) {
      assertEquals(4, a.base(from, to, ch).leads());
      a.base(from, mid, ch);
      a.base(from, to, null);
    }
    return a.visited();
  }

  @Test
  void theActualsPassOncePerWindowWhateverThePlanChannels() {
    Dataset d = data(400, 4);
    // leads, customers (a lead is one until it pays) with their payments (none), spend rows
    long rows = 400 * 4 + Columns.of(d).customers().size() + 400;
    assertEquals(2 * rows, visited(d, 10));
    assertEquals(2 * rows, visited(d, 200));
    assertEquals(2 * rows, visited(d, 400)); // a pass per channel made this 40 times the first
    assertThrows(IllegalStateException.class, () -> new Actuals(d, null, null, List.of("ch1"))
        .base(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "ch2"));
  }

  @Test
  void planFactOverManyChannelsEqualsItsChannelsOneByOne() {
    Dataset.Builder b = Dataset.builder();
    Dataset base = data(50, 3);
    base.leads().forEach(b::lead);
    base.spend().forEach(b::spend);
    Period march = Period.parse("2026-03");
    for (int c = 0; c < 50; c++) {
      b.planTarget(new PlanTarget(march, "leads", BigDecimal.valueOf(2 + c % 3), "ch" + c));
      b.planTarget(new PlanTarget(march, "cpl", new BigDecimal("3"), "ch" + c));
    }
    PlanReport all = PlanFact.compute(b.build(), march);
    assertEquals(100, all.rows().size());
    for (PlanRow r : all.rows()) {
      assertEquals(r.metric().equals("leads") ? 3.0 : 10.0 / 3, r.actual(), 1e-12, r.toString());
    }
  }

  static List<PlanTarget> dailyLeads(LocalDate from, int days) {
    List<PlanTarget> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      out.add(new PlanTarget(Period.of(Granularity.DAY, from.plusDays(i)), "leads", BigDecimal.ONE,
          null));
    }
    return out;
  }

  @Test
  void thePlanOfAPeriodLooksAtEachTargetOnce() {
    LocalDate jan = LocalDate.of(2026, 1, 1);
    for (int years : new int[] {1, 2, 4, 8}) {
      List<PlanTarget> targets = dailyLeads(jan, 365 * years);
      PlanTable t = new PlanTable(targets);
      PlanTable.Resolved r = t.additive(new PlanTable.Key("leads", null), LocalDate.of(2026, 3, 1),
          LocalDate.of(2026, 4, 1));
      assertEquals(31.0, r.value(), 0.0);
      // every target once, then 31 days x the 31 targets overlapping March: 961 + the plan's
      // size, where each day once looked at every target (31 x the plan's size)
      assertEquals(targets.size() + 31L * 31, t.examined, years + " years");
    }
  }

  @Test
  void aTrendOfTooManyPeriodsIsRefusedBeforeItIsLaidOut() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PeriodSpan.count("the lead trend", 20_000, Granularity.MONTH, PeriodSpan.DEFAULT_MAX));
    assertEquals("the lead trend would span 20,000 months, more than the limit of 10,000 periods"
        + " (maxPeriods): use a coarser granularity or a larger maxPeriods", e.getMessage());
    assertEquals(6, PeriodSpan.count("the lead trend", 6, Granularity.MONTH, 10));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PeriodSpan.count("x", 1, Granularity.DAY, 0)).getMessage().contains("at least 1"));
  }
}
