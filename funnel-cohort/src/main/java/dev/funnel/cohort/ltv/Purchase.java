package dev.funnel.cohort.ltv;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One purchase for the RFM summary: who bought, on which calendar day (in the dataset time zone)
 * and for how much.
 *
 * @param customerId the customer
 * @param day        the calendar day of the purchase
 * @param amount     the exact amount (a refund may be negative; it enters the spend of its day)
 */
public record Purchase(String customerId, LocalDate day, BigDecimal amount) {

  public Purchase {
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException("a purchase needs a customer id");
    }
    if (day == null) {
      throw new IllegalArgumentException("purchase of customer '" + customerId + "' has no day");
    }
    if (amount == null) {
      throw new IllegalArgumentException(
          "purchase of customer '" + customerId + "' on " + day + " has no amount");
    }
  }
}
