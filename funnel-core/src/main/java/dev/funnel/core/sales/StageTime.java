package dev.funnel.core.sales;

/**
 * How long leads stay in one stage.
 *
 * @param stage      the stage
 * @param stays      leads that actually entered it (skipped stages are not stays)
 * @param completed  stays that ended (another stage or an exit followed)
 * @param censored   stays still going at the as-of instant
 * @param medianDays Kaplan-Meier median of the stay in days, NaN when not estimable
 * @param p75Days    75th percentile
 */
public record StageTime(
    String stage, long stays, long completed, long censored, double medianDays, double p75Days) {}
