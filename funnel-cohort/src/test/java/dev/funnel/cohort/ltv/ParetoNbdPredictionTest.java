package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

/**
 * The 2F1-based Pareto/NBD expressions against an independent route. The individual likelihood's
 * dead part {@code lambda^x mu/(lambda+mu) [e^-(lambda+mu)t_x - e^-(lambda+mu)T]} equals
 * {@code lambda^x mu \int_{t_x}^T e^-(lambda+mu)tau dtau}; the Gamma mixing over lambda and mu
 * is then closed-form under the integral, leaving a 1-D quadrature over tau.
 */
class ParetoNbdPredictionTest {

  static final double R = 0.553;
  static final double ALPHA = 10.578;
  static final double S = 0.606;
  static final double BETA = 11.669;

  static ParetoNbdFit fit(double r, double alpha, double s, double beta) {
    return new ParetoNbdFit(
        new Estimate("r", r, 0), new Estimate("alpha", alpha, 0), new Estimate("s", s, 0),
        new Estimate("beta", beta, 0), 0, 0, 0, new Convergence(true, 0, 0, 0, "given"),
        RfmUnit.WEEK);
  }

  /** {alive part, dead part} of the mixed likelihood, the dead part by quadrature. */
  static double[] parts(double r, double alpha, double s, double beta, int x, double tx, double T) {
    double c = LogGamma.value(r + x) - LogGamma.value(r) + r * Math.log(alpha);
    double alive = Math.exp(c - (r + x) * Math.log(alpha + T) + s * Math.log(beta / (beta + T)));
    int n = 100_000;
    double h = (T - tx) / n;
    double dead = 0;
    for (int i = 0; i < n; i++) {
      double tau = tx + (i + 0.5) * h;
      dead +=
          Math.exp(c - (r + x) * Math.log(alpha + tau) + Math.log(s) + s * Math.log(beta)
              - (s + 1) * Math.log(beta + tau));
    }
    return new double[] {alive, dead * h};
  }

  static final double[][] HISTORIES = {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86},
      {7, 35, 39}, {3, 10, 20}};

  @Test
  void probabilityAliveMatchesQuadratureOnBothBranches() {
    // alpha < beta (CDNOW) and alpha > beta
    double[][] params = {{R, ALPHA, S, BETA}, {0.8, 14, 1.3, 6}};
    for (double[] p : params) {
      ParetoNbdFit f = fit(p[0], p[1], p[2], p[3]);
      for (double[] h : HISTORIES) {
        double[] pt = parts(p[0], p[1], p[2], p[3], (int) h[0], h[1], h[2]);
        double expected = pt[0] / (pt[0] + pt[1]);
        assertEquals(expected, f.probabilityAlive((int) h[0], h[1], h[2]), 1e-7);
      }
    }
  }

  @Test
  void logLikelihoodMatchesQuadrature() {
    double[][] params = {{R, ALPHA, S, BETA}, {0.8, 14, 1.3, 6}};
    List<RfmCustomer> customers = new ArrayList<>();
    for (double[] h : HISTORIES) {
      customers.add(new RfmCustomer("c" + customers.size(), (int) h[0], h[1], h[2], 0));
    }
    Triples d = Triples.of(new RfmSummary(RfmUnit.WEEK, customers));
    ParetoNbdLikelihood like = new ParetoNbdLikelihood(d);
    for (double[] p : params) {
      double expected = 0;
      for (double[] h : HISTORIES) {
        double[] pt = parts(p[0], p[1], p[2], p[3], (int) h[0], h[1], h[2]);
        expected += Math.log(pt[0] + pt[1]);
      }
      double[] theta = {Math.log(p[0]), Math.log(p[1]), Math.log(p[2]), Math.log(p[3])};
      assertEquals(expected, like.logLikelihood(theta), 1e-7);
    }
  }

  /** Given alive: lambda ~ Gamma(r+x, alpha+T), mu ~ Gamma(s, beta+T); E = E[lambda] E[(1-e^-mu t)/mu]. */
  @Test
  void conditionalExpectationMatchesQuadrature() {
    ParetoNbdFit f = fit(R, ALPHA, S, BETA);
    double t = 39;
    for (double[] h : HISTORIES) {
      int x = (int) h[0];
      double T = h[2];
      double shape = S;
      double rate = BETA + T;
      // E[(1 - e^{-mu t}) / mu] = \int_0^t E[e^{-mu u}] du = \int_0^t (rate/(rate+u))^shape du
      int n = 100_000;
      double step = t / n;
      double integral = 0;
      for (int i = 0; i < n; i++) {
        double u = (i + 0.5) * step;
        integral += Math.pow(rate / (rate + u), shape);
      }
      integral *= step;
      double expected = (R + x) / (ALPHA + T) * integral * f.probabilityAlive(x, h[1], T);
      assertEquals(expected, f.expectedPurchases(t, x, h[1], T), 1e-7 * (1 + expected));
    }
  }
}
