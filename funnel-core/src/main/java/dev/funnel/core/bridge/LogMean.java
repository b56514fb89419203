package dev.funnel.core.bridge;

/**
 * The logarithmic mean L(a, b) = (a - b) / (ln a - ln b) for a, b > 0, with L(a, a) = a and
 * L(a, 0) = L(0, b) = 0 (Ang, Zhang and Choi 1998, the convention that makes LMDI handle zeros).
 * Computed with log1p((a - b) / b) when a / b is near one, so that nearly equal arguments keep
 * full precision.
 */
final class LogMean {
  private LogMean() {}

  static double of(double a, double b) {
    if (a < 0 || b < 0 || Double.isNaN(a) || Double.isNaN(b)) {
      throw new IllegalStateException("internal error: logarithmic mean of " + a + " and " + b);
    }
    if (a == 0 || b == 0) {
      return 0;
    }
    if (a == b) {
      return a;
    }
    double d = a - b;
    double r = a / b;
    double l = r > 0.5 && r < 2 ? Math.log1p(d / b) : Math.log(a) - Math.log(b);
    if (l == 0) {
      return b;
    }
    return d / l;
  }
}
