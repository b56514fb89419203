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
 * Customers who differ in how often they buy but all stay an exponential lifetime of one rate: the
 * Pareto/NBD likelihood increases along {@code s, beta -> infinity} with {@code s/beta} fixed, and
 * the fit reports the limit model ({@link ParetoNbdFit#CONSTANT_DROPOUT_RATE}). Checked against a
 * derivative-free maximum of the limit likelihood written out with its integral by Simpson's rule,
 * against the Pareto/NBD far out on the ridge, and its predictions against integrals over the
 * purchase rate of the individual-level likelihood of Fader and Hardie's note (2005, eq. 3).
 */
class ParetoNbdConstantRateTest {

  /** n customers: weekly rates Gamma(0.8, rate 6), lifetimes Exp(mu) weeks, observed 10-52 weeks. */
  static RfmSummary population(long seed, int n, double mu) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<RfmCustomer> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int days = 70 + rnd.nextInt(7 * 42);
      double lambda = Simulation.gamma(rnd, 0.8, 6.0) / 7; // per day
      double end = Math.min(Simulation.exponential(rnd, mu / 7), days);
      int x = 0;
      double last = 0;
      for (double t = Simulation.exponential(rnd, lambda); t <= end;
          t += Simulation.exponential(rnd, lambda)) {
        x++;
        last = t;
      }
      int lastDay = Math.min((int) Math.ceil(last), days);
      cs.add(new RfmCustomer("c" + i, x, x == 0 ? 0 : lastDay / 7.0, days / 7.0, 0));
    }
    return new RfmSummary(RfmUnit.WEEK, cs);
  }

  /**
   * K = int_tx^T e^(-mu tau) (alpha+tau)^-(r+x) d tau by composite Simpson in y = ln(alpha+tau)
   * (integrand e^((1-r-x) y - mu tau)), {@code n} panels (even).
   */
  static double simpsonK(double rx, double alpha, double mu, double tx, double T, int n) {
    double y0 = Math.log(alpha + tx);
    double h = (Math.log(alpha + T) - y0) / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double y = y0 + i * h;
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      s += w * Math.exp((1 - rx) * y - mu * (Math.exp(y) - alpha));
    }
    return s * h / 3;
  }

  /** The limit's log-likelihood written out per distinct history, K by {@link #simpsonK}. */
  static double limitLogLikelihood(Map<List<Double>, Integer> h, double r, double alpha, double mu) {
    double ll = 0;
    for (Map.Entry<List<Double>, Integer> e : h.entrySet()) {
      int x = (int) Math.round(e.getKey().get(0));
      double tx = e.getKey().get(1);
      double T = e.getKey().get(2);
      double alive = Math.exp(-mu * T) * Math.pow(alpha + T, -(r + x));
      double dead = T > tx ? mu * simpsonK(r + x, alpha, mu, tx, T, 200) : 0;
      ll += e.getValue() * (LogGamma.value(r + x) - LogGamma.value(r) + r * Math.log(alpha)
          + Math.log(alive + dead));
    }
    return ll;
  }

  @Test
  void aPopulationWithOneDropoutRateGivesTheConstantRateLimit() {
    RfmSummary s = population(1, 3000, 0.05); // half the seeds end on the ridge, as this one
    ParetoNbdFit f = Ltv.paretoNbd(s);
    assertEquals(ParetoNbdFit.CONSTANT_DROPOUT_RATE, f.boundary(), f + " " + f.convergence());
    assertTrue(f.convergence().converged(), f.convergence().toString());
    assertEquals(Double.POSITIVE_INFINITY, f.s().value());
    assertEquals(Double.POSITIVE_INFINITY, f.beta().value());
    for (Estimate e : new Estimate[] {f.r(), f.alpha(), f.mu(), f.lambda()}) {
      assertTrue(e.lower95() > 0 && e.lower95() < e.value() && e.value() < e.upper95(),
          e + ": " + e.lower95() + " .. " + e.upper95());
    }
    assertEquals(0.05, f.mu().value(), 3 * f.mu().standardError(), f.mu().toString());
    // a shrinking grid around nothing in particular, with the likelihood written out
    Map<List<Double>, Integer> h = new HashMap<>();
    for (RfmCustomer c : s.customers()) {
      h.merge(List.of((double) c.x(), c.tx(), c.T()), 1, Integer::sum);
    }
    double[] c = {0, 0, Math.log(0.1)};
    double best = limitLogLikelihood(h, 1, 1, 0.1);
    double step = 1;
    while (step > 1e-4) {
      double[] center = c.clone();
      for (int i = -1; i <= 1; i++) {
        for (int j = -1; j <= 1; j++) {
          for (int k = -1; k <= 1; k++) {
            double[] y = {center[0] + i * step, center[1] + j * step, center[2] + k * step};
            double v = limitLogLikelihood(h, Math.exp(y[0]), Math.exp(y[1]), Math.exp(y[2]));
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
    assertEquals(best, f.logLikelihood(), 1e-7 * Math.abs(best));
    assertEquals(Math.exp(c[0]), f.r().value(), 1e-3 * f.r().value());
    assertEquals(Math.exp(c[1]), f.alpha().value(), 1e-3 * f.alpha().value());
    assertEquals(Math.exp(c[2]), f.mu().value(), 1e-3 * f.mu().value());
    // the limit is the Pareto/NBD at the end of the ridge: s = mu K, beta = K, K -> infinity
    double atRidge = new ParetoNbdLikelihood(Triples.of(s)).value(new double[] {
        Math.log(f.r().value()), Math.log(f.alpha().value()), Math.log(f.mu().value() * 1e6),
        Math.log(1e6)}, null);
    assertEquals(f.logLikelihood(), atRidge, 0.05);
  }

  /** {@code int_0^inf f(lambda) Gamma(lambda; shape, rate) d lambda}, Simpson in ln lambda. */
  static double gammaIntegral(java.util.function.DoubleUnaryOperator f, double shape, double rate) {
    return BgNbdConstantDropoutTest.gammaIntegral(f, shape, rate);
  }

  @Test
  void predictionsEqualIntegralsOverTheRateOfTheIndividualLikelihood() {
    double r = 0.8;
    double alpha = 6;
    double mu = 0.05;
    ParetoNbdFit lim = new ParetoNbdFit(new Estimate("r", r, 0), new Estimate("alpha", alpha, 0),
        new Estimate("s", Double.POSITIVE_INFINITY, Double.NaN),
        new Estimate("beta", Double.POSITIVE_INFINITY, Double.NaN), 0, 0, 0,
        new Convergence(true, 0, 0, 0, "given"), RfmUnit.WEEK,
        ParetoNbdFit.CONSTANT_DROPOUT_RATE, new Estimate("lambda", r / alpha, 0),
        new Estimate("mu", mu, 0));
    double k = 1e7;
    ParetoNbdFit far = ParetoNbdPredictionTest.fit(r, alpha, mu * k, k);
    double[][] hs = {{0, 0, 30}, {1, 5, 30}, {4, 20.5, 30}, {12, 29, 30}, {2, 1, 52}, {3, 10, 10}};
    for (double[] hh : hs) {
      int x = (int) hh[0];
      double tx = hh[1];
      double T = hh[2];
      // individual likelihood (Fader and Hardie 2005 note, eq. 3): alive at T, or died in (tx, T]
      java.util.function.DoubleUnaryOperator alive =
          l -> Math.pow(l, x) * Math.exp(-(l + mu) * T);
      java.util.function.DoubleUnaryOperator died = l -> Math.pow(l, x) * mu / (l + mu)
          * (Math.exp(-(l + mu) * tx) - Math.exp(-(l + mu) * T));
      double a = gammaIntegral(alive, r, alpha);
      double all = a + gammaIntegral(died, r, alpha);
      assertEquals(a / all, lim.probabilityAlive(x, tx, T), 1e-8, "P(alive) " + x + ", " + tx);
      assertEquals(far.probabilityAlive(x, tx, T), lim.probabilityAlive(x, tx, T), 1e-5);
      for (double t : new double[] {4, 52}) {
        // alive at T: rate lambda for an Exp(mu) remaining lifetime cut at t
        double future = gammaIntegral(l -> alive.applyAsDouble(l) * l * -Math.expm1(-mu * t) / mu,
            r, alpha) / all;
        double closed = lim.expectedPurchases(t, x, tx, T);
        assertEquals(future, closed, 1e-8 * future, "E[Y(" + t + ")] " + x + ", " + tx);
        assertEquals(far.expectedPurchases(t, x, tx, T), closed, 1e-4 * closed);
      }
    }
  }

  @Test
  void theIntegralOfTheLimitEqualsSimpsonsRule() {
    double[] grad = new double[3];
    for (double[] c : new double[][] {{0.3, 2, 0.05, 0, 40}, {5.7, 0.01, 0.2, 3, 50},
        {1.0, 30, 1e-4, 10, 11}, {0.6, 1e-3, 2, 0, 60}}) {
      double lnK = ConstantDropoutRateLikelihood.logK(c[0], c[1], c[2], c[3], c[4], grad);
      double simpson = simpsonK(c[0], c[1], c[2], c[3], c[4], 20_000);
      assertEquals(Math.log(simpson), lnK, 1e-9, java.util.Arrays.toString(c));
      // the gradient against central differences of ln K
      double[] p = {c[0], c[1], c[2]};
      for (int i = 0; i < 3; i++) {
        double hstep = 1e-6 * p[i];
        double[] up = p.clone();
        double[] dn = p.clone();
        up[i] += hstep;
        dn[i] -= hstep;
        double fd = (ConstantDropoutRateLikelihood.logK(up[0], up[1], up[2], c[3], c[4], null)
            - ConstantDropoutRateLikelihood.logK(dn[0], dn[1], dn[2], c[3], c[4], null))
            / (2 * hstep);
        assertEquals(fd, grad[i], 1e-5 * (1 + Math.abs(fd)), "d/d" + i + " " + java.util.Arrays.toString(c));
      }
    }
  }
}
