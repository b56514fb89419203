package dev.funnel.attribution;

import java.time.Duration;

/**
 * How journeys are cut from a dataset's touches and stages (spec/cli.md, attribution).
 *
 * @param conversionStage       the stage whose entry is the conversion; null means the catalog's
 *                              won stage
 * @param lookbackDays          touches older than this many days before the conversion (or, for
 *                              a lead that never converts, before its latest touch) do not count;
 *                              default 90
 * @param paidRevenueWithinDays when not null, the conversion value is the lead's paid revenue
 *                              (payments, refunds included) in the days [conversion, conversion +
 *                              N days] instead of the amount on the conversion stage change
 * @param opportunityStage      the stage whose entry marks the opportunity-creation touch of the
 *                              W-shaped model; null means {@code OPPORTUNITY} when the catalog has
 *                              it
 */
public record JourneyOptions(
    String conversionStage, int lookbackDays, Integer paidRevenueWithinDays, String opportunityStage) {

  /** The conventions of spec/cli.md: won stage, 90 days, stage amount as value. */
  public static final JourneyOptions DEFAULTS = new JourneyOptions(null, 90, null, null);

  public JourneyOptions {
    if (lookbackDays < 0) {
      throw new IllegalArgumentException("lookback must be >= 0 days, got " + lookbackDays);
    }
    if (paidRevenueWithinDays != null && paidRevenueWithinDays < 0) {
      throw new IllegalArgumentException(
          "paid-revenue window must be >= 0 days, got " + paidRevenueWithinDays);
    }
  }

  /** These options with another conversion stage. */
  public JourneyOptions withConversionStage(String stage) {
    return new JourneyOptions(stage, lookbackDays, paidRevenueWithinDays, opportunityStage);
  }

  /** These options with another lookback. */
  public JourneyOptions withLookbackDays(int days) {
    return new JourneyOptions(conversionStage, days, paidRevenueWithinDays, opportunityStage);
  }

  /** These options with the value taken from payments within N days of the conversion. */
  public JourneyOptions withPaidRevenueWithinDays(int days) {
    return new JourneyOptions(conversionStage, lookbackDays, days, opportunityStage);
  }

  Duration lookback() {
    return Duration.ofDays(lookbackDays);
  }
}
