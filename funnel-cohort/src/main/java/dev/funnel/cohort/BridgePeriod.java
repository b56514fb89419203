package dev.funnel.cohort;

import dev.funnel.core.Period;
import java.math.BigDecimal;

/**
 * One period of the recurring-revenue bridge:
 * {@code start + new + expansion + reactivation - contraction - churn = end}.
 *
 * <p>A customer's recurring revenue in a period is the net sum of their payments in it (refunds
 * included) when positive, else 0; a customer with positive recurring revenue is active.
 * Classification per customer, against the previous period: first active period ever = new;
 * active in both = expansion or contraction by the change (no change counts in neither);
 * active now, not in the previous period but at some earlier one = reactivation; active in the
 * previous period and not now = churn, of the previous period's amount. Contraction and churn
 * are positive amounts that the identity subtracts.
 *
 * @param period         the period
 * @param start          recurring revenue of the previous period (0 for the first period)
 * @param newRevenue     revenue of customers active for the first time
 * @param expansion      increases of customers active in both periods
 * @param reactivation   revenue of returning customers
 * @param contraction    decreases of customers active in both periods (positive)
 * @param churn          previous-period revenue of customers no longer active (positive)
 * @param end            recurring revenue of this period, summed directly from the payments
 * @param customersStart customers active in the previous period
 * @param newCustomers   customers active for the first time
 * @param reactivated    returning customers
 * @param churned        customers active in the previous period and not in this one
 * @param customersEnd   customers active in this period
 */
public record BridgePeriod(
    Period period,
    BigDecimal start,
    BigDecimal newRevenue,
    BigDecimal expansion,
    BigDecimal reactivation,
    BigDecimal contraction,
    BigDecimal churn,
    BigDecimal end,
    long customersStart,
    long newCustomers,
    long reactivated,
    long churned,
    long customersEnd) {

  /** Whether {@code start + new + expansion + reactivation - contraction - churn} equals end. */
  public boolean identityHolds() {
    BigDecimal s =
        start.add(newRevenue).add(expansion).add(reactivation).subtract(contraction).subtract(churn);
    return s.compareTo(end) == 0;
  }

  /**
   * Net revenue retention {@code (start + expansion - contraction - churn) / start}: what the
   * customers of the previous period pay now, new and returning customers excluded; NaN when
   * start is 0.
   */
  public double nrr() {
    return ratio(start.add(expansion).subtract(contraction).subtract(churn), start);
  }

  /** Gross revenue retention {@code (start - contraction - churn) / start}; NaN when start is 0. */
  public double grr() {
    return ratio(start.subtract(contraction).subtract(churn), start);
  }

  /**
   * Quick ratio {@code (new + expansion + reactivation) / (contraction + churn)}: revenue gained
   * per unit lost; NaN when nothing was lost.
   */
  public double quickRatio() {
    return ratio(newRevenue.add(expansion).add(reactivation), contraction.add(churn));
  }

  private static double ratio(BigDecimal a, BigDecimal b) {
    return b.signum() == 0 ? Double.NaN : a.doubleValue() / b.doubleValue();
  }
}
