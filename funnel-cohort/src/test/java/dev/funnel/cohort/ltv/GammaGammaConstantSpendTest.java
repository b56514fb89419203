package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Gamma-Gamma constant-spend limit (p -> infinity with p gamma -> theta), checked against the
 * Gamma-Gamma likelihood and posterior mean at large p (continuity), and by simulation.
 */
class GammaGammaConstantSpendTest {

  static final double Q = 2.5;
  static final double THETA = 300;

  static final int[] X = {1, 2, 7, 1, 3};
  static final double[] Z = {40, 95.5, 120, 800, 12};
  static final double[] W = {3, 1, 2, 1, 5};

  @Test
  void likelihoodIsTheLimitOfTheGammaGammaLikelihood() {
    double limit = new ConstantSpendLikelihood(Z, W).value(
        new double[] {Math.log(Q), Math.log(THETA)}, null);
    GammaGammaLikelihood gg = new GammaGammaLikelihood(X, Z, W);
    double previous = Double.NaN;
    for (double p : new double[] {1e3, 1e5, 1e7}) {
      double v = gg.value(new double[] {Math.log(p), Math.log(Q), Math.log(THETA / p)}, null);
      double gap = Math.abs(v - limit);
      assertTrue(Double.isNaN(previous) || gap < previous / 50, p + ": " + gap);
      previous = gap;
    }
    assertTrue(previous < 1e-4, "gap at p = 1e7: " + previous);
  }

  @Test
  void gradientMatchesDifferences() {
    ConstantSpendLikelihood l = new ConstantSpendLikelihood(Z, W);
    double[] theta = {Math.log(Q), Math.log(THETA)};
    double[] g = new double[2];
    l.value(theta, g);
    for (int i = 0; i < 2; i++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += 1e-6;
      down[i] -= 1e-6;
      double numeric = (l.value(up, null) - l.value(down, null)) / 2e-6;
      assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)), "component " + i);
    }
  }

  @Test
  void expectedSpendIsTheLimitOfThePosteriorMean() {
    GammaGammaFit limit = new GammaGammaFit(
        new Estimate("p", Double.POSITIVE_INFINITY, Double.NaN), new Estimate("q", Q, 0),
        new Estimate("gamma", 0, Double.NaN), 0, 0, 0, new Convergence(true, 0, 0, 0, "given"),
        GammaGammaFit.CONSTANT_SPEND, new Estimate("theta", THETA, 0));
    double p = 1e9;
    GammaGammaFit near = new GammaGammaFit(
        new Estimate("p", p, 0), new Estimate("q", Q, 0), new Estimate("gamma", THETA / p, 0),
        0, 0, 0, new Convergence(true, 0, 0, 0, "given"));
    for (int i = 0; i < X.length; i++) {
      assertEquals(Z[i], limit.expectedSpend(X[i], Z[i]), 0);
      assertEquals(near.expectedSpend(X[i], Z[i]), limit.expectedSpend(X[i], Z[i]), 1e-6 * Z[i]);
    }
    assertEquals(THETA / (Q - 1), limit.populationMeanSpend(), 1e-12);
    assertEquals(near.populationMeanSpend(), limit.populationMeanSpend(), 1e-9);
  }

  /**
   * Constant spends drawn from InvGamma(q, theta). The mean spends alone identify p only through
   * how their spread shrinks with x, so a finite sample may prefer a finite p: the fit is either the
   * limit, or an interior maximum that beats the limit's own maximum; either way q and theta are
   * recovered within 3 standard errors.
   */
  @Test
  void recoversSimulatedConstantSpend() {
    for (long seed : new long[] {20130501L, 7L, 1987L}) {
      SplittableRandom rnd = new SplittableRandom(seed);
      List<RfmCustomer> customers = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        int x = 1 + rnd.nextInt(8);
        double spend = Math.round(100 * THETA / Simulation.gamma(rnd, Q, 1)) / 100.0;
        customers.add(new RfmCustomer("c" + i, x, 1, 2, Math.max(spend, 0.01)));
      }
      GammaGammaFit f = Ltv.gammaGamma(new RfmSummary(RfmUnit.WEEK, customers));
      assertTrue(f.convergence().converged(), f.convergence().toString());
      if (f.atBoundary()) {
        assertEquals(Double.POSITIVE_INFINITY, f.p().value());
      } else {
        double[] z = new double[customers.size()];
        double[] w = new double[customers.size()];
        for (int i = 0; i < z.length; i++) {
          z[i] = customers.get(i).meanRepeatSpend();
          w[i] = 1;
        }
        NewtonAscent.Result limit = NewtonAscent.maximise(
            new ConstantSpendLikelihood(z, w), new double[] {0, Math.log(100)});
        assertTrue(limit.converged());
        assertTrue(f.logLikelihood() > limit.value() + 1e-6 * Math.abs(limit.value()), f.toString());
      }
      assertEquals(Q, f.q().value(), 3 * f.q().standardError(), f.q().toString());
      assertEquals(THETA, f.theta().value(), 3 * f.theta().standardError(), f.theta().toString());
    }
  }

  /** The demo's subscriptions charge a fixed price: the spend fit is the constant-spend limit. */
  @Test
  void demoSpendIsConstantPerCustomer() {
    for (long leads : new long[] {2_000, 10_000}) {
      RfmSummary s = DemoRfm.summary(leads);
      GammaGammaFit f = Ltv.gammaGamma(s);
      assertEquals(GammaGammaFit.CONSTANT_SPEND, f.boundary(), f.toString());
      assertTrue(f.convergence().converged(), f.convergence().toString());
      for (RfmCustomer c : s.customers()) {
        if (c.x() > 0 && c.meanRepeatSpend() > 0) {
          assertEquals(c.meanRepeatSpend(), f.expectedSpend(c), 0);
        }
      }
    }
  }
}
