package dev.funnel.cohort;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * Unit economics of one acquisition channel over the whole data.
 *
 * @param channel   the channel
 * @param customers new customers acquired (first positive payment) through it
 * @param spend     its total spend (exact)
 * @param cac       {@code spend / customers}; NaN when it acquired no customer
 * @param ltv       historical LTV: cumulative margin per customer at the horizon, pooled over the
 *                  channel's cohorts that reached it; NaN when none did
 * @param ltvToCac  {@code ltv / cac}; NaN when either is undefined or CAC is 0
 * @param payback   periods until the pooled cumulative margin per customer first reaches CAC;
 *                  empty when it has not yet
 */
public record ChannelLtvToCac(
    String channel,
    long customers,
    BigDecimal spend,
    double cac,
    double ltv,
    double ltvToCac,
    OptionalInt payback) {}
