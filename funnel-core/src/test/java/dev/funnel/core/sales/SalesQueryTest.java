package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The named query asks exactly what the positional calls ask, part by part. */
class SalesQueryTest {

  private static final Dataset DEMO = DemoData.builder().seed(4).leads(3_000).build().dataset();
  private static final Instant FROM = Instant.parse("2026-02-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2026-06-15T00:00:00Z");

  @Test
  void namedPartsGoWhereThePositionalCallsTakeThem() {
    SalesQuery q = SalesQuery.from("OPPORTUNITY").between(FROM, TO).asOf(AS_OF);
    assertEquals(Sales.winRate(DEMO, "OPPORTUNITY", FROM, TO, AS_OF), Sales.winRate(DEMO, q));
    assertEquals(Sales.cycle(DEMO, "OPPORTUNITY", AS_OF, FROM, TO), Sales.cycle(DEMO, q));
    assertEquals(Sales.dealSize(DEMO, FROM, TO, AS_OF), Sales.dealSize(DEMO, q));
    assertEquals(Sales.cycleBy(DEMO, Dimension.CHANNEL, "OPPORTUNITY", AS_OF, FROM, TO),
        Sales.cycleBy(DEMO, Dimension.CHANNEL, q));
    assertEquals(Sales.cycle(DEMO, AS_OF), Sales.cycle(DEMO, SalesQuery.all().asOf(AS_OF)));
    // the parts matter: another window or stage is another answer
    assertNotEquals(Sales.winRate(DEMO, q), Sales.winRate(DEMO, SalesQuery.all().between(FROM, TO).asOf(AS_OF)));
    assertThrows(IllegalArgumentException.class, () -> SalesQuery.all().between(TO, FROM));
  }

  @Test
  void ownerKpisByNamedParts() {
    SalesQuery q = SalesQuery.all().between(FROM, TO).asOf(AS_OF);
    assertEquals(Sales.owners(DEMO, AS_OF, FROM, TO), Sales.owners(DEMO, q));
    for (OwnerRule rule : OwnerRule.values()) {
      assertEquals(Sales.owners(DEMO, AS_OF, FROM, TO, rule), Sales.owners(DEMO, q, rule));
      assertEquals(Sales.ownerTally(DEMO, AS_OF, FROM, TO, rule).result(),
          Sales.ownerTally(DEMO, q, rule).result());
      OwnerTally empty = OwnerTally.empty(q, rule);
      DEMO.leads().forEach(l -> empty.add(DEMO, l));
      assertEquals(Sales.owners(DEMO, q, rule), empty.result());
    }
    // the stage plays no part in the owners' window (hand-offs), the window and as-of do
    assertEquals(Sales.owners(DEMO, q), Sales.owners(DEMO, SalesQuery.from("OPPORTUNITY").between(FROM, TO).asOf(AS_OF)));
    assertNotEquals(Sales.owners(DEMO, q), Sales.owners(DEMO, q.between(FROM, null)));
    assertNotEquals(Sales.owners(DEMO, q), Sales.owners(DEMO, q.asOf(TO)));
    assertNotEquals(Sales.owners(DEMO, q, OwnerRule.ROLE), Sales.owners(DEMO, q, OwnerRule.LEAD_OWNER));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sales.owners(DEMO, SalesQuery.all()));
    assertTrue(e.getMessage().contains("as-of"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sales.owners(DEMO, null));
    assertThrows(IllegalArgumentException.class, () -> OwnerTally.empty(null, OwnerRule.ROLE));
    assertThrows(IllegalArgumentException.class, () -> OwnerTally.empty(q, null));
  }
}
