package dev.funnel.scoring;

/**
 * How much one feature moves a lead's log-odds away from the average training row: for a linear
 * model the exact Shapley value with the features taken as independent (Lundberg and Lee 2017,
 * "A unified approach to interpreting model predictions", linear SHAP),
 * {@code sum over the feature's columns of b_j (x_j - mean_j)}. The contributions of a lead add
 * up to its log-odds minus the base log-odds of {@link LeadScore#baseLogOdds()}.
 *
 * @param feature the feature ({@code channel}, {@code days_since_touch}, ...)
 * @param value   the lead's value, as text ({@code referral}, {@code 3.5}, {@code none})
 * @param logOdds the contribution on the log-odds scale (positive raises the probability)
 */
public record Contribution(String feature, String value, double logOdds) {

  /** {@code feature=value +0.42}. */
  public String label() {
    return feature + "=" + value + String.format(java.util.Locale.ROOT, " %+.2f", logOdds);
  }
}
