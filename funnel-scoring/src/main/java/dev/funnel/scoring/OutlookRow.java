package dev.funnel.scoring;

/**
 * One metric in one period of the plan outlook.
 *
 * @param metric         {@code sql} or {@code won} (the plan table's metric names)
 * @param period         the period label ({@code 2026-03})
 * @param plan           the plan's target for the period (all channels), NaN without one
 * @param actual         leads that reached the stage in the period up to the as-of instant
 * @param expected       expected further leads from the open pipeline: the sum of their
 *                       probabilities of reaching the stage inside the period
 * @param lower          lower bound of the interval of the further leads
 * @param upper          upper bound
 * @param projected      actual + expected
 * @param leads          open leads contributing (the population of the sum)
 * @param horizonCovers  whether the model's horizon reaches the period's end (when not, later
 *                       conversions in the period are not counted)
 */
public record OutlookRow(
    String metric, String period, double plan, long actual, double expected, double lower,
    double upper, double projected, int leads, boolean horizonCovers) {

  /** projected / plan (NaN without a plan or with a zero plan). */
  public double projectedToPlan() {
    return Double.isNaN(plan) || plan == 0 ? Double.NaN : projected / plan;
  }
}
