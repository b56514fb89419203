package dev.funnel.core.bridge;

import java.util.List;

/**
 * A complete factor table as dense arrays: {@code base[i][k]} and {@code current[i][k]} for
 * segment i and factor k. Package-private working form; never handed out, never mutated.
 */
record Grid(List<String> segments, List<String> factors, double[][] base, double[][] current) {

  int segmentCount() {
    return segments.size();
  }

  int factorCount() {
    return factors.size();
  }

  /** Product of segment i's factors in the given state. */
  static double product(double[] row) {
    double p = 1;
    for (double x : row) {
      p *= x;
    }
    return p;
  }

  /** V0: sum over segments of the base products. */
  double baseTotal() {
    return total(base);
  }

  /** V1: sum over segments of the current products. */
  double currentTotal() {
    return total(current);
  }

  private static double total(double[][] state) {
    CompensatedSum s = new CompensatedSum();
    for (double[] row : state) {
      s.add(product(row));
    }
    return s.value();
  }

  /** The same grid with every zero replaced by {@code delta} (the small-value substitution). */
  Grid withZerosAs(double delta) {
    return new Grid(segments, factors, replace(base, delta), replace(current, delta));
  }

  private static double[][] replace(double[][] state, double delta) {
    double[][] out = new double[state.length][];
    for (int i = 0; i < state.length; i++) {
      out[i] = state[i].clone();
      for (int k = 0; k < out[i].length; k++) {
        if (out[i][k] == 0) {
          out[i][k] = delta;
        }
      }
    }
    return out;
  }
}
