package dev.funnel.cohort.ltv;

/**
 * One customer history under discrete transaction opportunities (renewals, annual contracts,
 * yearly donations), or several identical ones: {@code x} transactions in {@code n}
 * opportunities after the first, the last at opportunity {@code t_x} ({@code 0} when x = 0).
 *
 * @param x         transactions in the n opportunities
 * @param tx        the opportunity of the last transaction (recency), 0 when x = 0
 * @param n         opportunities observed after the first transaction
 * @param customers how many customers have this history
 */
public record BgBbPattern(int x, int tx, int n, long customers) {

  public BgBbPattern {
    if (n < 0 || x < 0 || x > n || tx < 0 || tx > n || (x == 0) != (tx == 0) || tx < x
        || customers < 0) {
      throw new IllegalArgumentException("need 0 <= x <= t_x <= n (t_x = 0 exactly when x = 0) "
          + "and customers >= 0, got x = " + x + ", t_x = " + tx + ", n = " + n + ", customers = "
          + customers);
    }
  }
}
