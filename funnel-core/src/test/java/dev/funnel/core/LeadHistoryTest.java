package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.funnel.LeadReach;
import dev.funnel.core.funnel.StageFunnel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lead's rows as one value: what the dataset holds of the lead, and the per-lead steps on it. */
class LeadHistoryTest {

  private static final Dataset DEMO = DemoData.builder().seed(31).leads(1_500).build().dataset();

  @Test
  void aHistoryHoldsTheLeadsRowsAndItsCustomersPayments() {
    for (Lead l : DEMO.leads().subList(0, 300)) {
      LeadHistory h = DEMO.history(l.id());
      assertEquals(l, h.lead());
      assertEquals(DEMO.stagesOf(l.id()), h.stages());
      assertEquals(DEMO.activitiesOf(l.id()), h.activities());
      assertEquals(DEMO.touchesOf(l.id()), h.touches());
      assertEquals(DEMO.paymentsOf(l.customerId()), h.payments());
    }
    LeadHistory none = DEMO.history("no-such-lead");
    assertNull(none.lead());
    assertEquals(List.of(), none.stages());
  }

  @Test
  void theFunnelOfEveryLeadsHistoryIsTheDatasetsFunnel() {
    FunnelQuery q = FunnelQuery.event();
    FunnelState t = FunnelState.empty(DEMO.catalog(), DEMO.zone(), q);
    for (Lead l : DEMO.leads()) {
      t.add(LeadReach.of(DEMO.history(l.id()), DEMO.catalog()));
    }
    assertEquals(StageFunnel.compute(DEMO, q), t.result());
  }

  @Test
  void aHistoryIsOfOneLead() {
    Lead l = Lead.of("L1", Instant.parse("2026-01-01T00:00:00Z"), "seo");
    assertThrows(IllegalArgumentException.class,
        () -> new LeadHistory("L2", l, List.of(), List.of(), List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> LeadReach.of(DEMO.history("no-such-lead"), DEMO.catalog()));
    assertEquals("L1", LeadHistory.of(l).id());
  }
}
