package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import java.time.Instant;

/**
 * What a channel LTV/CAC and payback question ({@link Cohorts#ltvToCac(dev.funnel.core.Dataset,
 * LtvToCacQuery)}) is asked of, by name instead of by the position of a double and two ints: the
 * cohort period, the margin (share of revenue counted as margin), the period index at which the
 * historical LTV is read, the as-of instant, and the most periods the payments may span.
 * Conventions (CAC, pooled LTV, payback, undefined figures) are those of {@link
 * Cohorts#ltvToCac(dev.funnel.core.Dataset, Granularity, double, int)}; the as-of cut is that of
 * {@link Cohorts#ltvToCac(dev.funnel.core.Dataset, Granularity, double, int, Instant)}.
 * Immutable; each wither returns a changed copy.
 *
 * <pre>{@code
 * LtvToCac u = Cohorts.ltvToCac(data, LtvToCacQuery.monthly().margin(0.8).horizon(6).asOf(t));
 * }</pre>
 *
 * @param granularity the cohort period (months for the usual LTV/CAC)
 * @param margin      share of revenue counted as margin (1: revenue itself); finite
 * @param horizon     the period index (0 = the period of the first payment) at which the
 *                    historical LTV is read; at least 0
 * @param asOf        the instant after which payments, spend days and leads are not yet known;
 *                    null for all the data
 * @param maxPeriods  the most periods the payments may span (see {@link
 *                    Cohorts#DEFAULT_MAX_PERIODS}); at least 1
 */
public record LtvToCacQuery(Granularity granularity, double margin, int horizon, Instant asOf,
    int maxPeriods) {

  /** The horizon unless told: month 6, as {@link LtvQuery#defaults()} and {@code funnel ltv}. */
  public static final int DEFAULT_HORIZON = 6;

  /**
   * @throws IllegalArgumentException for a null granularity, a margin that is not finite, a
   *     negative horizon or a period limit below 1
   */
  public LtvToCacQuery {
    if (granularity == null) {
      throw new IllegalArgumentException("an LTV/CAC query needs a granularity (the cohort period)");
    }
    if (!Double.isFinite(margin)) {
      throw new IllegalArgumentException("margin must be finite, got " + margin);
    }
    if (horizon < 0) {
      throw new IllegalArgumentException("LTV horizon must be >= 0 periods, got " + horizon);
    }
    dev.funnel.core.PeriodSpan.requireLimit(maxPeriods);
  }

  /**
   * Monthly cohorts, margin 1 (LTV on revenue), LTV read at month {@value #DEFAULT_HORIZON}, all
   * the data, at most {@link Cohorts#DEFAULT_MAX_PERIODS} periods.
   */
  public static LtvToCacQuery monthly() {
    return of(Granularity.MONTH);
  }

  /** The defaults of {@link #monthly()} with cohorts of another period. */
  public static LtvToCacQuery of(Granularity granularity) {
    return new LtvToCacQuery(granularity, 1.0, DEFAULT_HORIZON, null, Cohorts.DEFAULT_MAX_PERIODS);
  }

  /** With this share of revenue counted as margin. */
  public LtvToCacQuery margin(double share) {
    return new LtvToCacQuery(granularity, share, horizon, asOf, maxPeriods);
  }

  /** With the LTV read at this period index. */
  public LtvToCacQuery horizon(int periods) {
    return new LtvToCacQuery(granularity, margin, periods, asOf, maxPeriods);
  }

  /** As of this instant (null: all the data). */
  public LtvToCacQuery asOf(Instant instant) {
    return new LtvToCacQuery(granularity, margin, horizon, instant, maxPeriods);
  }

  /** With this limit on the periods the payments may span. */
  public LtvToCacQuery maxPeriods(int limit) {
    return new LtvToCacQuery(granularity, margin, horizon, asOf, limit);
  }
}
