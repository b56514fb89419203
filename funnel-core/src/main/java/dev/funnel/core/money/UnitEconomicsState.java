package dev.funnel.core.money;

import dev.funnel.core.MergeableState;
import dev.funnel.core.StateType;
import dev.funnel.core.internal.StateBytes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable partial state of unit economics: per (channel, campaign), exact spend, lead and
 * new-customer counts and exact revenue, plus the revenue of marketing-sourced customers.
 *
 * <p>Protocol: {@link #empty()}, the {@code add...} methods (they mutate; not thread-safe),
 * {@link #merge(UnitEconomicsState)} (a new state; associative, commutative, identity {@code
 * empty()}), {@link #result}. Facts are added already resolved to a channel and campaign: the state
 * does not know the dataset. A null campaign is kept as its own key (shown as {@code (none)}).
 *
 * <p>Spend rows are counted as well as summed: a key without a spend row has unknown spend, not
 * zero spend (an organic channel whose cost nobody recorded), so its CPL, CAC, ROMI and DRR are
 * undefined ({@link UnitRow#undefined}); a key whose spend rows sum to zero spent nothing.
 */
public final class UnitEconomicsState implements MergeableState<UnitEconomicsState> {

  /** How generic code (a Spark aggregator, a checkpoint) reads and merges this state. */
  public static final StateType<UnitEconomicsState> TYPE = StateType.of("unit-economics-state", UnitEconomicsState.class, UnitEconomicsState::fromBytes);

  /** Totals of one (channel, campaign) key. */
  private static final class Acc {
    BigDecimal spend = BigDecimal.ZERO;
    long spendRows;
    long leads;
    long customers;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal marketingRevenue = BigDecimal.ZERO;

    /** Adds the other totals; counts with {@link Math#addExact}. */
    void add(Acc o) {
      spend = spend.add(o.spend);
      spendRows = Math.addExact(spendRows, o.spendRows);
      leads = Math.addExact(leads, o.leads);
      customers = Math.addExact(customers, o.customers);
      revenue = revenue.add(o.revenue);
      marketingRevenue = marketingRevenue.add(o.marketingRevenue);
    }
  }

  private record Key(String channel, String campaign) {}

  private static final Comparator<Key> ORDER = Comparator.comparing(Key::channel)
      .thenComparing(Key::campaign, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** The campaign label of spend, leads or customers without a campaign. */
  public static final String NO_CAMPAIGN = "(none)";

  private final Map<Key, Acc> cells;

  private UnitEconomicsState(Map<Key, Acc> cells) {
    this.cells = cells;
  }

  /** Nothing added. */
  public static UnitEconomicsState empty() {
    return new UnitEconomicsState(new HashMap<>());
  }

  private Acc at(String channel, String campaign) {
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("a unit-economics fact needs a channel");
    }
    return cells.computeIfAbsent(new Key(channel, campaign), k -> new Acc());
  }

  /** Adds one spend row (its amount not negative). */
  public UnitEconomicsState addSpend(String channel, String campaign, BigDecimal amount) {
    return addSpend(channel, campaign, amount, 1);
  }

  /** Adds {@code rows} spend rows (at least one) whose amounts sum to {@code amount}. */
  UnitEconomicsState addSpend(String channel, String campaign, BigDecimal amount, long rows) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("spend must not be negative, got " + amount);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("spend comes in rows, got " + rows);
    }
    Acc a = at(channel, campaign);
    a.spend = a.spend.add(amount);
    a.spendRows += rows;
    return this;
  }

  /** Adds one lead created in the window. */
  public UnitEconomicsState addLead(String channel, String campaign) {
    at(channel, campaign).leads++;
    return this;
  }

  /** Adds {@code n} leads created in the window (a key is made only when n is positive). */
  UnitEconomicsState addLeads(String channel, String campaign, long n) {
    if (n > 0) {
      at(channel, campaign).leads += n;
    }
    return this;
  }

  /** Adds {@code n} new customers (a key is made only when n is positive). */
  UnitEconomicsState addCustomers(String channel, String campaign, long n) {
    if (n > 0) {
      at(channel, campaign).customers += n;
    }
    return this;
  }

  /** Adds one new customer (first positive payment in the window). */
  public UnitEconomicsState addCustomer(String channel, String campaign) {
    at(channel, campaign).customers++;
    return this;
  }

  /** Adds a payment (refunds negative) of a customer whose first lead came from the channel. */
  public UnitEconomicsState addRevenue(String channel, String campaign, BigDecimal amount, boolean marketing) {
    Acc a = at(channel, campaign);
    a.revenue = a.revenue.add(amount);
    if (marketing) {
      a.marketingRevenue = a.marketingRevenue.add(amount);
    }
    return this;
  }

  /**
   * The state of both; neither input changes.
   *
   * @throws ArithmeticException when a lead or customer count would exceed a long
   */
  @Override
  public UnitEconomicsState merge(UnitEconomicsState other) {
    Map<Key, Acc> m = new HashMap<>();
    for (Map<Key, Acc> src : List.of(cells, other.cells)) {
      for (Map.Entry<Key, Acc> e : src.entrySet()) {
        m.computeIfAbsent(e.getKey(), k -> new Acc()).add(e.getValue());
      }
    }
    return new UnitEconomicsState(m);
  }

  /**
   * The report.
   *
   * @param currency the dataset currency
   * @param margin   gross margin in [0, 1] for ROMI on profit, or null for revenue-based ROMI
   * @param window   a label of the window, for the report
   * @throws IllegalArgumentException for a margin outside [0, 1]
   * @throws ArithmeticException when a channel's or the total lead or customer count would exceed
   *     a long
   */
  public UnitReport result(String currency, BigDecimal margin, String window) {
    if (margin != null && (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("margin must be in [0, 1], got " + margin);
    }
    TreeMap<Key, Acc> sorted = new TreeMap<>(ORDER);
    sorted.putAll(cells);
    Map<String, Acc> byChannel = new TreeMap<>();
    Acc total = new Acc();
    List<UnitRow> campaigns = new ArrayList<>();
    for (Map.Entry<Key, Acc> e : sorted.entrySet()) {
      byChannel.computeIfAbsent(e.getKey().channel(), c -> new Acc()).add(e.getValue());
      total.add(e.getValue());
      String campaign = e.getKey().campaign() == null ? NO_CAMPAIGN : e.getKey().campaign();
      campaigns.add(row(e.getKey().channel(), campaign, e.getValue(), margin));
    }
    List<UnitRow> channels = new ArrayList<>();
    byChannel.forEach((c, a) -> channels.add(row(c, null, a, margin)));
    return new UnitReport(window, currency, margin,
        margin == null ? RomiBasis.REVENUE : RomiBasis.MARGIN, channels, campaigns,
        row(UnitReport.ALL, null, total, margin), total.marketingRevenue,
        ratio(total.marketingRevenue, total.revenue));
  }

  private static UnitRow row(String channel, String campaign, Acc a, BigDecimal margin) {
    BigDecimal gain = margin == null ? a.revenue : a.revenue.multiply(margin);
    boolean known = a.spendRows > 0; // no spend row: the spend is unknown, every ratio undefined
    return new UnitRow(channel, campaign, a.spend, a.spendRows, a.leads, a.customers, a.revenue,
        known ? ratio(a.spend, BigDecimal.valueOf(a.leads)) : Double.NaN,
        known ? ratio(a.spend, BigDecimal.valueOf(a.customers)) : Double.NaN,
        known ? ratio(gain.subtract(a.spend), a.spend) : Double.NaN,
        known ? ratio(a.spend, a.revenue) : Double.NaN);
  }

  static double ratio(BigDecimal num, BigDecimal den) {
    return den.signum() == 0 ? Double.NaN : num.divide(den, MathContext.DECIMAL64).doubleValue();
  }

  // ---- stable byte form (additive: toBytes, fromBytes, equals, hashCode) ----

  /**
   * Version of the byte form of {@link #toBytes()}: 2 since spend rows are counted (version 1
   * bytes, without the count, cannot tell unknown spend from zero spend and are refused).
   */
  static final byte VERSION = 2;

  private static final String WHAT = "unit-economics state";

  /**
   * The stable byte form (layout of {@code StateBytes}, version 2), so equal
   * states give equal bytes. Decimals are limited as {@code StateBytes} says:
   *
   * <pre>
   * byte    version (2)
   * int n                  keys, sorted by channel then campaign (absent campaign first)
   *   string               channel
   *   optional string      campaign
   *   decimal              spend
   *   long                 spend rows
   *   long, long           leads, new customers
   *   decimal, decimal     revenue, marketing-sourced revenue
   * </pre>
   *
   * @throws IllegalArgumentException when a sum exceeds the decimal limits of {@code StateBytes}
   */
  @Override
  public byte[] toBytes() {
    TreeMap<Key, Acc> sorted = new TreeMap<>(ORDER);
    sorted.putAll(cells);
    StateBytes.Writer w = new StateBytes.Writer(VERSION);
    w.writeInt(sorted.size());
    for (Map.Entry<Key, Acc> e : sorted.entrySet()) {
      Acc a = e.getValue();
      w.writeString(e.getKey().channel()).writeOptionalString(e.getKey().campaign())
          .writeDecimal(a.spend).writeLong(a.spendRows).writeLong(a.leads).writeLong(a.customers)
          .writeDecimal(a.revenue).writeDecimal(a.marketingRevenue);
    }
    return w.toByteArray();
  }

  /**
   * Reads the byte form of {@link #toBytes()}.
   *
   * @throws IllegalArgumentException on null, empty, truncated or trailing bytes, another version,
   *     a blank channel, keys out of order or repeated, negative spend, negative counts, spend
   *     without a row, or a decimal beyond the limits of {@code StateBytes}
   */
  public static UnitEconomicsState fromBytes(byte[] data) {
    StateBytes.Reader r = new StateBytes.Reader(data, WHAT, VERSION);
    Map<Key, Acc> cells = new HashMap<>();
    int n = r.readSize("key count");
    Key previous = null;
    for (int i = 0; i < n; i++) {
      String channel = r.readString("channel");
      if (channel.isBlank()) {
        throw r.malformed("a key has a blank channel");
      }
      Key key = new Key(channel, r.readOptionalString("campaign"));
      if (previous != null && ORDER.compare(previous, key) >= 0) {
        throw r.malformed("key " + channel + " / " + key.campaign() + " is out of order or repeated");
      }
      previous = key;
      Acc a = new Acc();
      a.spend = r.readDecimal("spend");
      if (a.spend.signum() < 0) {
        throw r.malformed("spend of " + channel + " is negative (" + a.spend + ")");
      }
      a.spendRows = r.readCount("spend rows");
      if (a.spendRows == 0 && a.spend.signum() != 0) {
        throw r.malformed("spend of " + channel + " is " + a.spend + " without a spend row");
      }
      a.leads = r.readCount("leads");
      a.customers = r.readCount("customers");
      a.revenue = r.readDecimal("revenue");
      a.marketingRevenue = r.readDecimal("marketing revenue");
      if (cells.put(key, a) != null) {
        throw r.malformed("key " + channel + " / " + key.campaign() + " appears twice");
      }
    }
    r.end();
    return new UnitEconomicsState(cells);
  }

  /** Equal when every key's totals are equal, scale included (the byte forms match). */
  @Override
  public boolean equals(Object o) {
    return o instanceof UnitEconomicsState t && java.util.Arrays.equals(t.toBytes(), toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "UnitEconomicsState[" + cells.size() + " channel/campaign keys]";
  }
}
