package dev.funnel.attribution;

/**
 * One channel's credit under one model.
 *
 * @param channel          the channel
 * @param conversions      conversions credited to it
 * @param value            conversion value credited to it
 * @param conversionsLow   lower bound of the bootstrap percentile interval of {@code conversions},
 *                         NaN without bootstrap
 * @param conversionsHigh  upper bound, NaN without bootstrap
 * @param valueLow         lower bound of the interval of {@code value}, NaN without bootstrap
 * @param valueHigh        upper bound, NaN without bootstrap
 * @param standardError    standard error of {@code conversions} when it is a sampling estimate
 *                         (Shapley beyond the exact limit), otherwise NaN
 * @param assisted         conversions of journeys where the channel appears but is not the last
 *                         touch's channel (its indirect influence; model-independent)
 * @param lastTouch        conversions of journeys whose last touch is on the channel (its direct
 *                         influence; model-independent)
 */
public record ChannelCredit(
    String channel,
    double conversions,
    double value,
    double conversionsLow,
    double conversionsHigh,
    double valueLow,
    double valueHigh,
    double standardError,
    long assisted,
    long lastTouch) {

  /** Whether the bootstrap interval is present. */
  public boolean bootstrapped() {
    return !Double.isNaN(conversionsLow);
  }
}
