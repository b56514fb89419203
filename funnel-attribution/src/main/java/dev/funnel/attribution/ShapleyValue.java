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
   * The default: v(S) = conversions / journeys over the journeys whose channel set is a subset of S
   * (the conversion rate of the journeys that S alone could have produced; null journeys count in
   * the denominator; v(S) = 0 when there is no such journey). After Dalessandro et al. (2012).
   * Not additive, so it is computed by enumerating coalitions; a channel that lowers the rate can
   * get negative credit.
   */
  SUBSET_CONVERSION_RATE,
  /**
   * v(S) = conversions of the journeys whose channel set is a subset of S (Zhao et al. 2018, the
   * worth as a sum over sub-coalitions); null journeys are not used. Computed by enumerating
   * coalitions.
   */
  SUBSET_CONVERSIONS,
  /**
   * The simplified per-journey form of Zhao et al. (2018): each journey's conversions split
   * equally over its distinct channels. Equal to the exact Shapley value of
   * {@link #SUBSET_CONVERSIONS} (their theorem), computed in closed form for any number of
   * channels; null journeys are not used.
   */
  PER_JOURNEY
}
