package dev.funnel.scoring;

import java.util.Locale;

/**
 * Two scores' AUCs on the same rows compared: the difference, its DeLong standard error (which
 * accounts for the correlation of the two areas; DeLong, DeLong and Clarke-Pearson 1988), the
 * interval and the two-sided p-value of "no difference".
 *
 * @param first         what the first score is ({@code model})
 * @param second        what the second is ({@code rules})
 * @param difference    AUC(first) - AUC(second)
 * @param standardError its standard error
 * @param lower         lower bound of the interval
 * @param upper         upper bound
 * @param level         confidence level
 * @param pValue        two-sided p-value of a zero difference (normal approximation)
 */
public record AucComparison(
    String first, String second, double difference, double standardError, double lower,
    double upper, double level, double pValue) {

  /** Whether the first score is better with the interval above zero. */
  public boolean firstBetter() {
    return lower > 0;
  }

  /** Whether the second score is better with the interval below zero. */
  public boolean secondBetter() {
    return upper < 0;
  }

  /** {@code +0.052 [0.031, 0.073], p 0.0001}. */
  public String label() {
    return Double.isNaN(difference) ? "-" : String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f], p %.4f",
        difference, lower, upper, pValue);
  }
}
