package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

/**
 * Customers who never drop out (a simulated NBD population): the BG/NBD maximum is the no-dropout
 * boundary, reported as the NBD limit (Fader, Hardie and Lee 2005, section 3), checked against an
 * NBD maximum likelihood fit computed here by brute force. (The demo's customers, subscribers next
 * to one-off buyers, land on the other boundary: {@link BgNbdAllOrNothingTest}.)
 */
class BgNbdBoundaryTest {

  /** NBD log-likelihood written out directly: sum ln Gamma(r+x) - ln Gamma(r) + r ln a - (r+x) ln(a+T). */
  static double nbdLogLikelihood(List<RfmCustomer> cs, double r, double alpha) {
    double ll = 0;
    for (RfmCustomer c : cs) {
      ll += LogGamma.value(r + c.x()) - LogGamma.value(r) + r * Math.log(alpha)
          - (r + c.x()) * Math.log(alpha + c.T());
    }
    return ll;
  }

  /** {r, alpha, logL}: shrinking-grid search over (ln r, ln alpha), no derivatives. */
  static double[] nbdByGrid(List<RfmCustomer> cs) {
    double lr = 0;
    double la = 0;
    double best = nbdLogLikelihood(cs, 1, 1);
    double step = 2;
    for (int round = 0; round < 60; round++) {
      double cr = lr;
      double ca = la;
      for (int i = -3; i <= 3; i++) {
        for (int j = -3; j <= 3; j++) {
          double v = nbdLogLikelihood(cs, Math.exp(cr + i * step), Math.exp(ca + j * step));
          if (v > best) {
            best = v;
            lr = cr + i * step;
            la = ca + j * step;
          }
        }
      }
      if (lr == cr && la == ca) {
        step /= 2;
      }
    }
    return new double[] {Math.exp(lr), Math.exp(la), best};
  }

  static void assertNbdLimit(RfmSummary s, BgNbdFit f) {
    assertTrue(f.atBoundary(), f.toString() + f.convergence());
    assertEquals(BgNbdFit.NO_DROPOUT, f.boundary());
    assertEquals(0, f.a().value());
    assertEquals(Double.POSITIVE_INFINITY, f.b().value());
    assertTrue(Double.isNaN(f.a().standardError()) && Double.isNaN(f.b().standardError()));
    assertEquals(0, f.pi().value());
    assertTrue(f.r().standardError() > 0 && f.alpha().standardError() > 0, f.toString());
    double[] oracle = nbdByGrid(s.customers());
    assertEquals(oracle[2], f.logLikelihood(), 1e-6 * Math.abs(oracle[2]));
    assertEquals(oracle[0], f.r().value(), 1e-3 * oracle[0]);
    assertEquals(oracle[1], f.alpha().value(), 1e-3 * oracle[1]);
    double r = oracle[0];
    double alpha = oracle[1];
    assertEquals(r * 10 / alpha, f.expectedPurchases(10), 1e-3 * r * 10 / alpha);
    for (RfmCustomer c : s.customers()) {
      assertEquals(1.0, f.probabilityAlive(c));
      double expected = (r + c.x()) * 26 / (alpha + c.T());
      double got = f.expectedPurchases(26, c);
      assertTrue(Double.isFinite(got));
      assertEquals(expected, got, 2e-3 * expected);
    }
  }

  @Test
  void simulatedNbdPopulationGivesTheBoundaryFlag() {
    SplittableRandom rnd = new SplittableRandom(1959);
    List<RfmCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      double T = 20 + rnd.nextInt(33);
      double lambda = Simulation.gamma(rnd, 0.8, 6.0);
      // no dropout: Poisson purchases over (0, T]
      double t = 0;
      int x = 0;
      double tx = 0;
      while ((t += Simulation.exponential(rnd, lambda)) <= T) {
        x++;
        tx = t;
      }
      customers.add(new RfmCustomer("c" + i, x, x == 0 ? 0 : Math.round(tx), T, 0));
    }
    RfmSummary s = new RfmSummary(RfmUnit.WEEK, customers);
    assertNbdLimit(s, Ltv.bgNbd(s));
  }

  @Test
  void demoWithFewerLeadsFinishesWithinTheCap() {
    BgNbdFit f = Ltv.bgNbd(DemoRfm.summary(2_000));
    assertTrue(f.convergence().iterations() <= MaximumLikelihood.MAX_ITERATIONS, f.toString());
    assertTrue(f.convergence().starts() <= 6, f.convergence().toString());
    assertTrue(f.convergence().converged(), f.convergence().toString());
    assertFalse(Double.isNaN(f.logLikelihood()));
  }
}
