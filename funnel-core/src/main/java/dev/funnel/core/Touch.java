package dev.funnel.core;

import java.time.Instant;

/**
 * A marketing touchpoint of a lead's journey (table {@code touches}): the input of attribution.
 *
 * <p>The cost is {@link Money}. The {@code touches} table has no currency column (one currency per
 * dataset, docs/spec/dataset.md "Money"), so a cost read from a file, or given without a currency
 * ({@link Money#UNSPECIFIED}), is in the dataset's currency: a {@link Dataset} gives it back in
 * {@link Dataset#currency()}. A cost that states a currency must be in the dataset's one (or be
 * converted by the dataset's {@link CurrencyRates}); another currency is an error, as for payments.
 *
 * @param leadId   the journey this touch belongs to
 * @param at       when it happened
 * @param channel  the channel; {@code direct} marks a direct, non-marketing visit
 * @param campaign campaign, or null
 * @param kind     online (default) or offline
 * @param cost     cost of this touch if known, or null
 */
public record Touch(
    String leadId, Instant at, String channel, String campaign, TouchKind kind, Money cost) {

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

  /**
   * A builder with the required parts, for the optional ones by name:
   * {@code Touch.builder("L1", at, "email").campaign("nurture").kind(TouchKind.OFFLINE).build()}.
   */
  public static Builder builder(String leadId, Instant at, String channel) {
    return new Builder(leadId, at, channel);
  }

  /** Named optional parts of a {@link Touch}; {@link #build()} checks them as the constructor does. */
  public static final class Builder {
    private final String leadId;
    private final Instant at;
    private final String channel;
    private String campaign;
    private TouchKind kind = TouchKind.ONLINE;
    private Money cost;

    private Builder(String leadId, Instant at, String channel) {
      this.leadId = leadId;
      this.at = at;
      this.channel = channel;
    }

    /** The campaign. */
    public Builder campaign(String campaign) {
      this.campaign = campaign;
      return this;
    }

    /** Online (the default) or offline. */
    public Builder kind(TouchKind kind) {
      this.kind = kind;
      return this;
    }

    /** The touch's own cost; without a currency it is in the dataset's currency. */
    public Builder cost(Money cost) {
      this.cost = cost;
      return this;
    }

    /**
     * The touch's own cost as plain decimal text ({@code "0.85"}) without a currency: it is in the
     * dataset's currency ({@link Money#of(String)}).
     *
     * @throws IllegalArgumentException when the text is not a plain decimal amount
     */
    public Builder cost(String cost) {
      this.cost = Money.of(cost);
      return this;
    }

    /** The touch; throws {@code IllegalArgumentException} as the constructor does. */
    public Touch build() {
      return new Touch(leadId, at, channel, campaign, kind, cost);
    }
  }
}
