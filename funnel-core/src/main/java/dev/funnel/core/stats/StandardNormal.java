package dev.funnel.core.stats;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The standard normal distribution N(0, 1) through the complementary error function, with the
 * same formulas (and so the same doubles) as Commons Statistics' {@code NormalDistribution.of(0,
 * 1)}, which the tests keep as the reference.
 */
final class StandardNormal {
  /** sqrt(2), correctly rounded. */
  private static final double SQRT2 = Math.sqrt(2);

  private StandardNormal() {}

  /** P(Z &gt; z). */
  static double survival(double z) {
    return 0.5 * Erfc.value(z / SQRT2);
  }

  /** The z with P(Z &le; z) = p, for p in [0, 1]. */
  static double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }
    return 0.0 - SQRT2 * InverseErfc.value(2 * p);
  }
}
