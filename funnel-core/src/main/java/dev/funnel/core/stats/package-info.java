/**
 * The statistics behind funnel decisions: is a difference between two conversion rates real, is
 * a small cell really a bottleneck, how long does a deal take when many are still open.
 *
 * <p>Start with {@link dev.funnel.core.stats.Stats}. Rates get
 * {@link dev.funnel.core.stats.WilsonInterval Wilson intervals}; two rates get a
 * {@link dev.funnel.core.stats.TwoProportionTest two-proportion z-test} and a
 * {@link dev.funnel.core.stats.BayesianAB Bayesian P(B > A)} with expected losses (together an
 * {@link dev.funnel.core.stats.ABComparison}); many tests at once are controlled with
 * Benjamini-Hochberg; a family of rates is shrunk toward its mean with an empirical-Bayes
 * {@link dev.funnel.core.stats.BetaBinomialPrior}; times to an event with censoring (open deals)
 * go through {@link dev.funnel.core.stats.KaplanMeier} to a
 * {@link dev.funnel.core.stats.SurvivalCurve} with median and percentiles.
 *
 * <p>Undefined values (no trials, no variation, a percentile the curve never reaches) are NaN,
 * never exceptions; invalid input (x > n, a confidence outside (0, 1)) is an
 * IllegalArgumentException naming the argument.
 */
package dev.funnel.core.stats;
