package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import dev.funnel.core.PeriodSpan;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LocalDays;
import dev.funnel.core.columnar.MoneySums;
import dev.funnel.core.columnar.PaymentColumns;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * The recurring-revenue bridge of a dataset's payments over its columns, the route of {@link
 * Cohorts#recurringRevenue}: one pass per customer over its contiguous, time-sorted payment rows,
 * a customer's net revenue per period summed exactly from the amounts' scaled values
 * ({@link MoneySums}), and the periods classified by {@link BridgeWalk}, as {@link
 * CohortState#bridge} classifies the same payments (a test proves both equal on random datasets,
 * scales included). Periods are calendar periods of each payment's local date in the dataset zone;
 * where that zone's clock goes back across midnight a later payment can fall in an earlier period,
 * so a customer's periods are put in order before they are walked.
 */
final class ColumnarRecurringRevenue {

  private ColumnarRecurringRevenue() {}

  static RecurringRevenueBridge of(Columns c, Granularity g, int maxPeriods) {
    PeriodSpan.requireLimit(maxPeriods);
    PaymentColumns pc = c.payments();
    int n = pc.size();
    if (n == 0) {
      return new RecurringRevenueBridge(g, List.of());
    }
    ZoneId zone = c.zone();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int most = 0;
    int customers = c.customers().size();
    for (int cust = 0; cust < customers; cust++) {
      int from = pc.from(cust);
      int to = pc.to(cust);
      most = Math.max(most, to - from);
      for (int r = from; r < to; r++) {
        long o = ordinal(g, zone, pc.at(r));
        first = Math.min(first, o);
        last = Math.max(last, o);
      }
    }
    BridgeWalk walk = new BridgeWalk(g, first, last, maxPeriods);
    MoneySums sums = new MoneySums(pc.amount(), 1);
    long[] rowOrdinal = new long[most];
    long[] ordinals = new long[most];
    BigDecimal[] revenue = new BigDecimal[most];
    for (int cust = 0; cust < customers; cust++) {
      int from = pc.from(cust);
      int rows = pc.to(cust) - from;
      if (rows == 0) {
        continue;
      }
      boolean ascending = true;
      for (int i = 0; i < rows; i++) {
        rowOrdinal[i] = ordinal(g, zone, pc.at(from + i));
        ascending &= i == 0 || rowOrdinal[i] >= rowOrdinal[i - 1];
      }
      int cells = ascending ? runs(pc, from, rows, rowOrdinal, sums, ordinals, revenue)
          : sortedCells(pc, from, rows, rowOrdinal, sums, ordinals, revenue);
      walk.customer(ordinals, revenue, cells);
    }
    return walk.result();
  }

  /** The cells of rows whose ordinals ascend: one per run of equal ordinals. */
  private static int runs(PaymentColumns pc, int from, int rows, long[] rowOrdinal,
      MoneySums sums, long[] ordinals, BigDecimal[] revenue) {
    int cells = 0;
    for (int i = 0; i < rows; ) {
      long o = rowOrdinal[i];
      sums.clear(0);
      while (i < rows && rowOrdinal[i] == o) {
        sums.add(0, from + i++);
      }
      ordinals[cells] = o;
      revenue[cells++] = sums.sum(0);
    }
    return cells;
  }

  /** The cells of rows whose ordinals do not ascend (a zone's clock set back over midnight). */
  private static int sortedCells(PaymentColumns pc, int from, int rows, long[] rowOrdinal,
      MoneySums sums, long[] ordinals, BigDecimal[] revenue) {
    long[] distinct = java.util.Arrays.stream(rowOrdinal, 0, rows).distinct().sorted().toArray();
    for (int k = 0; k < distinct.length; k++) {
      sums.clear(0);
      for (int i = 0; i < rows; i++) {
        if (rowOrdinal[i] == distinct[k]) {
          sums.add(0, from + i);
        }
      }
      ordinals[k] = distinct[k];
      revenue[k] = sums.sum(0);
    }
    return distinct.length;
  }

  private static long ordinal(Granularity g, ZoneId zone, long millis) {
    return PeriodOrdinal.of(g, LocalDays.of(millis, zone));
  }
}
