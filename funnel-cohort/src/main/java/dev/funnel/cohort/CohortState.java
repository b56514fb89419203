package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import dev.funnel.core.MergeableState;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PeriodSpan;
import dev.funnel.core.StateType;
import dev.funnel.core.internal.StateBytes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The mergeable partial state of a cohort table: per customer and calendar period, the number of
 * positive payments and the exact sum of all payments (refunds included), plus the last period
 * seen. Because a customer's cohort (the period of the first positive payment) may only be known
 * after all parts are merged, the state keeps customers apart; it is exact (integer counts and
 * {@link BigDecimal} sums), so merging parts in any grouping and order gives the same table as one
 * pass over all payments.
 *
 * <p>The same state gives the cohort table ({@link #result()}) and the recurring-revenue bridge
 * ({@link #bridge()}).
 *
 * <p>Laws (tested): {@code empty.merge(s)} equals {@code s}; merge is commutative and
 * associative; the merge of the states of the parts of a payment list equals the state of the
 * whole list. A state is a mutable accumulator confined to one thread while {@link #add(Payment)}
 * is called; {@link #merge(CohortState)} returns a new state and leaves both inputs unchanged;
 * {@link #result()} returns an immutable table.
 */
public final class CohortState implements MergeableState<CohortState> {

  /** How generic code (a Spark aggregator, a checkpoint) reads and merges this state. */
  public static final StateType<CohortState> TYPE = StateType.of("cohort-state", CohortState.class, CohortState::fromBytes);

  private final Granularity granularity;
  private final ZoneId zone;
  private final CohortBasis basis;
  private final Map<String, Long> anchors = new HashMap<>();
  private final Map<String, TreeMap<Long, Cell>> customers = new HashMap<>();
  private long lastOrdinal = Long.MIN_VALUE;

  private static final class Cell {
    long payments;
    long orders;
    BigDecimal revenue = BigDecimal.ZERO;

    Cell copy() {
      Cell c = new Cell();
      c.payments = payments;
      c.orders = orders;
      c.revenue = revenue;
      return c;
    }
  }

  CohortState(Granularity granularity, ZoneId zone, CohortBasis basis) {
    if (granularity == null) {
      throw new IllegalArgumentException("cohort granularity is required");
    }
    if (zone == null) {
      throw new IllegalArgumentException("the dataset time zone is required");
    }
    if (basis == null) {
      throw new IllegalArgumentException("cohort basis is required");
    }
    this.granularity = granularity;
    this.zone = zone;
    this.basis = basis;
  }

  /** What puts a customer into a cohort. */
  public CohortBasis basis() {
    return basis;
  }

  /**
   * Records an event that places the customer in a cohort (a lead creation, first touch or SQL
   * date, according to the basis); the earliest one counts. Anchored customers belong to their
   * cohort even when they never pay.
   *
   * @return this state
   * @throws IllegalArgumentException for the payment basis (its cohorts come from the payments),
   *     or a null argument
   */
  public CohortState anchor(String customerId, java.time.Instant at) {
    if (basis == CohortBasis.PAYMENT) {
      throw new IllegalArgumentException(
          "cohorts by first payment take no anchors; use the touch, lead or sql basis");
    }
    if (customerId == null || at == null) {
      throw new IllegalArgumentException("an anchor needs a customer id and an instant");
    }
    long ordinal = PeriodOrdinal.of(granularity, LocalDate.ofInstant(at, zone));
    anchors.merge(customerId, ordinal, Math::min);
    lastOrdinal = Math.max(lastOrdinal, ordinal);
    return this;
  }

  /** The period length. */
  public Granularity granularity() {
    return granularity;
  }

  /** The time zone in which payment instants become calendar days. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Adds one payment: its calendar period in the zone, counted as an order when positive, its
   * amount summed into the period's revenue whatever its sign.
   *
   * @return this state
   * @throws IllegalArgumentException when the payment is null
   */
  public CohortState add(Payment p) {
    if (p == null) {
      throw new IllegalArgumentException("payment must not be null");
    }
    long ordinal = PeriodOrdinal.of(granularity, LocalDate.ofInstant(p.paidAt(), zone));
    Cell c = customers.computeIfAbsent(p.customerId(), k -> new TreeMap<>())
        .computeIfAbsent(ordinal, k -> new Cell());
    c.payments++;
    BigDecimal amount = p.amount().amount();
    if (amount.signum() > 0) {
      c.orders++;
    }
    c.revenue = c.revenue.add(amount);
    lastOrdinal = Math.max(lastOrdinal, ordinal);
    return this;
  }

  /**
   * Makes the data end no earlier than {@code ordinal} (the end of data seen elsewhere, e.g. in
   * other channels' payments); a max, so it commutes with merging.
   */
  void extendTo(long ordinal) {
    lastOrdinal = Math.max(lastOrdinal, ordinal);
  }

  /** The ordinal of the last period seen, {@code Long.MIN_VALUE} when none. */
  long lastOrdinal() {
    return lastOrdinal;
  }

  /**
   * A new state holding both this one's payments and the other's.
   *
   * @throws IllegalArgumentException when granularity, zone or basis differ
   * @throws ArithmeticException when a count of payments would exceed a long
   */
  @Override
  public CohortState merge(CohortState other) {
    Objects.requireNonNull(other, "other");
    if (other.granularity != granularity || !other.zone.equals(zone) || other.basis != basis) {
      throw new IllegalArgumentException(
          "cannot merge cohort states of " + granularity.label() + "/" + zone + "/"
              + basis.label() + " and " + other.granularity.label() + "/" + other.zone + "/"
              + other.basis.label());
    }
    CohortState m = new CohortState(granularity, zone, basis);
    m.anchors.putAll(anchors);
    other.anchors.forEach((k, v) -> m.anchors.merge(k, v, Math::min));
    m.lastOrdinal = Math.max(lastOrdinal, other.lastOrdinal);
    for (CohortState s : new CohortState[] {this, other}) {
      for (Map.Entry<String, TreeMap<Long, Cell>> e : s.customers.entrySet()) {
        TreeMap<Long, Cell> target = m.customers.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
        for (Map.Entry<Long, Cell> ce : e.getValue().entrySet()) {
          Cell have = target.get(ce.getKey());
          if (have == null) {
            target.put(ce.getKey(), ce.getValue().copy());
          } else {
            have.payments = Math.addExact(have.payments, ce.getValue().payments);
            have.orders = Math.addExact(have.orders, ce.getValue().orders);
            have.revenue = have.revenue.add(ce.getValue().revenue);
          }
        }
      }
    }
    return m;
  }

  /**
   * The cohort table of the payments added so far, within {@link Cohorts#DEFAULT_MAX_PERIODS}.
   *
   * @throws IllegalArgumentException when the data spans more periods than that
   */
  public CohortTable result() {
    return result(Cohorts.DEFAULT_MAX_PERIODS);
  }

  /**
   * The cohort table of the payments added so far. Its work and size grow with the square of the
   * periods the data spans (a row per cohort period, each to the end of the data), so the span,
   * from the earliest payment or anchor to the latest, is checked first.
   *
   * @param maxPeriods the most periods the data may span (see {@link PeriodSpan})
   * @throws IllegalArgumentException when the data spans more than {@code maxPeriods} periods
   *     (the message names the span and the limit), or {@code maxPeriods} is below 1
   * @throws ArithmeticException when a cohort's orders in a period would exceed a long
   */
  public CohortTable result(int maxPeriods) {
    PeriodSpan.requireLimit(maxPeriods);
    long first = lastOrdinal;
    for (TreeMap<Long, Cell> cells : customers.values()) {
      first = Math.min(first, cells.firstKey());
    }
    for (long a : anchors.values()) {
      first = Math.min(first, a);
    }
    if (lastOrdinal != Long.MIN_VALUE) {
      PeriodSpan.count("the cohort table", PeriodOrdinal.period(granularity, first),
          PeriodOrdinal.period(granularity, lastOrdinal), maxPeriods);
    }
    TreeMap<Long, Acc> cohorts = new TreeMap<>();
    long withoutPurchase = 0;
    BigDecimal revenueWithoutPurchase = BigDecimal.ZERO;
    BigDecimal revenueBefore = BigDecimal.ZERO;
    long paymentsBefore = 0;
    java.util.Set<String> ids = new java.util.HashSet<>(customers.keySet());
    ids.addAll(anchors.keySet());
    TreeMap<Long, Cell> none = new TreeMap<>();
    for (String id : ids) {
      TreeMap<Long, Cell> cells = customers.getOrDefault(id, none);
      Long cohort = null;
      if (basis == CohortBasis.PAYMENT) {
        for (Map.Entry<Long, Cell> e : cells.entrySet()) {
          if (e.getValue().orders > 0) {
            cohort = e.getKey();
            break;
          }
        }
      } else {
        cohort = anchors.get(id);
      }
      if (cohort == null) {
        withoutPurchase++;
        for (Cell c : cells.values()) {
          revenueWithoutPurchase = revenueWithoutPurchase.add(c.revenue);
        }
        continue;
      }
      final long start = cohort;
      Acc acc = cohorts.computeIfAbsent(start, k -> new Acc((int) (lastOrdinal - k + 1)));
      acc.size++;
      long lastActive = start - 1; // none yet
      for (Map.Entry<Long, Cell> e : cells.entrySet()) {
        if (e.getValue().orders > 0 && e.getKey() >= start) {
          lastActive = e.getKey();
        }
      }
      if (lastActive >= start) {
        acc.lastActiveAt[(int) (lastActive - start)]++; // summed from the end into onOrAfter
      }
      for (Map.Entry<Long, Cell> e : cells.entrySet()) {
        Cell c = e.getValue();
        int k = (int) (e.getKey() - start);
        if (k < 0) {
          paymentsBefore = Math.addExact(paymentsBefore, c.payments);
          revenueBefore = revenueBefore.add(c.revenue);
          continue;
        }
        acc.orders[k] = Math.addExact(acc.orders[k], c.orders);
        acc.revenue[k] = acc.revenue[k].add(c.revenue);
        if (c.orders > 0) {
          acc.active[k]++;
          Cell previous = k > 0 ? cells.get(e.getKey() - 1) : null;
          if (previous != null && previous.orders > 0) {
            acc.retained[k]++;
          }
        }
      }
    }
    for (Acc a : cohorts.values()) {
      long running = 0;
      for (int k = a.onOrAfter.length - 1; k >= 0; k--) {
        running += a.lastActiveAt[k];
        a.onOrAfter[k] = running;
      }
    }
    List<CohortRow> rows = new ArrayList<>(cohorts.size());
    for (Map.Entry<Long, Acc> e : cohorts.entrySet()) {
      Acc a = e.getValue();
      rows.add(
          new CohortRow(
              PeriodOrdinal.period(granularity, e.getKey()),
              a.size,
              longs(a.active),
              longs(a.retained),
              longs(a.onOrAfter),
              longs(a.orders),
              List.of(a.revenue)));
    }
    Period last = lastOrdinal == Long.MIN_VALUE ? null : PeriodOrdinal.period(granularity, lastOrdinal);
    return new CohortTable(
        granularity, zone, basis, last, rows, withoutPurchase, revenueWithoutPurchase, paymentsBefore,
        revenueBefore);
  }

  /** The counts as a list, for a {@link CohortRow} (shared with {@link ColumnarCohorts}). */
  static List<Long> longs(long[] a) {
    List<Long> l = new ArrayList<>(a.length);
    for (long v : a) {
      l.add(v);
    }
    return l;
  }

  private static final class Acc {
    long size;
    final long[] active;
    final long[] retained;
    final long[] onOrAfter;
    final long[] lastActiveAt; // customers whose last active period is k: onOrAfter's difference form
    final long[] orders;
    final BigDecimal[] revenue;

    Acc(int n) {
      active = new long[n];
      retained = new long[n];
      onOrAfter = new long[n];
      lastActiveAt = new long[n];
      orders = new long[n];
      revenue = new BigDecimal[n];
      java.util.Arrays.fill(revenue, BigDecimal.ZERO);
    }
  }

  /**
   * The recurring-revenue bridge of the payments added so far, within {@link PeriodSpan#DEFAULT_MAX}
   * periods.
   *
   * @throws IllegalArgumentException when the payments span more periods than that
   */
  public RecurringRevenueBridge bridge() {
    return bridge(PeriodSpan.DEFAULT_MAX);
  }

  /**
   * The recurring-revenue bridge of the payments added so far, one {@link BridgePeriod} per
   * period from the first payment's period to the last one (see there for the classification).
   *
   * @param maxPeriods the most periods the bridge may span (see {@link PeriodSpan})
   * @throws IllegalArgumentException when it would span more, or {@code maxPeriods} is below 1
   */
  public RecurringRevenueBridge bridge(int maxPeriods) {
    PeriodSpan.requireLimit(maxPeriods);
    if (customers.isEmpty()) {
      return new RecurringRevenueBridge(granularity, List.of());
    }
    long first = Long.MAX_VALUE;
    int most = 0;
    for (TreeMap<Long, Cell> cells : customers.values()) {
      first = Math.min(first, cells.firstKey());
      most = Math.max(most, cells.size());
    }
    BridgeWalk walk = new BridgeWalk(granularity, first, lastOrdinal, maxPeriods);
    long[] ordinals = new long[most];
    BigDecimal[] revenue = new BigDecimal[most];
    for (TreeMap<Long, Cell> cells : customers.values()) {
      int i = 0;
      for (Map.Entry<Long, Cell> e : cells.entrySet()) {
        ordinals[i] = e.getKey();
        revenue[i++] = e.getValue().revenue;
      }
      walk.customer(ordinals, revenue, i);
    }
    return walk.result();
  }

  // ---- stable byte form (additive: toBytes, fromBytes, equals, hashCode) ----

  /** Version of the byte form of {@link #toBytes()}. */
  static final byte VERSION = 1;

  private static final String WHAT = "cohort state";

  /**
   * The stable byte form (layout of {@code StateBytes}, version 1), so equal
   * states give equal bytes; decimals are limited as {@code StateBytes} says. A period is its
   * ordinal: the epoch day for days, floor((epoch day +
   * 3) / 7) for ISO weeks, 12 x year + month - 1 for months, 4 x year + quarter - 1 for quarters,
   * the year for years (consecutive periods have consecutive ordinals).
   *
   * <pre>
   * byte    version (1)
   * string  granularity (DAY ... YEAR)
   * string  zone id
   * string  basis (PAYMENT, TOUCH, LEAD, SQL)
   * long    ordinal of the last period seen (Long.MIN_VALUE when none)
   * int a                  anchors, sorted by customer id
   *   string, long         customer id, ordinal of its cohort period
   * int c                  customers with payments, sorted by id
   *   string               customer id
   *   int k                periods with payments, ascending
   *     long               period ordinal
   *     long, long         payments, positive payments (orders)
   *     decimal            sum of amounts, refunds included
   * </pre>
   *
   * @throws IllegalArgumentException when a sum exceeds the decimal limits of {@code StateBytes}
   */
  @Override
  public byte[] toBytes() {
    StateBytes.Writer w = new StateBytes.Writer(VERSION);
    w.writeString(granularity.name()).writeString(zone.getId()).writeString(basis.name());
    w.writeLong(lastOrdinal);
    TreeMap<String, Long> a = new TreeMap<>(anchors);
    w.writeInt(a.size());
    a.forEach((id, ordinal) -> w.writeString(id).writeLong(ordinal));
    TreeMap<String, TreeMap<Long, Cell>> c = new TreeMap<>(customers);
    w.writeInt(c.size());
    for (Map.Entry<String, TreeMap<Long, Cell>> e : c.entrySet()) {
      w.writeString(e.getKey()).writeInt(e.getValue().size());
      for (Map.Entry<Long, Cell> ce : e.getValue().entrySet()) {
        Cell cell = ce.getValue();
        w.writeLong(ce.getKey()).writeLong(cell.payments).writeLong(cell.orders)
            .writeDecimal(cell.revenue);
      }
    }
    return w.toByteArray();
  }

  /**
   * Reads the byte form of {@link #toBytes()}.
   *
   * @throws IllegalArgumentException on null, empty, truncated or trailing bytes, another version,
   *     an unknown granularity, zone or basis, anchors on the payment basis, repeated or unsorted
   *     ids or periods, negative counts, more orders than payments, a period with no payments, a
   *     period after the last one or outside the calendar, or a decimal beyond the limits of
   *     {@code StateBytes}. How many periods the state spans is checked by {@link #result(int)}
   *     and {@link #bridge(int)}, whose limit is the caller's.
   */
  public static CohortState fromBytes(byte[] data) {
    StateBytes.Reader r = new StateBytes.Reader(data, WHAT, VERSION);
    CohortState s;
    try {
      s = new CohortState(Granularity.valueOf(r.readString("granularity")),
          ZoneId.of(r.readString("zone")), CohortBasis.valueOf(r.readString("basis")));
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      throw r.malformed(e.getMessage());
    }
    s.lastOrdinal = r.readLong();
    if (s.lastOrdinal != Long.MIN_VALUE) {
      checkOrdinal(r, s.granularity, s.lastOrdinal, "last period");
    }
    int a = r.readSize("anchor count");
    if (a > 0 && s.basis == CohortBasis.PAYMENT) {
      throw r.malformed("a payment-basis state has " + a + " anchors");
    }
    String previous = null;
    for (int i = 0; i < a; i++) {
      String id = r.readString("customer id");
      if (previous != null && previous.compareTo(id) >= 0) {
        throw r.malformed("anchor ids are not sorted and distinct at '" + id + "'");
      }
      previous = id;
      long ordinal = checkOrdinal(r, s.granularity, r.readLong(), "anchor period");
      if (ordinal > s.lastOrdinal) {
        throw r.malformed("anchor of '" + id + "' is after the last period");
      }
      s.anchors.put(id, ordinal);
    }
    int c = r.readSize("customer count");
    previous = null;
    for (int i = 0; i < c; i++) {
      String id = r.readString("customer id");
      if (previous != null && previous.compareTo(id) >= 0) {
        throw r.malformed("customer ids are not sorted and distinct at '" + id + "'");
      }
      previous = id;
      int k = r.readSize("period count");
      if (k == 0) {
        throw r.malformed("customer '" + id + "' has no periods");
      }
      TreeMap<Long, Cell> cells = new TreeMap<>();
      long last = Long.MIN_VALUE;
      for (int j = 0; j < k; j++) {
        long ordinal = checkOrdinal(r, s.granularity, r.readLong(), "payment period");
        if (j > 0 && ordinal <= last) {
          throw r.malformed("periods of '" + id + "' are not ascending");
        }
        if (ordinal > s.lastOrdinal) {
          throw r.malformed("a payment of '" + id + "' is after the last period");
        }
        last = ordinal;
        Cell cell = new Cell();
        cell.payments = r.readCount("payments");
        cell.orders = r.readCount("orders");
        if (cell.payments == 0 || cell.orders > cell.payments) {
          throw r.malformed("period of '" + id + "' has " + cell.payments + " payments and "
              + cell.orders + " orders");
        }
        cell.revenue = r.readDecimal("revenue");
        cells.put(ordinal, cell);
      }
      s.customers.put(id, cells);
    }
    r.end();
    return s;
  }

  /** The ordinal when it is the ordinal of a calendar period of the granularity. */
  private static long checkOrdinal(StateBytes.Reader r, Granularity g, long ordinal, String field) {
    try {
      if (PeriodOrdinal.of(g, PeriodOrdinal.period(g, ordinal).start()) == ordinal) {
        return ordinal;
      }
    } catch (java.time.DateTimeException e) {
      // out of the calendar's range: reported below
    }
    throw r.malformed(field + " ordinal " + ordinal + " is not a " + g.label() + " of the calendar");
  }

  /** Equal when granularity, zone, basis, anchors, payments and the last period are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CohortState c && java.util.Arrays.equals(c.toBytes(), toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "CohortState[" + granularity.label() + ", " + basis.label() + ", "
        + customers.size() + " paying customers, " + anchors.size() + " anchors]";
  }
}
