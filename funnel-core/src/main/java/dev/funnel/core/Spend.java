package dev.funnel.core;

import java.time.LocalDate;

/**
 * Marketing spend of one day in a channel (table {@code spend}).
 *
 * @param date     the local day the money was spent (dataset time zone)
 * @param channel  the channel
 * @param campaign campaign, or null
 * @param amount   exact, never negative
 */
public record Spend(LocalDate date, String channel, String campaign, Money amount) {

  public Spend {
    Checks.required(date, "spend date");
    channel = Checks.id(channel, "spend channel");
    campaign = Checks.optional(campaign);
    Checks.required(amount, "spend amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("spend amount must not be negative, got " + amount);
    }
  }
}
