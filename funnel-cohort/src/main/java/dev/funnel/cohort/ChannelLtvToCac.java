package dev.funnel.cohort;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Unit economics of one acquisition channel over the whole data.
 *
 * <p>Undefined is never zero: a channel without spend rows (or a dataset without a spend table)
 * has unknown spend, so its CAC, LTV/CAC and payback are undefined (NaN, and a payback that is
 * neither a number nor "not yet"); {@link #cacUndefined()} says why.
 *
 * @param channel      the channel
 * @param customers    new customers acquired (first positive payment) through it
 * @param spend        the sum of its spend rows (exact; 0 when there are none, see spendRows)
 * @param spendRows    its spend rows; 0 means its spend is unknown
 * @param cac          {@code spend / customers}; NaN when the spend is unknown or it acquired no
 *                     customer
 * @param ltv          historical LTV: cumulative margin per customer at the horizon, pooled over the
 *                     channel's cohorts that reached it; NaN when none did
 * @param ltvToCac     {@code ltv / cac}; NaN when either is undefined or CAC is 0
 * @param payback      periods until the pooled cumulative margin per customer first reaches CAC;
 *                     empty when it has not yet, or when CAC is undefined ({@link #paybackDefined()}
 *                     tells the two apart)
 * @param cacUndefined why CAC is undefined ({@code "no spend table"}, {@code "no spend rows for
 *                     direct"}, {@code "no new customers for display"}); null when it is defined
 */
public record ChannelLtvToCac(
    String channel,
    long customers,
    BigDecimal spend,
    long spendRows,
    double cac,
    double ltv,
    double ltvToCac,
    OptionalInt payback,
    String cacUndefined) {

  /** Why CAC (and so LTV/CAC and payback) is undefined; empty when it is defined. */
  public Optional<String> whyCacUndefined() {
    return Optional.ofNullable(cacUndefined);
  }

  /**
   * Whether payback is an answer: CAC is defined, so an empty {@link #payback()} means "not yet";
   * false when CAC is undefined (payback then is undefined too, never "not yet" nor 0).
   */
  public boolean paybackDefined() {
    return cacUndefined == null;
  }
}
