package dev.funnel.cohort;

import dev.funnel.cohort.ltv.ClvTerms;
import dev.funnel.cohort.ltv.PurchaseModel;
import dev.funnel.cohort.ltv.RfmUnit;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a lifetime-value analysis ({@link Cohorts#ltv}) computes: the end of the observation
 * period, the time unit of the fits, the purchase-count model, the CLV terms, the month at which
 * the channels' historical LTV is read, and whether customers without a finite expected spend are
 * valued at the observed mean spend. Immutable; each {@code with...} returns a changed copy.
 *
 * @param until         the last day observed (purchases on it count); null for the day of the
 *                      dataset's latest payment ({@link dev.funnel.cohort.ltv.Ltv#lastPurchaseDay})
 * @param unit          the time unit of recency, frequency and the fits' rates
 * @param model         BG/NBD or Pareto/NBD
 * @param terms         horizon, discount rate and margin of the CLV; the margin also applies to the
 *                      channels' LTV and payback
 * @param ltvAt         the period index (months after the first payment) at which the channels'
 *                      historical LTV is read
 * @param spendFallback whether customers whose Gamma-Gamma expected spend is infinite are valued at
 *                      the observed mean spend per repeat purchase (an assumption, not a model result)
 */
public record LtvQuery(LocalDate until, RfmUnit unit, PurchaseModel model, ClvTerms terms,
    int ltvAt, boolean spendFallback) {

  /** @throws IllegalArgumentException for a null unit, model or terms, or a negative {@code ltvAt} */
  public LtvQuery {
    if (unit == null || model == null || terms == null) {
      throw new IllegalArgumentException("an LTV query needs a unit, a model and CLV terms");
    }
    if (ltvAt < 0) {
      throw new IllegalArgumentException("ltvAt must be >= 0, got " + ltvAt);
    }
  }

  /**
   * The defaults of {@code funnel ltv}: observed to the last payment day, weekly unit, BG/NBD, a
   * 12-month CLV at 1% a month on revenue (margin 1), LTV read at month 6, no spend fallback.
   */
  public static LtvQuery defaults() {
    return new LtvQuery(null, RfmUnit.WEEK, PurchaseModel.BGNBD, ClvTerms.monthly(12, 0.01, 1), 6,
        false);
  }

  /** Observed to the end of this day (null: the last payment day). */
  public LtvQuery until(LocalDate day) {
    return new LtvQuery(day, unit, model, terms, ltvAt, spendFallback);
  }

  /** In this time unit. */
  public LtvQuery unit(RfmUnit u) {
    return new LtvQuery(until, Objects.requireNonNull(u, "unit"), model, terms, ltvAt, spendFallback);
  }

  /** With this purchase-count model. */
  public LtvQuery model(PurchaseModel m) {
    return new LtvQuery(until, unit, Objects.requireNonNull(m, "model"), terms, ltvAt, spendFallback);
  }

  /** With these CLV terms. */
  public LtvQuery terms(ClvTerms t) {
    return new LtvQuery(until, unit, model, Objects.requireNonNull(t, "terms"), ltvAt, spendFallback);
  }

  /** Channels' LTV read at this month index. */
  public LtvQuery ltvAt(int month) {
    return new LtvQuery(until, unit, model, terms, month, spendFallback);
  }

  /** With or without the observed-mean-spend fallback. */
  public LtvQuery spendFallback(boolean observed) {
    return new LtvQuery(until, unit, model, terms, ltvAt, observed);
  }
}
