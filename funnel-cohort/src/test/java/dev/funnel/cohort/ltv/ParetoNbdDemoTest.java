package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The demo's monthly subscribers buy at one common rate, so the Pareto/NBD likelihood rises toward
 * {@code r, alpha -> infinity} with {@code r/alpha -> lambda} (homogeneous rates) while s and beta
 * stay finite: the fit must be the converged homogeneous-rate limit, better than the NBD limit
 * (brute force), approached from below by the Pareto/NBD along {@code alpha = r/lambda}, and a
 * local maximum of the limit likelihood (every parameter nudged by 1% lowers it).
 */
class ParetoNbdDemoTest {

  @Test
  void demoIsTheConvergedHomogeneousRateLimit() {
    for (long leads : new long[] {2_000, 10_000}) {
      RfmSummary s = DemoRfm.summary(leads);
      ParetoNbdFit f = Ltv.paretoNbd(s);
      assertTrue(f.convergence().converged(), f.toString());
      assertEquals(ParetoNbdFit.HOMOGENEOUS_RATE, f.boundary(), f.toString());
      assertTrue(f.lambda().standardError() > 0 && f.s().standardError() > 0, f.toString());
      double nbd = BgNbdBoundaryTest.nbdByGrid(s.customers())[2];
      assertTrue(f.logLikelihood() > nbd, f.logLikelihood() + " vs NBD " + nbd);

      Triples d = Triples.of(s);
      double lambda = f.lambda().value();
      double[] theta = {Math.log(lambda), Math.log(f.s().value()), Math.log(f.beta().value())};
      HomogeneousRateLikelihood limit = new HomogeneousRateLikelihood(d);
      assertEquals(f.logLikelihood(), limit.value(theta, null), 1e-9 * Math.abs(nbd));
      for (int i = 0; i < 3; i++) {
        for (double step : new double[] {-0.01, 0.01}) {
          double[] t = theta.clone();
          t[i] += step;
          assertTrue(limit.value(t, null) < f.logLikelihood(), "parameter " + i + " " + step);
        }
      }
      ParetoNbdLikelihood pareto = new ParetoNbdLikelihood(d);
      double previous = Double.NEGATIVE_INFINITY;
      for (double r : new double[] {1e2, 1e3, 1e4, 1e5}) {
        double v = pareto.logLikelihood(
            new double[] {Math.log(r), Math.log(r / lambda), theta[1], theta[2]});
        assertTrue(v > previous && v < f.logLikelihood(), r + ": " + v);
        previous = v;
      }

      for (RfmCustomer c : s.customers()) {
        double alive = f.probabilityAlive(c);
        assertTrue(alive >= 0 && alive <= 1, c.toString());
        double e = f.expectedPurchases(52, c);
        assertTrue(e >= 0 && e <= lambda * 52 * (1 + 1e-12), c.toString());
      }
    }
  }
}
