package dev.funnel.core.plan;

import java.math.BigDecimal;

/**
 * One planned metric against its actual (JSON of {@code planfact}: {@code metric, plan, actual,
 * runRate, deviation, status}; NaN becomes null).
 *
 * @param metric     the metric as planned ({@code leads}, {@code revenue}, {@code cpl}, ...)
 * @param channel    the channel the target is for, or null for all
 * @param plan       the target for the period
 * @param actual     the value so far (up to the as-of day)
 * @param runRate    forecast to the end of the period: actual / elapsed x length for additive
 *                   metrics, the current value for ratios, the actual once the period is over;
 *                   NaN before the period starts
 * @param deviation  (runRate - plan) / plan, NaN when the plan is 0
 * @param status     from the metric's tolerance bands and direction
 * @param qtdPlan    quarter-to-date plan: targets of the same metric, channel and granularity in
 *                   the quarter up to this period (NaN for ratios and for year periods)
 * @param qtdActual  quarter-to-date actual: from the quarter start to the as-of day
 */
public record PlanFactRow(
    String metric, String channel, BigDecimal plan, double actual, double runRate,
    double deviation, Status status, double qtdPlan, double qtdActual) {}
