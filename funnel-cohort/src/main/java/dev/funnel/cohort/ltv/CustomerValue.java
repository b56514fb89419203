package dev.funnel.cohort.ltv;

/**
 * One customer's predictions.
 *
 * @param customerId         the customer
 * @param x                  repeat purchases so far
 * @param probabilityAlive   the purchase model's (BG/NBD or Pareto/NBD) probability of being
 *                           alive at the end of observation
 * @param expectedPurchases  the purchase model's expected purchases over the whole CLV horizon
 * @param expectedSpend      Gamma-Gamma expected spend per purchase
 * @param clv                discounted margin over the horizon (see {@link ClvTable})
 * @param residualTransactions the continuous-time DERT over the whole remaining lifetime at the
 *                           terms' rate ({@link ClvTable#continuousRate()}); NaN when that rate is
 *                           not positive
 * @param lifetimeValue      margin x expected spend x that DERT: the discounted value of all
 *                           future purchases (Fader, Hardie and Lee 2005, "RFM and CLV")
 */
public record CustomerValue(
    String customerId,
    int x,
    double probabilityAlive,
    double expectedPurchases,
    double expectedSpend,
    double clv,
    double residualTransactions,
    double lifetimeValue) {

  /** Predictions without the lifetime figures (NaN). */
  public CustomerValue(String customerId, int x, double probabilityAlive,
      double expectedPurchases, double expectedSpend, double clv) {
    this(customerId, x, probabilityAlive, expectedPurchases, expectedSpend, clv, Double.NaN,
        Double.NaN);
  }
}
