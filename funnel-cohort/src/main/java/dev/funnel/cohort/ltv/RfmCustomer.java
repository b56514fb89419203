package dev.funnel.cohort.ltv;

/**
 * One customer's recency-frequency-monetary summary in the notation of Fader, Hardie and Lee
 * (2005), "Counting your customers the easy way: an alternative to the Pareto/NBD model",
 * Marketing Science 24(2): {@code x} repeat purchases, the last one at age {@code t_x}, observed
 * up to age {@code T}; ages are measured from the customer's first purchase in the summary's
 * {@link RfmUnit}.
 *
 * @param customerId      the customer
 * @param x               number of repeat purchase days (the first purchase day is not counted)
 * @param tx              age at the last repeat purchase; 0 when {@code x == 0}
 * @param T               age at the end of the observation period ({@code T >= tx})
 * @param meanRepeatSpend mean spend per repeat purchase day (the {@code zbar} of the Gamma-Gamma
 *                        model); 0 when {@code x == 0}
 */
public record RfmCustomer(String customerId, int x, double tx, double T, double meanRepeatSpend) {

  public RfmCustomer {
    if (x < 0) {
      throw new IllegalArgumentException("customer '" + customerId + "': x = " + x + " < 0");
    }
    if (!(tx >= 0) || !(T >= tx) || Double.isInfinite(T)) {
      throw new IllegalArgumentException(
          "customer '" + customerId + "': need 0 <= t_x <= T, got t_x = " + tx + ", T = " + T);
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException(
          "customer '" + customerId + "': t_x must be 0 when x = 0, got " + tx);
    }
    if (!Double.isFinite(meanRepeatSpend)) {
      throw new IllegalArgumentException(
          "customer '" + customerId + "': mean repeat spend must be finite, got " + meanRepeatSpend);
    }
  }
}
