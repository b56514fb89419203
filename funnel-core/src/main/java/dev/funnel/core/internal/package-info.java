/**
 * Internals that other funnel modules need and hosts do not: the byte-form reader and writer of
 * the mergeable states ({@link dev.funnel.core.internal.StateBytes}) and the way from a dataset to
 * its columnar form ({@link dev.funnel.core.internal.DatasetAccess}, behind
 * {@code Columns.of(Dataset)}). Exported only to the funnel modules (attribution, cohort); not part
 * of the supported API, and free to change between releases. A host handles states through
 * {@link dev.funnel.core.MergeableState} and {@link dev.funnel.core.StateType}, and a dataset
 * through {@link dev.funnel.core.Dataset}.
 */
package dev.funnel.core.internal;
