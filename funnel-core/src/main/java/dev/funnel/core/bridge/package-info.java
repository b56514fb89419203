/**
 * The revenue bridge: why a total changed between a base and a current state (two periods, or
 * plan and actual), as one exact contribution per factor.
 *
 * <p>The total is any identity V = sum over segments i of the product over factors k of x(k, i):
 * revenue = leads x conversion x win rate x average deal, summed over channels. Put the factor
 * values in a {@link dev.funnel.core.bridge.FactorTable} (rows of segment, factor, base, current;
 * mergeable from parts), choose a {@link dev.funnel.core.bridge.Bridge} and read the {@link
 * dev.funnel.core.bridge.BridgeResult}: base, the effects in factor order, current - a waterfall.
 *
 * <p>Which method:
 * <ul>
 *   <li>{@link dev.funnel.core.bridge.Method#LMDI_I_ADDITIVE} (default): order-independent, exact,
 *       consistent in aggregation (segment effects add up), time-reversal (swapping base and
 *       current negates the effects). Needs non-negative values.
 *   <li>The multiplicative forms also give ratio effects that multiply to V1 / V0 ("conversion
 *       explains x1.12 of the growth").
 *   <li>{@link dev.funnel.core.bridge.Method#SHAPLEY}: exact for any signs and zeros; the effects
 *       are the average of chain substitution over all factor orders. Used automatically when LMDI
 *       meets a sign change, and the result says so.
 *   <li>{@link dev.funnel.core.bridge.Method#CHAIN}: the textbook chain substitution, exact but
 *       order-dependent; the result states the order.
 * </ul>
 *
 * <p>Nothing is dropped silently: an incomplete table, a non-finite value, a zero under the FAIL
 * policy or a sign change under the FAIL policy is an IllegalArgumentException naming the segment
 * and factor, and every result is checked for exactness before it is returned.
 *
 * <p>{@link dev.funnel.core.bridge.FunnelBridge} builds the table from a dataset: revenue of a
 * period as leads x lead->MQL x MQL->SQL x win rate x average deal on event-basis counts (the
 * product of ratios of consecutive counts telescopes to the revenue exactly), optionally visits x
 * visit->lead, segmented by channel with a source-mix factor, with existing customers' revenue as
 * active base x retention x revenue per active customer; period against period or plan against
 * actual. Its input, {@link dev.funnel.core.bridge.FunnelCounts}, is sums and counts that merge.
 *
 * <p>{@link dev.funnel.core.bridge.Bridge#priceVolumeMix} is the companion split of product
 * revenue into volume, mix and price.
 */
package dev.funnel.core.bridge;
