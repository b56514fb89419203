package dev.funnel.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void wilsonIntervalOfTenInAHundredIsThePublishedOne() {
    // the published bounds use the rounded critical value z = 1.96
    WilsonInterval w = WilsonInterval.ofCritical(10, 100, 1.96);
    assertEquals(0.05522854161313612, w.lower(), 1e-15);
    assertEquals(0.1743673043676654, w.upper(), 1e-15);
    assertEquals(0.1, w.rate());
    assertEquals(0.95, w.confidence(), 1e-4);
    // with the exact quantile 1.959964 the bounds move in the sixth decimal
    WilsonInterval exact = Stats.wilson(10, 100, 0.95);
    assertEquals(0.0552291370606751, exact.lower(), 1e-12);
    assertEquals(0.17436566150491345, exact.upper(), 1e-12);
  }

  /** The Wilson bounds are the roots of (p^ - p)^2 = z^2 p (1 - p) / n: solve that instead. */
  @Test
  void wilsonBoundsAreTheRootsOfTheScoreEquation() {
    long[][] cases = {{81, 263}, {0, 12}, {12, 12}, {1, 3}, {500, 1000}};
    for (long[] c : cases) {
      double n = c[1];
      double ph = c[0] / n;
      double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);
      double a = 1 + z * z / n;
      double b = -(2 * ph + z * z / n);
      double cc = ph * ph;
      double disc = Math.sqrt(b * b - 4 * a * cc);
      WilsonInterval w = Stats.wilson(c[0], c[1], 0.95);
      assertEquals((-b - disc) / (2 * a), w.lower(), 1e-12);
      assertEquals((-b + disc) / (2 * a), w.upper(), 1e-12);
    }
    // 81/263, 95%: about [0.2553, 0.3662]
    WilsonInterval w = Stats.wilson(81, 263, 0.95);
    assertEquals(0.2553, w.lower(), 5e-5);
    assertEquals(0.3662, w.upper(), 5e-5);
    assertTrue(Double.isNaN(Stats.wilson(0, 0, 0.95).lower()));
  }

  @Test
  void twoProportionZTestMatchesThePublishedNumbers() {
    TwoProportionTest t = Stats.twoProportion(250, 5000, 295, 5000, 0.95);
    assertEquals(1.9823644281, t.z(), 1e-9);
    assertEquals(0.0474384679, t.pValue(), 1e-9);
    assertTrue(t.significant());
    // unpooled interval by hand: 0.009 +- 1.959964 * sqrt(.05*.95/5000 + .059*.941/5000)
    double se = Math.sqrt(0.05 * 0.95 / 5000 + 0.059 * 0.941 / 5000);
    assertEquals(0.009 - 1.959963984540054 * se, t.lower(), 1e-12);
    assertEquals(0.009 + 1.959963984540054 * se, t.upper(), 1e-12);
    TwoProportionTest none = Stats.twoProportion(0, 10, 0, 20, 0.95);
    assertTrue(Double.isNaN(none.z()));
    assertFalse(none.significant());
  }

  @Test
  void bayesianProbabilityMatchesThePublishedValue() {
    BayesianAB b = Stats.bayesian(250, 5000, 295, 5000);
    assertEquals(0.976228624, b.probabilityBBeatsA(), 1e-9);
    // symmetry: P(A > B) = 1 - P(B > A)
    assertEquals(1 - b.probabilityBBeatsA(),
        Stats.bayesian(295, 5000, 250, 5000).probabilityBBeatsA(), 1e-9);
  }

  /** P(B > A) and the expected losses by numeric integration over the Beta densities. */
  @Test
  void exactSumAndLossesAgreeWithNumericIntegration() {
    long[][] cases = {{12, 50, 20, 55}, {3, 10, 1, 12}, {40, 200, 41, 190}};
    for (long[] c : cases) {
      BetaDistribution fa = BetaDistribution.of(1 + c[0], 1 + c[1] - c[0]);
      BetaDistribution fb = BetaDistribution.of(1 + c[2], 1 + c[3] - c[2]);
      BetaDistribution fa1 = BetaDistribution.of(2 + c[0], 1 + c[1] - c[0]);
      double meanA = fa.getMean();
      int steps = 200_000;
      double h = 1.0 / steps;
      double p = 0;
      double lossA = 0;
      for (int i = 0; i < steps; i++) {
        double x = (i + 0.5) * h; // midpoint rule
        double fbx = fb.density(x);
        p += fbx * fa.cumulativeProbability(x) * h;
        // E[max(B - A, 0)] = int f_B(b) (b F_A(b) - E[A; A <= b]) db
        lossA += fbx * (x * fa.cumulativeProbability(x) - meanA * fa1.cumulativeProbability(x)) * h;
      }
      double meanB = fb.getMean();
      // E[max(A - B, 0)] = E[max(B - A, 0)] - (E[B] - E[A])
      double lossB = lossA - (meanB - meanA);
      BayesianAB b = Stats.bayesian(c[0], c[1], c[2], c[3]);
      assertEquals(p, b.probabilityBBeatsA(), 1e-6);
      assertEquals(lossA, b.lossChoosingA(), 1e-6);
      assertEquals(lossB, b.lossChoosingB(), 1e-6);
    }
  }

  @Test
  void benjaminiHochbergOnThe1995Example() {
    double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
        0.4262, 0.5719, 0.6528, 0.7590, 1.000};
    double[] adj = Stats.benjaminiHochberg(p);
    int rejected = 0;
    for (double a : adj) {
      rejected += a <= 0.05 ? 1 : 0;
    }
    assertEquals(4, rejected, "Benjamini and Hochberg (1995) reject four of the fifteen");
    assertEquals(0.0095 * 15 / 4, adj[3], 1e-12);
    assertEquals(0.0201 * 15 / 5, adj[4], 1e-12);
    assertEquals(0.0298 * 15 / 7, adj[5], 1e-12); // step-up minimum reaches back to index 6
    assertEquals(1.0, adj[14], 1e-12);
    // input order does not matter and NaN is left out of m
    double[] q = Stats.benjaminiHochberg(new double[] {0.04, Double.NaN, 0.01});
    assertEquals(0.04, q[0], 1e-12);
    assertTrue(Double.isNaN(q[1]));
    assertEquals(0.02, q[2], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Stats.benjaminiHochberg(new double[] {1.5}));
  }

  /**
   * The 6-MP arm of Freireich et al. (1963) leukemia remission data, as in Kleinbaum and Klein,
   * "Survival Analysis", chapter 2: 21 patients, 12 censored.
   */
  @Test
  void kaplanMeierOnTheTextbookRemissionData() {
    double[] t = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    boolean[] event = {true, true, true, false, true, false, true, false, false, true, true, false,
        false, false, true, true, false, false, false, false, false};
    KaplanMeier km = Stats.kaplanMeier();
    for (int i = 0; i < t.length; i++) {
      km.add(t[i], event[i]);
    }
    SurvivalCurve s = km.result();
    double[] expect = {18.0 / 21, 18.0 / 21 * 16 / 17, 18.0 / 21 * 16 / 17 * 14 / 15};
    assertEquals(expect[0], s.survival(6), 1e-12);
    assertEquals(expect[1], s.survival(7), 1e-12);
    assertEquals(expect[2], s.survival(10), 1e-12);
    assertEquals(0.857, s.survival(6.5), 5e-4);
    assertEquals(0.690, s.survival(13), 5e-4);
    assertEquals(0.627, s.survival(16), 5e-4);
    assertEquals(0.538, s.survival(22), 5e-4);
    assertEquals(0.448, s.survival(23), 5e-4);
    assertEquals(23.0, s.median());
    assertTrue(Double.isNaN(s.percentile(0.75)), "the curve never falls to 0.25");
    assertEquals(21, s.observations());
    assertEquals(12, s.censored());
    assertEquals(17, s.steps().get(1).atRisk());
  }

  @Test
  void kaplanMeierWithoutCensoringIsTheEmpiricalDistribution() {
    KaplanMeier km = Stats.kaplanMeier();
    for (int d = 1; d <= 10; d++) {
      km.add(d, true);
    }
    SurvivalCurve s = km.result();
    assertEquals(5.0, s.median());
    assertEquals(8.0, s.percentile(0.75));
    assertEquals(9.0, s.percentile(0.9));
    assertEquals(0.0, s.survival(10), 1e-12);
  }

  @Test
  void kaplanMeierMergeLaws() {
    Random r = new Random(5);
    KaplanMeier whole = Stats.kaplanMeier();
    KaplanMeier[] parts = {Stats.kaplanMeier(), Stats.kaplanMeier(), Stats.kaplanMeier()};
    for (int i = 0; i < 300; i++) {
      double d = r.nextInt(40);
      boolean e = r.nextInt(3) > 0;
      whole.add(d, e);
      parts[r.nextInt(3)].add(d, e);
    }
    SurvivalCurve expect = whole.result();
    assertEquals(expect, parts[0].merge(parts[1]).merge(parts[2]).result());
    assertEquals(expect, parts[2].merge(parts[1].merge(parts[0])).result());
    assertEquals(expect, whole.merge(KaplanMeier.empty()).result());
    assertThrows(IllegalArgumentException.class, () -> KaplanMeier.empty().add(-1, true));
    assertThrows(IllegalArgumentException.class, () -> KaplanMeier.empty().add(Double.NaN, true));
  }

  @Test
  void shrinkageByHand() {
    // rates .1 (n=10), .3 (n=10), .2 (n=10): mu = .2, s2 = (.01 + .01 + 0)/3, mean(1/n) = .1
    BetaBinomialPrior p = Stats.shrinkage(new long[] {1, 3, 2}, new long[] {10, 10, 10});
    double rho = ((0.02 / 3) / (0.2 * 0.8) - 0.1) / 0.9;
    assertTrue(rho < 0, "binomial noise alone explains this spread");
    assertEquals(Double.POSITIVE_INFINITY, p.strength());
    assertEquals(0.2, p.shrink(1, 10), 1e-12);
    // rates .1, .5, .3 (n=20 each): mu = .3, s2 = .08/3, mean(1/n) = .05
    BetaBinomialPrior q = Stats.shrinkage(new long[] {2, 10, 6}, new long[] {20, 20, 20});
    double rho2 = ((0.08 / 3) / 0.21 - 0.05) / 0.95;
    assertEquals(1 / rho2 - 1, q.strength(), 1e-9);
    assertEquals((2 + 0.3 * q.strength()) / (20 + q.strength()), q.shrink(2, 20), 1e-12);
    assertEquals(0.3, q.shrink(0, 0), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Stats.shrinkage(new long[] {3}, new long[] {2}));
  }

  /** Simulated beta-binomial groups with a fixed seed: the moment estimate finds the prior. */
  @Test
  void shrinkageRecoversASimulatedPrior() {
    Random r = new Random(42);
    BetaDistribution prior = BetaDistribution.of(4, 16); // mean .2, strength 20
    int k = 3000;
    long[] x = new long[k];
    long[] n = new long[k];
    for (int i = 0; i < k; i++) {
      double p = prior.inverseCumulativeProbability(r.nextDouble());
      n[i] = 20 + r.nextInt(60);
      for (int j = 0; j < n[i]; j++) {
        x[i] += r.nextDouble() < p ? 1 : 0;
      }
    }
    BetaBinomialPrior est = Stats.shrinkage(x, n);
    assertEquals(0.2, est.mean(), 0.01);
    assertEquals(20, est.strength(), 3);
    // every shrunk rate lies between the raw rate and the mean
    for (int i = 0; i < 50; i++) {
      double raw = (double) x[i] / n[i];
      double s = est.shrink(x[i], n[i]);
      assertTrue(s >= Math.min(raw, est.mean()) - 1e-12 && s <= Math.max(raw, est.mean()) + 1e-12);
    }
  }

  @Test
  void comparisonBundlesAllThree() {
    ABComparison c = Stats.compare(250, 5000, 295, 5000, 0.95);
    assertArrayEquals(new double[] {0.05, 0.059}, new double[] {c.a().rate(), c.b().rate()}, 1e-12);
    assertEquals(0.976228624, c.bayesian().probabilityBBeatsA(), 1e-9);
    String head = c.toString().lines().findFirst().orElseThrow();
    assertTrue(head.length() <= 80, head);
    assertThrows(IllegalArgumentException.class, () -> Stats.wilson(5, 3, 0.95));
    assertThrows(IllegalArgumentException.class, () -> Stats.wilson(1, 3, 1.0));
  }
}
