package dev.funnel.core.funnel;

import java.util.Locale;

/**
 * How a stage count is assigned to a period (docs/spec/metrics.md, "Counting conventions"); every
 * funnel result says which one it used.
 */
public enum Basis {
  /**
   * By hand-off date: a period's count for a stage is the number of distinct leads that first
   * reached that stage (or a later one, when the CRM skipped it) inside the period, whenever they
   * were created.
   */
  EVENT,
  /**
   * By creation date: leads created in the period (the cohort) and how many of them reached each
   * stage, optionally within a number of days of creation.
   */
  COHORT;

  /** Lower-case name, as in JSON ({@code "event"}, {@code "cohort"}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code event} or {@code cohort} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Basis parse(String s) {
    for (Basis b : values()) {
      if (s != null && b.label().equalsIgnoreCase(s.trim())) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown basis '" + s + "'; expected event or cohort");
  }
}
