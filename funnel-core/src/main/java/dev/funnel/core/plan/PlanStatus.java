package dev.funnel.core.plan;

/**
 * The alert level of a plan row: ok, warning or alert from the tolerance bands; undefined when the
 * plan or the forecast is undefined (e.g. CPL of a period without leads); unknown for a metric
 * name the library does not compute.
 */
public enum PlanStatus {
  OK,
  WARNING,
  ALERT,
  UNDEFINED,
  UNKNOWN;

  /** Lower-case name, as in the JSON of {@code planfact}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
