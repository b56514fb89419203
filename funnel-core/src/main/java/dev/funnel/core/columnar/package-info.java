/**
 * The columnar form that every {@link dev.funnel.core.Dataset} is: what calculators scan.
 *
 * <p>{@link dev.funnel.core.columnar.Columns#of(dev.funnel.core.Dataset)} returns it (a dataset
 * has no public getter: this package is internal; the call reads the dataset's own instance through
 * {@link dev.funnel.core.internal.DatasetAccess}). Text is {@link
 * dev.funnel.core.columnar.Dictionary} codes assigned in sorted string order (so the same data in
 * any row order gives identical arrays), instants are epoch milliseconds, money is a {@link
 * dev.funnel.core.columnar.MoneyColumn} of scaled longs with exact sums, and rows are sorted by
 * lead (or customer) then time with an offsets index, so a calculator walks one lead's stage
 * changes or touches as a contiguous range:
 *
 * <pre>{@code
 * Columns c = Columns.of(dataset);
 * StageColumns s = c.stages();
 * for (int lead = 0; lead < c.leads().size(); lead++) {
 *   for (int r = s.from(lead); r < s.to(lead); r++) {
 *     ... s.stage(r), s.at(r), s.amount().value(r) ...
 *   }
 * }
 * }</pre>
 *
 * <p>Datasets are built by {@link dev.funnel.core.columnar.ColumnsBuilder}, which appends rows
 * straight into the columns and lays them out with primitive-key sorts; the design and the
 * measured bytes per row are in {@code docs/columnar.md}. {@link
 * dev.funnel.core.columnar.Columns#footprint()} reports the memory per table and row (about 23
 * bytes per stage change or touch). Everything here is immutable and thread-safe once built.
 */
package dev.funnel.core.columnar;
