package dev.funnel.core.live;

import dev.funnel.core.CustomerHistory;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.display.Formats;
import dev.funnel.core.internal.StateBytes;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.money.UnitEconomicsState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One standing unit-economics window kept current fact by fact: each lead's and spend row's
 * contribution as {@link UnitEconomics#addLead} and {@link UnitEconomics#addSpend} count it, each
 * customer's from the library's own per-customer step ({@link UnitEconomics#addCustomer} with its
 * leads and payments, read from the {@link UnitEconomicsState}'s stable byte form); the totals per
 * (channel, campaign) are the sums of the current contributions, a changed fact's old one taken out
 * and its new one put in; the report is {@link UnitEconomicsState#fromBytes} of the totals, then
 * {@link UnitEconomicsState#result}. Sums are exact and keep the batch's scale: the largest scale
 * of the amounts summed, at least 0 (a sum of {@code BigDecimal.ZERO} and the amounts), counted per
 * scale so that taking out the only amount of the largest scale lowers it again. A key is present
 * while some current contribution names it, as in batch (a customer's payments that sum to zero
 * still make its key).
 */
final class UnitCells {

  /** The version of {@link UnitEconomicsState#toBytes()} this class reads and writes. */
  private static final int VERSION = 2;
  private static final String WHAT = "unit-economics state";

  private record Key(String channel, String campaign) {}

  private static final Comparator<Key> ORDER = Comparator.comparing(Key::channel)
      .thenComparing(Key::campaign, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** One key's values in one contribution. */
  private record Values(BigDecimal spend, long spendRows, long leads, long customers,
      BigDecimal revenue, BigDecimal marketingRevenue) {}

  /** An exact sum that knows the scales of its terms. */
  private static final class Sum {
    BigDecimal value = BigDecimal.ZERO;
    final TreeMap<Integer, Integer> scales = new TreeMap<>();

    void add(BigDecimal v, int sign) {
      value = sign > 0 ? value.add(v) : value.subtract(v);
      if (sign > 0) {
        scales.merge(v.scale(), 1, Integer::sum);
      } else if (scales.merge(v.scale(), -1, Integer::sum) == 0) {
        scales.remove(v.scale());
      }
    }

    BigDecimal get() {
      int s = scales.isEmpty() ? 0 : Math.max(0, scales.lastKey());
      return value.setScale(s, RoundingMode.UNNECESSARY);
    }
  }

  /** One key's totals. */
  private static final class Acc {
    int parts;
    final Sum spend = new Sum();
    long spendRows;
    long leads;
    long customers;
    final Sum revenue = new Sum();
    final Sum marketingRevenue = new Sum();

    void add(Values v, int sign) {
      parts += sign;
      spend.add(v.spend(), sign);
      spendRows += sign * v.spendRows();
      leads += sign * v.leads();
      customers += sign * v.customers();
      revenue.add(v.revenue(), sign);
      marketingRevenue.add(v.marketingRevenue(), sign);
    }
  }

  private final LocalDate from;
  private final LocalDate to;
  private final ZoneId zone;
  private final Map<Key, Acc> totals = new HashMap<>();
  /** The current contributions: a lead's is one lead of a key, a spend row's and a customer's. */
  private final Map<String, Key> leadParts = new HashMap<>();
  private final Map<String, Map<Key, Values>> spendParts = new HashMap<>();
  private final Map<String, Map<Key, Values>> customerParts = new HashMap<>();
  /** One object per distinct key, shared by the contributions. */
  private final Map<Key, Key> keys = new HashMap<>();
  private static final Values ONE_LEAD = new Values(BigDecimal.ZERO, 0, 1, 0, BigDecimal.ZERO,
      BigDecimal.ZERO);

  UnitCells(LocalDate from, LocalDate to, ZoneId zone) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
    this.from = from;
    this.to = to;
    this.zone = zone;
  }

  boolean is(LocalDate f, LocalDate t) {
    return java.util.Objects.equals(from, f) && java.util.Objects.equals(to, t);
  }

  String window() {
    return Formats.window(from, to);
  }

  /**
   * Replaces a lead's contribution: one lead of its channel and campaign when it was created on
   * a local day of the window, as {@link UnitEconomics#addLead} counts it; null: the lead row is
   * gone.
   */
  void lead(String leadId, Lead lead) {
    Key old = leadParts.remove(leadId);
    if (old != null) {
      add(old, ONE_LEAD, -1);
    }
    if (lead != null && in(LocalDate.ofInstant(lead.createdAt(), zone))) {
      Key k = key(lead.channel(), lead.campaign());
      leadParts.put(leadId, k);
      add(k, ONE_LEAD, 1);
    }
  }

  private Key key(String channel, String campaign) {
    Key k = new Key(channel, campaign);
    Key shared = keys.putIfAbsent(k, k);
    return shared == null ? k : shared;
  }

  /**
   * Replaces a spend row's contribution: its amount and one row of its channel and campaign when
   * its day is in the window, as {@link UnitEconomics#addSpend} counts it; null: the row is gone.
   */
  void spend(String eventId, Spend s) {
    Map<Key, Values> now = null;
    if (s != null && in(s.date())) {
      now = Map.of(key(s.channel(), s.campaign()), new Values(
          BigDecimal.ZERO.add(s.amount().amount()), 1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO));
    }
    replace(spendParts, eventId, now);
  }

  private boolean in(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
  }

  /**
   * Replaces a customer's contribution (new customer, revenue) from its leads and payments: the
   * library's own per-customer step, {@link UnitEconomics#addCustomer}, read from the state's byte
   * form.
   */
  void customer(String customerId, List<Lead> leads, List<Payment> payments) {
    replace(customerParts, customerId, payments.isEmpty() ? null
        : parse(UnitEconomics.addCustomer(UnitEconomicsState.empty(),
            new CustomerHistory(customerId, leads, payments), zone, from, to,
            UnitEconomics.NON_MARKETING).toBytes()));
  }

  private void replace(Map<String, Map<Key, Values>> parts, String id, Map<Key, Values> now) {
    Map<Key, Values> old = parts.remove(id);
    if (old != null) {
      add(old, -1);
    }
    if (now != null && !now.isEmpty()) {
      parts.put(id, now);
      add(now, 1);
    }
  }

  private void add(Map<Key, Values> p, int sign) {
    for (Map.Entry<Key, Values> e : p.entrySet()) {
      add(e.getKey(), e.getValue(), sign);
    }
  }

  private void add(Key k, Values v, int sign) {
    Acc a = totals.computeIfAbsent(k, x -> new Acc());
    a.add(v, sign);
    if (a.parts == 0) {
      totals.remove(k);
    }
  }

  private Map<Key, Values> parse(byte[] bytes) {
    StateBytes.Reader r = new StateBytes.Reader(bytes, WHAT, VERSION);
    int n = r.readSize("key count");
    Map<Key, Values> out = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Key k = key(r.readString("channel"), r.readOptionalString("campaign"));
      out.put(k, new Values(r.readDecimal("spend"), r.readCount("spend rows"),
          r.readCount("leads"), r.readCount("customers"), r.readDecimal("revenue"),
          r.readDecimal("marketing revenue")));
    }
    r.end();
    return out;
  }

  /** The report of the current contributions, as the batch computation gives it. */
  UnitReport report(String currency, BigDecimal margin) {
    TreeSet<Key> keys = new TreeSet<>(ORDER);
    keys.addAll(totals.keySet());
    StateBytes.Writer w = new StateBytes.Writer(VERSION);
    w.writeInt(keys.size());
    for (Key k : keys) {
      Acc a = totals.get(k);
      w.writeString(k.channel()).writeOptionalString(k.campaign()).writeDecimal(a.spend.get())
          .writeLong(a.spendRows).writeLong(a.leads).writeLong(a.customers)
          .writeDecimal(a.revenue.get()).writeDecimal(a.marketingRevenue.get());
    }
    return UnitEconomicsState.fromBytes(w.toByteArray()).result(currency, margin, window());
  }
}
