package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimiser on functions with known maxima, and its honesty when there is none. */
class MaximumLikelihoodTest {

  /** f = -(x0-1)^2 - 3 (x1+2)^2 - (x0-1)(x1+2): maximum 0 at (1, -2). */
  static double quadratic(double[] x, double[] g) {
    double u = x[0] - 1;
    double v = x[1] + 2;
    if (g != null) {
      g[0] = -2 * u - v;
      g[1] = -6 * v - u;
    }
    return -u * u - 3 * v * v - u * v;
  }

  @Test
  void newtonFindsTheMaximumAndTheInverseHessian() {
    MaximumLikelihood.Fit f =
        MaximumLikelihood.fit(MaximumLikelihoodTest::quadratic, List.of(new double[] {5, 5}));
    assertTrue(f.convergence().converged());
    assertEquals("newton", f.convergence().method());
    assertEquals(1, f.logParameters()[0], 1e-8);
    assertEquals(-2, f.logParameters()[1], 1e-8);
    // -H = [[2, 1], [1, 6]]; its inverse is [[6, -1], [-1, 2]] / 11
    assertEquals(6.0 / 11, f.covariance()[0], 1e-6);
    assertEquals(-1.0 / 11, f.covariance()[1], 1e-6);
    assertEquals(2.0 / 11, f.covariance()[3], 1e-6);
  }

  @Test
  void withoutAUsableGradientBobyqaTakesOverAndConvergenceIsNotClaimed() {
    NewtonAscent.Objective noGradient =
        (x, g) -> {
          if (g != null) {
            java.util.Arrays.fill(g, Double.NaN);
          }
          return quadratic(x, null);
        };
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(noGradient, List.of(new double[] {5, 5}));
    assertEquals("bobyqa+newton", f.convergence().method());
    assertFalse(f.convergence().converged());
    assertEquals(1, f.logParameters()[0], 1e-4);
    assertEquals(-2, f.logParameters()[1], 1e-4);
  }

  @Test
  void bgNbdWithoutRepeatBuyersHasNoMaximumAndSaysSo() {
    List<RfmCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      customers.add(new RfmCustomer("c" + i, 0, 0, 10 + i % 7, 0));
    }
    BgNbdFit f = Ltv.bgNbd(new RfmSummary(RfmUnit.WEEK, customers));
    assertFalse(f.convergence().converged(), f.convergence().toString());
    assertTrue(f.summary().contains("NOT converged"));
  }
}
