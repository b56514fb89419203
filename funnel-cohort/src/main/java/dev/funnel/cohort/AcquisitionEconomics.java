package dev.funnel.cohort;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.Spend;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Unit economics of acquisition per channel: historical LTV, CAC, LTV/CAC and the payback period
 * (spec/metrics.md, "Cohorts and LTV": "LTV/CAC per channel, payback period (months until
 * cumulative margin per customer covers CAC)").
 *
 * <p>Conventions. A customer is a customer id with at least one positive payment; its channel is
 * the channel of its first lead (earliest {@code created_at}, ties by lead id, as in
 * {@code dev.funnel.core.money.UnitEconomics}), {@code (none)} without a lead. Over the whole
 * dataset: LTV = the channel's customers' payments (refunds included) / its customers; CAC = the
 * channel's spend / its customers; both revenue-based (margin 1). Payback: month k is the calendar
 * month (dataset zone) k months after the customer's first positive payment (payments dated
 * earlier count in month 0); the cumulative revenue per customer at k is taken over the customers
 * observed for at least k months (the latest payment of the data ends the observation), pooled
 * like the cohort averages of {@link CohortTable#averages()}; the payback is the first k + 1 at
 * which it reaches CAC.
 *
 * @param channels one row per channel (with customers or spend), sorted by name
 * @param total    all channels together (channel {@code (all)})
 * @param lastMonth the month of the latest payment (the end of the observation), or null
 */
public record AcquisitionEconomics(List<ChannelPayback> channels, ChannelPayback total, Period lastMonth)
    implements Tabular {

  /** The channel label of the total row. */
  public static final String ALL = "(all)";

  public AcquisitionEconomics {
    channels = List.copyOf(channels);
  }

  /**
   * The per-channel LTV, CAC and payback of a dataset.
   *
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static AcquisitionEconomics of(Dataset d) {
    if (d == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    d.require(DatasetTable.PAYMENTS, "LTV and CAC per channel");
    Map<String, String> channelOf = new HashMap<>();
    for (Lead l : d.leads()) { // creation order, then id: the first one wins
      channelOf.putIfAbsent(l.customerId(), l.channel());
    }
    Period last = null;
    for (Payment p : d.payments()) {
      Period m = Period.containing(p.paidAt(), Granularity.MONTH, d.zone());
      if (last == null || m.compareTo(last) > 0) {
        last = m;
      }
    }
    TreeMap<String, Acc> acc = new TreeMap<>();
    Acc all = new Acc();
    for (String customer : d.payingCustomers()) {
      List<Payment> ps = d.paymentsOf(customer); // time order
      Period first = null;
      for (Payment p : ps) {
        if (p.amount().signum() > 0) {
          first = Period.containing(p.paidAt(), Granularity.MONTH, d.zone());
          break;
        }
      }
      if (first == null) {
        continue; // refunds or zero payments only: not a customer
      }
      int horizon = (int) first.until(last);
      BigDecimal[] byMonth = new BigDecimal[horizon + 1];
      java.util.Arrays.fill(byMonth, BigDecimal.ZERO);
      BigDecimal revenue = BigDecimal.ZERO;
      for (Payment p : ps) {
        int k = (int) Math.max(0, first.until(Period.containing(p.paidAt(), Granularity.MONTH, d.zone())));
        byMonth[k] = byMonth[k].add(p.amount().amount());
        revenue = revenue.add(p.amount().amount());
      }
      String channel = channelOf.getOrDefault(customer, Lead.NO_CHANNEL);
      acc.computeIfAbsent(channel, k -> new Acc()).add(revenue, byMonth);
      all.add(revenue, byMonth);
    }
    for (Spend s : d.spend()) {
      acc.computeIfAbsent(s.channel(), k -> new Acc()).spend(s.amount().amount());
      all.spend(s.amount().amount());
    }
    List<ChannelPayback> rows = new ArrayList<>();
    acc.forEach((channel, a) -> rows.add(a.row(channel)));
    return new AcquisitionEconomics(rows, all.row(ALL), last);
  }

  /** The row of a channel. */
  public ChannelPayback channel(String name) {
    return channels.stream().filter(r -> r.channel().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no channel '" + name + "' in the result"));
  }

  /** Customers, revenue, spend and cumulative revenue by month index of one channel. */
  private static final class Acc {
    long customers;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal spend = BigDecimal.ZERO;
    final List<BigDecimal> cumulative = new ArrayList<>(); // sum over observed customers
    final List<Long> observed = new ArrayList<>();

    void add(BigDecimal r, BigDecimal[] byMonth) {
      customers++;
      revenue = revenue.add(r);
      BigDecimal run = BigDecimal.ZERO;
      for (int k = 0; k < byMonth.length; k++) {
        run = run.add(byMonth[k]);
        if (cumulative.size() == k) {
          cumulative.add(BigDecimal.ZERO);
          observed.add(0L);
        }
        cumulative.set(k, cumulative.get(k).add(run));
        observed.set(k, observed.get(k) + 1);
      }
    }

    void spend(BigDecimal s) {
      spend = spend.add(s);
    }

    ChannelPayback row(String channel) {
      double ltv = customers == 0 ? Double.NaN : ratio(revenue, customers);
      double cac = customers == 0 ? Double.NaN : ratio(spend, customers);
      double payback = Double.NaN;
      if (cac == 0) {
        payback = 0;
      } else if (cac > 0) {
        // exact comparison: cumulative[k] >= cac * observed[k]  <=>  cumulative[k] * customers >= spend * observed[k]
        for (int k = 0; k < cumulative.size(); k++) {
          BigDecimal lhs = cumulative.get(k).multiply(BigDecimal.valueOf(customers));
          BigDecimal rhs = spend.multiply(BigDecimal.valueOf(observed.get(k)));
          if (lhs.compareTo(rhs) >= 0) {
            payback = k + 1;
            break;
          }
        }
      }
      return new ChannelPayback(channel, customers, revenue, spend, ltv, cac,
          cac == 0 || Double.isNaN(cac) ? Double.NaN : ltv / cac, payback);
    }

    private static double ratio(BigDecimal a, long b) {
      return a.divide(BigDecimal.valueOf(b), MathContext.DECIMAL64).doubleValue();
    }
  }

  @Override
  public String summary() {
    return "LTV/CAC by channel: LTV " + TextTable.number(total.ltv()) + ", CAC "
        + TextTable.number(total.cac()) + (lastMonth == null ? "" : ", data to " + lastMonth.label());
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("channel", "customers", "revenue", "spend", "ltv", "cac", "ltv/cac",
        "payback months");
    for (ChannelPayback r : channels) {
      t = plus(t, r);
    }
    return plus(t, total);
  }

  private static TextTable plus(TextTable t, ChannelPayback r) {
    return t.plus(r.channel(), r.customers(), r.revenue(), r.spend(), r.ltv(), r.cac(), r.ltvToCac(),
        r.paybackMonths());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
