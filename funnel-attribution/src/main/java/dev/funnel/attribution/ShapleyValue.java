package dev.funnel.attribution;

/**
 * The coalition value function v(S) of the Shapley model; S is a set of channels and a journey's
 * channel set is the set of distinct channels it touched.
 *
 * <p>Sources: the Shapley value itself is Shapley (1953), "A value for n-person games";
 * its use for attribution with a conversion-probability worth is Dalessandro, Perlich, Hook,
 * Stitelman, Raeder and Provost (2012), "Causally motivated attribution for online advertising";
 * the additive worth and its closed-form "simplified" Shapley value are Zhao, Mahboobi and
 * Bagheri (2018), "Shapley value methods for attribution modeling in online advertising".
 */
public enum ShapleyValue {
  /**
   * The default: v(S) = conversions of the journeys whose channel set is a subset of S, the worth
   * of Zhao, Mahboobi and Bagheri (2018), eq. for v(S) as a sum over sub-coalitions. Equivalently
   * S's conversion rate over all journeys when every journey that needs a channel outside S is
   * counted as not converting; null journeys only scale that rate, so they do not change the
   * credits. Computed by enumerating coalitions (and equal to {@link #PER_JOURNEY}, their theorem).
   */
  SUBSET_CONVERSIONS,
  /**
   * v(S) = conversions / journeys over the journeys whose channel set is a subset of S: the
   * conversion rate of the journeys S alone could have produced, null journeys in the denominator,
   * v(S) = 0 when there is no such journey; after Dalessandro et al. (2012), who take the
   * conversion probability given exposure as the worth. Not additive, so only enumeration (or
   * sampling) computes it. Caveat: a rare channel whose few journeys convert well gets credit out
   * of proportion to its volume, and a channel that lowers the rate gets negative credit.
   */
  SUBSET_CONVERSION_RATE,
  /**
   * The simplified per-journey form of Zhao et al. (2018): each journey's conversions split
   * equally over its distinct channels. Equal to the exact Shapley value of
   * {@link #SUBSET_CONVERSIONS} (their theorem), computed in closed form for any number of
   * channels; null journeys are not used.
   */
  PER_JOURNEY
}
