package dev.funnel.scoring;

/**
 * One decile of a gains table, best-scored rows first.
 *
 * @param decile          1-based, 1 = the top tenth by score
 * @param rows            rows in the decile
 * @param positives       positives in it (fractional when a tie of scores straddles a decile
 *                        edge: a tie's positives are shared in proportion to its rows on each side)
 * @param rate            positives / rows
 * @param lift            rate / the overall rate
 * @param cumulativeShare share of all rows in deciles 1..this
 * @param gain            share of all positives captured in deciles 1..this (cumulative gains)
 * @param cumulativeLift  gain / cumulativeShare
 */
public record GainsRow(
    int decile, long rows, double positives, double rate, double lift, double cumulativeShare,
    double gain, double cumulativeLift) {}
