package dev.funnel.core.sales;

import java.time.Instant;

/**
 * An open lead that needs attention: overdue for a first response, or stale.
 *
 * @param leadId the lead
 * @param owner  its owner, or {@code (none)}
 * @param since  the hand-off (overdue) or the last activity or stage change (stale)
 * @param hours  time waited since then, in hours (working hours with a calendar)
 */
public record SlaCase(String leadId, String owner, Instant since, double hours) {}
