package dev.funnel.attribution;

import java.time.Duration;

/**
 * How journeys are cut from a dataset's touches and stages (docs/spec/cli.md, attribution).
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
 * @param byCampaign            attribute to campaigns: a touch's channel becomes
 *                              {@code channel / campaign} ({@link #campaignKey}) when it has a
 *                              campaign
 */
public record JourneyOptions(
    String conversionStage, int lookbackDays, Integer paidRevenueWithinDays, String opportunityStage,
    boolean byCampaign) {

  /** The conventions of docs/spec/cli.md: won stage, 90 days, stage amount as value, by channel. */
  public static final JourneyOptions DEFAULTS = new JourneyOptions(null, 90, null, null, false);

  /** Separates channel and campaign in the credit key of campaign-level attribution. */
  public static final String CAMPAIGN_SEPARATOR = " / ";

  /** The credit key of a channel and campaign: {@code channel / campaign}, or the channel alone. */
  public static String campaignKey(String channel, String campaign) {
    return campaign == null ? channel : channel + CAMPAIGN_SEPARATOR + campaign;
  }

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
    return new JourneyOptions(stage, lookbackDays, paidRevenueWithinDays, opportunityStage, byCampaign);
  }

  /** These options with another lookback. */
  public JourneyOptions withLookbackDays(int days) {
    return new JourneyOptions(conversionStage, days, paidRevenueWithinDays, opportunityStage, byCampaign);
  }

  /** These options with the value taken from payments within N days of the conversion. */
  public JourneyOptions withPaidRevenueWithinDays(int days) {
    return new JourneyOptions(conversionStage, lookbackDays, days, opportunityStage, byCampaign);
  }

  /** These options with another opportunity stage for the W-shaped marker. */
  public JourneyOptions withOpportunityStage(String stage) {
    return new JourneyOptions(conversionStage, lookbackDays, paidRevenueWithinDays, stage, byCampaign);
  }

  /** These options attributing to {@code channel / campaign} instead of channels. */
  public JourneyOptions withCampaigns(boolean campaigns) {
    return new JourneyOptions(conversionStage, lookbackDays, paidRevenueWithinDays, opportunityStage, campaigns);
  }

  Duration lookback() {
    return Duration.ofDays(lookbackDays);
  }
}
