package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The actuals restricted to a span (leads created in it or with a stage change in it) count every
 * window inside the span as the actuals over every lead do, for every channel and for all of them,
 * on the demo dataset with its defects.
 */
class ActualsSpanTest {

  @Test
  void windowsInsideTheSpanCountAsOverEveryLead() {
    Dataset d = DemoData.builder().leads(2_000).seed(11).zone(ZoneId.of("America/New_York")).build().dataset();
    Actuals all = new Actuals(d);
    Period quarter = Period.of(Granularity.QUARTER, LocalDate.of(2026, 4, 1));
    Instant qs = quarter.startInstant(d.zone());
    Instant qe = quarter.endInstant(d.zone());
    Actuals span = new Actuals(d, qs, qe);
    int compared = 0;
    for (Period m = Period.of(Granularity.MONTH, LocalDate.of(2026, 4, 1)); m.start().isBefore(quarter.endExclusive()); m = m.next()) {
      Instant ms = m.startInstant(d.zone());
      Instant mid = ms.plusSeconds(12 * 86_400 + 3_600);
      for (Instant[] w : new Instant[][] {{ms, m.endInstant(d.zone())}, {qs, mid}, {ms, mid}}) {
        for (String channel : new String[] {null, "seo", "paid_search", "(none)"}) {
          for (PlanMetric metric : PlanMetric.values()) {
            double a = all.base(w[0], w[1], channel).value(metric);
            double b = span.base(w[0], w[1], channel).value(metric);
            assertEquals(a, b, 0.0, metric + " " + channel + " " + w[0] + ".." + w[1]);
            compared += Double.isNaN(a) || a == 0 ? 0 : 1;
          }
        }
      }
    }
    assertEquals(true, compared > 100, "compared " + compared + " non-zero figures");
    assertThrows(IllegalStateException.class, () -> span.base(qs.minusSeconds(1), qe, null));
  }
}
