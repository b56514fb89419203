package dev.funnel.core;

import java.time.Instant;
import java.util.Locale;

/**
 * A sales activity on a lead (table {@code activities}): the input of first-response SLA and of
 * per-owner KPIs.
 *
 * @param leadId  the lead
 * @param at      when it happened
 * @param type    {@code call}, {@code email}, {@code meeting}, {@code demo}, {@code proposal},
 *                {@code chat}, {@code other} or a company's own code (lower-case)
 * @param owner   who did it, or null
 * @param outcome e.g. {@code reached}, {@code not_reached}, or null
 */
public record Activity(String leadId, Instant at, String type, String owner, String outcome) {

  public Activity {
    leadId = Checks.id(leadId, "activity lead_id");
    Checks.required(at, "activity time (at)");
    type = Checks.id(type, "activity type").toLowerCase(Locale.ROOT);
    owner = Checks.optional(owner);
    outcome = Checks.optional(outcome);
    if (outcome != null) {
      outcome = outcome.toLowerCase(Locale.ROOT);
    }
  }
}
