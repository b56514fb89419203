package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zero and sign policies, fallbacks, configuration errors and the printed form. */
class BridgePoliciesTest {

  private static final FactorTable FUNNEL = FactorTable.of(
      new FactorRow("", "leads", 1000, 1100),
      new FactorRow("", "win rate", 0.1, 0.09),
      new FactorRow("", "average deal", 10, 11.1));

  private static final FactorTable SIGN_CHANGE = FactorTable.of(
      new FactorRow("a", "volume", 10, 12), new FactorRow("a", "margin", 2, -1),
      new FactorRow("b", "volume", 5, 5), new FactorRow("b", "margin", 3, 4));

  @Test
  void summaryAndWaterfall() {
    BridgeResult r = Bridge.lmdi().decompose(FUNNEL);
    assertEquals("Bridge lmdi-additive: 1,000 -> 1,098.9 (+98.9)", r.summary());
    String text = r.toString();
    assertTrue(text.startsWith(r.summary() + "\n"), text);
    assertTrue(r.summary().length() <= 80);
    assertEquals(5, r.table().size());
    assertTrue(r.table().render().contains("win rate"));
    assertEquals(ZeroPolicy.ANALYTICAL_LIMIT, r.zeroPolicy());
    assertEquals(List.of(), r.order());
    assertFalse(r.orderDependent());
    assertNull(r.fallbackReason());
    assertTrue(Double.isNaN(r.ratio("leads")));
  }

  @Test
  void oneSegmentLmdiHasTheClosedForm() {
    // one segment: effect_k = (V1 - V0) ln(x1_k / x0_k) / ln(V1 / V0)
    BridgeResult r = Bridge.lmdi().decompose(FUNNEL);
    double v0 = 1000;
    double v1 = 1100 * 0.09 * 11.1;
    double w = (v1 - v0) / Math.log(v1 / v0);
    assertEquals(w * Math.log(1.1), r.effect("leads"), 1e-9);
    assertEquals(w * Math.log(0.9), r.effect("win rate"), 1e-9);
    assertEquals(w * Math.log(1.11), r.effect("average deal"), 1e-9);
    // with a single segment LMDI-II and LMDI-I coincide (the only share is 1)
    BridgeResult two = Bridge.builder().method(Method.LMDI_II_ADDITIVE).build().decompose(FUNNEL);
    for (String f : FUNNEL.factors()) {
      assertEquals(r.effect(f), two.effect(f), 1e-9);
    }
    BridgeResult mult = Bridge.builder().method(Method.LMDI_I_MULTIPLICATIVE).build()
        .decompose(FUNNEL);
    assertEquals(1.1, mult.ratio("leads"), 1e-12);
    assertEquals(0.9, mult.ratio("win rate"), 1e-12);
    assertEquals(1.11, mult.ratio("average deal"), 1e-12);
    assertTrue(mult.summary().startsWith("Bridge lmdi-multiplicative: "));
    assertEquals(7, mult.table().render().lines().count()); // header, rule, base, 3 factors, current
  }

  @Test
  void aFactorThatDoesNotMoveGetsNothing() {
    FactorTable t = FactorTable.of(
        new FactorRow("", "leads", 1000, 1000), new FactorRow("", "win rate", 0.1, 0.12),
        new FactorRow("", "deal", 10, 10), new FactorRow("", "conversion", 0.5, 0.5),
        new FactorRow("", "visits", 20, 20));
    for (Method m : Method.values()) {
      BridgeResult r = Bridge.builder().method(m).build().decompose(t);
      assertEquals(0, r.effect("leads"), 1e-12, m.label());
      assertEquals(r.change(), r.effect("win rate"), 1e-9, m.label());
    }
  }

