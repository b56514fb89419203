package dev.funnel.scoring;

/**
 * One group of a calibration table: rows with similar predicted probabilities, their mean
 * prediction and what actually happened.
 *
 * @param bin           1-based group number, lowest predictions first
 * @param rows          rows in the group
 * @param meanPredicted mean predicted probability
 * @param expected      expected positives (sum of predictions)
 * @param observed      positives
 * @param observedRate  observed / rows
 * @param lower         lower Wilson bound (95%) of the observed rate
 * @param upper         upper Wilson bound
 */
public record CalibrationBin(
    int bin, long rows, double meanPredicted, double expected, long observed, double observedRate,
    double lower, double upper) {

  /** Whether the mean prediction lies inside the observed rate's interval. */
  public boolean consistent() {
    return meanPredicted >= lower && meanPredicted <= upper;
  }
}
