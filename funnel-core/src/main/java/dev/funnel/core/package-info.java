/**
 * The funnel's domain: one stage catalog, timestamped hand-offs and the tables of a dataset.
 *
 * <p>Start with {@link dev.funnel.core.Dataset}: the leads ({@link dev.funnel.core.Lead}), their
 * stage history ({@link dev.funnel.core.StageChange} against a {@link
 * dev.funnel.core.StageCatalog}), sales {@link dev.funnel.core.Activity activities}, marketing
 * {@link dev.funnel.core.Touch touches}, {@link dev.funnel.core.Payment payments}, {@link
 * dev.funnel.core.Spend spend}, {@link dev.funnel.core.PlanTarget plan targets} and
 * pre-aggregated {@link dev.funnel.core.JourneyPath paths}. Money is exact ({@link
 * dev.funnel.core.Money}, one currency per dataset); calendar periods are {@link
 * dev.funnel.core.Period}s in the dataset time zone.
 *
 * <p>Conventions used across the library (docs/spec/dataset.md): every lead is at the first stage from
 * its creation; reaching a later stage implies every earlier one; empty optional text is
 * {@code null}; every type here is immutable and thread-safe.
 */
package dev.funnel.core;
