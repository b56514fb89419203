/**
 * Marketing attribution: which channels get the credit for conversions and their value.
 *
 * <p>Start with a {@link dev.funnel.attribution.JourneySet}: journeys cut from a dataset's touches
 * and stages ({@link dev.funnel.attribution.JourneySet#fromDataset}, conventions of docs/spec/cli.md:
 * the conversion is the lead entering the conversion stage, by default the catalog's won stage,
 * its value the amount on that stage change; a journey is the touches at or before the conversion
 * within a 90-day lookback; leads that never convert give null journeys, their window ending at
 * their latest touch) or the pre-aggregated {@code paths} table
 * ({@link dev.funnel.attribution.JourneySet#fromPaths}). Then ask
 * {@link dev.funnel.attribution.Attribution} for a {@link dev.funnel.attribution.Model}:
 *
 * <ul>
 *   <li>rule-based: first, last, last-non-direct, linear, position (U-shape 40/20/40), W-shaped,
 *       time decay (half-life 7 days) and custom position weights, configured by
 *       {@link dev.funnel.attribution.AttributionOptions};
 *   <li>Markov of order k: removal effects of the absorbing chain solved exactly by linear
 *       algebra, not simulated ({@link dev.funnel.attribution.RemovalEffects});
 *   <li>Shapley: exact over coalitions up to 15 channels, a seeded permutation estimate with its
 *       standard error beyond, with the value function chosen by
 *       {@link dev.funnel.attribution.ShapleyValue}.
 * </ul>
 *
 * <p>Every model's channel credits sum to the total conversions and total value. The result
 * ({@link dev.funnel.attribution.AttributionResult}) also carries assisted conversions, and,
 * with {@link dev.funnel.attribution.Attribution#bootstrap}, a percentile confidence interval for
 * every channel's credit from a seeded, parallel, thread-count-independent bootstrap over
 * journeys. {@link dev.funnel.attribution.Attribution#journeyCredits} gives the credit of each
 * journey, {@link dev.funnel.attribution.Attribution#economics} joins the credit with spend (ROAS,
 * ROMI, CAC).
 *
 * <p>Rule-based models run over a columnar form of the journey set (channel codes with per-journey
 * offsets, primitive conversions, values and touch ages), built on the first call and kept with
 * the set: one tight pass per model over the journeys that carry weight, with exactly the credit
 * of the per-journey weights.
 *
 * <p>The sufficient statistics, {@link dev.funnel.attribution.PathState} (every path-based model)
 * and {@link dev.funnel.attribution.TransitionState} (Markov), are mergeable partial states with a
 * stable byte form, so partitions can be attributed separately and combined.
 */
package dev.funnel.attribution;
