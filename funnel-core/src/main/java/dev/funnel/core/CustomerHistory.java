package dev.funnel.core;

import java.util.List;

/**
 * One customer's rows: the leads booked to the customer id and the customer's payments. The
 * argument of the per-customer step of unit economics ({@code UnitEconomics.addCustomer}), which
 * routes that group rows by customer (Spark's {@code groupByKey}, a live funnel, a host's own
 * store) hand over instead of two loose lists; the customer-side counterpart of
 * {@link LeadHistory}. The lists are copied; any order (the step sorts what it needs).
 *
 * <p>A lead belongs to the customer when its {@link Lead#customerId()} is the customer id (a lead
 * without a customer id is its own customer); a payment, when its {@link Payment#customerId()}
 * is. Rows of another customer are refused, so a grouping mistake fails here, not in the figures.
 *
 * @param id       the customer id
 * @param leads    the leads booked to the customer (may be empty: a customer with no lead row)
 * @param payments the customer's payments
 */
public record CustomerHistory(String id, List<Lead> leads, List<Payment> payments) {

  public CustomerHistory {
    if (id == null) {
      throw new IllegalArgumentException("a customer history needs the customer id");
    }
    leads = List.copyOf(leads);
    payments = List.copyOf(payments);
    for (Lead l : leads) {
      if (!id.equals(l.customerId())) {
        throw new IllegalArgumentException("the history of customer '" + id + "' holds lead '"
            + l.id() + "' of customer '" + l.customerId() + "'");
      }
    }
    for (Payment p : payments) {
      if (!id.equals(p.customerId())) {
        throw new IllegalArgumentException("the history of customer '" + id
            + "' holds a payment of customer '" + p.customerId() + "'");
      }
    }
  }

  /** The rows {@link #toString()} shows of each list. */
  private static final int SHOWN = 5;

  /** One summary line, then the first leads and payments. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("customer ").append(id).append(": ").append(leads.size())
        .append(leads.size() == 1 ? " lead, " : " leads, ").append(payments.size())
        .append(payments.size() == 1 ? " payment" : " payments").append('\n');
    b.append(String.format("%-8s  %-20s  %s%n", "row", "at", "what"));
    for (Lead l : leads.subList(0, Math.min(SHOWN, leads.size()))) {
      b.append(String.format("%-8s  %-20s  %s%n", "lead", l.createdAt(), l.id() + " " + l.channel()));
    }
    for (Payment p : payments.subList(0, Math.min(SHOWN, payments.size()))) {
      b.append(String.format("%-8s  %-20s  %s%n", "payment", p.paidAt(), p.amount()));
    }
    int more = Math.max(0, leads.size() - SHOWN) + Math.max(0, payments.size() - SHOWN);
    if (more > 0) {
      b.append("... ").append(more).append(" more rows\n");
    }
    return b.toString();
  }
}
