package dev.funnel.core;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A timestamped hand-off: the lead entered a stage (table {@code stages} of docs/spec/dataset.md).
 *
 * @param leadId the lead
 * @param stage  the stage entered, from the dataset's catalog
 * @param at     when the lead entered it
 * @param reason coded reason for exits (LOST, RETURNED), or null
 * @param amount deal value known at this stage (the final value at WON), or null
 * @param owner  who moved the lead, or null
 */
public record StageChange(
    String leadId, Stage stage, Instant at, String reason, BigDecimal amount, String owner) {

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
    private BigDecimal amount;
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

    /** The deal amount at this change, in the dataset currency. */
    public Builder amount(BigDecimal amount) {
      this.amount = amount;
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
