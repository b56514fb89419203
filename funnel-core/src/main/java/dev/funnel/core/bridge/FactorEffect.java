package dev.funnel.core.bridge;

/**
 * The contribution of one factor to the change.
 *
 * @param factor the factor name
 * @param effect additive effect: the effects of a result sum to V1 - V0
 * @param ratio  multiplicative effect: the ratios of a result multiply to V1 / V0; NaN for
 *               additive methods
 */
public record FactorEffect(String factor, double effect, double ratio) {}
