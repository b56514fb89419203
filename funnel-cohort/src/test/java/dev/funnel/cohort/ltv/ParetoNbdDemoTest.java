package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The demo's monthly subscribers buy at one common rate, so the Pareto/NBD likelihood rises toward
 * {@code r, alpha -> infinity} (homogeneous rates), a boundary that is not fitted: the fit must say
 * it did not converge exactly there, and still be at least as good as the NBD limit (brute force).
 */
class ParetoNbdDemoTest {

  @Test
  void demoEndsAtTheHomogeneousRateBoundaryAndBeatsTheNbd() {
    for (long leads : new long[] {2_000, 10_000}) {
      RfmSummary s = DemoRfm.summary(leads);
      ParetoNbdFit f = Ltv.paretoNbd(s);
      assertTrue(f.convergence().iterations() <= MaximumLikelihood.MAX_ITERATIONS, f.toString());
      if (!f.convergence().converged()) {
        assertTrue(f.r().value() > 1e6, f.toString());
      }
      double nbd = BgNbdBoundaryTest.nbdByGrid(s.customers())[2];
      assertTrue(f.logLikelihood() > nbd, f.logLikelihood() + " vs NBD " + nbd);
      for (RfmCustomer c : s.customers()) {
        double alive = f.probabilityAlive(c);
        assertTrue(alive >= 0 && alive <= 1, c.toString());
        assertTrue(Double.isFinite(f.expectedPurchases(52, c)), c.toString());
      }
    }
  }
}
