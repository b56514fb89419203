package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lead trend refuses more periods than {@link dev.funnel.core.PeriodSpan#DEFAULT_MAX}. */
class LeadTrendSpanTest {

  @Test
  void aTrendPastThePeriodLimitIsRefusedBeforeItIsLaidOut() {
    Dataset d = Dataset.builder().lead(new Lead("L1", Instant.parse("2026-01-02T10:00:00Z"),
        "seo", null, null, null, null, Map.of())).stageChange(new StageChange("L1",
            StageCatalog.DEFAULT.stage("MQL"), Instant.parse("2026-01-03T10:00:00Z"), null, null,
            null)).build();
    Period jan = Period.parse("2026-01");
    assertEquals(6, LeadTrend.of(d, jan, 6).size());
    assertEquals(10_000, LeadTrend.of(d, Period.parse("2026-01-02"), 10_000).size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LeadTrend.of(d, Period.parse("2026"), Integer.MAX_VALUE));
    assertEquals("the lead trend would span 2,147,483,647 years, more than the limit of 10,000"
        + " periods (maxPeriods): use a coarser granularity or a larger maxPeriods", e.getMessage());
  }
}
