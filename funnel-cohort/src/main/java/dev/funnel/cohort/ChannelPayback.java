package dev.funnel.cohort;

import java.math.BigDecimal;

/**
 * Historical LTV against CAC for the customers acquired through one channel (a row of
 * {@link AcquisitionEconomics}); ratios with a zero denominator are NaN.
 *
 * @param channel       the channel of the customers' first lead ({@code (none)} when unknown)
 * @param customers     customers with a positive payment whose first lead is in the channel
 * @param revenue       exact sum of all their payments, refunds included
 * @param spend         exact spend of the channel
 * @param ltv           {@code revenue / customers}: historical revenue per customer
 * @param cac           {@code spend / customers}
 * @param ltvToCac      {@code ltv / cac}
 * @param paybackMonths calendar months until the cumulative revenue per customer first covers
 *                      CAC, the month of the first payment counted as month 1; 0 when CAC is 0;
 *                      NaN when not reached within the data or CAC is undefined
 */
public record ChannelPayback(
    String channel,
    long customers,
    BigDecimal revenue,
    BigDecimal spend,
    double ltv,
    double cac,
    double ltvToCac,
    double paybackMonths) {}
