package dev.funnel.core.money;

import java.math.BigDecimal;

/**
 * Unit economics of one channel, one campaign of a channel, or the total (JSON of
 * {@code unit --format json}: {@code channel, spend, leads, customers, revenue, cpl, cac, romi,
 * drr}; NaN ratios become null).
 *
 * @param channel   the channel ({@code (all)} for the total)
 * @param campaign  the campaign, or null on channel and total rows
 * @param spend     exact spend
 * @param leads     leads created in the window
 * @param customers new customers: first positive payment in the window
 * @param revenue   exact sum of payments in the window, refunds included
 * @param cpl       spend / leads
 * @param cac       spend / customers
 * @param romi      (revenue x margin - spend) / spend, or (revenue - spend) / spend without margin
 * @param drr       spend / revenue (ad-spend ratio, ACoS)
 */
public record UnitRow(
    String channel, String campaign, BigDecimal spend, long leads, long customers,
    BigDecimal revenue, double cpl, double cac, double romi, double drr) {}
