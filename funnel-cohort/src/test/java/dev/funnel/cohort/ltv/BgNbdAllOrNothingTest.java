package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The all-or-nothing limit of the BG/NBD (a, b -> 0 with a/(a+b) -> pi: p is 0 or 1), checked
 * against routes that do not use {@link AllOrNothingLikelihood} or the limit formulas: the BG/NBD
 * likelihood and closed-form predictions at tiny a and b (continuity), the individual-level
 * quantities mixed over the two-point law of p, a grid search, and simulation.
 */
class BgNbdAllOrNothingTest {

  static final double R = 0.9;
  static final double ALPHA = 6.0;
  static final double PI = 0.3;

  static BgNbdFit limit(double r, double alpha, double pi) {
    return new BgNbdFit(
        new Estimate("r", r, 0), new Estimate("alpha", alpha, 0), new Estimate("a", 0, 0),
        new Estimate("b", 0, 0), 0, 0, 0, new Convergence(true, 0, 0, 0, "given"), RfmUnit.WEEK,
        BgNbdFit.ALL_OR_NOTHING, new Estimate("pi", pi, 0));
  }

  /** The BG/NBD log-likelihood at {@code a = pi eps, b = (1-pi) eps}. */
  static double interior(Triples d, double r, double alpha, double pi, double eps) {
    return new BgNbdLikelihood(d).value(
        new double[] {Math.log(r), Math.log(alpha), Math.log(pi * eps), Math.log((1 - pi) * eps)},
        null);
  }

  static List<RfmCustomer> histories() {
    return List.of(
        new RfmCustomer("0", 0, 0, 40, 0),
        new RfmCustomer("1a", 1, 4.3, 40, 0),
        new RfmCustomer("1b", 1, 39, 40, 0),
        new RfmCustomer("2", 2, 20, 40, 0),
        new RfmCustomer("9", 9, 38, 40, 0));
  }

  @Test
  void likelihoodIsTheLimitOfTheBgNbdLikelihood() {
    Triples d = Triples.of(new RfmSummary(RfmUnit.WEEK, histories()));
    double[] theta = {Math.log(R), Math.log(ALPHA), Math.log(PI / (1 - PI))};
    double limit = new AllOrNothingLikelihood(d).value(theta, null);
    double previous = Double.NaN;
    for (double eps : new double[] {1e-3, 1e-5, 1e-7, 1e-9}) {
      double gap = Math.abs(interior(d, R, ALPHA, PI, eps) - limit);
      assertTrue(Double.isNaN(previous) || gap < previous / 50, eps + ": " + gap);
      previous = gap;
    }
    assertTrue(previous < 1e-7, "gap at 1e-9: " + previous);
  }

