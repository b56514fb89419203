/**
 * Data quality: what reading refused ({@link dev.funnel.core.quality.Rejection}, {@link
 * dev.funnel.core.quality.TableRead}) and what a dataset holds that its numbers should not trust.
 * Nothing is dropped without being counted.
 */
package dev.funnel.core.quality;
