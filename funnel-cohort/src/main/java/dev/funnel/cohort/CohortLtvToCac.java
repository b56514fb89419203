package dev.funnel.cohort;

import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * Acquisition cost and payback of one channel's cohort.
 *
 * @param channel   the acquisition channel
 * @param cohort    the acquisition period
 * @param customers new customers of the channel in the period
 * @param spend     the channel's spend in the period (exact)
 * @param cac       {@code spend / customers}; NaN when the cohort is empty
 * @param payback   periods after the acquisition period until the cohort's cumulative margin per
 *                  customer first reaches CAC (0 = within the acquisition period); empty when it
 *                  has not yet (within the data) — "not yet" is an answer, not a number
 */
public record CohortLtvToCac(
    String channel,
    Period cohort,
    long customers,
    BigDecimal spend,
    double cac,
    OptionalInt payback) {}
