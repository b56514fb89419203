package dev.funnel.core.bridge;

/**
 * The Shapley decomposition: effect of factor k = sum over subsets S of the other factors of
 * |S|! (K - |S| - 1)! / K! [V(S + k) - V(S)], where V(S) takes current values for the factors in
 * S and base values for the rest (per segment product, then the sum over segments). Shapley
 * (1953) "A value for n-person games"; for index decomposition Albrecht, Francois and Schoors
 * (2002), Energy Economics 24: 343-357, and Ang, Liu and Chew (2003), Energy Policy 31: 1561-1566.
 *
 * <p>Exact (efficiency of the Shapley value: the effects sum to V(all) - V(none) = V1 - V0),
 * independent of factor order, and defined for any signs and zeros. V(S) is linear in the
 * segments, so the segment effects add up to the table's. Cost: 2^K subsets per segment.
 */
final class Shapley {
  /** 2^16 subsets per segment is the most we enumerate. */
  static final int MAX_FACTORS = 16;

  private Shapley() {}

  static double[][] segmentEffects(Grid g) {
    int n = g.segmentCount();
    int k = g.factorCount();
    if (k > MAX_FACTORS) {
      throw new IllegalArgumentException("Shapley decomposition enumerates 2^K factor subsets; "
          + k + " factors is more than the " + MAX_FACTORS + " supported");
    }
    double[] weight = weights(k);
    int subsets = 1 << k;
    double[] value = new double[subsets];
    double[][] out = new double[n][k];
    for (int i = 0; i < n; i++) {
      double[] x0 = g.base()[i];
      double[] x1 = g.current()[i];
      // value[S] = product over factors of (current if in S else base), built factor by factor
      value[0] = 1;
      for (int j = 0, size = 1; j < k; j++, size <<= 1) {
        for (int s = 0; s < size; s++) {
          value[s | size] = value[s] * x1[j];
          value[s] *= x0[j];
        }
      }
      for (int j = 0; j < k; j++) {
        int bit = 1 << j;
        CompensatedSum sum = new CompensatedSum();
        for (int s = 0; s < subsets; s++) {
          if ((s & bit) == 0) {
            sum.add(weight[Integer.bitCount(s)] * (value[s | bit] - value[s]));
          }
        }
        out[i][j] = sum.value();
      }
    }
    return out;
  }

  /** weight[s] = s! (K - s - 1)! / K! = 1 / (K * C(K - 1, s)). */
  private static double[] weights(int k) {
    double[] w = new double[Math.max(k, 1)];
    double binomial = 1;
    for (int s = 0; s < k; s++) {
      w[s] = 1.0 / (k * binomial);
      binomial = binomial * (k - 1 - s) / (s + 1);
    }
    return w;
  }
}
