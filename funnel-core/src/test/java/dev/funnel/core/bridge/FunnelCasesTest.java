package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Constructed funnel bridges: a five-factor funnel and a channel bridge with source mix. */
class FunnelCasesTest {

  /** leads x lead->MQL x MQL->SQL x win rate x average deal. */
  private static final FactorTable FIVE = FactorTable.of(
      new FactorRow("", "leads", 2000, 2400),
      new FactorRow("", "lead->MQL", 0.30, 0.30),
      new FactorRow("", "MQL->SQL", 0.50, 0.40),
      new FactorRow("", "win rate", 0.20, 0.20),
      new FactorRow("", "average deal", 5000, 5000));

  @Test
  void fiveFactorFunnel() {
    double v0 = 2000 * 0.30 * 0.50 * 0.20 * 5000;
    double v1 = 2400 * 0.30 * 0.40 * 0.20 * 5000;
    // LMDI, one segment: effect = (V1 - V0) ln(x1 / x0) / ln(V1 / V0)
    BridgeResult lmdi = Bridge.lmdi().decompose(FIVE);
    double w = (v1 - v0) / Math.log(v1 / v0);
    assertEquals(w * Math.log(1.2), lmdi.effect("leads"), 1e-6);
    assertEquals(w * Math.log(0.8), lmdi.effect("MQL->SQL"), 1e-6);
    assertEquals(0, lmdi.effect("win rate"), 0);
    // Shapley, two moving factors a, b and a constant c: a's effect = (a1 - a0)(b0 + b1) / 2 c
    BridgeResult shapley = Bridge.builder().method(Method.SHAPLEY).build().decompose(FIVE);
    double c = 0.30 * 0.20 * 5000;
    assertEquals((2400 - 2000) * (0.50 + 0.40) / 2 * c, shapley.effect("leads"), 1e-6);
    assertEquals((0.40 - 0.50) * (2000 + 2400) / 2 * c, shapley.effect("MQL->SQL"), 1e-6);
    for (BridgeResult r : List.of(lmdi, shapley)) {
      assertEquals(v1 - v0, Tables.sum(r), 1e-6);
      assertEquals(List.of("leads", "lead->MQL", "MQL->SQL", "win rate", "average deal"),
          r.effects().stream().map(FactorEffect::factor).toList());
    }
  }

  /**
   * Revenue by channel = total leads x channel share x win rate x deal. Leads grow 20% and move
   * from the web (5% win rate) to ads (2%); win rates and deals do not change, so the whole change
   * is leads plus source mix.
   */
  @Test
  void channelBridgeWithSourceMix() {
    FactorTable t = FactorTable.of(
        new FactorRow("web", "leads", 1000, 1200), new FactorRow("web", "source mix", 0.6, 0.4),
        new FactorRow("web", "win rate", 0.05, 0.05), new FactorRow("web", "deal", 100, 100),
        new FactorRow("ads", "leads", 1000, 1200), new FactorRow("ads", "source mix", 0.4, 0.6),
        new FactorRow("ads", "win rate", 0.02, 0.02), new FactorRow("ads", "deal", 100, 100));
    BridgeResult r = Bridge.lmdi().decompose(t);
    assertEquals(3800, r.base(), 1e-9);
    assertEquals(3840, r.current(), 1e-9);
    assertEquals(0, r.effect("win rate"), 0);
    assertEquals(0, r.effect("deal"), 0);
    double lWeb = (2400 - 3000) / Math.log(2400.0 / 3000);
    double lAds = (1440 - 800) / Math.log(1440.0 / 800);
    assertEquals((lWeb + lAds) * Math.log(1.2), r.effect("leads"), 1e-9);
    assertEquals(lWeb * Math.log(0.4 / 0.6) + lAds * Math.log(0.6 / 0.4), r.effect("source mix"),
        1e-9);
    assertTrue(r.effect("source mix") < 0, "leads moved to the channel that converts worse");
    assertTrue(r.segmentEffect("web", "source mix") < 0);
    assertTrue(r.segmentEffect("ads", "source mix") > 0);
    assertEquals(40, r.effect("leads") + r.effect("source mix"), 1e-9);
  }

  /** A channel that did not exist in the base: its whole revenue is its own effect. */
  @Test
  void channelAppearingFromZero() {
    FactorTable t = FactorTable.of(
        new FactorRow("web", "leads", 1000, 1000), new FactorRow("web", "win rate", 0.05, 0.05),
        new FactorRow("web", "deal", 100, 110),
        new FactorRow("partners", "leads", 0, 200), new FactorRow("partners", "win rate", 0, 0.1),
        new FactorRow("partners", "deal", 100, 100));
    for (Method m : List.of(Method.LMDI_I_ADDITIVE, Method.LMDI_II_ADDITIVE,
        Method.LMDI_I_MULTIPLICATIVE, Method.SHAPLEY)) {
      BridgeResult r = Bridge.builder().method(m).build().decompose(t);
      assertTrue(!r.fallback(), m.label());
      assertEquals(2000 + 500, Tables.sum(r), 1e-9, m.label());
    }
    BridgeResult r = Bridge.lmdi().decompose(t);
    assertEquals(1000, r.segmentEffect("partners", "leads"), 1e-9);
    assertEquals(1000, r.segmentEffect("partners", "win rate"), 1e-9);
    assertEquals(0, r.segmentEffect("partners", "deal"), 0);
    assertEquals(500, r.effect("deal"), 1e-9);
  }
}
