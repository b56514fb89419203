package dev.funnel.core.stats;

/**
 * An empirical-Bayes Beta prior for a family of rates (sources, owners, campaigns), estimated by
 * the method of moments of the beta-binomial model, and the shrinkage it implies.
 *
 * <p>Model: group i has {@code x_i ~ Binomial(n_i, p_i)}, {@code p_i ~ Beta(alpha, beta)} with mean
 * {@code mu} and intra-class correlation {@code rho = 1 / (alpha + beta + 1)}. Then
 * {@code E[(x_i/n_i - mu)^2] = mu(1-mu)(1/n_i + rho(1 - 1/n_i))}; averaging over the groups gives
 * the moment estimate {@code rho = (s2 / (mu(1-mu)) - mean(1/n)) / (1 - mean(1/n))}, with
 * {@code mu} the pooled rate {@code sum x / sum n} and {@code s2} the mean squared deviation of
 * the group rates from it (the method of moments for the beta-binomial, e.g. Kleinman (1973),
 * "Proportions with extraneous variance", JASA 68, 64-69, here unweighted). Groups with no trials
 * are left out. The posterior-mean rate of a group is {@code (x + alpha) / (n + alpha + beta)}: a
 * small group is pulled toward {@code mu}, a large one keeps about its own rate.
 *
 * <p>Conventions: when the rates vary no more than binomial noise explains ({@code rho <= 0}),
 * or the spread cannot be estimated (fewer than two groups, or every group has one trial), the
 * prior strength is infinite and every group shrinks fully to {@code mu} (the conservative choice
 * for flagging); when {@code rho >= 1} the strength is 0 and nothing shrinks.
 *
 * @param mean     mu, the pooled rate (NaN when there are no trials)
 * @param alpha    mu times the strength
 * @param beta     (1 - mu) times the strength
 * @param strength alpha + beta, the prior's weight in pseudo-trials (may be infinite)
 * @param groups   groups with trials that entered the estimate
 */
public record BetaBinomialPrior(double mean, double alpha, double beta, double strength, int groups) {

  /**
   * The moment estimate from per-group counts.
   *
   * @throws IllegalArgumentException when the arrays differ in length or a count is invalid
   */
  public static BetaBinomialPrior estimate(long[] successes, long[] trials) {
    if (successes.length != trials.length) {
      throw new IllegalArgumentException(
          "successes and trials differ in length: " + successes.length + " vs " + trials.length);
    }
    long sx = 0;
    long sn = 0;
    int k = 0;
    for (int i = 0; i < trials.length; i++) {
      Checks.counts(successes[i], trials[i], "group " + i);
      if (trials[i] > 0) {
        sx += successes[i];
        sn += trials[i];
        k++;
      }
    }
    double mu = Checks.rate(sx, sn);
    if (k < 2 || mu == 0 || mu == 1 || Double.isNaN(mu)) {
      return of(mu, Double.POSITIVE_INFINITY, k);
    }
    double s2 = 0;
    double invN = 0;
    for (int i = 0; i < trials.length; i++) {
      if (trials[i] > 0) {
        double r = (double) successes[i] / trials[i];
        s2 += (r - mu) * (r - mu);
        invN += 1.0 / trials[i];
      }
    }
    s2 /= k;
    invN /= k;
    if (invN >= 1) {
      return of(mu, Double.POSITIVE_INFINITY, k);
    }
    double rho = (s2 / (mu * (1 - mu)) - invN) / (1 - invN);
    if (rho <= 0) {
      return of(mu, Double.POSITIVE_INFINITY, k);
    }
    if (rho >= 1) {
      return of(mu, 0, k);
    }
    return of(mu, 1 / rho - 1, k);
  }

  private static BetaBinomialPrior of(double mu, double strength, int k) {
    return new BetaBinomialPrior(mu, mu * strength, (1 - mu) * strength, strength, k);
  }

  /**
   * The posterior-mean rate {@code (x + alpha) / (n + alpha + beta)}: {@code mu} when the
   * strength is infinite, {@code x / n} (NaN for n = 0) when it is 0.
   */
  public double shrink(long successes, long trials) {
    Checks.counts(successes, trials, "shrink");
    if (Double.isInfinite(strength)) {
      return mean;
    }
    if (strength == 0) {
      return Checks.rate(successes, trials);
    }
    return (successes + alpha) / (trials + strength);
  }
}
