package dev.funnel.attribution;

import java.math.BigDecimal;

/**
 * One channel's (or campaign's) attributed return on its spend (docs/spec/metrics.md, money metrics).
 * Ratios with a zero denominator are NaN, and so is every ratio of a channel without spend rows:
 * its spend is unknown, not zero (an organic channel nobody recorded a cost for).
 *
 * @param channel     the channel, or {@code channel / campaign}
 * @param spend       exact sum of its spend rows (0 without rows: see spendKnown)
 * @param conversions attributed conversions
 * @param revenue     attributed revenue (the model's value credit)
 * @param roas        revenue / spend
 * @param romi        (revenue x margin - spend) / spend; revenue-based (margin 1) unless a margin
 *                    was given
 * @param cac         spend / attributed conversions
 * @param drr         spend / revenue (ad-spend ratio, ACoS)
 * @param spendKnown  whether the channel has spend rows; when not, every ratio is NaN
 */
public record ChannelReturn(
    String channel, BigDecimal spend, double conversions, double revenue, double roas, double romi,
    double cac, double drr, boolean spendKnown) {

  static ChannelReturn of(String channel, BigDecimal spend, boolean known, double conversions,
      double revenue, double margin) {
    double s = spend.doubleValue();
    double roas = known && s != 0 ? revenue / s : Double.NaN;
    double romi = known && s != 0 ? (revenue * margin - s) / s : Double.NaN;
    double cac = known && conversions != 0 ? s / conversions : Double.NaN;
    double drr = known && revenue != 0 ? s / revenue : Double.NaN;
    return new ChannelReturn(channel, spend, conversions, revenue, roas, romi, cac, drr, known);
  }

  /** Why the ratios are undefined when the spend is unknown ({@code "no spend rows for seo"}). */
  public java.util.Optional<String> whySpendUnknown() {
    return spendKnown ? java.util.Optional.empty()
        : java.util.Optional.of("no spend rows for " + channel);
  }
}
