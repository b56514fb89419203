package dev.funnel.scoring;

import java.util.Locale;

/**
 * The rules that pick a lead's or deal's next step in the worklist, in priority order: the first
 * that applies names the step. The tier orders the items of an owner (lower first): first
 * responses that are due now, then the work ranked by expected value, then housekeeping; within
 * a tier the larger expected value comes first.
 */
public enum NextStepRule {
  /** Reached the SLA stage, no activity yet, the first-response target exceeded (SLA breach). */
  FIRST_RESPONSE_OVERDUE(0),
  /** Reached the SLA stage, no activity yet, the target not yet exceeded: respond before it is. */
  FIRST_RESPONSE_DUE(1),
  /**
   * Open for more than four times the stale threshold without activity or stage change: close it
   * as lost or return it to marketing.
   */
  DORMANT(3),
  /** A deal (SQL or later) without activity or stage change for longer than the stale threshold. */
  STALE_DEAL(2),
  /** A lead at the first stage whose points reach the MQL threshold: qualify it as MQL. */
  POINTS_MQL(2),
  /** The next step of the stage (MQL: qualify; SQL: accept; ...; NEGOTIATION: close). */
  STAGE_NEXT_STEP(2),
  /** A lead before SQL without activity or stage change for longer than the stale threshold. */
  STALE_LEAD(2),
  /** A lead at the first stage below the MQL threshold: marketing keeps nurturing it. */
  NURTURE(3);

  private final int tier;

  NextStepRule(int tier) {
    this.tier = tier;
  }

  /**
   * Whether the step is the owner's to take, and so takes the owner's capacity ({@link Capacity});
   * only {@link #NURTURE} is not: marketing nurtures.
   */
  public boolean ownerAction() {
    return this != NURTURE;
  }

  /** The ordering tier (0 = most urgent). */
  public int tier() {
    return tier;
  }

  /** Lower-case name with underscores, as printed. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
