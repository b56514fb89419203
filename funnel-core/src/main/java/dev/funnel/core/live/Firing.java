package dev.funnel.core.live;

import java.time.Instant;

/**
 * A trigger rule that became true for a lead: fired once per lead, rule and moment.
 *
 * @param leadId the lead
 * @param rule   the rule's name
 * @param at     the moment the rule became true
 * @param action the suggested action
 */
public record Firing(String leadId, String rule, Instant at, String action)
    implements Comparable<Firing> {

  /** Firings in time order, then by lead and rule: the order they are reported in. */
  @Override
  public int compareTo(Firing o) {
    int c = at.compareTo(o.at);
    if (c == 0) {
      c = leadId.compareTo(o.leadId);
    }
    return c != 0 ? c : rule.compareTo(o.rule);
  }
}
