package dev.funnel.core;

import java.util.List;

/**
 * One lead's rows: the lead (null when the leads table has no row of it), and its stage changes,
 * activities, touches and payments. The argument of every per-lead step ({@code LeadReach.of},
 * {@code JourneySet.pathOf}, {@code Cohorts.anchorLead}), which routes that group rows by lead
 * (Spark's {@code groupByKey}, a host's own store, {@link Dataset#history(String)}) hand over
 * instead of four or five loose lists. The lists are copied; any order (each step sorts what it
 * needs).
 *
 * <p>Payments: a step that reads revenue (paid revenue within days of a conversion) reads the
 * payments given here; give the payments of the lead's customer, as {@link Dataset#history}
 * does, for the results of the batch calculators. A live funnel's history
 * ({@code LiveFunnel.history}) holds the payments booked to the lead, each list in time order.
 *
 * @param id         the lead id
 * @param lead       the lead's row of the leads table, or null
 * @param stages     its stage changes
 * @param activities its activities
 * @param touches    its touches
 * @param payments   the payments of its customer (of a live funnel: booked to it)
 */
public record LeadHistory(String id, Lead lead, List<StageChange> stages,
    List<Activity> activities, List<Touch> touches, List<Payment> payments) {

  public LeadHistory {
    if (id == null) {
      throw new IllegalArgumentException("a lead history needs the lead id");
    }
    if (lead != null && !lead.id().equals(id)) {
      throw new IllegalArgumentException("the history of lead '" + id + "' holds lead '" + lead.id() + "'");
    }
    stages = List.copyOf(stages);
    activities = List.copyOf(activities);
    touches = List.copyOf(touches);
    payments = List.copyOf(payments);
  }

  /** A lead with no other rows yet. */
  public static LeadHistory of(Lead lead) {
    return new LeadHistory(lead.id(), lead, List.of(), List.of(), List.of(), List.of());
  }
}
