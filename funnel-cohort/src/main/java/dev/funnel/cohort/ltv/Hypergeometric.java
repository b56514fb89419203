package dev.funnel.cohort.ltv;

/**
 * The natural logarithm of the Gauss hypergeometric function
 * {@code 2F1(a, b; c; z) = sum_j (a)_j (b)_j / ((c)_j j!) z^j} for the arguments the buy-till-
 * you-die models need: {@code a, b, c > 0} and {@code 0 <= z < 1}.
 *
 * <p>Method: the defining power series (Abramowitz and Stegun 15.1.1), returned as a logarithm.
 * With positive parameters and {@code 0 <= z < 1} every term is positive, so there is no cancellation;
 * terms are accumulated against a running scale (the sum is renormalised whenever it passes
 * {@code 1e200}, the scale kept as a logarithm) so that sums far beyond the double range (large
 * {@code a + b - c}) stay finite without a logarithm per term. The series converges for
 * {@code |z| < 1} (absolutely, by the ratio test: the term ratio tends to {@code z}); the number of
 * terms grows like {@code ln(eps) / ln(z)}, about 3,500 at {@code z = 0.99}. Summation stops when a
 * rigorous bound on the remaining tail, {@code term * r / (1 - r)} with {@code r} an upper bound of
 * all later term ratios (each of {@code (a+k)/(c+k)}, {@code (b+k)/(k+1)}, {@code (a+k)/(k+1)} and
 * {@code (b+k)/(c+k)} is monotone in {@code k}; the tighter of the two pairings is used), is below
 * {@code 1e-17} of the sum. If {@link #MAX_TERMS} terms do not reach that,
 * the result is NaN: an honest "unknown" rather than a truncated number.
 */
final class Hypergeometric {

  /** Largest number of series terms summed (reached only for z extremely close to 1). */
  static final int MAX_TERMS = 5_000_000;

  private Hypergeometric() {}

  /**
   * {@code ln 2F1(a, b; c; z)}.
   *
   * @throws IllegalArgumentException when a parameter is not positive or z is outside [0, 1)
   */
  static double log2F1(double a, double b, double c, double z) {
    if (!(a > 0) || !(b > 0) || !(c > 0)) {
      throw new IllegalArgumentException(
          "2F1 needs a, b, c > 0, got a = " + a + ", b = " + b + ", c = " + c);
    }
    if (!(z >= 0) || !(z < 1)) {
      throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, got z = " + z);
    }
    return logSeries(a, b, c, 1, z);
  }

  /**
   * {@code ln sum_j (a)_j (b)_j / ((c)_j (2)_j) z^j}, i.e. {@code ln 3F2(a, b, 1; c, 2; z)}: the
   * series of {@code (2F1(a-1, b-1; c-1; z) - 1) c-1 / ((a-1)(b-1) z)}, which stays defined when the
   * third parameter {@code c - 1} of that 2F1 is zero or negative (the BG/NBD's {@code a + b - 1}
   * for a new customer). Same method and stopping rule as {@link #log2F1}.
   *
   * @throws IllegalArgumentException when a parameter is not positive or z is outside [0, 1)
   */
  static double log3F2OneTwo(double a, double b, double c, double z) {
    if (!(a > 0) || !(b > 0) || !(c > 0)) {
      throw new IllegalArgumentException(
          "3F2 needs a, b, c > 0, got a = " + a + ", b = " + b + ", c = " + c);
    }
    if (!(z >= 0) || !(z < 1)) {
      throw new IllegalArgumentException("3F2 series needs 0 <= z < 1, got z = " + z);
    }
    return logSeries(a, b, c, 2, z);
  }

  /** {@code ln sum_j (a)_j (b)_j / ((c)_j (d)_j) z^j} for {@code d} 1 or 2, z in [0, 1). */
  private static double logSeries(double a, double b, double c, double d, double z) {
    if (z == 0) {
      return 0.0;
    }
    // Terms and sum are kept relative to a running scale e^offset: the sum is rescaled whenever
    // it grows past 1e200, so the loop needs no logarithm per term.
    double offset = 0.0;
    double term = 1.0;
    double sum = 1.0;
    for (int j = 0; j < MAX_TERMS; j++) {
      term *= (a + j) * (b + j) / ((c + j) * (j + d)) * z;
      sum += term;
      if (sum > 1e200) {
        offset += Math.log(sum);
        term /= sum;
        sum = 1.0;
      }
      // Rigorous tail bound: for k > j the term ratio is z (a+k)(b+k) / ((c+k)(k+d)). Paired
      // either way, (a+k)/(c+k) with (b+k)/(k+d) or (a+k)/(k+d) with (b+k)/(c+k), each fraction
      // moves monotonically towards 1 as k grows, so it is at most max(1, its value at k = j+1);
      // every later ratio is thus at most the smaller of the two products, r, and when r < 1 the
      // tail after this term is at most term * r / (1 - r). The second pairing matters when b and
      // c are both huge with b < c (the BG/NBD near its constant-dropout ridge, b ~ (1-p) c):
      // the first pairing would need about b terms before (b+k)/(k+d) drops below 1/z, the
      // second bounds the ratio by about z b / c at once.
      double r1 =
          Math.max(1.0, (a + j + 1) / (c + j + 1)) * Math.max(1.0, (b + j + 1) / (j + 1 + d));
      double r2 =
          Math.max(1.0, (a + j + 1) / (j + 1 + d)) * Math.max(1.0, (b + j + 1) / (c + j + 1));
      double r = z * Math.min(r1, r2);
      if (r < 1 && term * r / (1 - r) < 1e-17 * sum) {
        return offset + Math.log(sum);
      }
    }
    return Double.NaN;
  }
}
