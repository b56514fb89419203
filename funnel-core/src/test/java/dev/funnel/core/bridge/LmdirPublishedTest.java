package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published test numbers of the R package LMDIR (Heun, tests/testthat/test_lmdi.R and
 * R/util.R, github.com/MatthewHeun/LMDIR): two sub-categories by three factors, years 1971 to
 * 1974. Sub-category 1 has factors (1, 10, 2), (4, 5, 3), (8, 2, 4), (10, 1, 5); sub-category 2
 * has (4, 5, 3), (5, 6, 4), (5, 7, 5), (6, 8, 6). LMDIR's expect_equal compares to about 1.5e-8
 * relative; the published values carry ten significant digits.
 */
class LmdirPublishedTest {

  private static final double[][][] YEARS = {
      {{1, 10, 2}, {4, 5, 3}},
      {{4, 5, 3}, {5, 6, 4}},
      {{8, 2, 4}, {5, 7, 5}},
      {{10, 1, 5}, {6, 8, 6}}};

  static FactorTable table(double[][] base, double[][] current) {
    List<FactorRow> rows = new ArrayList<>();
    for (int i = 0; i < base.length; i++) {
      for (int k = 0; k < base[i].length; k++) {
        rows.add(new FactorRow("subcat " + (i + 1), "factor " + (k + 1), base[i][k],
            current[i][k]));
      }
    }
    return FactorTable.of(rows);
  }

  private static void assertEffects(double[] expected, BridgeResult r, boolean ratio) {
    for (int k = 0; k < expected.length; k++) {
      String f = "factor " + (k + 1);
      double actual = ratio ? r.ratio(f) : r.effect(f);
      assertEquals(expected[k], actual, 2e-8 * Math.max(1, Math.abs(expected[k])), f);
    }
  }

  @Test
  void additiveLmdiReproducesLmdir1971to1972() {
    BridgeResult r = Bridge.lmdi().decompose(table(YEARS[0], YEARS[1]));
    assertEquals(Method.LMDI_I_ADDITIVE, r.method());
    assertFalse(r.fallback());
    assertEquals(80, r.base(), 0);
    assertEquals(180, r.current(), 0);
    assertEffects(new double[] {69.79006598, -9.455125793, 39.66505981}, r, false);
  }

  @Test
  void multiplicativeLmdiReproducesLmdir1971to1972() {
    BridgeResult r = Bridge.builder().method(Method.LMDI_I_MULTIPLICATIVE).build()
        .decompose(table(YEARS[0], YEARS[1]));
    assertEffects(new double[] {1.761117821, 0.926191306, 1.379410116}, r, true);
    assertEquals(2.25, r.current() / r.base(), 1e-15);
  }

  @Test
  void laterYearsReproduceLmdir() {
    double[][] additive = {
        {42.96021467, -34.31902656, 50.3588119},
        {54.01064234, -9.021284671, 54.01064234}};
    double[][] ratios = {
        {1.229284572, 0.847970248, 1.273773912},
        {1.208140223, 0.968911503, 1.208140223}};
    for (int y = 1; y <= 2; y++) {
      FactorTable t = table(YEARS[y], YEARS[y + 1]);
      assertEffects(additive[y - 1], Bridge.lmdi().decompose(t), false);
      assertEffects(ratios[y - 1],
          Bridge.builder().method(Method.LMDI_I_MULTIPLICATIVE).build().decompose(t), true);
    }
  }

  @Test
  void segmentEffectsReproduceLmdirZMatrix() {
    BridgeResult r = Bridge.lmdi().decompose(table(YEARS[0], YEARS[1]));
    double[][] z = {
        {50.47438029, -25.23719014, 14.76280986},
        {19.31568569, 15.78206435, 24.90224996}};
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(z[i][k], r.segmentEffect("subcat " + (i + 1), "factor " + (k + 1)), 2e-8);
      }
    }
  }

  /**
   * LMDI-II on the same data, computed here straight from the definition (Ang and Choi 1997; Ang
   * 2004 table 1): ln D_k = sum_i w_i ln(x1_ki / x0_ki) with w_i = L(s1_i, s0_i) / sum_j
   * L(s1_j, s0_j), s = V_i / V; the additive effect is L(V1, V0) ln D_k.
   */
  @Test
  void lmdiTwoMatchesItsDefinition() {
    double[][] x0 = YEARS[0];
    double[][] x1 = YEARS[1];
    double[] s0 = {20 / 80.0, 60 / 80.0};
    double[] s1 = {60 / 180.0, 120 / 180.0};
    double[] l = new double[2];
    for (int i = 0; i < 2; i++) {
      l[i] = (s1[i] - s0[i]) / Math.log(s1[i] / s0[i]);
    }
    double lTotal = (180 - 80) / Math.log(180 / 80.0);
    BridgeResult mult = Bridge.builder().method(Method.LMDI_II_MULTIPLICATIVE).build()
        .decompose(table(x0, x1));
    BridgeResult add = Bridge.builder().method(Method.LMDI_II_ADDITIVE).build()
        .decompose(table(x0, x1));
    BridgeResult one = Bridge.lmdi().decompose(table(x0, x1));
    for (int k = 0; k < 3; k++) {
      double lnD = 0;
      for (int i = 0; i < 2; i++) {
        lnD += l[i] / (l[0] + l[1]) * Math.log(x1[i][k] / x0[i][k]);
      }
      String f = "factor " + (k + 1);
      assertEquals(Math.exp(lnD), mult.ratio(f), 1e-12, f);
      assertEquals(lTotal * lnD, add.effect(f), 1e-10, f);
      assertEquals(add.effect(f), mult.effect(f), 1e-10, f);
      // the share weights differ from LMDI-I's, and so do the effects
      assertTrue(Math.abs(one.effect(f) - add.effect(f)) > 1e-3, f);
    }
    assertTrue(mult.summary().endsWith("(+100, x2.25)"), mult.summary());
  }

  /** LMDIR's degenerate cases (Ang, Zhang and Choi 1998, table 2): a zero in the base. */
  @Test
  void zeroInBaseFollowsAnalyticalLimit() {
    double[][] base = {{0, 10, 2}, {4, 5, 3}};
    BridgeResult r = Bridge.lmdi().decompose(table(base, YEARS[1]));
    double[][] z = {{60, 0, 0}, {19.31568569, 15.78206435, 24.90224996}};
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(z[i][k], r.segmentEffect("subcat " + (i + 1), "factor " + (k + 1)), 2e-8);
      }
    }
    assertEquals(r.change(), r.effects().stream().mapToDouble(FactorEffect::effect).sum(), 1e-9);
  }

  /** LMDIR's degenerate cases: a zero in the current state. */
  @Test
  void zeroInCurrentFollowsAnalyticalLimit() {
    double[][] current = {{4, 5, 3}, {5, 6, 0}};
    BridgeResult r = Bridge.lmdi().decompose(table(YEARS[0], current));
    double[][] z = {{50.47438029, -25.23719014, 14.76280986}, {0, 0, -60}};
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(z[i][k], r.segmentEffect("subcat " + (i + 1), "factor " + (k + 1)), 2e-8);
      }
    }
  }
}
