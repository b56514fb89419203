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

  /**
   * A builder with the required parts, for the optional ones by name:
   * {@code Payment.builder(paidAt, Money.of("120.00", "EUR")).lead("L1").id("P1").build()}; a
   * payment names its customer, its lead, or both.
   */
  public static Builder builder(Instant paidAt, Money amount) {
    return new Builder(paidAt, amount);
  }

  /** Named optional parts of a {@link Payment}; {@link #build()} checks them as the constructor does. */
  public static final class Builder {
    private final Instant paidAt;
    private final Money amount;
    private String paymentId;
    private String customerId;
    private String leadId;
    private String product;

    private Builder(Instant paidAt, Money amount) {
      this.paidAt = paidAt;
      this.amount = amount;
    }

    /** The payment's own id. */
    public Builder id(String paymentId) {
      this.paymentId = paymentId;
      return this;
    }

    /** The paying customer (the lead when never set). */
    public Builder customer(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** The lead the payment is booked to. */
    public Builder lead(String leadId) {
      this.leadId = leadId;
      return this;
    }

    /** The product. */
    public Builder product(String product) {
      this.product = product;
      return this;
    }

    /** The payment; throws {@code IllegalArgumentException} as the constructor does. */
    public Payment build() {
      return new Payment(paymentId, customerId, leadId, paidAt, amount, product);
    }
  }
}
