package dev.funnel.core.money;

import dev.funnel.core.CustomerHistory;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.columnar.LocalDays;
import dev.funnel.core.columnar.MoneySums;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.time.ZoneOffset;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.SpendColumns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of the money metrics (docs/spec/metrics.md, "Money metrics"): CPL, CAC, ROMI, DRR
 * and the marketing share of revenue, per channel and campaign.
 *
 * <p>Conventions. The window is a half-open range of local days {@code [from, to)} in the dataset
 * zone (null: open). Spend counts by its day, leads by the local day of {@code created_at}, revenue
 * by the local day of payment (event basis; refunds reduce it), new customers by the day of their
 * first positive payment ever. A customer's channel and campaign are those of its first lead (the
 * earliest created lead with that customer id; ties by lead id); payments of customers with no
 * lead fall under channel {@code (none)}. A customer is marketing-sourced when its first lead's
 * channel is known and is not a non-marketing channel ({@code direct} by default). CPL = spend /
 * leads, CAC = spend / new customers, ROMI = (revenue x margin - spend) / spend, or
 * (revenue - spend) / spend when no margin is given (the report's {@link RomiBasis} says which),
 * DRR = spend / revenue; NaN when the denominator is 0, and all four NaN for a channel or campaign
 * without a spend row in the window: its spend is unknown, not zero ({@link UnitRow#undefined} says
 * why a ratio is undefined).
 */
public final class UnitEconomics {
  private UnitEconomics() {}

  /** The default non-marketing channels. */
  public static final Set<String> NON_MARKETING = Set.of("direct");

  /** With the default non-marketing channels. */
  public static UnitReport compute(Dataset d, LocalDate from, LocalDate to, BigDecimal margin) {
    return compute(d, from, to, margin, NON_MARKETING);
  }

  /**
   * Unit economics of the window.
   *
   * @param margin       gross margin in [0, 1], or null for revenue-based ROMI
   * @param nonMarketing channels whose customers are not marketing-sourced
   * @throws IllegalArgumentException when {@code from} is not before {@code to} or the margin is
   *     outside [0, 1]
   * @throws IllegalStateException when the dataset has no leads, spend or payments table (a
   *     missing table is unknown money, not zero)
   */
  public static UnitReport compute(
      Dataset d, LocalDate from, LocalDate to, BigDecimal margin, Set<String> nonMarketing) {
    d.require(DatasetTable.SPEND, "unit economics");
    d.require(DatasetTable.PAYMENTS, "unit economics");
    return tally(d, from, to, nonMarketing).result(d.currency(), margin, label(from, to));
  }

  /**
   * The mergeable partial state of {@link #compute} for the whole dataset; unlike
   * {@code compute} it accepts a dataset without spend or payments (they then add nothing), for
   * callers that only need some of the figures.
   */
  public static UnitEconomicsState tally(Dataset d, LocalDate from, LocalDate to, Set<String> nonMarketing) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
    d.require(DatasetTable.LEADS, "unit economics");
    return new ColumnTally(Columns.of(d), from, to, nonMarketing).tally();
  }

  /**
   * {@link #tally} over the columnar form: the same facts as {@link #addLead}, {@link #addSpend}
   * and {@link #addCustomer} per row and customer, counted and summed per (channel code, campaign
   * code) in arrays (money exact, {@link MoneySums}) and handed to the state once per key, with no
   * record per row. Leads are counted by creation time and revenue by payment time against the
   * window's bounds as instants (local midnights), the local day's test wherever the local date
   * could go back near a bound; spend by its epoch day. A customer's first lead is the first in
   * creation order ({@link LeadColumns#byCreated}: creation, then id).
   */
  private static final class ColumnTally {
    private final Columns c;
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private final Set<String> nonMarketing;
    private final long fromMs;
    private final long toMs;
    private final boolean byDay;
    private final int campaigns;
    private int[] table;
    private Map<Long, Integer> map;
    private final List<long[]> keys = new ArrayList<>(); // dense group -> {channel, campaign}
    private long[] leads = new long[16];
    private long[] customers = new long[16];
    private long[] spendRows = new long[16];
    private final MoneySums spend;
    private final MoneySums revenue;

    ColumnTally(Columns c, LocalDate from, LocalDate to, Set<String> nonMarketing) {
      this.c = c;
      this.zone = c.zone();
      this.from = from;
      this.to = to;
      this.nonMarketing = nonMarketing;
      this.fromMs = from == null ? Long.MIN_VALUE : from.atStartOfDay(zone).toInstant().toEpochMilli();
      this.toMs = to == null ? Long.MAX_VALUE : to.atStartOfDay(zone).toInstant().toEpochMilli();
      this.byDay = (from != null && !LocalDays.ascendAround(zone, fromMs))
          || (to != null && !LocalDays.ascendAround(zone, toMs));
      this.campaigns = c.campaigns().size() + 1;
      long combos = (long) (c.channels().size() + 1) * campaigns;
      if (combos <= 1L << 22) {
        table = new int[(int) combos];
      } else {
        map = new HashMap<>();
      }
      spend = new MoneySums(c.spend().amount(), 16);
      revenue = new MoneySums(c.payments().amount(), 16);
    }

    /** The dense group of a channel code (-1: a customer without a lead) and campaign code. */
    private int group(int channel, int campaign) {
      long combo = (long) (channel + 1) * campaigns + (campaign + 1);
      int g;
      if (table != null) {
        g = table[(int) combo] - 1;
        if (g < 0) {
          g = newGroup(channel, campaign);
          table[(int) combo] = g + 1;
        }
      } else {
        Integer x = map.get(combo);
        if (x == null) {
          x = newGroup(channel, campaign);
          map.put(combo, x);
        }
        g = x;
      }
      return g;
    }

    private int newGroup(int channel, int campaign) {
      int g = keys.size();
      keys.add(new long[] {channel, campaign});
      if (g == leads.length) {
        leads = java.util.Arrays.copyOf(leads, g * 2);
        customers = java.util.Arrays.copyOf(customers, g * 2);
        spendRows = java.util.Arrays.copyOf(spendRows, g * 2);
      }
      spend.ensure(g + 1);
      revenue.ensure(g + 1);
      return g;
    }

    /** Whether the local day of the epoch millis is in the window. */
    private boolean in(long ms) {
      if (!byDay) {
        return ms >= fromMs && ms < toMs;
      }
      return UnitEconomics.in(LocalDays.of(ms, zone), from, to);
    }

    UnitEconomicsState tally() {
      LeadColumns lc = c.leads();
      for (int l = 0; l < lc.size(); l++) {
        if (lc.hasRow(l) && in(lc.createdAt(l))) {
          int g = group(lc.channel(l), lc.campaign(l)); // before reading the array it may grow
          leads[g]++;
        }
      }
      SpendColumns sp = c.spend();
      long fromDay = from == null ? Long.MIN_VALUE : from.toEpochDay();
      long toDay = to == null ? Long.MAX_VALUE : to.toEpochDay();
      for (int r = 0; r < sp.size(); r++) {
        int day = sp.day(r);
        if (day >= fromDay && day < toDay) {
          int g = group(sp.channel(r), sp.campaign(r)); // before reading the array it may grow
          spend.add(g, r);
          spendRows[g]++;
        }
      }
      PaymentColumns pc = c.payments();
      int[] firstLead = new int[c.customers().size()];
      java.util.Arrays.fill(firstLead, -1);
      for (int k = 0; k < lc.withRow(); k++) { // creation order, then id
        int l = lc.byCreated(k);
        int cust = lc.customer(l);
        if (cust >= 0 && firstLead[cust] < 0) {
          firstLead[cust] = l;
        }
      }
      for (int cust = 0; cust < firstLead.length; cust++) {
        int rows = pc.from(cust);
        int end = pc.to(cust);
        if (rows == end) {
          continue;
        }
        int l = firstLead[cust];
        int g = l < 0 ? group(-1, -1) : group(lc.channel(l), lc.campaign(l));
        boolean firstPaid = false;
        for (int r = rows; r < end; r++) { // time order
          boolean in = in(pc.at(r));
          if (!firstPaid && pc.amount().signum(r) > 0) {
            firstPaid = true;
            if (in) {
              customers[g]++;
            }
          }
          if (in) {
            revenue.add(g, r);
          }
        }
      }
      UnitEconomicsState t = UnitEconomicsState.empty();
      for (int g = 0; g < keys.size(); g++) {
        long[] k = keys.get(g);
        String channel = k[0] < 0 ? Lead.NO_CHANNEL : c.channels().value((int) k[0]);
        if (channel == null) {
          channel = Lead.NO_CHANNEL;
        }
        String campaign = c.campaigns().value((int) k[1]);
        t.addLeads(channel, campaign, leads[g]);
        if (spendRows[g] > 0) {
          t.addSpend(channel, campaign, spend.sum(g), spendRows[g]);
        }
        t.addCustomers(channel, campaign, customers[g]);
        if (revenue.any(g)) {
          boolean marketing = k[0] >= 0 && !Lead.NO_CHANNEL.equals(channel)
              && !nonMarketing.contains(channel);
          t.addRevenue(channel, campaign, revenue.sum(g), marketing);
        }
      }
      return t;
    }
  }

  /**
   * The per-lead step of {@link #tally}: counts the lead when it was created in the window
   * {@code [from, to)} (calendar days in the zone; a null bound is open). Shared with routes that
   * see one lead at a time (Spark).
   *
   * @return the state
   */
  public static UnitEconomicsState addLead(UnitEconomicsState t, Lead lead, ZoneId zone, LocalDate from, LocalDate to) {
    if (in(day(lead.createdAt(), zone), from, to)) {
      t.addLead(lead.channel(), lead.campaign());
    }
    return t;
  }

  /** The per-row step of {@link #tally} for spend: adds it when its day is in the window. */
  public static UnitEconomicsState addSpend(UnitEconomicsState t, Spend s, LocalDate from, LocalDate to) {
    if (in(s.date(), from, to)) {
      t.addSpend(s.channel(), s.campaign(), s.amount().amount());
    }
    return t;
  }

  /**
   * The per-customer step of {@link #tally}, shared with routes that group rows by customer
   * (Spark): the customer's first lead ({@link Dataset#leadOrder()}: creation, then id) gives the
   * channel and campaign ({@code (none)} without a lead) and whether the customer is
   * marketing-sourced; the first positive payment ({@link Dataset#paymentOrder()}) is the new
   * customer, counted when its day is in the window; every payment in the window adds revenue.
   *
   * @param customerLeads    the leads with this customer id, any order (may be empty)
   * @param customerPayments the payments of this customer, any order
   * @return the state
   */
  public static UnitEconomicsState addCustomer(UnitEconomicsState t, List<Lead> customerLeads,
      List<Payment> customerPayments, ZoneId zone, LocalDate from, LocalDate to,
      Set<String> nonMarketing) {
    return customerStep(t, customerLeads, customerPayments, zone, from, to, nonMarketing);
  }

  /**
   * {@link #addCustomer(UnitEconomicsState, List, List, ZoneId, LocalDate, LocalDate, Set)} of one
   * customer's rows as one value: the step that routes grouping rows by customer (Spark, a live
   * funnel) take.
   *
   * @param customer the customer's leads and payments (rows of another customer are refused when
   *     it is made)
   * @return the state
   */
  public static UnitEconomicsState addCustomer(UnitEconomicsState t, CustomerHistory customer,
      ZoneId zone, LocalDate from, LocalDate to, Set<String> nonMarketing) {
    return customerStep(t, customer.leads(), customer.payments(), zone, from, to, nonMarketing);
  }

  private static UnitEconomicsState customerStep(UnitEconomicsState t, List<Lead> customerLeads,
      List<Payment> customerPayments, ZoneId zone, LocalDate from, LocalDate to,
      Set<String> nonMarketing) {
    Lead first = null;
    for (Lead l : customerLeads) {
      if (first == null || Dataset.leadOrder().compare(l, first) < 0) {
        first = l;
      }
    }
    List<Payment> sorted = new ArrayList<>(customerPayments);
    sorted.sort(Dataset.paymentOrder());
    return addPayments(t, first, sorted, zone, from, to, nonMarketing);
  }

  /** One customer's payments in time order, credited to its first lead's channel and campaign. */
  private static UnitEconomicsState addPayments(UnitEconomicsState t, Lead first, List<Payment> payments, ZoneId zone,
      LocalDate from, LocalDate to, Set<String> nonMarketing) {
    String channel = first == null ? Lead.NO_CHANNEL : first.channel();
    String campaign = first == null ? null : first.campaign();
    boolean marketing = first != null && first.hasChannel() && !nonMarketing.contains(channel);
    boolean firstPaid = false;
    for (Payment p : payments) { // time order
      LocalDate day = day(p.paidAt(), zone);
      if (!firstPaid && p.amount().signum() > 0) {
        firstPaid = true;
        if (in(day, from, to)) {
          t.addCustomer(channel, campaign);
        }
      }
      if (in(day, from, to)) {
        t.addRevenue(channel, campaign, p.amount().amount(), marketing);
      }
    }
    return t;
  }

  /** The local day of the instant, as LocalDate.ofInstant; a fixed offset needs no zone rules. */
  private static LocalDate day(Instant at, ZoneId zone) {
    return zone instanceof ZoneOffset o
        ? LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond() + o.getTotalSeconds(), 86_400L))
        : LocalDate.ofInstant(at, zone);
  }

  private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
    return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
  }

  private static String label(LocalDate from, LocalDate to) {
    return dev.funnel.core.display.Formats.window(from, to);
  }
}
