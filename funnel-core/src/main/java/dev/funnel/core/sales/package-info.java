/**
 * Sales metrics: how well and how fast qualified leads turn into money.
 *
 * <p>Start with {@link dev.funnel.core.sales.Sales}. It gives the
 * {@link dev.funnel.core.sales.WinRate win rate} from SQL or from opportunity (won / (won + lost),
 * by count and by value, the base stage named in the result), the
 * {@link dev.funnel.core.sales.DealSize average deal}, the
 * {@link dev.funnel.core.sales.SalesCycle sales cycle} from SQL to the first payment (Kaplan-Meier,
 * so deals still open are censored at the as-of instant rather than dropped, which would make the
 * cycle look shorter than it is), {@link dev.funnel.core.sales.TimeInStages time in each stage},
 * {@link dev.funnel.core.sales.ExitReasons lost and returned reasons} (early = exited before
 * OPPORTUNITY, i.e. during qualification; late = at or after it), the open
 * {@link dev.funnel.core.sales.Pipeline pipeline} with its weighted value (stage-to-won
 * probabilities learned from closed deals) and coverage of a plan,
 * {@link dev.funnel.core.sales.SalesVelocity sales velocity} (both at once, in one pass, as a
 * {@link dev.funnel.core.sales.SalesForecast forecast}) and
 * {@link dev.funnel.core.sales.OwnerKpis per-owner KPIs}. The first-response SLA is in
 * {@link dev.funnel.core.sla}.
 *
 * <p>Per-owner KPIs credit each lead by an {@link dev.funnel.core.sales.OwnerRule}: by role (the
 * default) the SDR-side figures (MQLs, reach, MQL to SQL, reaction) go to whoever worked the lead
 * between its MQL and SQL hand-offs (or qualified it) and the AE-side figures (SQLs, win rate, cycle, average deal) to whoever
 * closed or holds the deal, read from the owners of activities and stage changes; by lead owner
 * everything goes to {@code leads.owner}.
 *
 * <p>Stage conventions come from {@link dev.funnel.core.funnel.LeadReach}: reaching a later stage
 * implies the earlier ones. A deal's {@link dev.funnel.core.sales.Outcome outcome} is WON once it
 * reached the won stage, else RETURNED when its latest change is the RETURNED exit, LOST when it is
 * any other exit, else OPEN. Money sums are
 * exact {@link java.math.BigDecimal}s; ratios are doubles, NaN when undefined. Definitions:
 * docs/spec/metrics.md.
 */
package dev.funnel.core.sales;
