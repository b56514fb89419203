package dev.funnel.attribution;

import java.math.BigDecimal;

/**
 * One channel's (or campaign's) attributed return on its spend (spec/metrics.md, money metrics).
 * Ratios with a zero denominator are NaN.
 *
 * @param channel     the channel, or {@code channel / campaign}
 * @param spend       exact spend
 * @param conversions attributed conversions
 * @param revenue     attributed revenue (the model's value credit)
 * @param roas        revenue / spend
 * @param romi        (revenue x margin - spend) / spend; revenue-based (margin 1) unless a margin
 *                    was given
 * @param cac         spend / attributed conversions
 * @param drr         spend / revenue (ad-spend ratio, ACoS)
 */
public record ChannelReturn(
    String channel, BigDecimal spend, double conversions, double revenue, double roas, double romi,
    double cac, double drr) {

  static ChannelReturn of(String channel, BigDecimal spend, double conversions, double revenue, double margin) {
    double s = spend.doubleValue();
    double roas = s != 0 ? revenue / s : Double.NaN;
    double romi = s != 0 ? (revenue * margin - s) / s : Double.NaN;
    double cac = conversions != 0 ? s / conversions : Double.NaN;
    double drr = revenue != 0 ? s / revenue : Double.NaN;
    return new ChannelReturn(channel, spend, conversions, revenue, roas, romi, cac, drr);
  }
}
