package dev.funnel.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A lead that needs attention as of the report's instant: overdue for its first response, or
 * stale.
 *
 * @param leadId the lead
 * @param owner  the lead's owner, or {@link Sla#NO_OWNER}
 * @param stage  the stage the lead is in as of the report's instant (its latest stage change at
 *               or before it; the first stage when it has none)
 * @param since  when the wait began: the stage time for an overdue lead, the last activity or
 *               stage change for a stale one
 * @param waited how long it has waited: on the SLA calendar for an overdue lead, in real elapsed
 *               time for a stale one
 */
public record OverdueLead(String leadId, String owner, String stage, Instant since, Duration waited) {

  /** The wait in hours (fractional), for display. */
  public double hours() {
    return BusinessCalendar.seconds(waited) / 3600.0;
  }
}
