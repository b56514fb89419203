package dev.funnel.core.plan;

/**
 * One planned metric (for all channels or one channel) against its actual value.
 *
 * <p>Maps onto a row of {@code planfact --format json} (docs/spec/cli.md): {@code metric},
 * {@code plan}, {@code actual}, {@code runRate}, {@code deviation} and {@code status} (its
 * {@link PlanStatus#label()}); NaN becomes {@code null}. Definitions: {@link PlanFact}.
 *
 * @param metric            the plan-table metric name (lower-case)
 * @param channel           the channel of a channel-specific target, or null for all channels
 * @param direction         which way is better for this metric (null for an unknown metric)
 * @param plan              the plan for the period; NaN when no target covers it
 * @param actual            the actual value from the period start to the as-of instant
 * @param deviation         {@code actual - plan}
 * @param relativeDeviation {@code (actual - plan) / |plan|}; NaN when the plan is 0
 * @param runRate           forecast for the whole period: actual / elapsed share for counts and
 *                          money, the ratio so far for ratios; NaN before the period starts
 * @param qtdPlan           plan from the start of the quarter to the end of the period
 * @param qtdActual         actual from the start of the quarter to the as-of instant
 * @param status            ok / warning / alert of the run-rate against the plan, undefined or
 *                          unknown
 * @param note              how the plan was obtained or why a value is missing; null when the
 *                          plan is a target given for exactly this period and nothing is missing
 */
public record PlanRow(
    String metric, String channel, Direction direction, double plan, double actual,
    double deviation, double relativeDeviation, double runRate, double qtdPlan, double qtdActual,
    PlanStatus status, String note) {}
