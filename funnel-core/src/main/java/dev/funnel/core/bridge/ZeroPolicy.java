package dev.funnel.core.bridge;

/**
 * What the LMDI methods do with a factor value of zero, where ln(x1 / x0) is undefined. Shapley
 * and chain substitution need no policy: zeros are ordinary values for them.
 */
public enum ZeroPolicy {
  /**
   * The analytical limits of Ang, Zhang and Choi (1998) "Factorizing changes in energy and
   * environmental indicators through decomposition", Energy 23(6): 489-495, table 2: L(x, 0) = 0,
   * so a segment with a zero in both states contributes nothing; a segment that appears (zero in
   * the base, positive now) contributes its whole current value, split equally among the factors
   * that were zero in the base (the limit of the small-value substitution as the small value goes
   * to zero; with one such factor it is exactly their case), and a disappearing segment
   * symmetrically. Totals stay exact.
   */
  ANALYTICAL_LIMIT,
  /**
   * Every zero becomes a small positive value (1e-20 unless configured), the classic
   * substitution of Ang and Choi (1997). Refused when the substitution would move either total by
   * more than the exactness tolerance.
   */
  SMALL_VALUE,
  /** A zero factor value is an error (IllegalArgumentException naming the segment and factor). */
  FAIL
}
