package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;

/**
 * The Wilson score interval of a binomial proportion (Wilson, E. B. (1927), "Probable inference,
 * the law of succession, and statistical inference", JASA 22(158), 209-212).
 *
 * <p>With {@code p = x / n} and {@code z} the two-sided standard normal quantile of the confidence
 * level: centre {@code (p + z^2/(2n)) / (1 + z^2/n)}, half-width
 * {@code z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))}. Unlike the Wald interval it stays inside
 * [0, 1] and behaves on small or extreme counts. With {@code n = 0} the rate and bounds are NaN.
 *
 * @param successes  x
 * @param trials     n
 * @param confidence the confidence level, e.g. 0.95
 * @param rate       x / n, NaN when n = 0
 * @param lower      lower bound
 * @param upper      upper bound
 */
public record WilsonInterval(
    long successes, long trials, double confidence, double rate, double lower, double upper)
    implements Tabular {

  /** The interval of x successes in n trials at a confidence level. */
  public static WilsonInterval of(long successes, long trials, double confidence) {
    Checks.confidence(confidence);
    double z = StandardNormal.quantile(0.5 + confidence / 2);
    return compute(successes, trials, confidence, z);
  }

  /**
   * The interval for a given critical value z, as tables that round it (z = 1.96 for "95%") do;
   * the confidence level reported is the exact {@code 2 Phi(z) - 1}.
   */
  public static WilsonInterval ofCritical(long successes, long trials, double z) {
    if (!(z > 0) || Double.isInfinite(z)) {
      throw new IllegalArgumentException("critical value z must be positive and finite, got " + z);
    }
    return compute(successes, trials, 1 - 2 * StandardNormal.survival(z), z);
  }

  private static WilsonInterval compute(long successes, long trials, double confidence, double z) {
    Checks.counts(successes, trials, "Wilson interval");
    if (trials == 0) {
      return new WilsonInterval(successes, trials, confidence, Double.NaN, Double.NaN, Double.NaN);
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denom;
    double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // at x = 0 (x = n) the lower (upper) root is exactly 0 (1); rounding would leave a few ulps
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    return new WilsonInterval(successes, trials, confidence, p, lower, upper);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Wilson %s%% interval of %d/%d: [%s, %s]",
        TextTable.number(confidence * 100), successes, trials, TextTable.number(lower),
        TextTable.number(upper));
  }

  @Override
  public TextTable table() {
    return TextTable.of("successes", "trials", "rate", "lower", "upper")
        .plus(successes, trials, rate, lower, upper);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
