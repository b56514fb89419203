package dev.funnel.core.bridge;

/**
 * A running sum with Neumaier's compensation (Neumaier 1974, "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen", ZAMM 54: 39-51), so that effects that cancel still
 * add up to the change within rounding of the result rather than of the largest term.
 */
final class CompensatedSum {
  private double sum;
  private double compensation;

  void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }

  double value() {
    return sum + compensation;
  }
}
