package dev.funnel.cohort;

import java.util.Locale;

/** The number a cohort table view shows per cohort and period. */
public enum CohortMetric {
  /** {@code active[k] / size}. */
  RETENTION,
  /** Revenue of the period, refunds included. */
  REVENUE,
  /** Cumulative revenue per customer up to the period. */
  CUMULATIVE;

  /**
   * Parses {@code retention|revenue|cumulative} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CohortMetric parse(String s) {
    if (s != null) {
      for (CohortMetric m : values()) {
        if (m.name().equalsIgnoreCase(s.trim())) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown cohort metric '" + s + "'; expected retention, revenue or cumulative");
  }

  /** Lower-case name, as on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
