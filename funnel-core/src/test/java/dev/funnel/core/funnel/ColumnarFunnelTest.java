package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.demo.DemoData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The columnar event funnel against the object route ({@link LeadReach} and {@link FunnelTally}),
 * which is the oracle: the same report, to the last count and conversion.
 */
class ColumnarFunnelTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static void same(Dataset d, FunnelQuery q) {
    FunnelReport expected = StageFunnel.compute(d, q);
    FunnelReport actual = StageFunnel.compute(Columns.of(d), q);
    assertEquals(expected, actual, () -> "query " + q + "\nobject:\n" + expected.table()
        + "\ncolumnar:\n" + actual.table());
  }

  private static List<FunnelQuery> queries() {
    FunnelQuery e = FunnelQuery.event();
    return List.of(
        e.per(Granularity.MONTH).by(Dimension.CHANNEL),
        e.per(Granularity.WEEK).by(Dimension.CHANNEL),
        e.per(Granularity.DAY).by(Dimension.CHANNEL),
        e.per(Granularity.QUARTER),
        e.per(Granularity.YEAR).by(Dimension.CHANNEL),
        e.by(Dimension.CHANNEL),
        e);
  }

  @Test
  void demoDataMatchesObjectRoute() {
    for (ZoneId zone : List.of(ZoneOffset.UTC, BERLIN)) {
      for (long seed : new long[] {1, 42, 7}) {
        for (int leads : new int[] {200, 3_000}) {
          Dataset d = DemoData.builder().seed(seed).leads(leads).zone(zone).build().dataset();
          FunnelReport r = StageFunnel.compute(Columns.of(d),
              FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL));
          assertTrue(r.stages().get(0).count() > 0, "the demo has leads to count");
          for (FunnelQuery q : queries()) {
            same(d, q);
          }
        }
      }
    }
  }

  @Test
  void messyDataMatchesObjectRoute() {
    for (long seed = 1; seed <= 40; seed++) {
      RandomCrm crm = new RandomCrm(seed, 1 + (int) (seed * 7 % 90));
      for (ZoneId zone : List.of(ZoneOffset.UTC, BERLIN)) {
        Dataset d = crm.dataset(zone, seed);
        for (FunnelQuery q : queries()) {
          same(d, q);
        }
        Instant from = RandomCrm.T0.plus(Duration.ofDays(20));
        same(d, FunnelQuery.event().between(from, from.plus(Duration.ofDays(45)))
            .per(Granularity.WEEK).by(Dimension.CHANNEL));
        same(d, FunnelQuery.event().between(null, from).per(Granularity.MONTH));
      }
    }
  }

  @Test
  void orphanChangesAndEarlyChangesAndSubMillisecondTimes() {
    StageCatalog c = StageCatalog.DEFAULT;
    Instant t0 = Instant.parse("2026-01-31T23:30:00.000700Z");
    Dataset d = Dataset.builder().zone(BERLIN)
        .lead(new Lead("a", t0, "seo", null, null, null, null, Map.of()))
        .lead(new Lead("b", t0.plusSeconds(3600), null, null, null, null, null, Map.of()))
        .lead(new Lead("c", t0.plusSeconds(7200), "seo", null, null, null, null, Map.of()))
        // a change before creation, a skipped stage, an exit, and a lead missing from leads
        .stageChange(new StageChange("a", c.progression().get(2), t0.minusSeconds(86_400 * 40),
            null, null, null))
        .stageChange(new StageChange("b", c.progression().get(3), t0.plusSeconds(90_000),
            null, null, null))
        .stageChange(new StageChange("b", c.exits().get(0), t0.plusSeconds(90_000),
            "other", null, null))
        .stageChange(new StageChange("zz", c.progression().get(1), t0, null, null, null))
        .build();
    for (FunnelQuery q : queries()) {
      same(d, q);
    }
    FunnelReport r = StageFunnel.compute(Columns.of(d), FunnelQuery.event().by(Dimension.CHANNEL));
    assertEquals(3, r.stages().get(0).count(), "every lead with a row, orphan zz not counted");
    assertEquals(2, r.stages().get(1).count(), "a via the earlier stage 2, b via stage 3");
  }

  @Test
  void refusesOtherQueryShapes() {
    Dataset d = new RandomCrm(3, 20).dataset(ZoneOffset.UTC, 0);
    Columns c = Columns.of(d);
    IllegalArgumentException cohort = assertThrows(IllegalArgumentException.class,
        () -> StageFunnel.compute(c, FunnelQuery.cohort().per(Granularity.MONTH)));
    assertTrue(cohort.getMessage().contains("event basis"), cohort.getMessage());
    IllegalArgumentException segment = assertThrows(IllegalArgumentException.class,
        () -> StageFunnel.compute(c, FunnelQuery.event().by(Dimension.SEGMENT)));
    assertTrue(segment.getMessage().contains("by channel"), segment.getMessage());
    IllegalArgumentException subMs = assertThrows(IllegalArgumentException.class,
        () -> StageFunnel.compute(c, FunnelQuery.event()
            .between(Instant.parse("2026-01-01T00:00:00.0000001Z"), null)));
    assertTrue(subMs.getMessage().contains("sub-millisecond"), subMs.getMessage());
  }
}
