/**
 * Money metrics: what marketing costs per lead and per customer, and what it returns.
 *
 * <p>Start with {@link dev.funnel.core.money.UnitEconomics#compute}: per channel and per campaign,
 * spend, leads, new customers and revenue, with CPL (spend / leads), CAC (spend / new customers),
 * ROMI ((gross profit - spend) / spend with a margin, or revenue-based without one; the
 * {@link dev.funnel.core.money.RomiBasis} in the result says which) and DRR (spend / revenue), plus
 * the share of revenue from marketing-sourced customers. A customer belongs to the channel of its
 * first lead. Sums are exact {@link java.math.BigDecimal}s; undefined ratios are NaN.
 * {@link dev.funnel.core.money.UnitEconomicsState} is the mergeable partial state. Definitions:
 * docs/spec/metrics.md, JSON shape: docs/spec/cli.md ({@code unit}).
 */
package dev.funnel.core.money;
