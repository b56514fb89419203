package dev.funnel.core.live;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.LeadReach;
import dev.funnel.core.sla.FirstResponse;
import dev.funnel.core.sla.OverdueLead;
import dev.funnel.core.sla.OverdueLeads;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import dev.funnel.core.sla.SlaTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One standing first-response SLA kept current lead by lead: per lead in its scope (a lead row
 * that reached the stage inside the window), the facts the SLA reads, derived once per change of
 * the lead: when it reached the stage ({@link LeadReach}), its first activity at or after that
 * (the dataset's canonical activity order: time, type, owner, outcome), its activity times and its
 * stage changes in canonical order (time, stage). A report as of an instant applies {@link Sla}'s
 * rules to those facts (docs/metrics.md, first-response SLA): reached after the instant, not
 * counted; the first activity from the reach to the instant is the response, on the query's
 * calendar, within the target or late, its owner the activity's, else the lead's; no response
 * yet is overdue past the target, else waiting; an overdue lead is listed with its stage as of the
 * instant; a lead in an open stage silent (no activity, no stage change since the later of the
 * reach and its last move) for longer than the stale threshold is listed as stale.
 *
 * <p>The report reads every lead of the scope, not the change: an unanswered lead's wait, its
 * outcome and the stale list move with the as-of instant, and the response-time percentiles
 * (Kaplan-Meier) read every response time. It reads neither the rows nor the history of events.
 */
final class SlaLeads {

  private static final Comparator<Activity> ACTIVITY_ORDER = Comparator.comparing(Activity::at)
      .thenComparing(Activity::type)
      .thenComparing(Activity::owner, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Activity::outcome, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** What the SLA reads of one lead in its scope. */
  private record Facts(String id, String owner, Instant reached, Instant respondedAt,
      String responder, Instant[] activities, Instant[] stageTimes, Stage[] stages) {}

  private final SlaQuery query;
  private final StageCatalog catalog;
  private final int stage;
  private final Map<String, Facts> scope = new HashMap<>();

  /**
   * @throws IllegalArgumentException when the stage is not in the catalog, or is an exit
   */
  SlaLeads(SlaQuery query, StageCatalog catalog) {
    Stage s = catalog.stage(query.stage());
    if (s.exit()) {
      throw new IllegalArgumentException(
          "the SLA clock starts at a progression stage, not at the exit " + s.name());
    }
    this.query = query;
    this.catalog = catalog;
    this.stage = s.index();
  }

  /** Whether {@code q} is this SLA at another (or the same) as-of instant. */
  boolean is(SlaQuery q) {
    return q.asOf(query.asOf()).equals(query);
  }

  /** Replaces the lead's facts from its lead row (null: none) and rows. */
  void update(String leadId, Lead lead, List<StageChange> changes, List<Activity> activities) {
    scope.remove(leadId);
    if (lead == null) {
      return;
    }
    Instant reached = LeadReach.of(lead, changes, catalog).reachedAt(stage);
    if (reached == null || !inWindow(reached)) {
      return;
    }
    List<Activity> acts = new ArrayList<>(activities);
    acts.sort(ACTIVITY_ORDER);
    Instant[] times = new Instant[acts.size()];
    Activity first = null;
    for (int i = 0; i < times.length; i++) {
      Activity a = acts.get(i);
      times[i] = a.at();
      if (first == null && !a.at().isBefore(reached)) {
        first = a;
      }
    }
    List<StageChange> sorted = new ArrayList<>(changes);
    sorted.sort(Dataset.stageOrder());
    Instant[] stageTimes = new Instant[sorted.size()];
    Stage[] stages = new Stage[sorted.size()];
    for (int i = 0; i < stages.length; i++) {
      stageTimes[i] = sorted.get(i).at();
      stages[i] = sorted.get(i).stage();
    }
    scope.put(leadId, new Facts(leadId, lead.owner() == null ? Sla.NO_OWNER : lead.owner(),
        reached, first == null ? null : first.at(), first == null ? null : first.owner(), times,
        stageTimes, stages));
  }

  private boolean inWindow(Instant t) {
    return (query.from() == null || !t.isBefore(query.from()))
        && (query.to() == null || t.isBefore(query.to()));
  }

  /** The report as of {@code asOf}, as {@link Sla#compute} gives it on the same rows. */
  SlaReport report(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    SlaQuery q = query.asOf(asOf);
    SlaTally tally = SlaTally.empty();
    List<OverdueLead> overdue = new ArrayList<>();
    List<OverdueLead> stale = new ArrayList<>();
    for (Facts f : scope.values()) {
      if (f.reached().isAfter(asOf)) {
        continue;
      }
      FirstResponse r;
      if (f.respondedAt() != null && !f.respondedAt().isAfter(asOf)) {
        Duration took = q.calendar().between(f.reached(), f.respondedAt());
        r = new FirstResponse(f.id(), f.responder() != null ? f.responder() : f.owner(),
            f.reached(), f.respondedAt(), took, took.compareTo(q.target()) <= 0
                ? FirstResponse.Outcome.WITHIN : FirstResponse.Outcome.LATE);
      } else {
        Duration waited = q.calendar().between(f.reached(), asOf);
        r = new FirstResponse(f.id(), f.owner(), f.reached(), null, waited,
            waited.compareTo(q.target()) > 0
                ? FirstResponse.Outcome.OVERDUE : FirstResponse.Outcome.WAITING);
      }
      tally.add(r);
      int current = lastAtOrBefore(f.stageTimes(), asOf);
      Stage now = current < 0 ? catalog.first() : f.stages()[current];
      if (r.outcome() == FirstResponse.Outcome.OVERDUE) {
        overdue.add(new OverdueLead(f.id(), f.owner(), now.name(), r.reachedAt(), r.elapsed()));
      }
      if (current < 0 || (!now.exit() && !now.equals(catalog.won()))) {
        Instant last = f.reached();
        int act = lastAtOrBefore(f.activities(), asOf);
        if (act >= 0 && f.activities()[act].isAfter(last)) {
          last = f.activities()[act];
        }
        if (current >= 0 && f.stageTimes()[current].isAfter(last)) {
          last = f.stageTimes()[current];
        }
        Duration silent = Duration.between(last, asOf);
        if (silent.compareTo(q.staleAfter()) > 0) {
          stale.add(new OverdueLead(f.id(), f.owner(), now.name(), last, silent));
        }
      }
    }
    Comparator<OverdueLead> longestFirst =
        Comparator.comparing(OverdueLead::waited).reversed().thenComparing(OverdueLead::leadId);
    overdue.sort(longestFirst);
    stale.sort(longestFirst);
    return new SlaReport(catalog.stage(q.stage()).name(), q.target(), asOf, q.calendar(),
        tally.result(), tally.byOwner(), new OverdueLeads("overdue", asOf, q.target(), overdue),
        new OverdueLeads("stale", asOf, q.staleAfter(), stale));
  }

  /** The index of the last time at or before {@code t} in ascending times, or -1. */
  private static int lastAtOrBefore(Instant[] times, Instant t) {
    int lo = 0;
    int hi = times.length; // first index after t
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid].isAfter(t)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo - 1;
  }

  @Override
  public String toString() {
    return "SlaLeads[" + query.stage() + ", " + scope.size() + " leads]";
  }
}
