package dev.funnel.cohort;

import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Acquisition cost and payback of one channel's cohort.
 *
 * @param channel      the acquisition channel
 * @param cohort       the acquisition period
 * @param customers    new customers of the channel in the period
 * @param spend        the sum of the channel's spend rows dated in the period (exact; 0 without
 *                     rows, see spendRows)
 * @param spendRows    those spend rows; 0 means the period's spend is unknown
 * @param cac          {@code spend / customers}; NaN when the cohort is empty or the spend unknown
 * @param payback      periods after the acquisition period until the cohort's cumulative margin per
 *                     customer first reaches CAC (0 = within the acquisition period); empty when it
 *                     has not yet (within the data) — "not yet" is an answer, not a number — or when
 *                     CAC is undefined
 * @param cacUndefined why CAC is undefined (e.g. {@code "no spend rows for seo in 2026-01"}); null
 *                     when it is defined
 */
public record CohortLtvToCac(
    String channel,
    Period cohort,
    long customers,
    BigDecimal spend,
    long spendRows,
    double cac,
    OptionalInt payback,
    String cacUndefined) {

  /** Why CAC (and payback) is undefined; empty when it is defined. */
  public Optional<String> whyCacUndefined() {
    return Optional.ofNullable(cacUndefined);
  }

  /** Whether payback is an answer (CAC is defined); see {@link ChannelLtvToCac#paybackDefined()}. */
  public boolean paybackDefined() {
    return cacUndefined == null;
  }
}
