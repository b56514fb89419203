package dev.funnel.core.bridge;

/**
 * The LMDI-I and LMDI-II segment-by-factor effects on a grid of non-negative values.
 *
 * <p>LMDI-I (Ang 2005, "The LMDI approach to decomposition analysis: a practical guide", Energy
 * Policy 33: 867-871): the effect of factor k in segment i is L(V1_i, V0_i) ln(x1_ki / x0_ki).
 * Summed over factors it is V1_i - V0_i, so the total is exact, and the segments add up to the
 * table (consistency in aggregation).
 *
 * <p>LMDI-II (Ang and Choi 1997, The Energy Journal 18(3): 59-73): the same with the shares
 * s_i = V_i / V in place of V_i, normalised by the sum of L(s1_i, s0_i) and scaled by L(V1, V0).
 * Exact because the shares sum to one: sum_i L(s1_i, s0_i) ln(V1_i / V0_i) = sum_i (s1_i - s0_i)
 * + ln(V1 / V0) sum_i L(s1_i, s0_i) = ln(V1 / V0) sum_i L(s1_i, s0_i).
 *
 * <p>Zeros follow the analytical limits of Ang, Zhang and Choi (1998), Energy 23(6), table 2, as
 * the limit of the small-value substitution: a segment zero in both states gives nothing; a
 * segment that appears gives its current weight (V1_i, or s1_i for LMDI-II) in equal parts to the
 * m factors that were zero in the base (m = 1 is their case 1; the other factors get their case
 * 3, zero); a disappearing segment symmetrically gives minus its base weight.
 */
final class Lmdi {
  private Lmdi() {}

  /**
   * Why LMDI-II shares are undefined for this grid, or null when they are defined: they need
   * positive totals and at least one segment present in both states.
   */
  static String sharesUndefined(Grid g) {
    double v0 = g.baseTotal();
    double v1 = g.currentTotal();
    if (!(v0 > 0) || !(v1 > 0)) {
      return "LMDI-II shares V_i / V are undefined when a total is zero (base " + v0
          + ", current " + v1 + ")";
    }
    if (!(shareMeanSum(g, v0, v1) > 0)) {
      return "LMDI-II weights are undefined: no segment is present in both states";
    }
    return null;
  }

  private static double shareMeanSum(Grid g, double v0, double v1) {
    CompensatedSum s = new CompensatedSum();
    for (int i = 0; i < g.segmentCount(); i++) {
      s.add(LogMean.of(Grid.product(g.current()[i]) / v1, Grid.product(g.base()[i]) / v0));
    }
    return s.value();
  }

  /**
   * Additive effects per segment and factor; values must be non-negative and, for LMDI-II,
   * {@link #sharesUndefined} must be null.
   */
  static double[][] segmentEffects(Grid g, boolean shares) {
    int n = g.segmentCount();
    int k = g.factorCount();
    double v0 = g.baseTotal();
    double v1 = g.currentTotal();
    double scale = shares ? LogMean.of(v1, v0) / shareMeanSum(g, v0, v1) : 1;
    double[][] out = new double[n][k];
    for (int i = 0; i < n; i++) {
      double[] x0 = g.base()[i];
      double[] x1 = g.current()[i];
      double a0 = Grid.product(x0);
      double a1 = Grid.product(x1);
      if (shares) {
        a0 /= v0;
        a1 /= v1;
      }
      int zeroBase = 0;
      int zeroCurrent = 0;
      for (int j = 0; j < k; j++) {
        zeroBase += x0[j] == 0 ? 1 : 0;
        zeroCurrent += x1[j] == 0 ? 1 : 0;
      }
      for (int j = 0; j < k; j++) {
        double e;
        if (zeroBase == 0 && zeroCurrent == 0) {
          e = LogMean.of(a1, a0) * Math.log(x1[j] / x0[j]);
        } else if (zeroBase > 0 && zeroCurrent > 0) {
          e = 0;
        } else if (zeroBase > 0) {
          e = x0[j] == 0 ? a1 / zeroBase : 0;
        } else {
          e = x1[j] == 0 ? -a0 / zeroCurrent : 0;
        }
        out[i][j] = e * scale;
      }
    }
    return out;
  }
}
