package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD's homogeneous-rate limit ({@link HomogeneousRateLikelihood}): its quadrature
 * against a brute-force rule, continuity with the Pareto/NBD at large r (likelihood and
 * predictions), its analytic gradient against differences, recovery of simulated parameters, and
 * its predictions against simulated futures.
 */
class ParetoNbdHomogeneousRateTest {

  static final double[][] HISTORIES = {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86},
      {7, 35, 39}, {3, 10, 20}, {12, 52, 52}, {5, 0.5, 60}};

  /** {lambda, s, beta}: ordinary, demo-like (s, beta small), beta large, lambda large. */
  static final double[][] PARAMS = {{0.2, 0.9, 12}, {0.176, 0.0815, 0.0271},
      {0.166, 0.0425, 3.04e-4}, {0.3, 40, 2000}, {25, 1.5, 3}};

  static ParetoNbdFit limitFit(double lambda, double s, double beta) {
    return new ParetoNbdFit(
        new Estimate("r", Double.POSITIVE_INFINITY, Double.NaN),
        new Estimate("alpha", Double.POSITIVE_INFINITY, Double.NaN),
        new Estimate("s", s, 0), new Estimate("beta", beta, 0), 0, 0, 0,
        new Convergence(true, 0, 0, 0, "given"), RfmUnit.WEEK, ParetoNbdFit.HOMOGENEOUS_RATE,
        new Estimate("lambda", lambda, 0));
  }

  /** ln K by a 400 000-point midpoint rule in y = ln(beta + tau), on the whole range. */
  static double bruteLogK(double lambda, double s, double beta, double tx, double T) {
    double y0 = Math.log(beta + tx);
    double y1 = Math.log(beta + T);
    int n = 400_000;
    double h = (y1 - y0) / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double y = y0 + (i + 0.5) * h;
      double tau = Math.exp(y) - beta;
      // e^-(lambda tau) (beta+tau)^-(s+1) d tau, relative to its value at t_x
      sum += Math.exp(-lambda * (tau - tx) - s * (y - y0));
    }
    return -lambda * tx - s * y0 + Math.log(sum * h);
  }

  @Test
  void quadratureMatchesBruteForce() {
    for (double[] p : PARAMS) {
      for (double[] h : HISTORIES) {
        if (h[1] == h[2]) {
          assertEquals(Double.NEGATIVE_INFINITY,
              HomogeneousRateLikelihood.logK(p[0], p[1], p[2], h[1], h[2], null));
          continue;
        }
        double expected = bruteLogK(p[0], p[1], p[2], h[1], h[2]);
        double got = HomogeneousRateLikelihood.logK(p[0], p[1], p[2], h[1], h[2], null);
        assertEquals(expected, got, 1e-8 * (1 + Math.abs(expected)), p[0] + " " + h[1]);
      }
    }
  }

  private static Triples triples(double[]... histories) {
    List<RfmCustomer> cs = new ArrayList<>();
    for (double[] h : histories) {
      cs.add(new RfmCustomer("c" + cs.size(), (int) h[0], h[1], h[2], 0));
    }
    return Triples.of(new RfmSummary(RfmUnit.WEEK, cs));
  }

  /**
   * Per customer, the Pareto/NBD log-likelihood at {@code r = 1e8}, {@code alpha = r/lambda} equals
   * the limit's to {@code 2e-6 + (x + lambda T)^2 / r}: rounding (the interior's
   * {@code ln Gamma(r+x) - ln Gamma(r)} cancels about 1e-7 of a value near 2e9) plus the O(1/r)
   * approach, whose leading term in {@code ln[Gamma(r+x)/Gamma(r) alpha^r (alpha+tau)^-(r+x)]
   * - [x ln lambda - lambda tau]} is {@code ((x - lambda tau)^2 - x) / (2r)} (Stirling and
   * {@code ln(1+u) = u - u^2/2}); and the gap shrinks about tenfold per tenfold r.
   */
  @Test
  void likelihoodIsTheLimitOfTheParetoNbd() {
    for (double[] p : PARAMS) {
      for (double[] h : HISTORIES) {
        Triples d = triples(h);
        double limit = new HomogeneousRateLikelihood(d)
            .value(new double[] {Math.log(p[0]), Math.log(p[1]), Math.log(p[2])}, null);
        ParetoNbdLikelihood pareto = new ParetoNbdLikelihood(d);
        double[] gap = new double[3];
        double[] rs = {1e3, 1e4, 1e8};
        for (int k = 0; k < rs.length; k++) {
          double r = rs[k];
          double[] theta = {Math.log(r), Math.log(r / p[0]), Math.log(p[1]), Math.log(p[2])};
          gap[k] = Math.abs(pareto.logLikelihood(theta) - limit);
        }
        String where = java.util.Arrays.toString(p) + " " + java.util.Arrays.toString(h);
        double lt = h[0] + p[0] * h[2];
        assertTrue(gap[2] < 2e-6 + lt * lt / rs[2], where + " gap " + gap[2]);
        assertTrue(gap[1] < 0.2 * gap[0] + 1e-9, where + " gaps " + gap[0] + " " + gap[1]);
      }
    }
  }

  @Test
  void predictionsAreTheLimitOfTheParetoNbd() {
    for (double[] p : PARAMS) {
      ParetoNbdFit limit = limitFit(p[0], p[1], p[2]);
      double r = 1e8;
      ParetoNbdFit near = ParetoNbdPredictionTest.fit(r, r / p[0], p[1], p[2]);
      for (double[] h : HISTORIES) {
        int x = (int) h[0];
        // the same O(1/r) bound as the likelihood's: (x + lambda (T + 26))^2 / r
        double lt = x + p[0] * (h[2] + 26);
        double tol = 1e-6 + lt * lt / r;
        double a = limit.probabilityAlive(x, h[1], h[2]);
        assertEquals(near.probabilityAlive(x, h[1], h[2]), a, tol);
        double e = limit.expectedPurchases(26, x, h[1], h[2]);
        assertEquals(near.expectedPurchases(26, x, h[1], h[2]), e, tol * (1 + e));
      }
    }
  }

  @Test
  void gradientMatchesCentralDifferences() {
    Triples d = triples(HISTORIES);
    HomogeneousRateLikelihood like = new HomogeneousRateLikelihood(d);
    for (double[] p : PARAMS) {
      double[] theta = {Math.log(p[0]), Math.log(p[1]), Math.log(p[2])};
      double[] g = new double[3];
      like.value(theta, g);
      for (int i = 0; i < 3; i++) {
        double h = 1e-5;
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[i] += h;
        down[i] -= h;
        double numeric = (like.value(up, null) - like.value(down, null)) / (2 * h);
        assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)), "component " + i);
      }
    }
  }

  /**
   * One customer of the limit model observed for T from a first purchase: dropout rate
   * {@code mu ~ Gamma(s, beta)}, lifetime Exp(mu), Poisson purchases at rate lambda while alive.
   * Returns {x, t_x, alive at T (0/1), purchases in (T, T + horizon]}.
   */
  static double[] customer(SplittableRandom rnd, double lambda, double s, double beta, double T,
      double horizon) {
    double mu = Simulation.gamma(rnd, s, beta);
    double death = Simulation.exponential(rnd, mu);
    int x = 0;
    double tx = 0;
    int future = 0;
    double end = Math.min(death, T + horizon);
    for (double t = Simulation.exponential(rnd, lambda); t <= end;
        t += Simulation.exponential(rnd, lambda)) {
      if (t <= T) {
        x++;
        tx = t;
      } else {
        future++;
      }
    }
    return new double[] {x, tx, death > T ? 1 : 0, future};
  }

  @Test
  void recoversSimulatedParameters() {
    double lambda = 0.25;
    double s = 0.6;
    double beta = 8;
    SplittableRandom rnd = new SplittableRandom(1987);
    List<RfmCustomer> cs = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double T = 30 + 22 * rnd.nextDouble();
      double[] c = customer(rnd, lambda, s, beta, T, 0);
      cs.add(new RfmCustomer("c" + i, (int) c[0], c[1], T, 0));
    }
    Triples d = Triples.of(new RfmSummary(RfmUnit.WEEK, cs));
    List<double[]> starts = List.of(new double[] {Math.log(0.1), 0, Math.log(30)});
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(new HomogeneousRateLikelihood(d), starts);
    assertTrue(f.convergence().converged(), f.convergence().toString());
    double[] truth = {lambda, s, beta};
    String[] names = {"lambda", "s", "beta"};
    for (int i = 0; i < 3; i++) {
      Estimate e = f.estimate(i, names[i]);
      assertTrue(e.standardError() > 0, e.toString());
      assertEquals(truth[i], e.value(), 3 * e.standardError(), e.toString());
    }
    // the full Pareto/NBD fit is either this limit or an interior point at least as good
    ParetoNbdFit full = Ltv.paretoNbd(new RfmSummary(RfmUnit.WEEK, cs));
    assertTrue(full.convergence().converged(), full.toString());
    assertTrue(full.logLikelihood() >= f.logLikelihood() - 1e-6 * Math.abs(f.logLikelihood()),
        full.toString());
    if (ParetoNbdFit.HOMOGENEOUS_RATE.equals(full.boundary())) {
      assertEquals(f.estimate(0, "lambda").value(), full.lambda().value(), 1e-6);
    }
  }

  /**
   * Simulated customers with the true parameters: the sum of P(alive) matches the number alive at
   * T, and the sum of expected purchases over the next 26 weeks the simulated count, each within
   * 4 standard deviations of the simulated total (sum of Bernoulli and Poisson-mixture variances,
   * bounded by the sample variance).
   */
  @Test
  void predictionsMatchSimulatedFutures() {
    double lambda = 0.3;
    double s = 0.8;
    double beta = 10;
    double horizon = 26;
    ParetoNbdFit f = limitFit(lambda, s, beta);
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 20_000;
    double alive = 0;
    double predictedAlive = 0;
    double future = 0;
    double predictedFuture = 0;
    double sq = 0;
    double sqAlive = 0;
    for (int i = 0; i < n; i++) {
      double T = 20 + 30 * rnd.nextDouble();
      double[] c = customer(rnd, lambda, s, beta, T, horizon);
      double pa = f.probabilityAlive((int) c[0], c[1], T);
      double ep = f.expectedPurchases(horizon, (int) c[0], c[1], T);
      alive += c[2];
      predictedAlive += pa;
      future += c[3];
      predictedFuture += ep;
      sq += (c[3] - ep) * (c[3] - ep);
      sqAlive += (c[2] - pa) * (c[2] - pa);
    }
    assertEquals(alive, predictedAlive, 4 * Math.sqrt(sqAlive));
    assertEquals(future, predictedFuture, 4 * Math.sqrt(sq));
    // and not trivially: the tolerance is a small share of the total
    assertTrue(4 * Math.sqrt(sq) < 0.05 * future, future + " " + sq);
  }
}
