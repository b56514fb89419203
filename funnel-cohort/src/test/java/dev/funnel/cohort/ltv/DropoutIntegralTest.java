package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The quadrature of the Pareto/NBD integral against the closed form by two 2F1 series (Fader and
 * Hardie 2005), including arguments near 1 where the series needs tens of thousands of terms.
 */
class DropoutIntegralTest {

  /** ln A0 by the two series, whatever the argument (the route the quadrature replaces). */
  static double bySeries(double r, double alpha, double s, double beta, int x, double tx, double T) {
    double rsx = r + s + x;
    double big = Math.max(alpha, beta);
    double diff = Math.abs(alpha - beta);
    double b2 = alpha >= beta ? s + 1 : r + x;
    double u = Hypergeometric.log2F1(rsx, b2, rsx + 1, diff / (big + tx)) - rsx * Math.log(big + tx);
    double v = Hypergeometric.log2F1(rsx, b2, rsx + 1, diff / (big + T)) - rsx * Math.log(big + T);
    return u + Math.log(-Math.expm1(v - u));
  }

  @Test
  void agreesWithTheSeries() {
    double[][] params = {
      // r, alpha, s, beta
      {0.553, 10.578, 0.606, 11.669}, // CDNOW
      {0.553, 10.578, 0.606, 0.5},
      {12.3, 75.7, 0.0774, 0.0757}, // the demo's path: alpha / beta = 1000
      {0.5, 0.05, 2.5, 40}, // beta much larger than alpha
      {30, 170, 0.1, 0.17},
      {1, 1, 1, 1}, // alpha = beta
    };
    int[] xs = {0, 1, 3, 12, 60};
    double[][] ages = {{0, 39}, {4.3, 52}, {30, 38.9}, {51, 52}, {0, 0.5}};
    for (double[] p : params) {
      for (int x : xs) {
        for (double[] a : ages) {
          double tx = x == 0 ? 0 : a[0];
          double T = a[1];
          double series = bySeries(p[0], p[1], p[2], p[3], x, tx, T);
          double quad = Math.log(p[0] + p[2] + x) + DropoutIntegral.log(p[0], p[1], p[2], p[3], x, tx, T);
          String what = java.util.Arrays.toString(p) + " x=" + x + " tx=" + tx + " T=" + T;
          assertEquals(series, quad, 1e-12 * Math.max(1, Math.abs(series)), what);
          assertEquals(series, ParetoNbdLikelihood.lnA0(p[0], p[1], p[2], p[3], x, tx, T),
              1e-12 * Math.max(1, Math.abs(series)), what);
        }
      }
    }
  }

  /** The analytic gradient of the Pareto/NBD log-likelihood against central differences. */
  @Test
  void likelihoodGradientMatchesDifferences() {
    java.util.List<RfmCustomer> cs = java.util.List.of(
        new RfmCustomer("a", 0, 0, 39, 0), new RfmCustomer("b", 1, 4.3, 52, 0),
        new RfmCustomer("c", 12, 51, 52, 0), new RfmCustomer("d", 3, 30, 30, 0),
        new RfmCustomer("e", 60, 20, 45, 0));
    ParetoNbdLikelihood l = new ParetoNbdLikelihood(Triples.of(new RfmSummary(RfmUnit.WEEK, cs)));
    double[][] points = {
      {0.553, 10.578, 0.606, 11.669}, {12.3, 75.7, 0.0774, 0.0757}, {0.5, 0.05, 2.5, 40}};
    for (double[] p : points) {
      double[] theta = new double[4];
      for (int i = 0; i < 4; i++) {
        theta[i] = Math.log(p[i]);
      }
      double[] g = new double[4];
      double v = l.value(theta, g);
      assertEquals(l.value(theta, null), v, 1e-12 * Math.abs(v));
      for (int i = 0; i < 4; i++) {
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[i] += 1e-5;
        down[i] -= 1e-5;
        double numeric = (l.value(up, null) - l.value(down, null)) / 2e-5;
        assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)),
            java.util.Arrays.toString(p) + " component " + i);
      }
    }
  }

  /**
   * Far outside the series' reach (2F1 argument within 1e-8 of 1, or r in the millions, where the
   * demo's Pareto/NBD fit heads): against Simpson's rule on 400,000 intervals in y = ln(m + tau).
   */
  @Test
  void agreesWithBruteForceWhereTheSeriesCannotGo() {
    double[][] params = {
      {0.5, 10, 0.05, 1e-8}, {2.2e6, 1.3e7, 0.08, 0.027}, {0.3, 1e-6, 2, 5}, {40, 3, 0.01, 1e-12}};
    for (double[] p : params) {
      for (int x : new int[] {0, 1, 5}) {
        double tx = x == 0 ? 0 : 2.5;
        double T = 40;
        double m = Math.min(p[1], p[3]);
        double y0 = Math.log(m + tx);
        double y1 = Math.log(m + T);
        int n = 400_000;
        double h = (y1 - y0) / n;
        double[] lv = new double[n + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
          double y = y0 + i * h;
          double tau = Math.exp(y) - m;
          lv[i] = y - (p[0] + x) * Math.log(p[1] + tau) - (p[2] + 1) * Math.log(p[3] + tau);
          max = Math.max(max, lv[i]);
        }
        double sum = 0;
        for (int i = 0; i <= n; i++) {
          double c = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
          sum += c * Math.exp(lv[i] - max);
        }
        double brute = max + Math.log(sum * h / 3);
        double quad = DropoutIntegral.log(p[0], p[1], p[2], p[3], x, tx, T);
        assertEquals(brute, quad, 1e-8 * Math.max(1, Math.abs(brute)),
            java.util.Arrays.toString(p) + " x=" + x);
      }
    }
  }
}
