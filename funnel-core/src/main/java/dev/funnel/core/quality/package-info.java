/**
 * Data quality: what reading refused ({@link dev.funnel.core.quality.Rejection}, {@link
 * dev.funnel.core.quality.TableRead}) and what a dataset holds that its numbers should not trust.
 * Nothing is dropped without being counted.
 *
 * <p>{@link dev.funnel.core.quality.DataQuality#check(dev.funnel.core.Dataset, java.util.List,
 * java.time.Instant)} turns a dataset and its reads into a {@link
 * dev.funnel.core.quality.QualityReport}: rows read, accepted and rejected per table ({@link
 * dev.funnel.core.quality.RowCounts}), each problem as an {@link dev.funnel.core.quality.Issue}
 * with a stable code, a count and examples (duplicate leads, leads without source or campaign,
 * unknown stages, stages out of order or skipped, rows of unknown leads, payments without a lead,
 * spend without leads, future timestamps, every other rejection reason), and the share of revenue
 * that cannot be traced to a source.
 */
package dev.funnel.core.quality;
