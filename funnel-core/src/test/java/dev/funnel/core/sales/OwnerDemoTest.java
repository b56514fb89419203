package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * On the demo CRM SDRs ({@code sdr.*}) hold the lead, work it and move it up to SQL, AEs
 * ({@code ae.*}) take it from SAL and close it, and {@code leads.owner} is the SDR. By lead owner
 * the AEs' wins land on the SDRs; by role they land on the AEs.
 */
class OwnerDemoTest {

  static final DemoData DEMO = DemoData.builder().leads(2000).defectRate(0).build();

  @Test
  void byRoleWinsGoToTheAesAndMqlsToTheSdrs() {
    Dataset d = DEMO.dataset();
    Instant asOf = DEMO.end().atStartOfDay(DEMO.zone()).toInstant();
    OwnerKpis role = Sales.owners(d, asOf, null, null);
    OwnerKpis lead = Sales.owners(d, asOf, null, null, OwnerRule.LEAD_OWNER);
    long won = Sales.winRate(d, "SQL", null, null, asOf).won();
    assertTrue(won > 50, "the demo wins deals: " + won);
    for (OwnerKpi k : role.owners()) {
      assertTrue(k.mqls() == 0 || k.owner().startsWith("sdr."), k::toString);
      assertTrue(k.won() == 0 || k.owner().startsWith("ae."), k::toString);
    }
    for (OwnerKpi k : lead.owners()) {
      assertTrue(k.owner().startsWith("sdr."), k::toString);
    }
    for (OwnerKpis k : new OwnerKpis[] {role, lead}) {
      assertEquals(won, k.owners().stream().mapToLong(OwnerKpi::won).sum(), k.rule().label());
    }
  }
}
