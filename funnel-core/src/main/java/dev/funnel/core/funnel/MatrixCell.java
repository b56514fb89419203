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
 * @param bottleneck     significant after adjustment, below the rest of the column, and a
 *                       shrunk index below 1
 */
public record MatrixCell(
    String source, String from, String to, long entered, long converted, double rate,
    double shrunkRate, double index, double shrunkIndex, double pValue, double adjustedPValue,
    boolean bottleneck) {}
