package dev.funnel.core.funnel;

/**
 * One cell of a {@link ConversionMatrix}: a source's conversion from one stage to the next.
 *
 * @param source         the group key (channel, segment, ...)
 * @param from           the stage converted from
 * @param to             the next stage
 * @param entered        leads of the source that reached {@code from} (the trials)
 * @param converted      of those, leads that reached {@code to} (the successes)
 * @param rate           converted / entered, NaN when entered = 0
 * @param shrunkRate     the empirical-Bayes rate, pulled toward the column's overall rate
 * @param index          rate / the column's overall rate (below 1 = worse than average)
 * @param shrunkIndex    shrunkRate / the column's overall rate: the index a small cell can trust
 * @param pValue         two-sided p-value of the two-proportion test of this cell against the rest
 *                       of its column; NaN when untestable
 * @param adjustedPValue the Benjamini-Hochberg adjusted p-value over the whole matrix
 * @param restRate       the rate of the rest of the column (every other source together), NaN
 *                       when the rest entered nothing
 * @param gap            {@code restRate - rate}: how far the cell lies below the rest (negative
 *                       above it), as a difference of rates (0.012 = 1.2 points)
 * @param gapLower       lower bound of the interval of the gap (Newcombe's hybrid score interval,
 *                       at the matrix's 1 - fdr level, 95% by default; not adjusted for the
 *                       number of cells); NaN when either side entered nothing
 * @param gapUpper       its upper bound
 * @param practical      whether the gap reaches the matrix's {@link MinimumGap}
 * @param bottleneck     significant after adjustment, below the rest of the column, a shrunk
 *                       index below 1, and a gap of at least the minimum ({@code practical})
 */
public record MatrixCell(
    String source, String from, String to, long entered, long converted, double rate,
    double shrunkRate, double index, double shrunkIndex, double pValue, double adjustedPValue,
    double restRate, double gap, double gapLower, double gapUpper, boolean practical,
    boolean bottleneck) {

  /** Whether the cell is significantly below the rest after adjustment, whatever the gap's size. */
  public boolean significantlyBelow(double fdr) {
    return adjustedPValue <= fdr && gap > 0;
  }
}
