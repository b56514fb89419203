package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;

/**
 * The plan of a two-group conversion test: trials per group for a wanted power, or the power of
 * a given size, for the two-sided two-proportion z-test at level alpha (Fleiss, Levin and Paik,
 * "Statistical Methods for Rates and Proportions", 3rd ed., 2003, eq. 4.14 without the
 * continuity correction; the same equation as R's {@code power.prop.test}):
 * {@code sqrt(n) |p1 - p2| = z_{1-alpha/2} sqrt(2 pbar qbar) + z_power sqrt(p1 q1 + p2 q2)},
 * {@code pbar = (p1 + p2) / 2}. The power ignores the far tail (as R's default
 * {@code strict = FALSE}).
 *
 * <p>Decide n before the test starts and read the result once: checking a running test and
 * stopping at the first significant look raises the false-positive rate well above alpha
 * (Armitage, McPherson and Rowe, 1969, JRSS A 132(2)). Sequential designs exist for that and are
 * not this calculator.
 *
 * @param rateA    the baseline rate p1
 * @param rateB    the rate to detect p2
 * @param alpha    two-sided significance level
 * @param power    the power
 * @param perGroup trials per group (fractional: round up to plan)
 */
public record ProportionTestPlan(double rateA, double rateB, double alpha, double power,
    double perGroup) implements Tabular {

  /**
   * The trials per group to detect {@code rateB} against {@code rateA} with {@code power}.
   *
   * @throws IllegalArgumentException for rates outside (0, 1) or equal, or alpha or power
   *     outside (0, 1)
   */
  public static ProportionTestPlan sampleSize(double rateA, double rateB, double alpha,
      double power) {
    check(rateA, rateB, alpha);
    if (!(power > 0 && power < 1)) {
      throw new IllegalArgumentException("power must be in (0, 1), got " + power);
    }
    double za = StandardNormal.quantile(1 - alpha / 2);
    double zb = StandardNormal.quantile(power);
    double root = (za * pooledSd(rateA, rateB) + zb * sd(rateA, rateB)) / Math.abs(rateA - rateB);
    return new ProportionTestPlan(rateA, rateB, alpha, power, root * root);
  }

  /**
   * The power of a test with {@code perGroup} trials per group.
   *
   * @throws IllegalArgumentException for rates outside (0, 1) or equal, alpha outside (0, 1), or
   *     a size that is not positive
   */
  public static ProportionTestPlan power(double rateA, double rateB, double alpha,
      double perGroup) {
    check(rateA, rateB, alpha);
    if (!(perGroup > 0) || Double.isInfinite(perGroup)) {
      throw new IllegalArgumentException("trials per group must be positive, got " + perGroup);
    }
    double za = StandardNormal.quantile(1 - alpha / 2);
    double z = (Math.sqrt(perGroup) * Math.abs(rateA - rateB) - za * pooledSd(rateA, rateB))
        / sd(rateA, rateB);
    return new ProportionTestPlan(rateA, rateB, alpha, StandardNormal.survival(-z), perGroup);
  }

  private static double pooledSd(double p1, double p2) {
    double pbar = (p1 + p2) / 2;
    return Math.sqrt(2 * pbar * (1 - pbar));
  }

  private static double sd(double p1, double p2) {
    return Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  }

  private static void check(double p1, double p2, double alpha) {
    if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 == p2) {
      throw new IllegalArgumentException(
          "rates must be two different values in (0, 1), got " + p1 + " and " + p2);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Test plan: %s per group for %s vs %s at alpha %s, power %s",
        TextTable.number(Math.ceil(perGroup)), TextTable.number(rateA), TextTable.number(rateB),
        TextTable.number(alpha), TextTable.number(power));
  }

  @Override
  public TextTable table() {
    return TextTable.of("rate A", "rate B", "alpha", "power", "per group")
        .plus(rateA, rateB, alpha, power, perGroup);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
