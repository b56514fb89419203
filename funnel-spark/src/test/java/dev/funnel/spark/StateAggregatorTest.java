package dev.funnel.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.attribution.PathState;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.funnel.LeadReach;
import dev.funnel.core.funnel.StageFunnel;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's contract, without a cluster: zero is the empty state, reduce and merge are the
 * library's merge (so any split of one-lead partials gives the one-pass state), finish returns
 * the bytes; buffers are {@code BINARY}.
 */
class StateAggregatorTest {

  static final Dataset DEMO = DemoData.builder().seed(9).leads(1_500).build().dataset();

  @Test
  void reducingOneLeadPartialsGivesTheOnePassTally() {
    FunnelQuery q = FunnelQuery.cohort().per(Granularity.QUARTER).by(Dimension.SEGMENT);
    StateAggregator agg = StateAggregator.funnel(DEMO.catalog(), DEMO.zone(), q);
    assertArrayEquals(FunnelState.empty(DEMO.catalog(), DEMO.zone(), q).toBytes(), agg.zero());
    byte[] left = agg.zero();
    byte[] right = agg.zero();
    List<Lead> leads = DEMO.leads();
    for (int i = 0; i < leads.size(); i++) {
      byte[] one = FunnelState.empty(DEMO.catalog(), DEMO.zone(), q)
          .add(LeadReach.of(DEMO, leads.get(i))).toBytes();
      if (i % 3 == 0) {
        left = agg.reduce(left, one);
      } else {
        right = agg.reduce(right, one);
      }
    }
    byte[] total = agg.finish(agg.merge(right, left));
    assertArrayEquals(StageFunnel.tally(DEMO, q).toBytes(), total);
    assertArrayEquals(total, agg.finish(agg.merge(left, right)), "merge order does not matter");
    assertEquals(Encoders.BINARY().schema(), agg.bufferEncoder().schema());
    assertEquals(Encoders.BINARY().schema(), agg.outputEncoder().schema());
  }

  @Test
  void mergingStatesOfAnotherQueryOrKindIsRefused() {
    StateAggregator event = StateAggregator.funnel(DEMO.catalog(), DEMO.zone(), FunnelQuery.event());
    byte[] cohort = FunnelState.empty(DEMO.catalog(), DEMO.zone(), FunnelQuery.cohort()).toBytes();
    assertThrows(IllegalArgumentException.class, () -> event.merge(event.zero(), cohort));
    byte[] paths = PathState.empty().add(List.of("seo"), 1, BigDecimal.ONE, 0).toBytes();
    assertThrows(IllegalArgumentException.class, () -> event.reduce(event.zero(), paths));
    StateAggregator p = StateAggregator.paths();
    assertEquals(PathState.empty().add(List.of("seo"), 2, new BigDecimal("2"), 0),
        PathState.fromBytes(p.merge(p.reduce(p.zero(), paths), paths)));
  }
}
