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
}
