package dev.funnel.core.plan;

/** Which way a metric should move: more leads is good, a higher CPL is bad. */
public enum Direction {
  /** More is better (leads, MQL, SQL, won, revenue, ROMI, win rate). */
  HIGHER_IS_BETTER,
  /** Less is better (CPL, CAC). */
  LOWER_IS_BETTER,
  /** On plan is best; a deviation either way counts (spend: underspending is a miss too). */
  ON_TARGET;

  /** Lower-case label with dashes: {@code higher-is-better}, ... */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
