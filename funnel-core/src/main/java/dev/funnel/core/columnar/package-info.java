/**
 * The columnar form of a dataset: what calculators scan when a dataset has millions of rows.
 *
 * <p>Start with {@link dev.funnel.core.columnar.Columns#of(dev.funnel.core.Dataset)}. It turns
 * the object tables of a {@link dev.funnel.core.Dataset} into primitive arrays once: text becomes
 * {@link dev.funnel.core.columnar.Dictionary} codes assigned in sorted string order (so the same
 * data in any row order gives identical arrays), instants become epoch milliseconds, money becomes
 * a {@link dev.funnel.core.columnar.MoneyColumn} of scaled longs with exact sums, and rows are
 * sorted by lead (or customer) then time with an offsets index, so a calculator walks one lead's
 * stage changes or touches as a contiguous range:
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
 * <p>{@link dev.funnel.core.columnar.Columns#footprint()} reports the memory per table and row
 * (about 24-30 bytes per stage change, touch or payment). Everything here is immutable and
 * thread-safe.
 */
package dev.funnel.core.columnar;
