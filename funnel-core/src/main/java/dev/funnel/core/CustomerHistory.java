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
}
