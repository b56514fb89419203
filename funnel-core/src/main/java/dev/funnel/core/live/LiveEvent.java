package dev.funnel.core.live;

import dev.funnel.core.Activity;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.util.Objects;

/**
 * One event a host feeds to a {@link LiveFunnel}: a row of the dataset (a lead created or
 * updated, a stage change, an activity, a touch, a payment, a spend row, a plan target) under the
 * host's identity for it. The same identity twice with the same row counts once; with another
 * row, the later one replaces the earlier (a correction). A lead's identity is its id, so a lead
 * update replaces the lead.
 *
 * <p>Corrections carry a {@code version} (e.g. the source system's update counter or time): of
 * two events with one identity the higher version wins whatever order they arrive in, so a
 * stream of events and corrections gives the same state in any order. Equal versions with
 * different rows: the one applied later wins.
 *
 * @param id      the event's identity, unique among the host's events
 * @param version the event's version: the highest wins
 * @param row     the row: a {@link Lead}, {@link StageChange}, {@link Activity}, {@link Touch},
 *                {@link Payment}, {@link Spend} or {@link PlanTarget}
 */
public record LiveEvent(String id, long version, Object row) {

  /** Validates the identity and the kind of row. */
  public LiveEvent {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a live event needs an identity");
    }
    Objects.requireNonNull(row, "row");
    if (!(row instanceof Lead || row instanceof StageChange || row instanceof Activity
        || row instanceof Touch || row instanceof Payment || row instanceof Spend
        || row instanceof PlanTarget)) {
      throw new IllegalArgumentException("a live event carries a dataset row, not a "
          + row.getClass().getSimpleName());
    }
  }

  /** A lead created or updated (version 0): its identity is {@code lead:} and its id. */
  public static LiveEvent of(Lead lead) {
    return new LiveEvent("lead:" + lead.id(), 0, lead);
  }

  /** A row under the host's identity, version 0. */
  public static LiveEvent of(String id, Object row) {
    return new LiveEvent(id, 0, row);
  }

  /** A correction (or first version) of a row under the host's identity. */
  public static LiveEvent of(String id, long version, Object row) {
    return new LiveEvent(id, version, row);
  }

  /** Adds the row to a dataset under construction, in the table of its kind. */
  void addTo(dev.funnel.core.Dataset.Builder b) {
    if (row instanceof Lead l) {
      b.lead(l);
    } else if (row instanceof StageChange s) {
      b.stageChange(s);
    } else if (row instanceof Activity a) {
      b.activity(a);
    } else if (row instanceof Touch t) {
      b.touch(t);
    } else if (row instanceof Payment p) {
      b.payment(p);
    } else if (row instanceof Spend s) {
      b.spend(s);
    } else {
      b.planTarget((PlanTarget) row);
    }
  }

  /** The lead the row belongs to, or null (spend, plan, a payment booked to no lead). */
  String leadId() {
    if (row instanceof Lead l) {
      return l.id();
    }
    if (row instanceof StageChange s) {
      return s.leadId();
    }
    if (row instanceof Activity a) {
      return a.leadId();
    }
    if (row instanceof Touch t) {
      return t.leadId();
    }
    if (row instanceof Payment p) {
      return p.leadId();
    }
    return null;
  }
}
