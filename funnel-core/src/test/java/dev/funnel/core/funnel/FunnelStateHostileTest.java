package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile {@link FunnelState}s (issue 15, item 5): a lead created in year 1 next to data of 2026
 * would lay out 739,000 daily periods, a breakdown by thousands of groups multiplies them, and
 * counts summed past a long wrapped around.
 */
class FunnelStateHostileTest {

  private static Lead lead(String id, String at, String channel) {
    return new Lead(id, Instant.parse(at), channel, null, null, null, null, Map.of());
  }

  private static Dataset data(Lead... leads) {
    Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES);
    for (Lead l : leads) {
      b.lead(l);
    }
    return b.build();
  }

  @Test
  void aMistypedYearIsRefusedBeforeThePeriodsAreLaidOut() {
    Dataset d = data(lead("a", "0001-01-01T00:00:00Z", "seo"), lead("b", "2026-03-01T00:00:00Z", "seo"));
    FunnelQuery q = FunnelQuery.event().per(Granularity.DAY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StageFunnel.compute(d, q));
    assertTrue(e.getMessage().startsWith("the funnel would span 739,676 days (0001-01-01 to 2026-03-01),"
        + " more than the limit of 10,000 periods (maxPeriods)"), e.getMessage());
    FunnelState t = FunnelState.fromBytes(StageFunnel.tally(d, q).toBytes());
    assertThrows(IllegalArgumentException.class, t::result);
    assertEquals(2026, StageFunnel.tally(d, q.per(Granularity.YEAR)).result(2026).periods().size());
    assertThrows(IllegalArgumentException.class, () -> StageFunnel.tally(d, q.per(Granularity.YEAR)).result(2025));
  }

  @Test
  void periodRowsOverTheGroupsAreLimitedToo() {
    Lead[] leads = new Lead[200];
    for (int i = 0; i < leads.length; i++) {
      leads[i] = lead("l" + i, "2026-03-0" + (1 + i % 3) + "T00:00:00Z", "ch" + i);
    }
    FunnelQuery q = FunnelQuery.event().per(Granularity.DAY).by(Dimension.CHANNEL);
    FunnelState t = StageFunnel.tally(data(leads), q);
    // 3 days x (200 groups + the total) = 603 period rows
    assertEquals(200, t.result(7).groups().size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.result(6));
    assertEquals("the funnel would have 3 periods for each of 200 groups and the total, more than"
        + " the limit of 100 x 6 period rows (maxPeriods): use a coarser granularity, a shorter"
        + " window or a larger maxPeriods", e.getMessage());
  }

  /** The state of one lead with its last count replaced by {@code last}. */
  private static byte[] withLastCount(String channel, long last) {
    FunnelQuery q = FunnelQuery.event().by(Dimension.CHANNEL);
    byte[] b = StageFunnel.tally(data(lead("x", "2026-01-01T00:00:00Z", channel)), q).toBytes();
    ByteBuffer.wrap(b).putLong(b.length - 8, last);
    return b;
  }

  @Test
  void mergeAndResultRefuseToWrapACount() {
    FunnelState max = FunnelState.fromBytes(withLastCount("seo", Long.MAX_VALUE));
    assertThrows(ArithmeticException.class, () -> max.merge(max));
    FunnelState other = FunnelState.fromBytes(withLastCount("web", Long.MAX_VALUE));
    FunnelState both = max.merge(other); // two cells, each at the maximum
    assertThrows(ArithmeticException.class, both::result); // their total does not fit
    assertEquals(Long.MAX_VALUE, max.result().stages().get(max.result().stages().size() - 1).count());
  }
}
