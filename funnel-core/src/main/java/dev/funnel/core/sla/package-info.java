/**
 * First-response SLA: how quickly sales act on a lead once it reaches a stage, and which leads
 * are waiting too long.
 *
 * <p>Start with {@link dev.funnel.core.sla.Sla#compute}, giving a
 * {@link dev.funnel.core.sla.SlaQuery}: the stage that starts the clock (MQL, or SQL), the target
 * (15 minutes, 1 hour, one business day), the as-of instant, and optionally a
 * {@link dev.funnel.core.sla.BusinessCalendar} (working days, daily hours, zone, holidays) on which
 * times are measured exactly. The {@link dev.funnel.core.sla.SlaReport} has the share of leads
 * answered within the target, Kaplan-Meier median and p90 response times, the same per owner, and
 * two worklists ({@link dev.funnel.core.sla.OverdueLeads}): leads with no response beyond the
 * target, and stale leads with no activity or stage change for N days.
 *
 * <p>Censoring: a lead without a response is observed only until the as-of instant. Beyond the
 * target it is a breach already; inside it, the outcome is not known yet, so it is left out of the
 * share and censored in the percentiles (docs/spec/metrics.md, "SLA"). Per-lead observations are
 * {@link dev.funnel.core.sla.FirstResponse}s; {@link dev.funnel.core.sla.SlaTally} is their
 * mergeable partial state.
 */
package dev.funnel.core.sla;
