/**
 * The stage funnel: how many leads reached each stage, and the conversions between stages.
 *
 * <p>Start with {@link dev.funnel.core.funnel.StageFunnel#compute}, giving a
 * {@link dev.funnel.core.funnel.FunnelQuery}. Each lead's history becomes a
 * {@link dev.funnel.core.funnel.LeadReach}: the instant it first reached each progression stage,
 * where reaching a later stage implies the skipped earlier ones (at the later stage's time) and
 * every lead is at the first stage from {@code created_at}. Those reach times are then counted on
 * one of two {@link dev.funnel.core.funnel.Basis bases}:
 *
 * <ul>
 *   <li><b>event</b> — a period's count for a stage is the number of distinct leads whose reach
 *       time falls in the period (half-open, calendar periods in the dataset zone): hand-offs by
 *       date, the basis marketing and sales synchronise on;
 *   <li><b>cohort</b> — leads created in the window or period, and how many of them ever reached
 *       each stage (or within N days of creation): counts never increase along the catalog.
 * </ul>
 *
 * <p>Results ({@link dev.funnel.core.funnel.FunnelReport}) say their basis, carry conversion from
 * the previous and from the first stage (NaN when the denominator is zero) and conversion between
 * any two stages, per period ({@link dev.funnel.core.Granularity}) and per group of one or two
 * {@link dev.funnel.core.funnel.Dimension dimensions}. {@link dev.funnel.core.funnel.FunnelState}
 * is the mergeable partial state behind it. Definitions: docs/spec/metrics.md, docs/spec/cli.md.
 */
package dev.funnel.core.funnel;
