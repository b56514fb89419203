package dev.funnel.core;

/**
 * The length of a calendar {@link Period}: day, ISO week (Monday start), month, quarter or year.
 */
public enum Granularity {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  /**
   * Parses {@code day|week|month|quarter|year} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Granularity parse(String s) {
    if (s != null) {
      for (Granularity g : values()) {
        if (g.name().equalsIgnoreCase(s.trim())) {
          return g;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown granularity '" + s + "'; expected day, week, month, quarter or year");
  }

  /** Lower-case name, as used on the command line and in JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
