package dev.funnel.cohort;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.MoneyColumn;
import dev.funnel.core.columnar.PaymentColumns;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The cohort table by first positive payment computed over the columnar form: one pass per
 * customer over its contiguous, time-sorted payment rows, counts in flat {@code long[]}
 * accumulators per cohort, revenue as long sums of the amounts' unscaled values (exact: a sum that
 * leaves the long range continues in {@link BigInteger}). Definitions are those of {@link
 * CohortState#result()} (spec/metrics.md, "Cohorts and LTV"): the calendar period of an instant is
 * taken in the dataset zone, via the period starts of the data's time range as epoch
 * milliseconds.
 *
 * <p>Scale convention: every revenue value is the exact sum at the payment column's scale (the
 * most decimals any amount needs, {@link MoneyColumn#scale()}), so it is numerically equal to the
 * object route's value, whose {@link BigDecimal} sums keep the scale of the amounts as written;
 * with trailing zeros stripped from every revenue value the two tables are equal records.
 */
final class ColumnarCohorts {

  private ColumnarCohorts() {}

  static CohortTable byFirstPayment(Columns columns, Granularity g) {
    if (columns == null || g == null) {
      throw new IllegalArgumentException("columns and granularity are required");
    }
    if (!columns.has(DatasetTable.PAYMENTS)) {
      throw new IllegalStateException(
          "cohort tables need the payments table, which these columns do not have");
    }
    ZoneId zone = columns.zone();
    PaymentColumns p = columns.payments();
    MoneyColumn amount = p.amount();
    int scale = amount.scale();
    int n = p.size();
    if (n == 0) {
      return new CohortTable(g, zone, CohortBasis.PAYMENT, null, List.of(), 0, BigDecimal.ZERO, 0,
          BigDecimal.ZERO);
    }
    long minAt = Long.MAX_VALUE;
    long maxAt = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long t = p.at(i);
      minAt = Math.min(minAt, t);
      maxAt = Math.max(maxAt, t);
    }
    long firstOrd = ordinal(g, zone, minAt);
    long lastOrd = ordinal(g, zone, maxAt);
    int span = Math.toIntExact(lastOrd - firstOrd + 1);
    // starts[i] = first millisecond of period firstOrd + i; starts[span] = end of the last one
    long[] starts = new long[span + 1];
    for (int i = 0; i <= span; i++) {
      starts[i] = PeriodOrdinal.period(g, firstOrd + i).startInstant(zone).toEpochMilli();
    }
    long[] size = new long[span];
    long[][] active = new long[span][];
    long[][] retained = new long[span][];
    long[][] lastActiveAt = new long[span][]; // difference form of activeOnOrAfter
    long[][] orders = new long[span][];
    Sums[] revenue = new Sums[span];
    long outside = 0;
    Sums revenueOutside = new Sums(1);
    long before = 0;
    Sums revenueBefore = new Sums(1);
    int customers = columns.customers().size();
    for (int c = 0; c < customers; c++) {
      int from = p.from(c);
      int to = p.to(c);
      if (from == to) {
        continue;
      }
      int first = -1;
      for (int r = from; r < to; r++) {
        if (amount.unscaled(r) > 0) {
          first = r;
          break;
        }
      }
      if (first < 0) {
        outside++;
        for (int r = from; r < to; r++) {
          revenueOutside.add(0, amount.unscaled(r));
        }
        continue;
      }
      // period index (0 = firstOrd) of a row, walking forward from the previous one
      int idx = index(starts, p.at(from));
      int cohort = index(starts, p.at(first));
      if (active[cohort] == null) {
        int len = span - cohort;
        active[cohort] = new long[len];
        retained[cohort] = new long[len];
        lastActiveAt[cohort] = new long[len];
        orders[cohort] = new long[len];
        revenue[cohort] = new Sums(len);
      }
      size[cohort]++;
      long[] act = active[cohort];
      long[] ret = retained[cohort];
      long[] ord = orders[cohort];
      Sums rev = revenue[cohort];
      int lastCounted = Integer.MIN_VALUE;
      for (int r = from; r < to; r++) {
        long t = p.at(r);
        while (t >= starts[idx + 1]) {
          idx++;
        }
        long u = amount.unscaled(r);
        int k = idx - cohort;
        if (k < 0) {
          before++;
          revenueBefore.add(0, u);
          continue;
        }
        rev.add(k, u);
        if (u > 0) {
          ord[k]++;
          if (k != lastCounted) {
            act[k]++;
            if (k > 0 && lastCounted == k - 1) {
              ret[k]++;
            }
            lastCounted = k;
          }
        }
      }
      lastActiveAt[cohort][lastCounted]++;
    }
    List<CohortRow> rows = new ArrayList<>();
    for (int c = 0; c < span; c++) {
      if (active[c] == null) {
        continue;
      }
      int len = span - c;
      long[] onOrAfter = new long[len];
      long running = 0;
      for (int k = len - 1; k >= 0; k--) {
        running += lastActiveAt[c][k];
        onOrAfter[k] = running;
      }
      List<BigDecimal> rv = new ArrayList<>(len);
      for (int k = 0; k < len; k++) {
        rv.add(revenue[c].value(k, scale));
      }
      rows.add(new CohortRow(PeriodOrdinal.period(g, firstOrd + c), size[c], longs(active[c]),
          longs(retained[c]), longs(onOrAfter), longs(orders[c]), rv));
    }
    Period last = PeriodOrdinal.period(g, lastOrd);
    return new CohortTable(g, zone, CohortBasis.PAYMENT, last, rows, outside,
        revenueOutside.value(0, scale), before, revenueBefore.value(0, scale));
  }

  private static long ordinal(Granularity g, ZoneId zone, long millis) {
    return PeriodOrdinal.of(g, LocalDate.ofInstant(java.time.Instant.ofEpochMilli(millis), zone));
  }

  /** The index i with {@code starts[i] <= t < starts[i + 1]}. */
  private static int index(long[] starts, long t) {
    int lo = 0;
    int hi = starts.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static List<Long> longs(long[] a) {
    List<Long> l = new ArrayList<>(a.length);
    for (long v : a) {
      l.add(v);
    }
    return l;
  }

  /** Exact sums of unscaled amounts: longs, with a BigInteger carry once a sum overflows. */
  private static final class Sums {
    private final long[] low;
    private BigInteger[] carry;

    Sums(int n) {
      low = new long[n];
    }

    void add(int k, long u) {
      long s = low[k] + u;
      if (((low[k] ^ s) & (u ^ s)) < 0) { // overflow: move the sum so far into the carry
        if (carry == null) {
          carry = new BigInteger[low.length];
        }
        BigInteger c = carry[k] == null ? BigInteger.ZERO : carry[k];
        carry[k] = c.add(BigInteger.valueOf(low[k])).add(BigInteger.valueOf(u));
        low[k] = 0;
      } else {
        low[k] = s;
      }
    }

    BigDecimal value(int k, int scale) {
      BigInteger v = BigInteger.valueOf(low[k]);
      if (carry != null && carry[k] != null) {
        v = v.add(carry[k]);
      }
      return new BigDecimal(v, scale);
    }
  }
}
