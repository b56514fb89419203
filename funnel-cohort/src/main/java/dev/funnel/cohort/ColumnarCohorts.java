package dev.funnel.cohort;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.PeriodSpan;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LocalDays;
import dev.funnel.core.columnar.MoneyColumn;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.columnar.TouchColumns;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * The cohort tables of a dataset computed over its columns ({@link Columns}): the one route behind
 * {@link Cohorts#table}, {@link Cohorts#byFirstPayment}, {@link Cohorts#byGroup} and {@link
 * Cohorts#ltvToCac}. One pass per customer over its contiguous, time-sorted payment rows, counts in
 * flat {@code long[]} accumulators per cohort, revenue as long sums of the amounts' unscaled values.
 *
 * <p>Definitions are those of {@link CohortState#result()} (docs/spec/metrics.md, "Cohorts and LTV"),
 * and the tables are equal records to the ones a {@link CohortState} fed the same payments and
 * anchors ({@link Cohorts#anchorLead}) gives (a test proves it on random datasets):
 * <ul>
 *   <li>The calendar period of an instant is taken in the dataset zone, via the period starts of
 *       the data's time range as epoch milliseconds (a local date never changes within a
 *       millisecond, so sub-millisecond parts cannot move an instant to another period).</li>
 *   <li>A customer is a customer code; on an anchor basis a lead without a row in {@code leads}
 *       anchors the customer named by its own id, which may have no payments (then it gets an
 *       index after the customer codes). The anchor of a customer is its earliest anchor event; the
 *       data ends at the latest payment or anchor event.</li>
 *   <li>Revenue is exact: sums of scaled longs (continued in {@link BigInteger} on overflow), or
 *       {@link BigDecimal} sums when the payment column is not {@link MoneyColumn#scaled()}. Each
 *       sum carries the scale that adding the given amounts as {@link BigDecimal}s to zero gives:
 *       the largest of their own scales ({@link MoneyColumn#scale(int)}), at least 0.</li>
 *   <li>As of an instant (null: no cut), payments and anchor events stamped after it are left out
 *       as if the data ended there; they compare on epoch milliseconds and, on a tie, on the exact
 *       instant, so an event at the as-of instant itself is in.</li>
 * </ul>
 */
final class ColumnarCohorts {

  private ColumnarCohorts() {}

  /** No anchor event. */
  private static final long NONE = Long.MAX_VALUE;

  /** The cohort table on a basis. */
  static CohortTable table(Columns columns, Granularity g, CohortBasis basis) {
    return table(columns, g, basis, null, Cohorts.DEFAULT_MAX_PERIODS);
  }

  /**
   * The cohort table on a basis as of an instant (null: all the data), of data spanning at most
   * {@code maxPeriods} periods.
   */
  static CohortTable table(Columns columns, Granularity g, CohortBasis basis, Instant asOf,
      int maxPeriods) {
    if (columns == null || g == null || basis == null) {
      throw new IllegalArgumentException("columns, granularity and cohort basis are required");
    }
    require(columns, DatasetTable.PAYMENTS, "cohort tables");
    Cut cut = new Cut(asOf);
    long[] anchors = null;
    if (basis != CohortBasis.PAYMENT) {
      anchors = anchors(columns, basis, cut);
    }
    int customers = anchors == null ? columns.customers().size() : anchors.length;
    CohortTable t = compute(columns, g, basis, anchors, new int[customers], 1, cut, maxPeriods)[0];
    return t != null ? t : new CohortTable(g, columns.zone(), basis, null, List.of(), 0,
        BigDecimal.ZERO, 0, BigDecimal.ZERO);
  }

  /**
   * Cohort tables by first positive payment, one per group of customers: {@code groupOf[customer
   * code]} in {@code [0, groups)}; a group without paying customers gets null. Every table runs to
   * the last payment of all groups (at or before {@code asOf}; null: no cut), and the payments span
   * at most {@code maxPeriods} periods.
   */
  static CohortTable[] byGroup(Columns columns, Granularity g, int[] groupOf, int groups,
      Instant asOf, int maxPeriods) {
    require(columns, DatasetTable.PAYMENTS, "cohort tables");
    return compute(columns, g, CohortBasis.PAYMENT, null, groupOf, groups, new Cut(asOf),
        maxPeriods);
  }

  /**
   * The as-of cut: whether a time is after the as-of instant, on epoch milliseconds and, only on a
   * tie, on the exact instant.
   */
  static final class Cut {
    private final Instant asOf;
    private final long ms;

    Cut(Instant asOf) {
      this.asOf = asOf;
      this.ms = asOf == null ? Long.MAX_VALUE : millis(asOf);
    }

    /** Whether the time {@code at} (epoch millis) of an event is after the as-of instant. */
    boolean after(long at, IntFunction<Instant> exact, int row) {
      return asOf != null && (at > ms || (at == ms && exact.apply(row).isAfter(asOf)));
    }

    /** The end of a time-sorted row range {@code [from, to)} cut at the as-of instant. */
    int end(int from, int to, IntToLongFunction at,
        IntFunction<Instant> exact) {
      int t = to;
      while (t > from && after(at.applyAsLong(t - 1), exact, t - 1)) {
        t--;
      }
      return t;
    }

    private static long millis(Instant t) {
      try {
        return t.toEpochMilli();
      } catch (ArithmeticException e) {
        return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
    }
  }

  static void require(Columns columns, DatasetTable table, String what) {
    if (!columns.has(table)) {
      throw new IllegalStateException(
          what + " need the " + table.fileName() + " table, which this dataset does not have");
    }
  }

  /**
   * The earliest anchor event per customer in epoch milliseconds ({@link #NONE} without one):
   * customer codes first, then one index per lead without a row whose id is not a customer code.
   */
  private static long[] anchors(Columns c, CohortBasis basis, Cut cut) {
    LeadColumns leads = c.leads();
    int n = leads.size();
    int codes = c.customers().size();
    int[] customer = new int[n];
    boolean[] row = new boolean[n]; // a lead created after the as-of instant has no row yet
    int extra = 0;
    // the exact instants, only asked for on a tie with the as-of millisecond (made once, here)
    IntFunction<Instant> created = leads::created;
    for (int i = 0; i < n; i++) {
      row[i] = leads.hasRow(i) && !cut.after(leads.createdAt(i), created, i);
      if (row[i]) {
        customer[i] = leads.customer(i);
      } else {
        int code = c.customers().find(leads.id(i));
        customer[i] = code >= 0 ? code : codes + extra++;
      }
    }
    long[] first = new long[codes + extra];
    Arrays.fill(first, NONE);
    switch (basis) {
      case LEAD -> {
        require(c, DatasetTable.LEADS, "cohorts by lead creation");
        for (int i = 0; i < n; i++) {
          if (row[i]) {
            first[customer[i]] = Math.min(first[customer[i]], leads.createdAt(i));
          }
        }
      }
      case TOUCH -> {
        require(c, DatasetTable.TOUCHES, "cohorts by first touch");
        TouchColumns t = c.touches();
        IntFunction<Instant> touched = t::instant;
        for (int i = 0; i < n; i++) {
          // sorted by time: the lead's first touch is its earliest
          if (t.from(i) < t.to(i) && !cut.after(t.at(t.from(i)), touched, t.from(i))) {
            first[customer[i]] = Math.min(first[customer[i]], t.at(t.from(i)));
          }
        }
      }
      case SQL -> {
        require(c, DatasetTable.STAGES, "cohorts by SQL date");
        StageCatalog catalog = c.catalog();
        Stage sql = Cohorts.sqlStage(catalog);
        boolean[] anchoring = new boolean[catalog.size()];
        for (int k = 0; k < anchoring.length; k++) {
          Stage s = catalog.get(k);
          anchoring[k] = !s.exit() && s.index() >= sql.index();
        }
        StageColumns s = c.stages();
        IntFunction<Instant> changed = s::instant;
        for (int i = 0; i < n; i++) {
          for (int r = s.from(i); r < s.to(i); r++) {
            if (anchoring[s.stage(r)]) {
              if (!cut.after(s.at(r), changed, r)) {
                first[customer[i]] = Math.min(first[customer[i]], s.at(r));
              }
              break; // sorted by time: the first anchoring row is the earliest
            }
          }
        }
      }
      default -> throw new AssertionError(basis);
    }
    return first;
  }

  /** The latest anchor event of the basis (epoch milliseconds), {@code Long.MIN_VALUE} when none. */
  private static long lastAnchor(Columns c, CohortBasis basis, Cut cut) {
    long last = Long.MIN_VALUE;
    LeadColumns leads = c.leads();
    switch (basis) {
      case LEAD -> {
        IntFunction<Instant> created = leads::created;
        for (int i = 0; i < leads.size(); i++) {
          if (leads.hasRow(i) && !cut.after(leads.createdAt(i), created, i)) {
            last = Math.max(last, leads.createdAt(i));
          }
        }
      }
      case TOUCH -> {
        TouchColumns t = c.touches();
        IntToLongFunction at = t::at;
        IntFunction<Instant> touched = t::instant;
        for (int i = 0; i < leads.size(); i++) {
          int end = cut.end(t.from(i), t.to(i), at, touched);
          if (t.from(i) < end) {
            last = Math.max(last, t.at(end - 1));
          }
        }
      }
      case SQL -> {
        StageCatalog catalog = c.catalog();
        Stage sql = Cohorts.sqlStage(catalog);
        StageColumns s = c.stages();
        IntFunction<Instant> changed = s::instant;
        for (int r = 0; r < s.size(); r++) {
          Stage st = catalog.get(s.stage(r));
          if (!st.exit() && st.index() >= sql.index() && !cut.after(s.at(r), changed, r)) {
            last = Math.max(last, s.at(r));
          }
        }
      }
      default -> {
        // payment basis: no anchors
      }
    }
    return last;
  }

  /**
   * The tables of each group. {@code anchors} (null on the payment basis) gives each customer's
   * anchor and may extend past the customer codes (customers without payments). The data, from
   * the earliest payment or anchor to the latest, may span at most {@code maxPeriods} periods: it
   * is checked before anything per period is allocated (as {@link CohortState#result(int)} does).
   */
  private static CohortTable[] compute(Columns columns, Granularity g, CohortBasis basis,
      long[] anchors, int[] groupOf, int groups, Cut cut, int maxPeriods) {
    ZoneId zone = columns.zone();
    PaymentColumns p = columns.payments();
    MoneyColumn amount = p.amount();
    int n = p.size();
    int codes = columns.customers().size();
    long minAt = Long.MAX_VALUE;
    long maxAt = Long.MIN_VALUE;
    IntToLongFunction paidMs = p::at;
    IntFunction<Instant> paid = p::instant;
    for (int i = 0; i < n; i++) {
      long t = p.at(i);
      if (cut.after(t, paid, i)) {
        continue;
      }
      minAt = Math.min(minAt, t);
      maxAt = Math.max(maxAt, t);
    }
    if (anchors != null) {
      for (long a : anchors) {
        minAt = Math.min(minAt, a); // NONE is the largest long: never the minimum of real times
      }
      maxAt = Math.max(maxAt, lastAnchor(columns, basis, cut));
    }
    Acc[] acc = new Acc[groups];
    if (maxAt == Long.MIN_VALUE) { // no payment and no anchor: no customer in any group
      return new CohortTable[groups];
    }
    long firstOrd = ordinal(g, zone, minAt);
    long lastOrd = ordinal(g, zone, maxAt);
    int span = PeriodSpan.count("the cohort table", PeriodOrdinal.period(g, firstOrd),
        PeriodOrdinal.period(g, lastOrd), maxPeriods);
    // starts[i] = first millisecond of period firstOrd + i; starts[span] = end of the last one
    long[] starts = new long[span + 1];
    for (int i = 0; i <= span; i++) {
      starts[i] = PeriodOrdinal.period(g, firstOrd + i).startInstant(zone).toEpochMilli();
    }
    int customers = anchors == null ? codes : anchors.length;
    for (int c = 0; c < customers; c++) {
      int from = c < codes ? p.from(c) : 0;
      int to = c < codes ? cut.end(from, p.to(c), paidMs, paid) : 0;
      int cohort;
      if (anchors == null) {
        if (from == to) {
          continue;
        }
        int first = -1;
        for (int r = from; r < to; r++) {
          if (amount.signum(r) > 0) {
            first = r;
            break;
          }
        }
        cohort = first < 0 ? -1 : LocalDays.index(starts, p.at(first));
      } else {
        if (anchors[c] == NONE) {
          if (from == to) {
            continue; // neither payments nor an anchor: not a customer of the table
          }
          cohort = -1;
        } else {
          cohort = LocalDays.index(starts, anchors[c]);
        }
      }
      int group = groupOf[c];
      Acc a = acc[group];
      if (a == null) {
        a = new Acc(span, amount);
        acc[group] = a;
      }
      if (cohort < 0) {
        a.outside++;
        for (int r = from; r < to; r++) {
          a.revenueOutside.add(0, r);
        }
        continue;
      }
      a.customer(c, cohort, from, to, p, starts);
    }
    CohortTable[] out = new CohortTable[groups];
    Period last = PeriodOrdinal.period(g, lastOrd);
    for (int k = 0; k < groups; k++) {
      if (acc[k] != null) {
        out[k] = acc[k].table(g, zone, basis, firstOrd, last);
      }
    }
    return out;
  }

  private static long ordinal(Granularity g, ZoneId zone, long millis) {
    return PeriodOrdinal.of(g, LocalDays.of(millis, zone));
  }

  /** The accumulators of one table: per cohort (period index from the first period) flat arrays. */
  private static final class Acc {
    final int span;
    final MoneyColumn amount;
    final long[] size;
    final long[][] active;
    final long[][] retained;
    final long[][] lastActiveAt; // difference form of activeOnOrAfter
    final long[][] orders;
    final Sums[] revenue;
    long outside;
    final Sums revenueOutside;
    long before;
    final Sums revenueBefore;

    Acc(int span, MoneyColumn amount) {
      this.span = span;
      this.amount = amount;
      size = new long[span];
      active = new long[span][];
      retained = new long[span][];
      lastActiveAt = new long[span][];
      orders = new long[span][];
      revenue = new Sums[span];
      revenueOutside = new Sums(1, amount);
      revenueBefore = new Sums(1, amount);
    }

    /** Adds a customer of cohort {@code cohort} with payment rows {@code [from, to)}. */
    void customer(int c, int cohort, int from, int to, PaymentColumns p, long[] starts) {
      if (active[cohort] == null) {
        int len = span - cohort;
        active[cohort] = new long[len];
        retained[cohort] = new long[len];
        lastActiveAt[cohort] = new long[len];
        orders[cohort] = new long[len];
        revenue[cohort] = new Sums(len, amount);
      }
      size[cohort]++;
      if (from == to) {
        return;
      }
      long[] act = active[cohort];
      long[] ret = retained[cohort];
      long[] ord = orders[cohort];
      Sums rev = revenue[cohort];
      int idx = LocalDays.index(starts, p.at(from)); // then walking forward: rows are in time order
      int lastCounted = Integer.MIN_VALUE;
      for (int r = from; r < to; r++) {
        long t = p.at(r);
        while (t >= starts[idx + 1]) {
          idx++;
        }
        int k = idx - cohort;
        if (k < 0) {
          before++;
          revenueBefore.add(0, r);
          continue;
        }
        rev.add(k, r);
        if (amount.signum(r) > 0) {
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
      if (lastCounted >= 0) {
        lastActiveAt[cohort][lastCounted]++;
      }
    }

    CohortTable table(Granularity g, ZoneId zone, CohortBasis basis, long firstOrd, Period last) {
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
          rv.add(revenue[c].value(k));
        }
        rows.add(new CohortRow(PeriodOrdinal.period(g, firstOrd + c), size[c],
            CohortState.longs(active[c]), CohortState.longs(retained[c]),
            CohortState.longs(onOrAfter), CohortState.longs(orders[c]), rv));
      }
      return new CohortTable(g, zone, basis, last, rows, outside, revenueOutside.value(0), before,
          revenueBefore.value(0));
    }
  }

  /**
   * Exact sums of payment amounts: longs of the unscaled values with a BigInteger carry once a sum
   * overflows, and the largest given scale per sum; BigDecimal sums for a column that is not
   * scaled.
   */
  private static final class Sums {
    private final MoneyColumn amount;
    private final long[] low;
    private final int[] scale;
    private BigInteger[] carry;
    private final BigDecimal[] exact;

    Sums(int n, MoneyColumn amount) {
      this.amount = amount;
      if (amount.scaled()) {
        low = new long[n];
        scale = new int[n];
        exact = null;
      } else {
        low = null;
        scale = null;
        exact = new BigDecimal[n];
        Arrays.fill(exact, BigDecimal.ZERO);
      }
    }

    /** Adds the amount of payment row {@code row} to sum {@code k}. */
    void add(int k, int row) {
      if (exact != null) {
        exact[k] = exact[k].add(amount.value(row));
        return;
      }
      long u = amount.unscaled(row);
      int s = amount.givenScale(row);
      if (s > scale[k]) {
        scale[k] = s;
      }
      long sum = low[k] + u;
      if (((low[k] ^ sum) & (u ^ sum)) < 0) { // overflow: move the sum so far into the carry
        if (carry == null) {
          carry = new BigInteger[low.length];
        }
        BigInteger c = carry[k] == null ? BigInteger.ZERO : carry[k];
        carry[k] = c.add(BigInteger.valueOf(low[k])).add(BigInteger.valueOf(u));
        low[k] = 0;
      } else {
        low[k] = sum;
      }
    }

    /** The exact sum {@code k} at the largest scale of its amounts (0 when none). */
    BigDecimal value(int k) {
      if (exact != null) {
        return exact[k];
      }
      BigInteger v = BigInteger.valueOf(low[k]);
      if (carry != null && carry[k] != null) {
        v = v.add(carry[k]);
      }
      // exact: every amount is a multiple of 10^-(its scale), so the sum is one of 10^-scale[k]
      return new BigDecimal(v, amount.scale()).setScale(scale[k], RoundingMode.UNNECESSARY);
    }
  }
}
