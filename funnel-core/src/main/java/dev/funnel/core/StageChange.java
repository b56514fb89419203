package dev.funnel.core;

import java.time.Instant;

/**
 * A timestamped hand-off: the lead entered a stage (table {@code stages} of docs/spec/dataset.md).
 *
 * <p>The amount is {@link Money}. The {@code stages} table has no currency column (one currency per
 * dataset, docs/spec/dataset.md "Money"), so an amount read from a file, or given without a
 * currency ({@link Money#UNSPECIFIED}), is in the dataset's currency: a {@link Dataset} gives it
 * back in {@link Dataset#currency()}. An amount that states a currency must be in the dataset's
 * one (or be converted by the dataset's {@link CurrencyRates}); another currency is an error, as
 * for payments.
 *
 * @param leadId the lead
 * @param stage  the stage entered, from the dataset's catalog
 * @param at     when the lead entered it
 * @param reason coded reason for exits (LOST, RETURNED), or null
 * @param amount deal value known at this stage (the final value at WON), or null
 * @param owner  who moved the lead, or null
 */
public record StageChange(
    String leadId, Stage stage, Instant at, String reason, Money amount, String owner) {

  public StageChange {
    leadId = Checks.id(leadId, "stage change lead_id");
    Checks.required(stage, "stage change stage");
    Checks.required(at, "stage change time (at)");
    reason = Checks.optional(reason);
    if (reason != null) {
      reason = reason.toLowerCase(java.util.Locale.ROOT);
    }
    owner = Checks.optional(owner);
  }

  /** A stage change with no reason, amount or owner. */
  public static StageChange of(String leadId, Stage stage, Instant at) {
    return new StageChange(leadId, stage, at, null, null, null);
  }

  /**
   * A builder with the required parts, for the optional ones by name:
   * {@code StageChange.builder("L1", catalog.stage("LOST"), at).reason("no_budget").build()}.
   */
  public static Builder builder(String leadId, Stage stage, Instant at) {
    return new Builder(leadId, stage, at);
  }

  /** Named optional parts of a {@link StageChange}; {@link #build()} checks them as the constructor does. */
  public static final class Builder {
    private final String leadId;
    private final Stage stage;
    private final Instant at;
    private String reason;
    private Money amount;
    private String owner;

    private Builder(String leadId, Stage stage, Instant at) {
      this.leadId = leadId;
      this.stage = stage;
      this.at = at;
    }

    /** The coded reason of a LOST or RETURNED change. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** The deal amount at this change; without a currency it is in the dataset's currency. */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * The deal amount as plain decimal text ({@code "1234.50"}) without a currency: it is in the
     * dataset's currency ({@link Money#of(String)}).
     *
     * @throws IllegalArgumentException when the text is not a plain decimal amount
     */
    public Builder amount(String amount) {
      this.amount = Money.of(amount);
      return this;
    }

    /** The owner at this change. */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /** The stage change; throws {@code IllegalArgumentException} as the constructor does. */
    public StageChange build() {
      return new StageChange(leadId, stage, at, reason, amount, owner);
    }
  }
}
