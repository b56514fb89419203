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
 */
public record CustomerValue(
    String customerId,
    int x,
    double probabilityAlive,
    double expectedPurchases,
    double expectedSpend,
    double clv) {}
