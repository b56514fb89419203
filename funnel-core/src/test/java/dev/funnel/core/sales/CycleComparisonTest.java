package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.stats.SurvivalCurve;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each group's cycle is the cycle of a dataset holding only that group's leads. */
class CycleComparisonTest {

  private static final Dataset DEMO = DemoData.builder().seed(3).leads(2_000).build().dataset();

  /** The leads of one group with their stage changes, and every payment. */
  private static Dataset only(Dataset d, Dimension by, String group) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog());
    Set<String> ids = d.leads().stream().filter(l -> by.keyOf(l).equals(group)).map(Lead::id)
        .collect(Collectors.toSet());
    d.leads().stream().filter(l -> ids.contains(l.id())).forEach(b::lead);
    d.stages().stream().filter(s -> ids.contains(s.leadId())).forEach(b::stageChange);
    d.payments().forEach(b::payment);
    return b.build();
  }

  @Test
  void eachGroupIsTheCycleOfItsOwnLeads() {
    Instant asOf = Instant.parse("2026-06-01T00:00:00Z");
    for (Dimension by : new Dimension[] {Dimension.SEGMENT, Dimension.CHANNEL}) {
      CycleComparison cmp = Sales.cycleBy(DEMO, by, "SQL", asOf, null, null);
      SalesCycle all = Sales.cycle(DEMO, "SQL", asOf, null, null);
      long paid = 0;
      long open = 0;
      for (var e : cmp.cycles().entrySet()) {
        SalesCycle alone = Sales.cycle(only(DEMO, by, e.getKey()), "SQL", asOf, null, null);
        assertEquals(alone, e.getValue(), by + " " + e.getKey());
        paid += e.getValue().paid();
        open += e.getValue().censored();
      }
      assertEquals(all.paid(), paid);
      assertEquals(all.censored(), open);
      // the log-rank test sees the same events, and expects as many as were observed in all
      double expected = cmp.test().groups().stream().mapToDouble(g -> g.expected()).sum();
      assertEquals(all.paid(), expected, 1e-6);
      assertTrue(cmp.test().pValue() >= 0 && cmp.test().pValue() <= 1);
      assertTrue(cmp.toString().startsWith("Sales cycle by " + by.label()));
      assertTrue(cmp.summary().length() < 80, cmp.summary());
      // a row per group, its median interval that of the group's own curve
      assertEquals(cmp.cycles().size(), cmp.table().rows().size());
      for (var e : cmp.cycles().entrySet()) {
        SurvivalCurve.PercentileInterval m = cmp.medianInterval(e.getKey());
        assertEquals(e.getValue().curve().percentileInterval(0.5, 0.95, SurvivalCurve.Scale.LOG_LOG), m);
        assertEquals(e.getValue().medianDays(), m.estimate(), 0.0);
        assertTrue(!(m.lower() > m.estimate()) && !(m.upper() < m.estimate()), m.toString());
      }
    }
  }
}
