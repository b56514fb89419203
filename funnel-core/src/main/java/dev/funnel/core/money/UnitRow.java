package dev.funnel.core.money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Unit economics of one channel, one campaign of a channel, or the total (JSON of
 * {@code unit --format json}: {@code channel, spend, leads, customers, revenue, cpl, cac, romi,
 * drr}; NaN ratios become null).
 *
 * <p>Undefined is never zero: a row without a spend row in the window has unknown spend (nobody
 * recorded what the channel cost; {@code spend} then shows 0 as the sum of no rows), so all four
 * ratios are NaN, and a ratio whose denominator is zero is NaN too. {@link #undefined(UnitMetric)}
 * says which case applies, in words for a footnote.
 *
 * @param channel   the channel ({@code (all)} for the total)
 * @param campaign  the campaign, or null on channel and total rows
 * @param spend     exact sum of the spend rows (0 when there are none: see {@code spendRows})
 * @param spendRows spend rows summed; 0 means the spend is unknown
 * @param leads     leads created in the window
 * @param customers new customers: first positive payment in the window
 * @param revenue   exact sum of payments in the window, refunds included
 * @param cpl       spend / leads; NaN without spend rows or leads
 * @param cac       spend / customers; NaN without spend rows or new customers
 * @param romi      (revenue x margin - spend) / spend, or (revenue - spend) / spend without margin;
 *                  NaN without spend rows or when spend is 0
 * @param drr       spend / revenue (ad-spend ratio, ACoS); NaN without spend rows or revenue
 */
public record UnitRow(
    String channel, String campaign, BigDecimal spend, long spendRows, long leads, long customers,
    BigDecimal revenue, double cpl, double cac, double romi, double drr) {

  /** Whether the row's spend is known (it has at least one spend row). */
  public boolean spendKnown() {
    return spendRows > 0;
  }

  /** The ratio's value. */
  public double value(UnitMetric m) {
    return switch (m) {
      case CPL -> cpl;
      case CAC -> cac;
      case ROMI -> romi;
      case DRR -> drr;
    };
  }

  /**
   * Why the ratio is undefined, e.g. {@code "no spend rows for direct"} or
   * {@code "no new customers for display"}; empty when it is defined.
   */
  public Optional<String> undefined(UnitMetric m) {
    if (!Double.isNaN(value(m))) {
      return Optional.empty();
    }
    String who = UnitReport.ALL.equals(channel) ? "any channel"
        : campaign == null ? channel : channel + " / " + campaign;
    if (!spendKnown()) {
      return Optional.of("no spend rows for " + who);
    }
    return Optional.of(switch (m) {
      case CPL -> "no leads for " + who;
      case CAC -> "no new customers for " + who;
      case ROMI -> "zero spend for " + who;
      case DRR -> "no revenue for " + who;
    });
  }
}
