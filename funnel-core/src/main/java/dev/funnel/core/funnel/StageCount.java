package dev.funnel.core.funnel;

/**
 * One stage's row of a funnel: the count and its conversions (JSON: {@code {"stage", "count",
 * "conversionFromPrevious", "conversionFromFirst"}}).
 *
 * <p>{@code conversionFromPrevious = count / count(previous stage)} and
 * {@code conversionFromFirst = count / count(first stage)}; NaN (JSON null) when the denominator is
 * zero, and {@code conversionFromPrevious} is NaN for the first stage, which has none. On the
 * cohort basis both are shares in [0, 1]; on the event basis they compare hand-offs of the same
 * period and can exceed 1.
 *
 * @param stage                  stage name
 * @param count                  distinct leads (see {@link Basis})
 * @param conversionFromPrevious count over the previous stage's count, or NaN
 * @param conversionFromFirst    count over the first stage's count, or NaN
 */
public record StageCount(
    String stage, long count, double conversionFromPrevious, double conversionFromFirst) {}
