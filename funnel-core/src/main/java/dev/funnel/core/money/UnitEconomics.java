package dev.funnel.core.money;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of the money metrics (spec/metrics.md, "Money metrics"): CPL, CAC, ROMI, DRR
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
 * DRR = spend / revenue; NaN when the denominator is 0.
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
  public static UnitTally tally(Dataset d, LocalDate from, LocalDate to, Set<String> nonMarketing) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
    d.require(DatasetTable.LEADS, "unit economics");
    ZoneId zone = d.zone();
    UnitTally t = UnitTally.empty();
    Map<String, Lead> firstLead = new HashMap<>();
    for (Lead l : d.leads()) { // creation order, then id
      firstLead.putIfAbsent(l.customerId(), l);
      addLead(t, l, zone, from, to);
    }
    for (Spend s : d.spend()) {
      addSpend(t, s, from, to);
    }
    for (String customer : d.payingCustomers()) {
      addPayments(t, firstLead.get(customer), d.paymentsOf(customer), zone, from, to, nonMarketing);
    }
    return t;
  }

  /**
   * The per-lead step of {@link #tally}: counts the lead when it was created in the window
   * {@code [from, to)} (calendar days in the zone; a null bound is open). Shared with routes that
   * see one lead at a time (Spark).
   *
   * @return the tally
   */
  public static UnitTally addLead(UnitTally t, Lead lead, ZoneId zone, LocalDate from, LocalDate to) {
    if (in(day(lead.createdAt(), zone), from, to)) {
      t.addLead(lead.channel(), lead.campaign());
    }
    return t;
  }

  /** The per-row step of {@link #tally} for spend: adds it when its day is in the window. */
  public static UnitTally addSpend(UnitTally t, Spend s, LocalDate from, LocalDate to) {
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
   * @return the tally
   */
  public static UnitTally addCustomer(UnitTally t, List<Lead> customerLeads,
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
  private static UnitTally addPayments(UnitTally t, Lead first, List<Payment> payments, ZoneId zone,
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
    return "[" + (from == null ? "..." : from) + ", " + (to == null ? "..." : to) + ")";
  }
}
