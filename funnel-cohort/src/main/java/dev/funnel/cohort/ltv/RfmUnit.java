package dev.funnel.cohort.ltv;

import java.util.Locale;

/**
 * The time unit of an RFM summary and of the models fitted to it: ages and recencies are whole
 * calendar days divided by {@link #days()}.
 *
 * <p>A week is 7 days (the unit of Fader, Hardie and Lee's CDNOW analysis); a month is the mean
 * Gregorian month, 365.25 / 12 = 30.4375 days, so that twelve months make a mean year.
 */
public enum RfmUnit {
  DAY(1.0),
  WEEK(7.0),
  MONTH(365.25 / 12.0);

  private final double days;

  RfmUnit(double days) {
    this.days = days;
  }

  /** Length of one unit in days. */
  public double days() {
    return days;
  }

  /** A number of days in this unit. */
  public double of(long days) {
    return days / this.days;
  }

  /**
   * Parses {@code day|week|month} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RfmUnit parse(String s) {
    if (s != null) {
      for (RfmUnit u : values()) {
        if (u.name().equalsIgnoreCase(s.trim())) {
          return u;
        }
      }
    }
    throw new IllegalArgumentException("unknown time unit '" + s + "'; expected day, week or month");
  }

  /** Lower-case name, as on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
