package dev.funnel.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Survival intervals, the log-rank test, Fisher's exact test, the continuity-corrected z-test,
 * test planning and Bayesian A/B with any Beta prior, each against a published result, a
 * hand-computed example or a brute-force oracle.
 */
class SurvivalAndSmallSampleTest {

  // Freireich et al. (1963) leukaemia remission weeks (Gehan 1965; R's MASS::gehan, used in
  // Klein and Moeschberger 2003, section 1.2): 6-MP arm with censoring (+), placebo all events
  private static final double[] SIX_MP = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23,
      25, 32, 32, 34, 35};
  private static final boolean[] SIX_MP_EVENT = {true, true, true, false, true, false, true, false,
      false, true, true, false, false, false, true, true, false, false, false, false, false};
  private static final double[] PLACEBO = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12,
      15, 17, 22, 23};

  private static KaplanMeier sixMp() {
    KaplanMeier km = KaplanMeier.empty();
    for (int i = 0; i < SIX_MP.length; i++) {
      km.add(SIX_MP[i], SIX_MP_EVENT[i]);
    }
    return km;
  }

  private static KaplanMeier placebo() {
    KaplanMeier km = KaplanMeier.empty();
    for (double t : PLACEBO) {
      km.add(t, true);
    }
    return km;
  }

  @Test
  void greenwoodErrorsAndLogLogIntervalsOfTheLeukaemiaData() {
    // published: R survfit(Surv(time, cens) ~ 1, subset 6-MP, conf.type = "log-log"), as printed
    // by summary(): survival, std.err, lower 95% CI, upper 95% CI
    double[][] published = {
        {6, 0.857, 0.0764, 0.620, 0.952}, {7, 0.807, 0.0869, 0.563, 0.923},
        {10, 0.753, 0.0963, 0.503, 0.889}, {13, 0.690, 0.1068, 0.432, 0.849},
        {16, 0.627, 0.1141, 0.368, 0.805}, {22, 0.538, 0.1282, 0.268, 0.747},
        {23, 0.448, 0.1346, 0.188, 0.680}};
    SurvivalCurve c = sixMp().result();
    List<SurvivalCurve.Band> band = c.confidenceBand(0.95, SurvivalCurve.Scale.LOG_LOG);
    assertEquals(published.length, c.steps().size());
    for (int i = 0; i < published.length; i++) {
      SurvivalCurve.Step s = c.steps().get(i);
      assertEquals(published[i][0], s.time());
      assertEquals(published[i][1], s.survival(), 5e-4);
      assertEquals(published[i][2], s.standardError(), 5e-5);
      assertEquals(published[i][3], band.get(i).lower(), 5e-4);
      assertEquals(published[i][4], band.get(i).upper(), 5e-4);
    }
    // by hand at t = 10: S = 18/21 * 16/17 * 14/15, sigma^2 = 3/(21*18) + 1/(17*16) + 1/(15*14)
    double s10 = 18.0 / 21 * 16 / 17 * 14 / 15;
    double sigma = Math.sqrt(3.0 / (21 * 18) + 1.0 / (17 * 16) + 1.0 / (15 * 14));
    double z = 1.959963984540054;
    SurvivalCurve.Band log = c.confidenceBand(0.95, SurvivalCurve.Scale.LOG).get(2);
    assertEquals(s10 * Math.exp(-z * sigma), log.lower(), 1e-12);
    assertEquals(s10 * Math.exp(z * sigma), log.upper(), 1e-12);
    SurvivalCurve.Band plain = c.confidenceBand(0.95, SurvivalCurve.Scale.PLAIN).get(2);
    assertEquals(s10 - z * s10 * sigma, plain.lower(), 1e-12);
    assertEquals(1.0, c.confidenceBand(0.95, SurvivalCurve.Scale.LOG).get(0).upper());
  }

  /** R's survival::aml (Miller 1981): weeks in remission, status 1 = relapse, by arm. */
  private static KaplanMeier aml(boolean maintained) {
    double[][] rows = maintained
        ? new double[][] {{9, 1}, {13, 1}, {13, 0}, {18, 1}, {23, 1}, {28, 0}, {31, 1}, {34, 1},
            {45, 0}, {48, 1}, {161, 0}}
        : new double[][] {{5, 1}, {5, 1}, {8, 1}, {8, 1}, {12, 1}, {16, 0}, {23, 1}, {27, 1},
            {30, 1}, {33, 1}, {43, 1}, {45, 1}};
    KaplanMeier km = KaplanMeier.empty();
    for (double[] r : rows) {
      km.add(r[0], r[1] == 1);
    }
    return km;
  }

  @Test
  void medianIntervalsAsPublished() {
    // published: R print(survfit(Surv(time, status) ~ x, data = aml)) (default conf.type "log"):
    // Maintained median 31, 0.95LCL 18, 0.95UCL NA; Nonmaintained 23, 8, NA; both arms
    // (survfit(Surv(time, status) ~ 1, data = aml)): 27, 18, 45
    SurvivalCurve.PercentileInterval m = aml(true).result().percentileInterval(0.5, 0.95, SurvivalCurve.Scale.LOG);
    assertEquals(31, m.estimate());
    assertEquals(18, m.lower());
    assertTrue(Double.isNaN(m.upper()));
    SurvivalCurve.PercentileInterval n = aml(false).result().percentileInterval(0.5, 0.95, SurvivalCurve.Scale.LOG);
    assertEquals(23, n.estimate());
    assertEquals(8, n.lower());
    assertTrue(Double.isNaN(n.upper()), "the band is undefined where S reaches 0: " + n);
    SurvivalCurve.PercentileInterval both =
        aml(true).merge(aml(false)).result().percentileInterval(0.5, 0.95, SurvivalCurve.Scale.LOG);
    assertEquals(List.of(27.0, 18.0, 45.0), List.of(both.estimate(), both.lower(), both.upper()));
    // 6-MP (R survfit on MASS::gehan, 6-MP arm): median 23, 0.95LCL 16, UCL NA on the log scale;
    // on the log-log scale the published band above first falls to 0.5 or below at week 13
    // (0.432; 0.503 at week 10), and its upper curve never does (0.680 at week 23)
    SurvivalCurve c = sixMp().result();
    SurvivalCurve.PercentileInterval log = c.percentileInterval(0.5, 0.95, SurvivalCurve.Scale.LOG);
    assertEquals(List.of(23.0, 16.0), List.of(log.estimate(), log.lower()));
    assertTrue(Double.isNaN(log.upper()));
    SurvivalCurve.PercentileInterval logLog = c.percentileInterval(0.5, 0.95, SurvivalCurve.Scale.LOG_LOG);
    assertEquals(13, logLog.lower());
    assertTrue(Double.isNaN(logLog.upper()));
    assertTrue(logLog.toString().startsWith("p50 23 (95% interval 13 to -, log-log"), logLog.toString());
    // a lower confidence narrows it; a percentile the curve never reaches is not estimable
    SurvivalCurve.PercentileInterval narrow = c.percentileInterval(0.5, 0.5, SurvivalCurve.Scale.LOG_LOG);
    assertTrue(narrow.lower() > logLog.lower(), narrow.toString());
    assertTrue(Double.isNaN(c.percentileInterval(0.75, 0.95, SurvivalCurve.Scale.LOG).estimate()));
    assertThrows(IllegalArgumentException.class, () -> c.percentileInterval(0.5, 0.95, null));
    assertThrows(IllegalArgumentException.class, () -> c.percentileInterval(1, 0.95, SurvivalCurve.Scale.LOG));
    assertThrows(IllegalArgumentException.class, () -> c.percentileInterval(0.5, 1, SurvivalCurve.Scale.LOG));
  }

  @Test
  void medianIntervalsCoverTheTrueMedianAsOftenAsTheyClaim() {
    // simulation oracle: exponential times with median 10 (rate ln 2 / 10), independent uniform
    // censoring on [0, 40]; 2,000 samples of 60. The interval covers the true median in about 95%
    // of the samples (binomial standard error 0.5 points; the step estimate and the
    // normal approximation move it by a point or two), and always brackets the estimate
    Random rnd = new Random(20260517L);
    double median = 10;
    double rate = Math.log(2) / median;
    int samples = 2_000;
    for (SurvivalCurve.Scale scale : SurvivalCurve.Scale.values()) {
      int covered = 0;
      Random r = new Random(rnd.nextLong());
      for (int k = 0; k < samples; k++) {
        KaplanMeier km = KaplanMeier.empty();
        for (int i = 0; i < 60; i++) {
          double t = -Math.log(1 - r.nextDouble()) / rate;
          double c = 40 * r.nextDouble();
          km.add(Math.min(t, c), t <= c);
        }
        SurvivalCurve.PercentileInterval iv = km.result().percentileInterval(0.5, 0.95, scale);
        assertTrue(iv.lower() <= iv.estimate(), iv.toString());
        assertTrue(Double.isNaN(iv.upper()) || iv.upper() >= iv.estimate(), iv.toString());
        if (iv.lower() <= median && (Double.isNaN(iv.upper()) || median <= iv.upper())) {
          covered++;
        }
      }
      double coverage = (double) covered / samples;
      assertTrue(coverage > 0.925 && coverage < 0.985, scale + " coverage " + coverage);
    }
  }

  @Test
  void nelsonAalenByHand() {
    List<SurvivalCurve.CumulativeHazard> h = sixMp().result().cumulativeHazard();
    assertEquals(3.0 / 21, h.get(0).hazard(), 1e-15);
    assertEquals(3.0 / 21 + 1.0 / 17 + 1.0 / 15, h.get(2).hazard(), 1e-15);
    assertEquals(3.0 / (21 * 21) + 1.0 / (17 * 17) + 1.0 / (15 * 15), h.get(2).variance(), 1e-15);
    // the two estimators agree to first order: exp(-H) >= S, close while the hazard is small
    SurvivalCurve c = sixMp().result();
    for (int i = 0; i < h.size(); i++) {
      assertTrue(Math.exp(-h.get(i).hazard()) >= c.steps().get(i).survival());
    }
  }

  @Test
  void logRankOfTheLeukaemiaArmsAsPublished() {
    // published: R survdiff(Surv(time, cens) ~ treat, data = MASS::gehan):
    // 6-MP observed 9, expected 19.3; control 21, 10.7; Chisq = 16.8 on 1 df, p = 4e-05;
    // (O-E)^2/E = 5.46 and 9.77
    Map<String, KaplanMeier> arms = new LinkedHashMap<>();
    arms.put("6-MP", sixMp());
    arms.put("placebo", placebo());
    LogRankTest t = LogRankTest.of(arms);
    assertEquals(1, t.degreesOfFreedom());
    assertEquals(9, t.groups().get(0).observed());
    assertEquals(19.25, t.groups().get(0).expected(), 1e-3);
    assertEquals(10.75, t.groups().get(1).expected(), 1e-3);
    assertEquals(5.46, Math.pow(9 - 19.25, 2) / t.groups().get(0).expected(), 5e-3);
    assertEquals(16.79, t.chiSquare(), 5e-3);
    assertEquals(4.17e-5, t.pValue(), 5e-7);
    // three groups: one arm split in two by alternate patients is the same survival, so the
    // statistic is small; and it is invariant to the order of the groups
    KaplanMeier a = KaplanMeier.empty();
    KaplanMeier b = KaplanMeier.empty();
    for (int i = 0; i < PLACEBO.length; i++) {
      (i % 2 == 0 ? a : b).add(PLACEBO[i], true);
    }
    Map<String, KaplanMeier> three = new LinkedHashMap<>();
    three.put("6-MP", sixMp());
    three.put("p1", a);
    three.put("p2", b);
    Map<String, KaplanMeier> reordered = new LinkedHashMap<>();
    reordered.put("p2", b);
    reordered.put("6-MP", sixMp());
    reordered.put("p1", a);
    LogRankTest t3 = LogRankTest.of(three);
    assertEquals(2, t3.degreesOfFreedom());
    assertEquals(t3.chiSquare(), LogRankTest.of(reordered).chiSquare(), 1e-9);
    assertTrue(t3.chiSquare() > t.chiSquare() - 1e-9); // adds the within-placebo split
    assertTrue(Double.isNaN(LogRankTest.of(Map.of("only", placebo())).chiSquare()));
  }

  /** Exact hypergeometric probability with big integers: C(K, x) C(N-K, n-x) / C(N, n). */
  private static double exact(int population, int successes, int draws, int x) {
    return new java.math.BigDecimal(binom(successes, x).multiply(binom(population - successes, draws - x)))
        .divide(new java.math.BigDecimal(binom(population, draws)), java.math.MathContext.DECIMAL128)
        .doubleValue();
  }

  private static BigInteger binom(int n, int k) {
    if (k < 0 || k > n) {
      return BigInteger.ZERO;
    }
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }

  @Test
  void fisherOnTheTeaTastingTableAndAgainstEnumeration() {
    // Fisher (1935): 3 of 4 milk-first cups named right; R fisher.test(TeaTasting): two-sided
    // p = 0.4857 (= 34/70), alternative "greater" p = 0.2429 (= 17/70)
    FisherExactTest tea = FisherExactTest.of(3, 4, 1, 4);
    assertEquals(34.0 / 70, tea.pValue(), 1e-12);
    assertEquals(17.0 / 70, tea.pValueBLess(), 1e-12);
    assertEquals(69.0 / 70, tea.pValueBGreater(), 1e-12);
    Random rnd = new Random(5);
    for (int round = 0; round < 300; round++) {
      int na = rnd.nextInt(25);
      int nb = rnd.nextInt(25);
      int xa = na == 0 ? 0 : rnd.nextInt(na + 1);
      int xb = nb == 0 ? 0 : rnd.nextInt(nb + 1);
      FisherExactTest f = FisherExactTest.of(xa, na, xb, nb);
      int n = na + nb;
      int k = xa + xb;
      double observed = exact(n, k, na, xa);
      double two = 0;
      double low = 0;
      double high = 0;
      for (int x = 0; x <= na; x++) {
        double p = exact(n, k, na, x);
        if (p <= observed * (1 + 1e-7)) {
          two += p;
        }
        if (x <= xa) {
          low += p;
        }
        if (x >= xa) {
          high += p;
        }
      }
      String at = xa + "/" + na + " vs " + xb + "/" + nb;
      assertEquals(Math.min(1, two), f.pValue(), 1e-12, at);
      assertEquals(Math.min(1, low), f.pValueBGreater(), 1e-12, at);
      assertEquals(Math.min(1, high), f.pValueBLess(), 1e-12, at);
    }
  }

  @Test
  void continuityCorrectedZAsRPropTest() {
    // R: prop.test(c(15, 25), c(50, 50)) -> X-squared = 3.375, p-value = 0.06619;
    // with correct = FALSE: X-squared = 4.1667, p-value = 0.04123
    TwoProportionTest c = TwoProportionTest.corrected(15, 50, 25, 50, 0.95);
    assertEquals(3.375, c.z() * c.z(), 1e-9);
    assertEquals(0.06619, c.pValue(), 5e-6);
    assertEquals(0.02, c.correction(), 1e-15);
    TwoProportionTest u = TwoProportionTest.of(15, 50, 25, 50, 0.95);
    assertEquals(4.1667, u.z() * u.z(), 5e-5);
    assertEquals(0.04123, u.pValue(), 5e-6);
    assertEquals(0.0, u.correction());
    // a difference smaller than the correction is no evidence at all
    assertEquals(0.0, TwoProportionTest.corrected(10, 50, 10, 51, 0.95).z(), 0.0);
  }

  @Test
  void testPlanAsRPowerPropTest() {
    // R: power.prop.test(p1 = .50, p2 = .75, power = .90) -> n = 76.7 per group;
    // power.prop.test(n = 50, p1 = .50, p2 = .75) -> power = 0.7401659
    assertEquals(76.7, ProportionTestPlan.sampleSize(0.5, 0.75, 0.05, 0.9).perGroup(), 0.05);
    assertEquals(0.7401659, ProportionTestPlan.power(0.5, 0.75, 0.05, 50).power(), 5e-8);
    // the two directions invert each other
    ProportionTestPlan plan = ProportionTestPlan.sampleSize(0.03, 0.036, 0.05, 0.8);
    assertEquals(0.8, ProportionTestPlan.power(0.03, 0.036, 0.05, plan.perGroup()).power(), 1e-9);
    assertThrows(IllegalArgumentException.class,
        () -> ProportionTestPlan.sampleSize(0.1, 0.1, 0.05, 0.8));
  }

  @Test
  void quadratureAgreesWithMillersSumOnWholeParameters() {
    Random rnd = new Random(9);
    for (int round = 0; round < 12; round++) {
      double aX = 1 + rnd.nextInt(60);
      double bX = 1 + rnd.nextInt(400);
      double aY = 1 + rnd.nextInt(60);
      double bY = 1 + rnd.nextInt(400);
      double sum = BayesianAB.probabilityBBeatsA(aY, bY, aX, bX); // P(X > Y), Miller
      assertEquals(sum, BayesianAB.quadrature(aX, bX, aY, bY), 1e-9 * sum + 1e-15, aX + "," + bX + "," + aY + "," + bY);
    }
  }

  /** P(X > Y) by a fine midpoint rule over t of f_X(t) F_Y(t). */
  private static double bruteGreater(double aX, double bX, double aY, double bY) {
    BetaDistribution x = BetaDistribution.of(aX, bX);
    BetaDistribution y = BetaDistribution.of(aY, bY);
    int n = 100_000;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double t = (i + 0.5) / n;
      s += x.density(t) * y.cumulativeProbability(t);
    }
    return s / n;
  }

  @Test
  void jeffreysPriorAgainstBruteForce() {
    BayesianAB j = BayesianAB.jeffreys(3, 40, 9, 45);
    assertEquals(bruteGreater(9.5, 36.5, 3.5, 37.5), j.probabilityBBeatsA(), 2e-6);
    assertEquals(0.5, j.priorAlpha());
    // no conversions at all: a prior with its mass at 0, the density unbounded there
    BayesianAB zero = BayesianAB.of(0, 30, 1, 30, 0.5, 0.5);
    assertEquals(bruteGreater(1.5, 29.5, 0.5, 30.5), zero.probabilityBBeatsA(), 2e-6);
    assertThrows(IllegalArgumentException.class, () -> BayesianAB.of(1, 2, 1, 2, 0, 1));
  }

  /**
   * E[max(X - Y, 0)] as a sum of positive terms: the integral over x of f_X(x) G(x), where
   * G(x) = int_0^x F_Y(t) dt (integration by parts of the inner integral), on a fine grid.
   */
  private static double bruteLoss(BetaDistribution x, BetaDistribution y, double from, double to) {
    int n = 200_000;
    double h = (to - from) / n;
    double g = 0;
    double prevF = y.cumulativeProbability(from);
    double s = 0;
    for (int i = 0; i < n; i++) {
      double t = from + (i + 1) * h;
      double f = y.cumulativeProbability(t);
      g += (prevF + f) / 2 * h;
      prevF = f;
      double mid = t - h / 2;
      s += x.density(mid) * (g - (f * h / 2)) * h; // G at the midpoint, to second order
    }
    return s;
  }

  @Test
  void expectedLossOfTheClearLoserStaysAccurate() {
    // B is far ahead: P(B > A) is within ~1e-12 of 1 and the loss of choosing B is tiny; one
    // minus a probability near 1 would leave no correct digit of it
    BayesianAB r = BayesianAB.of(100, 10_000, 200, 10_000);
    BetaDistribution a = BetaDistribution.of(101, 9_901);
    BetaDistribution b = BetaDistribution.of(201, 9_801);
    double loss = bruteLoss(a, b, 0.0, 0.05);
    assertTrue(loss > 0 && loss < 1e-12, "" + loss);
    assertEquals(loss, r.lossChoosingB(), loss * 1e-4);
    double lossA = bruteLoss(b, a, 0.0, 0.05);
    assertEquals(lossA, r.lossChoosingA(), lossA * 1e-6);
  }
}
