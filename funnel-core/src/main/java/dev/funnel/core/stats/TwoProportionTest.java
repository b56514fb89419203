package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;

/**
 * The two-proportion z-test of B against A (e.g. Agresti, "Categorical Data Analysis", 3rd ed.,
 * section 3.1 and 2.2.3; Newcombe (1998) calls the interval "method 1").
 *
 * <p>Test statistic with the pooled rate {@code p = (xa + xb) / (na + nb)}:
 * {@code z = (pb - pa) / sqrt(p(1-p)(1/na + 1/nb))}; two-sided p-value {@code 2 P(Z > |z|)}.
 * The confidence interval for the difference {@code pb - pa} uses the unpooled standard error
 * {@code sqrt(pa(1-pa)/na + pb(1-pb)/nb)} (Wald). z, p-value and bounds are NaN when a group has no
 * trials or the pooled rate is 0 or 1 (no variation to test).
 *
 * <p>{@link #corrected} applies Yates' continuity correction as R's {@code prop.test} does for
 * two groups: with {@code w = 1/na + 1/nb} and {@code c = min(0.5, |pb - pa| / w)},
 * {@code z = sign(pb - pa) (|pb - pa| - c w) / sqrt(p(1-p) w)} and the interval widened by
 * {@code c w} on each side (F. Yates, 1934, JRSS Suppl. 1(2); Fleiss, Levin and Paik,
 * "Statistical Methods for Rates and Proportions", 3rd ed., 2003, section 3.3). The correction
 * brings the z-test's p-value closer to Fisher's exact one for small counts
 * ({@link FisherExactTest}), at the price of being conservative.
 *
 * @param successesA xa
 * @param trialsA    na
 * @param successesB xb
 * @param trialsB    nb
 * @param confidence level of the interval, e.g. 0.95
 * @param rateA      pa
 * @param rateB      pb
 * @param difference pb - pa
 * @param z          the pooled test statistic
 * @param pValue     two-sided p-value
 * @param lower      lower bound of the unpooled interval for pb - pa
 * @param upper      upper bound of the unpooled interval for pb - pa
 * @param correction the continuity correction {@code c w} applied to the difference (0: none)
 */
public record TwoProportionTest(
    long successesA, long trialsA, long successesB, long trialsB, double confidence,
    double rateA, double rateB, double difference, double z, double pValue, double lower,
    double upper, double correction) implements Tabular {

  /** The test of B against A. */
  public static TwoProportionTest of(long xa, long na, long xb, long nb, double confidence) {
    return test(xa, na, xb, nb, confidence, false);
  }

  /** The test of B against A with Yates' continuity correction (as R's {@code prop.test}). */
  public static TwoProportionTest corrected(long xa, long na, long xb, long nb,
      double confidence) {
    return test(xa, na, xb, nb, confidence, true);
  }

  private static TwoProportionTest test(long xa, long na, long xb, long nb, double confidence,
      boolean yates) {
    Checks.counts(xa, na, "group A");
    Checks.counts(xb, nb, "group B");
    Checks.confidence(confidence);
    double pa = Checks.rate(xa, na);
    double pb = Checks.rate(xb, nb);
    double diff = pb - pa;
    double pooled = Checks.rate(xa + xb, na + nb);
    double w = 1.0 / na + 1.0 / nb;
    double cw = yates && na > 0 && nb > 0 ? Math.min(0.5, Math.abs(diff) / w) * w : 0;
    double se = Math.sqrt(pooled * (1 - pooled) * w);
    double z = se > 0 ? Math.signum(diff) * (Math.abs(diff) - cw) / se : Double.NaN;
    double p = Double.isNaN(z) ? Double.NaN : 2 * StandardNormal.survival(Math.abs(z));
    double crit = StandardNormal.quantile(0.5 + confidence / 2);
    double seu = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
    return new TwoProportionTest(xa, na, xb, nb, confidence, pa, pb, diff, z, p,
        Math.max(-1, diff - crit * seu - cw), Math.min(1, diff + crit * seu + cw), cw);
  }

  /** Whether the difference is significant at the test's level (p-value below 1 - confidence). */
  public boolean significant() {
    return pValue < 1 - confidence;
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Two-proportion z-test: B - A = %s, z = %s, p = %s",
        TextTable.number(difference), TextTable.number(z), TextTable.number(pValue));
  }

  @Override
  public TextTable table() {
    return TextTable.of("rate A", "rate B", "difference", "lower", "upper", "z", "p-value")
        .plus(rateA, rateB, difference, lower, upper, z, pValue);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
