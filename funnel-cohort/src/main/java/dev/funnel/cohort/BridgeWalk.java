package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import dev.funnel.core.PeriodSpan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classification of {@link RecurringRevenueBridge}, fed one customer at a time: a customer's
 * cells (period ordinal and net revenue, in period order) add to the periods' new, expansion,
 * reactivation, contraction and churn, and to the end-of-period revenue and counts. Only cells
 * with positive revenue are active; a customer active in a period and not in the next one churns
 * in that next period (also after their last active period, when later payments exist). Shared
 * by the mergeable state ({@link CohortState#bridge}) and the columnar route ({@link
 * ColumnarRecurringRevenue}), so both classify alike. Sums are exact {@link BigDecimal}s; the
 * order of customers does not change them.
 */
final class BridgeWalk {
  private final Granularity granularity;
  private final long first;
  private final long last;
  private final int n;
  // new, expansion, reactivation, contraction, churn, end
  private final BigDecimal[][] sums;
  // new, reactivated, churned, active
  private final long[][] counts;

  /**
   * A walk over the periods {@code [first, last]} (ordinals of {@link PeriodOrdinal}), the span of
   * every payment.
   *
   * @throws IllegalArgumentException when they span more than {@code maxPeriods} periods
   */
  BridgeWalk(Granularity granularity, long first, long last, int maxPeriods) {
    this.granularity = granularity;
    this.first = first;
    this.last = last;
    this.n = PeriodSpan.count("the recurring-revenue bridge", PeriodOrdinal.period(granularity, first),
        PeriodOrdinal.period(granularity, last), maxPeriods);
    sums = new BigDecimal[6][n];
    for (BigDecimal[] row : sums) {
      Arrays.fill(row, BigDecimal.ZERO);
    }
    counts = new long[4][n];
  }

  /** Adds one customer's cells: {@code ordinals[0, cells)} ascending, their net revenue. */
  void customer(long[] ordinals, BigDecimal[] revenue, int cells) {
    long previous = Long.MIN_VALUE;
    BigDecimal previousValue = BigDecimal.ZERO;
    for (int i = 0; i < cells; i++) {
      BigDecimal v = revenue[i];
      if (v.signum() <= 0) {
        continue; // not active
      }
      long ordinal = ordinals[i];
      int k = (int) (ordinal - first);
      sums[5][k] = sums[5][k].add(v);
      counts[3][k]++;
      if (previous == Long.MIN_VALUE) {
        sums[0][k] = sums[0][k].add(v);
        counts[0][k]++;
      } else if (previous == ordinal - 1) {
        BigDecimal change = v.subtract(previousValue);
        if (change.signum() > 0) {
          sums[1][k] = sums[1][k].add(change);
        } else {
          sums[3][k] = sums[3][k].subtract(change);
        }
      } else {
        int c = (int) (previous + 1 - first);
        sums[4][c] = sums[4][c].add(previousValue);
        counts[2][c]++;
        sums[2][k] = sums[2][k].add(v);
        counts[1][k]++;
      }
      previous = ordinal;
      previousValue = v;
    }
    if (previous != Long.MIN_VALUE && previous < last) {
      int c = (int) (previous + 1 - first);
      sums[4][c] = sums[4][c].add(previousValue);
      counts[2][c]++;
    }
  }

  /** The bridge of the customers added. */
  RecurringRevenueBridge result() {
    List<BridgePeriod> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(new BridgePeriod(PeriodOrdinal.period(granularity, first + k),
          k == 0 ? BigDecimal.ZERO : sums[5][k - 1], sums[0][k], sums[1][k], sums[2][k],
          sums[3][k], sums[4][k], sums[5][k], k == 0 ? 0 : counts[3][k - 1], counts[0][k],
          counts[1][k], counts[2][k], counts[3][k]));
    }
    return new RecurringRevenueBridge(granularity, out);
  }
}
