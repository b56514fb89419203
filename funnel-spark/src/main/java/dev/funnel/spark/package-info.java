/**
 * The funnel library on Apache Spark (provided by the cluster): the same results as the
 * single-JVM calculators, computed over Spark tables by shipping the library's mergeable partial
 * states in their stable byte forms.
 *
 * <p>Start with {@link dev.funnel.spark.SparkFunnel}: {@code read} a dataset directory in the
 * canonical CSV layout (or wrap any DataFrames with those columns), then ask for the merged state
 * of an aggregation: {@code funnels} ({@code FunnelState}), {@code journeys} ({@code PathState} and
 * {@code TransitionState}), {@code cohorts} ({@code CohortState}), {@code unitEconomics} ({@code
 * UnitEconomicsState}). Finish on the driver: {@code result()}, or any attribution model over
 * {@code JourneySet.fromCounts(paths)}. A dataset that mixes currencies needs {@code
 * withRates(CurrencyRates)}, as the single-JVM reader does.
 *
 * <p>The pieces: rows are decoded with funnel-io's rules; rows are grouped by lead or customer
 * ({@code groupByKey}, {@code flatMapGroups}) and the library's own per-lead step runs on each
 * group; partial states are merged per partition and then by a typed
 * {@link dev.funnel.spark.StateAggregator} whose input, buffer and output are the state's bytes
 * ({@code Encoders.BINARY()}). {@link dev.funnel.spark.ReviewJob} is an example job.
 */
package dev.funnel.spark;
