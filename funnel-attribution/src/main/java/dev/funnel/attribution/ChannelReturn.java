package dev.funnel.attribution;

import java.math.BigDecimal;

/**
 * One channel's attributed return on its spend. Ratios with a zero denominator are NaN.
 *
 * @param channel     the channel
 * @param spend       exact spend
 * @param conversions attributed conversions
 * @param revenue     attributed revenue (the model's value credit)
 * @param roas        revenue / spend
 * @param romi        (revenue - spend) / spend, revenue-based
 * @param cac         spend / attributed conversions
 */
public record ChannelReturn(
    String channel, BigDecimal spend, double conversions, double revenue, double roas, double romi,
    double cac) {

  static ChannelReturn of(String channel, BigDecimal spend, double conversions, double revenue) {
    double s = spend.doubleValue();
    double roas = s != 0 ? revenue / s : Double.NaN;
    double romi = s != 0 ? (revenue - s) / s : Double.NaN;
    double cac = conversions != 0 ? s / conversions : Double.NaN;
    return new ChannelReturn(channel, spend, conversions, revenue, roas, romi, cac);
  }
}
