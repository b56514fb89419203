package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.funnel.StageCount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A company's own catalog: other names, another length, an exit not called LOST. */
class CustomCatalogTest {

  static final StageCatalog C = StageCatalog.of(List.of("new", "qualified", "closed"), List.of("dropped", "returned"));

  @Test
  void funnelAndWinRateWork() {
    Instant t = Instant.parse("2026-05-01T00:00:00Z");
    Dataset d = Dataset.builder().catalog(C)
        .lead(Lead.of("a", t, "seo")).lead(Lead.of("b", t, "seo")).lead(Lead.of("c", t, "seo"))
        .lead(Lead.of("e", t, "seo"))
        .stageChange(StageChange.of("a", C.stage("CLOSED"), t.plusSeconds(60)))
        .stageChange(StageChange.of("b", C.stage("qualified"), t.plusSeconds(60)))
        .stageChange(StageChange.of("b", C.stage("dropped"), t.plusSeconds(120)))
        .stageChange(StageChange.of("c", C.stage("qualified"), t.plusSeconds(60)))
        .stageChange(StageChange.of("e", C.stage("qualified"), t.plusSeconds(60)))
        .stageChange(StageChange.of("e", C.stage("returned"), t.plusSeconds(120)))
        .build();
    FunnelReport f = StageFunnel.compute(d, FunnelQuery.cohort());
    assertEquals(List.of(4L, 4L, 1L), f.stages().stream().map(StageCount::count).toList());
    WinRate w = Sales.winRate(d, "QUALIFIED", null, null);
    // e was returned: neither won, lost nor open
    assertEquals(List.of(4L, 1L, 1L, 1L, 1L),
        List.of(w.reached(), w.won(), w.lost(), w.returned(), w.open()));
    assertEquals(0.5, w.byCount());
    assertThrows(IllegalArgumentException.class, () -> Sales.reasons(d, null, null));
    assertEquals(2, Sales.reasons(d, "closed", null, null).exits());
  }
}
