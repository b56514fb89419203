package dev.funnel.core;

import java.time.Instant;

/**
 * Money received from a customer (table {@code payments}); refunds are negative amounts.
 *
 * @param paymentId  the payment's id, or null
 * @param customerId the paying customer (the lead id when only a lead was given)
 * @param leadId     the lead the payment is booked to, or null
 * @param paidAt     when it was paid
 * @param amount     exact amount; negative for refunds
 * @param product    product, or null
 */
public record Payment(
    String paymentId, String customerId, String leadId, Instant paidAt, Money amount, String product) {

  public Payment {
    paymentId = Checks.optional(paymentId);
    leadId = Checks.optional(leadId);
    customerId = Checks.optional(customerId);
    if (customerId == null) {
      if (leadId == null) {
        throw new IllegalArgumentException("a payment needs customer_id or lead_id");
      }
      customerId = leadId;
    }
    Checks.required(paidAt, "payment paid_at");
    Checks.required(amount, "payment amount");
    product = Checks.optional(product);
  }

  /** Whether this is a refund (negative amount). */
  public boolean refund() {
    return amount.signum() < 0;
  }
}