  @Test
  void signChangeFallsBackToShapleyAndSaysWhy() {
    BridgeResult r = Bridge.lmdi().decompose(SIGN_CHANGE);
    assertTrue(r.fallback());
    assertEquals(Method.SHAPLEY, r.method());
    assertEquals(Method.LMDI_I_ADDITIVE, r.requested());
    assertTrue(r.fallbackReason().contains("'margin' changes sign in segment 'a'"),
        r.fallbackReason());
    assertTrue(r.summary().startsWith("Bridge shapley (fallback): "), r.summary());
    BridgeResult shapley = Bridge.builder().method(Method.SHAPLEY).build().decompose(SIGN_CHANGE);
    assertEquals(shapley.effects(), r.effects());
    // by hand: segment a, two factors: Shapley = half of each order's effect
    double volumeA = 0.5 * ((12 - 10) * 2 + (12 - 10) * -1.0);
    double marginA = 0.5 * (10 * (-1 - 2) + 12 * (-1 - 2));
    assertEquals(volumeA, r.segmentEffect("a", "volume"), 1e-12);
    assertEquals(marginA, r.segmentEffect("a", "margin"), 1e-12);
    assertEquals(5, r.segmentEffect("b", "margin"), 1e-12);
  }

  @Test
  void signChangeCanFail() {
    Bridge strict = Bridge.builder().signChangePolicy(SignChangePolicy.FAIL).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> strict.decompose(SIGN_CHANGE));
    assertTrue(e.getMessage().contains("margin"), e.getMessage());
    FactorTable negative = FactorTable.of(new FactorRow("", "loss", -2, -3),
        new FactorRow("", "units", 1, 1));
    e = assertThrows(IllegalArgumentException.class, () -> strict.decompose(negative));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
  }

  @Test
  void multiplicativeFallbackKeepsExactRatios() {
    FactorTable t = FactorTable.of(
        new FactorRow("a", "volume", 10, 12), new FactorRow("a", "margin", 2, -1),
        new FactorRow("b", "volume", 50, 55), new FactorRow("b", "margin", 3, 4));
    BridgeResult r = Bridge.builder().method(Method.LMDI_I_MULTIPLICATIVE).build().decompose(t);
    assertTrue(r.fallback());
    assertTrue(r.multiplicative());
    assertEquals(r.current() / r.base(), Tables.product(r), 1e-12);
    assertEquals(r.change(), Tables.sum(r), 1e-9);
  }

  @Test
  void multiplicativeNeedsPositiveTotals() {
    FactorTable gone = FactorTable.of(new FactorRow("", "x", 2, 0), new FactorRow("", "y", 1, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().method(Method.LMDI_II_MULTIPLICATIVE).build().decompose(gone));
    assertTrue(e.getMessage().contains("positive totals"), e.getMessage());
    // additive LMDI handles it through the limit: the zero factor takes the whole change
    BridgeResult r = Bridge.lmdi().decompose(gone);
    assertEquals(-2, r.effect("x"), 0);
    assertEquals(0, r.effect("y"), 0);
  }

  @Test
  void lmdiTwoWithoutSharesFallsBack() {
    FactorTable appear = FactorTable.of(new FactorRow("", "x", 0, 3), new FactorRow("", "y", 1, 2));
    BridgeResult r = Bridge.builder().method(Method.LMDI_II_ADDITIVE).build().decompose(appear);
    assertTrue(r.fallback());
    assertTrue(r.fallbackReason().contains("shares"), r.fallbackReason());
    assertEquals(6, Tables.sum(r), 1e-12);
    BridgeResult one = Bridge.lmdi().decompose(appear);
    assertFalse(one.fallback());
    assertEquals(6, one.effect("x"), 0);
  }

  @Test
  void zeroPolicies() {
    FactorTable t = FactorTable.of(
        new FactorRow("old", "leads", 100, 120), new FactorRow("old", "rate", 0.2, 0.25),
        new FactorRow("new", "leads", 0, 50), new FactorRow("new", "rate", 0, 0.1));
    BridgeResult limit = Bridge.lmdi().decompose(t);
    assertEquals(2.5, limit.segmentEffect("new", "leads"), 1e-12);
    assertEquals(2.5, limit.segmentEffect("new", "rate"), 1e-12);
    assertEquals(t.current("old", "leads") * 0.25 + 5 - 20, Tables.sum(limit), 1e-12);

    BridgeResult small = Bridge.builder().zeroPolicy(ZeroPolicy.SMALL_VALUE).build().decompose(t);
    assertEquals(ZeroPolicy.SMALL_VALUE, small.zeroPolicy());
    assertEquals(small.change(), Tables.sum(small), 1e-9);
    assertEquals(limit.segmentEffect("old", "rate"), small.segmentEffect("old", "rate"), 1e-12);
    assertEquals(5, small.segmentEffect("new", "leads") + small.segmentEffect("new", "rate"),
        1e-9);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().zeroPolicy(ZeroPolicy.SMALL_VALUE).smallValue(0.01).build()
            .decompose(t));
    assertTrue(e.getMessage().contains("ANALYTICAL_LIMIT"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().zeroPolicy(ZeroPolicy.FAIL).build().decompose(t));
    assertTrue(e.getMessage().contains("segment 'new'"), e.getMessage());
    // Shapley needs no zero policy
    assertEquals(5, Bridge.builder().method(Method.SHAPLEY).zeroPolicy(ZeroPolicy.FAIL).build()
        .decompose(t).segmentEffect("new", "leads") * 2, 1e-12);
  }

  @Test
  void segmentThatIsZeroInBothStatesContributesNothing() {
    FactorTable t = FactorTable.of(
        new FactorRow("a", "x", 2, 3), new FactorRow("a", "y", 4, 4),
        new FactorRow("b", "x", 0, 5), new FactorRow("b", "y", 7, 0));
    BridgeResult r = Bridge.lmdi().decompose(t);
    assertEquals(0, r.segmentEffect("b", "x"), 0);
    assertEquals(0, r.segmentEffect("b", "y"), 0);
    assertEquals(4, r.effect("x"), 1e-12);
  }

  @Test
  void overflowIsABadInputNotAnInternalError() {
    FactorTable huge = FactorTable.of(new FactorRow("", "a", 1e200, 1e-200),
        new FactorRow("", "b", 1e-200, 1e200));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().method(Method.SHAPLEY).build().decompose(huge));
    assertTrue(e.getMessage().contains("overflow"), e.getMessage());
    FactorTable tooBig = FactorTable.of(new FactorRow("", "a", 1e200, 1),
        new FactorRow("", "b", 1e200, 1));
    e = assertThrows(IllegalArgumentException.class, () -> Bridge.lmdi().decompose(tooBig));
    assertTrue(e.getMessage().contains("overflow"), e.getMessage());
  }

  @Test
  void allZeroTableHasNoEffects() {
    FactorTable zero = FactorTable.of(new FactorRow("a", "x", 0, 0), new FactorRow("a", "y", 3, 0),
        new FactorRow("b", "x", 0, 2), new FactorRow("b", "y", 0, 0));
    for (ZeroPolicy p : List.of(ZeroPolicy.ANALYTICAL_LIMIT, ZeroPolicy.SMALL_VALUE)) {
      BridgeResult r = Bridge.builder().zeroPolicy(p).build().decompose(zero);
      assertEquals(0, r.effect("x"), 0);
      assertEquals(0, r.effect("y"), 0);
    }
  }

  @Test
  void configurationErrors() {
    assertThrows(IllegalArgumentException.class, () -> Bridge.builder().order("a", "b").build());
    assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().method(Method.CHAIN).order("a", "a"));
    assertThrows(IllegalArgumentException.class, () -> Bridge.builder().smallValue(0));
    assertThrows(IllegalArgumentException.class, () -> Bridge.builder().smallValue(Double.NaN));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().method(Method.CHAIN).order("leads", "win rate").build()
            .decompose(FUNNEL));
    assertTrue(e.getMessage().contains("exactly once"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().method(Method.CHAIN).order("leads", "win rate", "deal").build()
            .decompose(FUNNEL));
  }

  @Test
  void shapleyHandlesTwelveFactorsAndRefusesTooMany() {
    List<FactorRow> rows = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      rows.add(new FactorRow("a", "f" + k, 1 + k * 0.01, 1 + k * 0.02));
      rows.add(new FactorRow("b", "f" + k, 2 - k * 0.03, -1 + k * 0.1));
    }
    BridgeResult r = Bridge.builder().method(Method.SHAPLEY).build()
        .decompose(FactorTable.of(rows));
    assertEquals(r.change(), Tables.sum(r), 1e-9 * Math.max(1, Math.abs(r.base())));
    List<FactorRow> many = new ArrayList<>();
    for (int k = 0; k < 17; k++) {
      many.add(new FactorRow("", "f" + k, 1, 2));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bridge.builder().method(Method.SHAPLEY).build().decompose(FactorTable.of(many)));
    assertTrue(e.getMessage().contains("17 factors"), e.getMessage());
  }
}
