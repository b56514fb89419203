package dev.funnel.core.bridge;

/**
 * Chain substitution (the method of chain substitutions of deterministic factor analysis, e.g.
 * G. V. Savitskaya, "Analysis of the Economic Activity of an Enterprise", chapter on
 * deterministic factor analysis): the factors are switched from base to current values one at a
 * time in a given order; the effect of a factor is the change of V at its step. The effects
 * telescope to V1 - V0 exactly, but depend on the order: a factor switched late is valued at the
 * current levels of the factors switched before it. The convention of those textbooks is to
 * switch volume (quantitative) factors before intensity (qualitative) ones.
 */
final class ChainSubstitution {
  private ChainSubstitution() {}

  /**
   * @param order factor indexes into the grid, a permutation of 0..K-1
   */
  static double[][] segmentEffects(Grid g, int[] order) {
    int n = g.segmentCount();
    int k = g.factorCount();
    double[][] out = new double[n][k];
    for (int i = 0; i < n; i++) {
      double[] state = g.base()[i].clone();
      double before = Grid.product(state);
      for (int j : order) {
        state[j] = g.current()[i][j];
        double after = Grid.product(state);
        out[i][j] = after - before;
        before = after;
      }
    }
    return out;
  }
}
