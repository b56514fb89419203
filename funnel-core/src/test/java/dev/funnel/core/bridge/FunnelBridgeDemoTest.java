package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageFunnel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The funnel bridge on the demo dataset, month against the previous month: revenues equal an
 * independent sum of payments, the counts equal the stage funnel's event counts, and the effects
 * add up to the change.
 */
class FunnelBridgeDemoTest {

  private static final Dataset DATA = DemoData.builder().seed(11).leads(3_000).build().dataset();

  private static BigDecimal paid(Period p) {
    BigDecimal s = BigDecimal.ZERO;
    for (Payment pay : DATA.payments()) {
      if (!pay.paidAt().isBefore(p.startInstant(DATA.zone()))
          && pay.paidAt().isBefore(p.endInstant(DATA.zone()))) {
        s = s.add(pay.amount().amount());
      }
    }
    return s;
  }

  @Test
  void everyMonthAgainstThePreviousOneAddsUp() {
    Period first = Period.of(dev.funnel.core.Granularity.MONTH, DemoData.DEFAULT_START);
    List<FunnelBridge> bridges = List.of(
        FunnelBridge.builder().build(),
        FunnelBridge.builder().by(Dimension.CHANNEL).build(),
        FunnelBridge.builder().by(Dimension.CHANNEL).newVsExisting().build(),
        FunnelBridge.builder().newVsExisting()
            .bridge(Bridge.builder().method(Method.SHAPLEY).build()).build());
    for (Period p = first.next(); p.compareTo(first.plus(12)) <= 0; p = p.next()) {
      Period prev = p.previous();
      FunnelBridgeResult v = FunnelBridge.builder().velocity().build().periods(DATA, prev, p);
      double sum = v.effects().stream().mapToDouble(FactorEffect::effect).sum();
      assertEquals(v.bridge().change(), sum, 1e-9 * Math.abs(v.bridge().current()));
      FunnelCounts now = new FunnelCounting(DATA, List.of(DATA.catalog().first(),
          DATA.catalog().stage("MQL"), DATA.catalog().stage("SQL"), DATA.catalog().won()), null,
          false).count(p).get("");
      assertEquals(paid(p).doubleValue() / now.meanCycleDays(), v.bridge().current(),
          1e-9 * v.bridge().current());
      for (FunnelBridge fb : bridges) {
        FunnelBridgeResult r = fb.periods(DATA, prev, p);
        assertEquals(0, paid(prev).compareTo(r.baseRevenue()), "base revenue of " + prev);
        assertEquals(0, paid(p).compareTo(r.currentRevenue()), "current revenue of " + p);
        FunnelBridgeTest.assertExact(r);
      }
    }
  }

  @Test
  void countsAreTheStageFunnelsEventCounts() {
    Period mar = Period.parse("2026-03");
    FunnelBridgeResult r = FunnelBridge.builder().build().periods(DATA, mar.previous(), mar);
    FunnelReport f = StageFunnel.compute(DATA, FunnelQuery.event()
        .between(mar.startInstant(DATA.zone()), mar.endInstant(DATA.zone())));
    FactorTable t = r.factors();
    double leads = t.current("", "leads");
    assertEquals(f.count("LEAD"), leads, 0);
    assertEquals(f.count("MQL"), leads * t.current("", "lead->mql"), 1e-9);
    assertEquals(f.count("SQL"), leads * t.current("", "lead->mql") * t.current("", "mql->sql"),
        1e-9);
    assertEquals(f.count("WON"), leads * t.current("", "lead->mql") * t.current("", "mql->sql")
        * t.current("", "win rate"), 1e-9);
  }

  @Test
  void planVsActualOnTheDemoPlan() {
    Period mar = Period.parse("2026-03");
    FunnelBridgeResult r = FunnelBridge.builder().build().planVsActual(DATA, mar);
    assertEquals(0, paid(mar).compareTo(r.currentRevenue()));
    FunnelBridgeTest.assertExact(r);
  }
}
