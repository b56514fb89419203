package dev.funnel.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One lead's first response: when it reached the SLA stage, when sales first acted on it (if they
 * did by the as-of instant), and how long that took on the query's clock.
 *
 * @param leadId      the lead
 * @param owner       who responded (the activity's owner), else the lead's owner, else
 *                    {@link Sla#NO_OWNER}; for a lead still waiting, the lead's owner
 * @param reachedAt   when the lead reached the SLA stage (the clock starts)
 * @param respondedAt the first activity at or after {@code reachedAt} and at or before the as-of
 *                    instant, or null while waiting
 * @param elapsed     response time, or for a waiting lead the time waited until the as-of instant
 *                    (censored); on the query's calendar
 * @param outcome     within target, late, overdue (waiting beyond target) or waiting (undecided)
 */
public record FirstResponse(
    String leadId, String owner, Instant reachedAt, Instant respondedAt, Duration elapsed,
    Outcome outcome) {

  /** How a lead stands against the target. */
  public enum Outcome {
    /** Responded, and no later than the target. */
    WITHIN,
    /** Responded after the target. */
    LATE,
    /** No response yet and the target is already exceeded: a breach. */
    OVERDUE,
    /** No response yet, target not exceeded: undecided, excluded from the share. */
    WAITING;

    /** Lower-case name. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this outcome breaches the target. */
    public boolean breach() {
      return this == LATE || this == OVERDUE;
    }
  }

  public FirstResponse {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(reachedAt, "reachedAt");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(outcome, "outcome");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed time must not be negative, got " + elapsed);
    }
    if ((respondedAt == null) != (outcome == Outcome.OVERDUE || outcome == Outcome.WAITING)) {
      throw new IllegalArgumentException(
          "outcome " + outcome + " does not match respondedAt " + respondedAt + " for lead " + leadId);
    }
  }

  /** Whether sales responded by the as-of instant. */
  public boolean responded() {
    return respondedAt != null;
  }

  /** The elapsed time in minutes (fractional). */
  public double minutes() {
    return BusinessCalendar.seconds(elapsed) / 60.0;
  }
}
