/**
 * Plan vs actual: how a period is going against its targets, and whether to worry.
 *
 * <p>Start with {@link dev.funnel.core.plan.PlanFact#compute}: a dataset with a {@code plan}
 * table, a {@link dev.funnel.core.Period} of any granularity and {@link dev.funnel.core.plan.PlanOptions}
 * (as-of instant, calendar days or business time, tolerance bands and directions). The
 * {@link dev.funnel.core.plan.PlanReport} has one {@link dev.funnel.core.plan.PlanRow} per planned
 * metric and channel: plan, actual, deviation (absolute and relative), a run-rate forecast to the
 * end of the period, quarter-to-date plan and actual, and a {@link dev.funnel.core.plan.PlanStatus}.
 *
 * <p>How a plan is found for a period: a target for exactly the period wins; otherwise additive
 * metrics (leads, MQL, SQL, won, revenue, spend) take, for every day, the daily share of the
 * finest target covering it — so months add up to their quarter and a month is pro-rated to a week
 * by calendar days; ratios (CPL, CAC, ROMI, win rate) take the target of a period containing the
 * span, or are derived from the additive plans (CPL = spend / leads, CAC = spend / won,
 * ROMI = (revenue - spend) / spend). Actual values are defined in
 * {@link dev.funnel.core.plan.PlanMetric}: stage counts on the event basis, revenue by payment
 * date with refunds, ROMI revenue-based.
 *
 * <p>Alert levels: the run-rate forecast is compared with the plan; a shortfall (in the metric's
 * {@link dev.funnel.core.plan.Direction}) of at least the warning fraction of the plan is a
 * warning, of at least the alert fraction an alert ({@link dev.funnel.core.plan.Tolerance}, 5 % and
 * 15 % by default). Metric names the library does not know stay in the report with status
 * {@code unknown}. Source of the definitions: docs/spec/metrics.md, "Plan vs actual".
 */
package dev.funnel.core.plan;
