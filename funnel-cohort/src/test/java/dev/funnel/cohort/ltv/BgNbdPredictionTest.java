package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.LogBeta;
import org.junit.jupiter.api.Test;

/**
 * The closed-form predictions (2F1 based) against an independent route: integrating the
 * individual-level BG/NBD quantities over the Beta mixing distribution of p by quadrature, with
 * the Gamma mixing over lambda done analytically.
 */
class BgNbdPredictionTest {

  static final double R = 0.243;
  static final double ALPHA = 4.414;
  static final double A = 0.793;
  static final double B = 2.426;

  static BgNbdFit fit(double r, double alpha, double a, double b) {
    return new BgNbdFit(
        new Estimate("r", r, 0),
        new Estimate("alpha", alpha, 0),
        new Estimate("a", a, 0),
        new Estimate("b", b, 0),
        0,
        0,
        0,
        new Convergence(true, 0, 0, 0, "given"),
        RfmUnit.WEEK);
  }

  /** Integral over p in (0,1) of f(p) p^(a-1) (1-p)^(b-1), substituting p = u^(1/a). */
  static double betaIntegral(DoubleUnaryOperator f, double a, double b) {
    int n = 200_000;
    double h = 1.0 / n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double u = (i + 0.5) * h; // midpoint rule, smooth integrand after substitution
      double p = Math.pow(u, 1 / a);
      s += f.applyAsDouble(p) * Math.pow(1 - p, b - 1) / a;
    }
    return s * h;
  }

  @Test
  void unconditionalExpectationMatchesQuadrature() {
    BgNbdFit f = fit(R, ALPHA, A, B);
    for (double t : new double[] {1, 10, 39, 78}) {
      // E[X(t) | lambda, p] = (1 - exp(-lambda p t)) / p; mixing over lambda ~ Gamma(r, alpha)
      double num =
          betaIntegral(p -> (1 - Math.pow(ALPHA / (ALPHA + p * t), R)) / p, A, B);
      double expected = num / Math.exp(LogBeta.value(A, B));
      assertEquals(expected, f.expectedPurchases(t), 1e-6 * (1 + expected), "t = " + t);
    }
  }

  @Test
  void conditionalExpectationAndPAliveMatchQuadrature() {
    BgNbdFit f = fit(R, ALPHA, A, B);
    double[][] histories = {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86}, {7, 35, 39}};
    for (double[] h : histories) {
      int x = (int) h[0];
      double tx = h[1];
      double T = h[2];
      double t = 39;
      double rx = R + x;
      // alive part of the individual likelihood integrated over lambda: (alpha+T)^-(r+x)
      double aliveMass = betaIntegral(p -> Math.pow(1 - p, x) * Math.pow(ALPHA + T, -rx), A, B);
      double deadMass =
          x == 0
              ? 0
              : betaIntegral(p -> p * Math.pow(1 - p, x - 1) * Math.pow(ALPHA + tx, -rx), A, B);
      double future =
          betaIntegral(
              p ->
                  Math.pow(1 - p, x)
                      / p
                      * (Math.pow(ALPHA + T, -rx) - Math.pow(ALPHA + T + p * t, -rx)),
              A,
              B);
      double expectedY = future / (aliveMass + deadMass);
      double expectedAlive = aliveMass / (aliveMass + deadMass);
      assertEquals(expectedAlive, f.probabilityAlive(x, tx, T), 1e-6, "P(alive) " + x);
      assertEquals(
          expectedY, f.expectedPurchases(t, x, tx, T), 1e-5 * (1 + expectedY), "E[Y] " + x);
    }
  }

  /**
   * {@code a + b < 1}, where eq. 9's 2F1 has a negative third parameter: the rewritten form against
   * quadrature over p (split at 1/2, substituting {@code p = u^(1/a)} below and
   * {@code 1 - p = v^(1/b)} above, so both endpoint singularities of the Beta density vanish), for a
   * new customer and for one without repeat purchases; and continuity across {@code a + b = 1}.
   */
  @Test
  void newCustomersWithSmallShapesMatchQuadrature() {
    double a = 0.4;
    double b = 0.35;
    BgNbdFit f = fit(R, ALPHA, a, b);
    for (double scale : new double[] {ALPHA, ALPHA + 38.86}) {
      for (double t : new double[] {1, 39, 78}) {
        DoubleUnaryOperator g = p -> (1 - Math.pow(scale / (scale + p * t), R)) / p;
        int n = 200_000;
        double lower = 0;
        double upperLimit = Math.pow(0.5, a);
        for (int i = 0; i < n; i++) {
          double u = (i + 0.5) / n * upperLimit;
          double p = Math.pow(u, 1 / a);
          lower += g.applyAsDouble(p) * Math.pow(1 - p, b - 1) / a;
        }
        lower *= upperLimit / n;
        double upper = 0;
        double vLimit = Math.pow(0.5, b);
        for (int i = 0; i < n; i++) {
          double v = (i + 0.5) / n * vLimit;
          double p = 1 - Math.pow(v, 1 / b);
          upper += g.applyAsDouble(p) * Math.pow(p, a - 1) / b;
        }
        upper *= vLimit / n;
        double expected = (lower + upper) / Math.exp(LogBeta.value(a, b));
        double got = scale == ALPHA ? f.expectedPurchases(t) : f.expectedPurchases(t, 0, 0, 38.86);
        assertEquals(expected, got, 1e-6 * (1 + expected), "t = " + t + ", scale " + scale);
      }
    }
    BgNbdFit below = fit(R, ALPHA, 0.5, 0.5 - 1e-9);
    BgNbdFit above = fit(R, ALPHA, 0.5, 0.5 + 1e-9);
    assertEquals(above.expectedPurchases(26), below.expectedPurchases(26), 1e-7);
    assertEquals(above.expectedPurchases(26, 0, 0, 30), below.expectedPurchases(26, 0, 0, 30), 1e-7);
  }

  @Test
  void invalidHistoriesAreRejected() {
    BgNbdFit f = fit(R, ALPHA, A, B);
    assertThrows(IllegalArgumentException.class, () -> f.probabilityAlive(1, 5, 4));
    assertThrows(IllegalArgumentException.class, () -> f.expectedPurchases(-1));
    assertThrows(IllegalArgumentException.class, () -> f.probabilityAlive(0, 1, 4));
  }

  /**
   * At {@code a = 1} both closed forms are 0/0; the limit used there must equal the mean of the
   * closed forms at {@code a = 1 -+ h} (a symmetric difference, error O(h^2)), and stay
   * continuous with the closed form just outside the switch-over.
   */
  @Test
  void expectationsAtUnitAEqualTheLimitOfTheClosedForm() {
    double h = 1e-3;
    for (double[] p : new double[][] {{R, ALPHA, B}, {2.0, 10.0, 0.4}, {0.5, 1.0, 7.0}}) {
      BgNbdFit at = fit(p[0], p[1], 1.0, p[2]);
      BgNbdFit below = fit(p[0], p[1], 1 - h, p[2]);
      BgNbdFit above = fit(p[0], p[1], 1 + h, p[2]);
      BgNbdFit near = fit(p[0], p[1], 1 + 2 * BgNbdFit.UNIT_A, p[2]);
      for (double t : new double[] {1, 39, 500}) {
        double mid = (below.expectedPurchases(t) + above.expectedPurchases(t)) / 2;
        double v = at.expectedPurchases(t);
        assertEquals(mid, v, 1e-5 * mid, "new customer, t = " + t);
        assertEquals(near.expectedPurchases(t), v, 1e-5 * v, "continuity, t = " + t);
        for (int x : new int[] {0, 1, 5}) {
          double tx = x == 0 ? 0 : 20;
          double m = (below.expectedPurchases(t, x, tx, 39) + above.expectedPurchases(t, x, tx, 39)) / 2;
          double c = at.expectedPurchases(t, x, tx, 39);
          assertEquals(m, c, 1e-5 * m, "x = " + x + ", t = " + t);
        }
      }
    }
  }
}
