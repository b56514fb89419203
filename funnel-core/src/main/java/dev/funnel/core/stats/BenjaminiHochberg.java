package dev.funnel.core.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg control of the false discovery rate (Benjamini, Y. and Hochberg, Y. (1995),
 * "Controlling the false discovery rate", JRSS B 57(1), 289-300).
 *
 * <p>For m p-values sorted ascending, the adjusted value of the i-th is
 * {@code min_{j >= i} min(1, m p_(j) / j)}; a hypothesis is rejected at level q when its adjusted
 * value is at most q (equivalently: all up to the largest i with {@code p_(i) <= i q / m}).
 * NaN p-values (untestable cells) are left out of m, stay NaN and are never rejected.
 */
final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  static double[] adjust(double[] p) {
    Integer[] order = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i]) && (p[i] < 0 || p[i] > 1)) {
        throw new IllegalArgumentException("p-values must be in [0, 1], got " + p[i] + " at " + i);
      }
      if (!Double.isNaN(p[i])) {
        order[m++] = i;
      }
    }
    Integer[] idx = Arrays.copyOf(order, m);
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    double running = 1;
    for (int r = m - 1; r >= 0; r--) {
      running = Math.min(running, p[idx[r]] * m / (r + 1));
      out[idx[r]] = running;
    }
    return out;
  }
}
