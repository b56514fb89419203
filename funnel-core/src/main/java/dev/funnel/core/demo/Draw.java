package dev.funnel.core.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The random draws of the generator, all from one {@link SplittableRandom} so that a seed fixes
 * every value.
 *
 * <p>Each lead, each spend cell and each defect decision gets its own stream, derived from the
 * seed and a position by {@link #stream(long, long, long)}: what one lead looks like never depends
 * on how many leads were generated before it, and switching defects off leaves every other row as
 * it was.
 */
final class Draw {

  private final SplittableRandom random;

  private Draw(SplittableRandom random) {
    this.random = random;
  }

  /**
   * The stream for one position: the seed, a salt naming the purpose, and the position, mixed with
   * the 64-bit finaliser of MurmurHash3 (Appleby) so that neighbouring positions are unrelated.
   */
  static Draw stream(long seed, long salt, long position) {
    long h = seed ^ (salt * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(position, 29);
    h = mix(h + position * 0xC2B2AE3D27D4EB4FL);
    return new Draw(new SplittableRandom(h));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** Uniform in [0, 1). */
  double uniform() {
    return random.nextDouble();
  }

  /** True with probability p. */
  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform in [lo, hi). */
  double between(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Uniform integer in [0, n). */
  int below(int n) {
    return random.nextInt(n);
  }

  /** Standard normal (JDK 17 {@code RandomGenerator.nextGaussian}, ziggurat). */
  double gaussian() {
    return random.nextGaussian();
  }

  /** Log-normal with this median and log-scale sigma: {@code median * exp(sigma * Z)}. */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** Exponential with this mean (inverse CDF). */
  double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  /**
   * Gamma with this shape and mean 1 (rate = shape): Marsaglia and Tsang's squeeze method (2000),
   * with their boost {@code G(a) = G(a + 1) U^(1/a)} for a shape below 1.
   */
  double gamma(double shape) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(shape + 1) * (shape + 1) / shape * Math.pow(1.0 - u, 1.0 / shape);
    }
    double dd = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * dd);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1.0 - random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + dd - dd * v + dd * Math.log(v)) {
        return dd * v / shape;
      }
    }
  }

  /** A duration of log-normally distributed hours, at least one minute, whole seconds. */
  Duration hours(double medianHours, double sigma) {
    long seconds = Math.round(logNormal(medianHours, sigma) * 3600.0);
    return Duration.ofSeconds(Math.max(60, seconds));
  }

  /** Index drawn with probability proportional to the weights. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A money amount rounded half-up to whole multiples of {@code step} (e.g. 100 or 0.01). */
  static BigDecimal money(double value, BigDecimal step) {
    BigDecimal v = BigDecimal.valueOf(value).divide(step, 0, RoundingMode.HALF_UP).multiply(step);
    return v.setScale(2, RoundingMode.UNNECESSARY);
  }
}