  @Test
  void gradientMatchesDifferences() {
    Triples d = Triples.of(new RfmSummary(RfmUnit.WEEK, histories()));
    AllOrNothingLikelihood l = new AllOrNothingLikelihood(d);
    double[] theta = {Math.log(R), Math.log(ALPHA), Math.log(PI / (1 - PI))};
    double[] g = new double[3];
    l.value(theta, g);
    for (int i = 0; i < 3; i++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += 1e-6;
      down[i] -= 1e-6;
      double numeric = (l.value(up, null) - l.value(down, null)) / 2e-6;
      assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)), "component " + i);
    }
  }

  /**
   * Predictions against the individual-level BG/NBD quantities (as in {@link BgNbdPredictionTest})
   * mixed over p in {0, 1} with weights 1 - pi and pi, the p -> 0 term taken as its limit.
   */
  @Test
  void predictionsMatchTheTwoPointMixture() {
    BgNbdFit f = limit(R, ALPHA, PI);
    double t = 26;
    for (RfmCustomer c : histories()) {
      int x = c.x();
      double rx = R + x;
      double aT = ALPHA + c.T();
      // alive and dead parts of the likelihood (the common Gamma factor cancels)
      double alive = (1 - PI) * Math.pow(aT, -rx) + (x == 0 ? PI * Math.pow(aT, -R) : 0);
      double dead = x == 1 ? PI * Math.pow(ALPHA + c.tx(), -rx) : 0;
      // future purchases: p -> 0 gives rx t (alpha+T)^-(rx+1); p = 1 only for x = 0
      double future = (1 - PI) * rx * t * Math.pow(aT, -rx - 1)
          + (x == 0 ? PI * (Math.pow(aT, -R) - Math.pow(aT + t, -R)) : 0);
      assertEquals(alive / (alive + dead), f.probabilityAlive(c), 1e-12, "P(alive) " + c);
      double ey = future / (alive + dead);
      assertEquals(ey, f.expectedPurchases(t, c), 1e-12 * (1 + ey), "E[Y] " + c);
    }
    // a new customer: E[X(t)] = (1-pi) r t / alpha + pi (1 - (alpha/(alpha+t))^r)
    double x0 = (1 - PI) * R * t / ALPHA + PI * (1 - Math.pow(ALPHA / (ALPHA + t), R));
    assertEquals(x0, f.expectedPurchases(t), 1e-12);
  }

  /** For x >= 1 the BG/NBD closed forms (eq. 10, P(alive)) are defined at tiny a, b: continuity. */
  @Test
  void predictionsAreTheLimitOfTheClosedForms() {
    BgNbdFit f = limit(R, ALPHA, PI);
    double eps = 1e-8;
    BgNbdFit near = BgNbdPredictionTest.fit(R, ALPHA, PI * eps, (1 - PI) * eps);
    for (RfmCustomer c : histories()) {
      assertEquals(near.probabilityAlive(c), f.probabilityAlive(c), 1e-6, c.toString());
      if (c.x() >= 1) {
        double e = near.expectedPurchases(26, c);
        assertEquals(e, f.expectedPurchases(26, c), 1e-5 * (1 + e), c.toString());
      }
    }
  }

  /**
   * Simulated customers (Poisson purchases; after each repeat purchase a p = 1 customer drops out)
   * with their next 26 weeks: summed predictions equal summed outcomes within 4 standard errors
   * (the law of total expectation), at the true parameters.
   */
  @Test
  void predictionsAgreeWithSimulatedFutures() {
    SplittableRandom rnd = new SplittableRandom(2005);
    BgNbdFit f = limit(R, ALPHA, PI);
    double horizon = 26;
    double diffY = 0;
    double varY = 0;
    double diffAlive = 0;
    double varAlive = 0;
    for (int i = 0; i < 20_000; i++) {
      double T = 20 + rnd.nextInt(33);
      double[] h = simulate(rnd, R, ALPHA, PI, T, horizon);
      RfmCustomer c = new RfmCustomer("c" + i, (int) h[0], h[1], T, 0);
      double dy = h[2] - f.expectedPurchases(horizon, c);
      double da = h[3] - f.probabilityAlive(c);
      diffY += dy;
      varY += dy * dy;
      diffAlive += da;
      varAlive += da * da;
    }
    assertTrue(Math.abs(diffY) < 4 * Math.sqrt(varY), diffY + " vs se " + Math.sqrt(varY));
    assertTrue(
        Math.abs(diffAlive) < 4 * Math.sqrt(varAlive), diffAlive + " vs se " + Math.sqrt(varAlive));
  }

  /** {x, t_x, purchases in (T, T + horizon], alive at T} of one all-or-nothing customer. */
  static double[] simulate(
      SplittableRandom rnd, double r, double alpha, double pi, double T, double horizon) {
    double lambda = Simulation.gamma(rnd, r, alpha);
    boolean dropper = rnd.nextDouble() < pi;
    int x = 0;
    double tx = 0;
    int future = 0;
    boolean dead = false;
    double t = 0;
    while (!dead) {
      t += Simulation.exponential(rnd, lambda);
      if (t > T + horizon) {
        break;
      }
      if (t <= T) {
        x++;
        tx = t;
      } else {
        future++;
      }
      dead = dropper;
    }
    boolean aliveAtT = !(dropper && x >= 1);
    return new double[] {x, tx, future, aliveAtT ? 1 : 0};
  }

  /** Simulated from the limit model: the fit lands on it and recovers r, alpha, pi within 3 SE. */
  @Test
  void recoversSimulatedParametersOfTheLimit() {
    SplittableRandom rnd = new SplittableRandom(1959);
    List<RfmCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      double T = 26 + rnd.nextInt(27);
      double[] h = simulate(rnd, R, ALPHA, PI, T, 0);
      customers.add(new RfmCustomer("c" + i, (int) h[0], Math.round(h[1] * 7) / 7.0, T, 0));
    }
    BgNbdFit f = Ltv.bgNbd(new RfmSummary(RfmUnit.WEEK, customers));
    assertEquals(BgNbdFit.ALL_OR_NOTHING, f.boundary(), f.toString());
    assertTrue(f.convergence().converged(), f.convergence().toString());
    double[] truth = {R, ALPHA, PI};
    Estimate[] est = {f.r(), f.alpha(), f.pi()};
    for (int i = 0; i < 3; i++) {
      assertTrue(est[i].standardError() > 0, est[i].toString());
      assertEquals(truth[i], est[i].value(), 3 * est[i].standardError(), est[i].toString());
    }
  }

  /**
   * The demo's customers (monthly subscribers who stay, one-off buyers who pay in two halves or
   * buy one add-on): the fit is the converged all-or-nothing limit; an independent shrinking-grid
   * search over (r, alpha, pi) of the BG/NBD likelihood at a + b = 1e-9 finds no higher value,
   * and the NBD limit is lower.
   */
  @Test
  void demoLandsOnTheAllOrNothingLimit() {
    for (long leads : new long[] {2_000, 10_000}) {
      RfmSummary s = DemoRfm.summary(leads);
      BgNbdFit f = Ltv.bgNbd(s);
      assertEquals(BgNbdFit.ALL_OR_NOTHING, f.boundary(), f.toString());
      assertTrue(f.convergence().converged(), f.convergence().toString());
      assertTrue(f.summary().contains("all-or-nothing"), f.summary());
      Triples d = Triples.of(s);
      double[] best = gridSearch(d);
      assertEquals(best[3], f.logLikelihood(), 1e-6 * Math.abs(best[3]), leads + " leads");
      assertEquals(best[0], f.r().value(), 2e-3 * best[0]);
      assertEquals(best[1], f.alpha().value(), 2e-3 * best[1]);
      assertEquals(best[2], f.pi().value(), 2e-3);
      double nbd = BgNbdBoundaryTest.nbdByGrid(s.customers())[2];
      assertTrue(f.logLikelihood() > nbd, f.logLikelihood() + " vs NBD " + nbd);
      for (RfmCustomer c : s.customers()) {
        assertTrue(Double.isFinite(f.expectedPurchases(52, c)), c.toString());
        double alive = f.probabilityAlive(c);
        assertTrue(alive >= 0 && alive <= 1, c.toString());
      }
    }
  }

  /**
   * {r, alpha, pi, logL}: shrinking grid over (ln r, ln alpha, pi) at a + b = 1e-9, pi moving on
   * its own scale (a logit grid would stall where the likelihood is flat near pi = 0).
   */
  static double[] gridSearch(Triples d) {
    double[] at = {0, Math.log(5), 0.5};
    double best = value(d, at);
    double step = 1;
    for (int round = 0; round < 400 && step > 1e-6; round++) {
      double[] centre = at.clone();
      for (int i = -2; i <= 2; i++) {
        for (int j = -2; j <= 2; j++) {
          for (int k = -2; k <= 2; k++) {
            double pi = centre[2] + k * step / 5;
            if (!(pi > 0 && pi < 1)) {
              continue;
            }
            double[] p = {centre[0] + i * step, centre[1] + j * step, pi};
            double v = value(d, p);
            if (v > best) {
              best = v;
              at = p;
            }
          }
        }
      }
      if (java.util.Arrays.equals(at, centre)) {
        step /= 2;
      }
    }
    return new double[] {Math.exp(at[0]), Math.exp(at[1]), at[2], best};
  }

  private static double value(Triples d, double[] p) {
    double v = interior(d, Math.exp(p[0]), Math.exp(p[1]), p[2], 1e-9);
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }
}
