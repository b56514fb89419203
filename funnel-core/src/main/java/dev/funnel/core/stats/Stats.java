package dev.funnel.core.stats;

/**
 * The entry point of the statistics the funnel metrics rely on; each method names its source in
 * the javadoc of the type it returns.
 */
public final class Stats {
  private Stats() {}

  /** The Wilson score interval of x successes in n trials. */
  public static WilsonInterval wilson(long successes, long trials, double confidence) {
    return WilsonInterval.of(successes, trials, confidence);
  }

  /** The two-proportion z-test of B against A (pooled statistic, unpooled interval). */
  public static TwoProportionTest twoProportion(long xa, long na, long xb, long nb, double confidence) {
    return TwoProportionTest.of(xa, na, xb, nb, confidence);
  }

  /** Bayesian P(B > A) and expected losses with a uniform Beta(1, 1) prior. */
  public static BayesianAB bayesian(long xa, long na, long xb, long nb) {
    return BayesianAB.of(xa, na, xb, nb);
  }

  /** The whole A/B comparison at a confidence level. */
  public static ABComparison compare(long xa, long na, long xb, long nb, double confidence) {
    return new ABComparison(
        WilsonInterval.of(xa, na, confidence), WilsonInterval.of(xb, nb, confidence),
        TwoProportionTest.of(xa, na, xb, nb, confidence), BayesianAB.of(xa, na, xb, nb));
  }

  /**
   * Benjamini-Hochberg adjusted p-values, in input order; reject where the value is at most the
   * false discovery rate q. NaN inputs are not tested and stay NaN.
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    return BenjaminiHochberg.adjust(pValues);
  }

  /** An empty Kaplan-Meier state to add observations to. */
  public static KaplanMeier kaplanMeier() {
    return KaplanMeier.empty();
  }

  /** The empirical-Bayes Beta prior of a family of rates (method of moments). */
  public static BetaBinomialPrior shrinkage(long[] successes, long[] trials) {
    return BetaBinomialPrior.estimate(successes, trials);
  }

  /** Bayesian P(B > A) and expected losses with a {@code Beta(alpha, beta)} prior (any positive). */
  public static BayesianAB bayesian(long xa, long na, long xb, long nb, double priorAlpha,
      double priorBeta) {
    return BayesianAB.of(xa, na, xb, nb, priorAlpha, priorBeta);
  }

  /** The two-proportion z-test with Yates' continuity correction. */
  public static TwoProportionTest twoProportionCorrected(long xa, long na, long xb, long nb,
      double confidence) {
    return TwoProportionTest.corrected(xa, na, xb, nb, confidence);
  }

  /** Fisher's exact test of B against A, for small counts. */
  public static FisherExactTest fisher(long xa, long na, long xb, long nb) {
    return FisherExactTest.of(xa, na, xb, nb);
  }

  /** Trials per group to detect {@code rateB} against {@code rateA} (two-sided z-test). */
  public static ProportionTestPlan sampleSize(double rateA, double rateB, double alpha,
      double power) {
    return ProportionTestPlan.sampleSize(rateA, rateB, alpha, power);
  }

  /** The log-rank test that the groups' survival curves are equal. */
  public static LogRankTest logRank(java.util.Map<String, KaplanMeier> groups) {
    return LogRankTest.of(groups);
  }
}
