package dev.funnel.core;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A marketing touchpoint of a lead's journey (table {@code touches}): the input of attribution.
 *
 * @param leadId   the journey this touch belongs to
 * @param at       when it happened
 * @param channel  the channel; {@code direct} marks a direct, non-marketing visit
 * @param campaign campaign, or null
 * @param kind     online (default) or offline
 * @param cost     cost of this touch if known, or null
 */
public record Touch(
    String leadId, Instant at, String channel, String campaign, TouchKind kind, BigDecimal cost) {

  /** The conventional name of direct (non-marketing) visits. */
  public static final String DIRECT = "direct";

  public Touch {
    leadId = Checks.id(leadId, "touch lead_id");
    Checks.required(at, "touch time (at)");
    channel = Checks.id(channel, "touch channel");
    campaign = Checks.optional(campaign);
    kind = kind == null ? TouchKind.ONLINE : kind;
    if (cost != null && cost.signum() < 0) {
      throw new IllegalArgumentException("touch cost must not be negative, got " + cost);
    }
  }

  /** An online touch without campaign or cost. */
  public static Touch of(String leadId, Instant at, String channel) {
    return new Touch(leadId, at, channel, null, TouchKind.ONLINE, null);
  }
}
