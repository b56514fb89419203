package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

/**
 * Customers who differ in how often they buy but all drop out with the same probability after a
 * repeat purchase: the BG/NBD likelihood then increases along the ridge {@code a, b -> infinity}
 * with {@code a/(a+b)} fixed, and the fit reports the limit model, the NBD with constant dropout
 * ({@link BgNbdFit#CONSTANT_DROPOUT}). Checked against a derivative-free maximum of the limit's
 * likelihood written out here per customer, against the BG/NBD itself far out on the ridge, and
 * its closed-form predictions against numerical integrals over the purchase rate and a simulation
 * of the individual process.
 */
class BgNbdConstantDropoutTest {

  /**
   * {@code n} simulated customers: weekly rates Gamma(0.6, rate 3), dropout probability p after
   * each repeat purchase, observed 1 to 56 weeks, purchase times rounded up to whole days.
   */
  static RfmSummary population(long seed, int n, double p) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<RfmCustomer> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double T = 1 + rnd.nextInt(56);
      double lambda = Simulation.gamma(rnd, 0.6, 3.0);
      double[] h = Simulation.bgNbdCustomer(rnd, lambda, p, T);
      int x = (int) h[0];
      double tx = x == 0 ? 0 : Math.min(T, Math.ceil(h[1] * 7) / 7);
      cs.add(new RfmCustomer("c" + i, x, tx, T, 10));
    }
    return new RfmSummary(RfmUnit.WEEK, cs);
  }

  /**
   * The limit's log-likelihood written out from its definition, per distinct history:
   * {@code ln Gamma(r+x) - ln Gamma(r) + r ln alpha + ln[(1-p)^x (alpha+T)^-(r+x)
   * + [x>0] p (1-p)^(x-1) (alpha+t_x)^-(r+x)]}, summed with multiplicities.
   */
  static double limitLogLikelihood(Map<List<Double>, Integer> histories, double r, double alpha,
      double p) {
    double ll = 0;
    for (Map.Entry<List<Double>, Integer> e : histories.entrySet()) {
      int x = (int) Math.round(e.getKey().get(0));
      double tx = e.getKey().get(1);
      double T = e.getKey().get(2);
      double alive = Math.pow(1 - p, x) * Math.pow(alpha + T, -(r + x));
      double dead = x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow(alpha + tx, -(r + x)) : 0;
      ll += e.getValue() * (LogGamma.value(r + x) - LogGamma.value(r) + r * Math.log(alpha)
          + Math.log(alive + dead));
    }
    return ll;
  }

  static Map<List<Double>, Integer> histories(RfmSummary s) {
    Map<List<Double>, Integer> m = new HashMap<>();
    for (RfmCustomer c : s.customers()) {
      m.merge(List.of((double) c.x(), c.tx(), c.T()), 1, Integer::sum);
    }
    return m;
  }

  /** {r, alpha, p, logL}: a shrinking grid over (ln r, ln alpha, logit p), no derivatives. */
  static double[] limitByGrid(RfmSummary s) {
    Map<List<Double>, Integer> h = histories(s);
    double[] c = {0, 0, 0};
    double best = ll(h, c);
    double step = 1;
    while (step > 1e-7) {
      double[] center = c.clone();
      for (int i = -1; i <= 1; i++) {
        for (int j = -1; j <= 1; j++) {
          for (int k = -1; k <= 1; k++) {
            double[] y = {center[0] + i * step, center[1] + j * step, center[2] + k * step};
            double v = ll(h, y);
            if (v > best) {
              best = v;
              c = y;
            }
          }
        }
      }
      if (java.util.Arrays.equals(c, center)) {
        step /= 2;
      }
    }
    return new double[] {Math.exp(c[0]), Math.exp(c[1]), 1 / (1 + Math.exp(-c[2])), best};
  }

  private static double ll(Map<List<Double>, Integer> h, double[] y) {
    return limitLogLikelihood(h, Math.exp(y[0]), Math.exp(y[1]), 1 / (1 + Math.exp(-y[2])));
  }

  @Test
  void aPopulationWithoutDropoutHeterogeneityGivesTheConstantDropoutLimit() {
    RfmSummary s = population(1, 5630, 0.18);
    BgNbdFit f = Ltv.bgNbd(s);
    assertEquals(BgNbdFit.CONSTANT_DROPOUT, f.boundary(), f + " " + f.convergence());
    assertTrue(f.convergence().converged(), f.convergence().toString());
    assertEquals(Double.POSITIVE_INFINITY, f.a().value());
    assertEquals(Double.POSITIVE_INFINITY, f.b().value());
    assertTrue(Double.isNaN(f.a().standardError()) && Double.isNaN(f.b().standardError()));
    // the maximum equals a brute-force maximum of the limit likelihood written out per customer
    double[] grid = limitByGrid(s);
    assertEquals(grid[3], f.logLikelihood(), 1e-7 * Math.abs(grid[3]));
    assertEquals(grid[0], f.r().value(), 1e-4 * grid[0]);
    assertEquals(grid[1], f.alpha().value(), 1e-4 * grid[1]);
    assertEquals(grid[2], f.pi().value(), 1e-4 * grid[2]);
    // intervals on the log (r, alpha) and logit (pi) scales: inside the domain, around the value
    for (Estimate e : new Estimate[] {f.r(), f.alpha(), f.pi()}) {
      assertTrue(e.standardError() > 0, e.toString());
      assertTrue(e.lower95() > 0 && e.lower95() < e.value() && e.value() < e.upper95(),
          e + ": " + e.lower95() + " .. " + e.upper95());
    }
    assertTrue(f.pi().upper95() < 1);
    // the limit is the BG/NBD at the end of the ridge: a = p K, b = (1 - p) K, K -> infinity
    // (the BG/NBD differs by O(n x^2 / K); beyond K ~ 1e7 its ln Gamma differences lose digits)
    double p = f.pi().value();
    BgNbdLikelihood bg = new BgNbdLikelihood(Triples.of(s));
    double previous = Double.POSITIVE_INFINITY;
    for (double k : new double[] {1e2, 1e4, 1e6}) {
      double gap = Math.abs(f.logLikelihood() - bg.value(new double[] {Math.log(f.r().value()),
          Math.log(f.alpha().value()), Math.log(p * k), Math.log((1 - p) * k)}, null));
      assertTrue(gap < previous, "K = " + k + ": " + gap);
      previous = gap;
    }
    assertTrue(previous < 0.01, "at K = 1e6: " + previous);
  }

  /** The limit model at given parameters. */
  static BgNbdFit limit(double r, double alpha, double p) {
    return new BgNbdFit(new Estimate("r", r, 0), new Estimate("alpha", alpha, 0),
        new Estimate("a", Double.POSITIVE_INFINITY, Double.NaN),
        new Estimate("b", Double.POSITIVE_INFINITY, Double.NaN), 0, 0, 0,
        new Convergence(true, 0, 0, 0, "given"), RfmUnit.WEEK, BgNbdFit.CONSTANT_DROPOUT,
        Estimate.probability("pi", p, 0));
  }

  /**
   * {@code int_0^inf f(lambda) Gamma(lambda; shape, rate) dlambda} by Simpson's rule in
   * {@code u = ln lambda} over {@code [-60, 9]} (the integrand is smooth and negligible outside).
   */
  static double gammaIntegral(java.util.function.DoubleUnaryOperator f, double shape, double rate) {
    int n = 400_000;
    double lo = -60;
    double hi = 9;
    double h = (hi - lo) / n;
    double lnNorm = shape * Math.log(rate) - LogGamma.value(shape);
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double u = lo + i * h;
      double lambda = Math.exp(u);
      double density = Math.exp(lnNorm + shape * u - rate * lambda); // g(lambda) lambda
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      sum += w * f.applyAsDouble(lambda) * density;
    }
    return sum * h / 3;
  }

  @Test
  void closedFormsEqualTheRidgeOfTheBgNbdAndIntegralsOverTheRate() {
    double r = 0.61;
    double alpha = 3.1;
    double p = 0.17;
    BgNbdFit lim = limit(r, alpha, p);
    double k = 1e9;
    BgNbdFit far = BgNbdPredictionTest.fit(r, alpha, p * k, (1 - p) * k);
    // a new customer: E[X(t)] = E[(1 - e^(-lambda p t)) / p] over lambda ~ Gamma(r, alpha)
    for (double t : new double[] {0.5, 10, 52, 520}) {
      double closed = lim.expectedPurchases(t);
      double integral = gammaIntegral(l -> -Math.expm1(-l * p * t) / p, r, alpha);
      assertEquals(integral, closed, 1e-9 * integral, "t = " + t);
      assertEquals(far.expectedPurchases(t), closed, 1e-6 * closed, "t = " + t);
    }
    // a customer with history (x, t_x, T): Bayes over lambda and "alive", integrals in lambda of
    // the individual likelihoods (1-p)^x lambda^x e^(-lambda T) (alive) and
    // p (1-p)^(x-1) lambda^x e^(-lambda t_x) (dropped out at t_x)
    double[][] hs = {{0, 0, 30}, {1, 5, 30}, {4, 20.5, 30}, {15, 29, 30}, {2, 1, 52}, {30, 10, 60}};
    for (double[] h : hs) {
      int x = (int) h[0];
      double tx = h[1];
      double T = h[2];
      double alive = gammaIntegral(l -> Math.pow(1 - p, x) * Math.pow(l, x) * Math.exp(-l * T), r,
          alpha);
      double dead = x == 0 ? 0 : gammaIntegral(
          l -> p * Math.pow(1 - p, x - 1) * Math.pow(l, x) * Math.exp(-l * tx), r, alpha);
      double pAlive = alive / (alive + dead);
      assertEquals(pAlive, lim.probabilityAlive(x, tx, T), 1e-9, "P(alive) " + x + ", " + tx);
      assertEquals(far.probabilityAlive(x, tx, T), lim.probabilityAlive(x, tx, T), 1e-7);
      for (double t : new double[] {4, 52}) {
        double future = gammaIntegral(l -> Math.pow(1 - p, x) * Math.pow(l, x) * Math.exp(-l * T)
            * -Math.expm1(-l * p * t) / p, r, alpha) / (alive + dead);
        double closed = lim.expectedPurchases(t, x, tx, T);
        assertEquals(future, closed, 1e-8 * future, "E[Y(" + t + ")] " + x + ", " + tx + ", " + T);
        assertEquals(far.expectedPurchases(t, x, tx, T), closed, 1e-6 * closed);
      }
    }
  }

  @Test
  void oneCustomersExpectedPurchasesMatchASimulationOfTheProcess() {
    // FHL 2005 eq. 7 at a point mass: E[X(t) | lambda, p] = (1 - e^(-lambda p t)) / p
    SplittableRandom rnd = new SplittableRandom(2005);
    double lambda = 0.8;
    double p = 0.2;
    double t = 20;
    int n = 200_000;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double x = Simulation.bgNbdCustomer(rnd, lambda, p, t)[0];
      sum += x;
      sq += x * x;
    }
    double mean = sum / n;
    double se = Math.sqrt((sq / n - mean * mean) / n);
    BgNbdFit lim = limit(1e9, 1e9 / lambda, p); // Gamma(r, r / lambda) -> point mass at lambda
    assertEquals(-Math.expm1(-lambda * p * t) / p, lim.expectedPurchases(t), 1e-6);
    assertEquals(mean, lim.expectedPurchases(t), 4 * se);
  }

  @Test
  void heterogeneousDropoutStaysInside() {
    // p ~ Beta(2, 6): the interior maximum is found, no boundary
    SplittableRandom rnd = new SplittableRandom(11);
    List<RfmCustomer> cs = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      double T = 1 + rnd.nextInt(56);
      double[] h = Simulation.bgNbdCustomer(rnd, Simulation.gamma(rnd, 0.6, 3.0),
          Simulation.beta(rnd, 2, 6), T);
      int x = (int) h[0];
      cs.add(new RfmCustomer("c" + i, x, x == 0 ? 0 : Math.min(T, Math.ceil(h[1] * 7) / 7), T, 1));
    }
    BgNbdFit f = Ltv.bgNbd(new RfmSummary(RfmUnit.WEEK, cs));
    assertEquals(null, f.boundary(), f.toString());
    assertTrue(f.convergence().converged());
    assertTrue(f.a().lower95() > 0 && f.b().lower95() > 0, f.toString());
  }
}
