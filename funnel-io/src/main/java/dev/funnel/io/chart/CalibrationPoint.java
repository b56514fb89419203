package dev.funnel.io.chart;

/**
 * One group of a calibration (reliability) diagram: the mean predicted probability of its rows,
 * the share that happened, and that share's interval. Probabilities are fractions in 0..1;
 * {@code NaN} is undefined (the point is left out, its line broken there; an undefined interval
 * draws no whisker).
 *
 * @param predicted the mean predicted probability of the group
 * @param observed  the observed rate of the group
 * @param lower     the lower end of the observed rate's interval
 * @param upper     the upper end of the observed rate's interval
 * @param rows      rows in the group (for the tooltip and the description)
 */
public record CalibrationPoint(double predicted, double observed, double lower, double upper,
    long rows) {

  /**
   * @throws IllegalArgumentException when a defined value is outside 0..1, the interval does not
   *     hold the observed rate, or rows is negative
   */
  public CalibrationPoint {
    for (double v : new double[] {predicted, observed, lower, upper}) {
      if (!Double.isNaN(v) && (v < 0 || v > 1)) {
        throw new IllegalArgumentException("a calibration point is a probability in 0..1, got " + v);
      }
    }
    if (!Double.isNaN(observed) && (lower > observed + 1e-12 || upper < observed - 1e-12)) {
      throw new IllegalArgumentException("the interval " + lower + ".." + upper
          + " does not hold the observed rate " + observed);
    }
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
  }
}
