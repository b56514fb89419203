package dev.funnel.cohort;

import java.util.Locale;

/** What puts a customer into a cohort: the period of which event. */
public enum CohortBasis {
  /** The customer's first positive payment (the default). */
  PAYMENT,
  /** The first marketing touch of any of the customer's leads. */
  TOUCH,
  /** The creation of the customer's earliest lead. */
  LEAD,
  /** The first time any of the customer's leads reached SQL (or, when the CRM skipped it, a later
   * progression stage). */
  SQL;

  /**
   * Parses {@code payment|touch|lead|sql} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CohortBasis parse(String s) {
    if (s != null) {
      for (CohortBasis b : values()) {
        if (b.name().equalsIgnoreCase(s.trim())) {
          return b;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown cohort basis '" + s + "'; expected payment, touch, lead or sql");
  }

  /** Lower-case name, as on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
