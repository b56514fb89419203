package dev.funnel.scoring;

import java.util.Locale;

/**
 * The area under the ROC curve with its DeLong interval.
 *
 * <p>AUC is the probability that a random positive row scores above a random negative one, ties
 * counting one half (the Mann-Whitney statistic). Its variance is DeLong's nonparametric estimate
 * (DeLong, DeLong and Clarke-Pearson 1988, "Comparing the areas under two or more correlated
 * receiver operating characteristic curves", Biometrics 44:837-845), computed from midranks in
 * O(n log n) (Sun and Xu 2014, "Fast implementation of DeLong's algorithm", IEEE Signal Processing
 * Letters 21:1389-1393). The interval is {@code auc +- z * se} cut to [0, 1]. With no positive or
 * no negative row everything is NaN.
 *
 * @param auc           the area
 * @param standardError DeLong's standard error
 * @param lower         lower bound
 * @param upper         upper bound
 * @param level         the confidence level
 * @param positives     positive rows
 * @param negatives     negative rows
 */
public record AucEstimate(
    double auc, double standardError, double lower, double upper, double level, long positives,
    long negatives) {

  /** {@code 0.781 [0.752, 0.810]}. */
  public String label() {
    return Double.isNaN(auc) ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", auc, lower, upper);
  }
}
