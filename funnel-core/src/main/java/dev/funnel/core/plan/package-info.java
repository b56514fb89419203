/**
 * Plan vs actual: where each planned metric stands in its period, where it is heading and whether
 * that deserves attention.
 *
 * <p>Start with {@link dev.funnel.core.plan.PlanFact#compute}, giving a period and
 * {@link dev.funnel.core.plan.PlanFactOptions} (the last observed day, calendar or business days,
 * the margin, tolerance bands). Each {@link dev.funnel.core.plan.PlanFactRow} carries plan,
 * actual, a run-rate forecast to the end of the period, the relative deviation of that forecast
 * from plan, quarter-to-date plan and actual, and a {@link dev.funnel.core.plan.Status} from the
 * metric's {@link dev.funnel.core.plan.Tolerance}: the shortfall in the metric's
 * {@link dev.funnel.core.plan.Direction} (more leads is good, a higher CPL is bad) against a
 * warning and an alert band. Definitions: spec/metrics.md; JSON shape: spec/cli.md
 * ({@code planfact}).
 */
package dev.funnel.core.plan;
