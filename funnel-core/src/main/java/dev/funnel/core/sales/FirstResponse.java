package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;
import static dev.funnel.core.sales.DealHistory.ratio;
import static dev.funnel.core.sales.DealHistory.hours;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.stats.KaplanMeier;
import dev.funnel.core.stats.SurvivalCurve;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** First-response SLA per owner and the overdue and stale leads. */
final class FirstResponse {
  private FirstResponse() {}

  static SlaReport sla(Dataset d, SlaQuery q) {
    d.require(DatasetTable.LEADS, "the SLA");
    d.require(DatasetTable.STAGES, "the SLA");
    d.require(DatasetTable.ACTIVITIES, "the SLA");
    Stage start = progression(d.catalog(), q.fromStage());
    Map<String, SlaCounter> byOwner = new TreeMap<>();
    SlaCounter all = new SlaCounter();
    List<SlaCase> breaches = new ArrayList<>();
    List<SlaCase> stale = new ArrayList<>();
    Instant asOf = q.asOf();
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      Instant t0 = h.reach.reachedAt(start);
      String owner = l.owner() == null ? "(none)" : l.owner();
      Instant lastActivity = null;
      Instant first = null;
      for (dev.funnel.core.Activity a : d.activitiesOf(l.id())) { // time order
        if (a.at().isAfter(asOf)) {
          break;
        }
        lastActivity = a.at();
        if (first == null && t0 != null && !a.at().isBefore(t0)) {
          first = a.at();
        }
      }
      if (t0 == null) {
        continue;
      }
      boolean open = h.outcome == Outcome.OPEN;
      if (open) {
        Instant since = latest(latest(t0, lastActivity), h.last == null ? null : h.last.at());
        java.time.Duration idle = q.measure(since, asOf);
        if (idle.compareTo(q.staleAfter()) > 0) {
          stale.add(new SlaCase(l.id(), owner, since, hours(idle)));
        }
      }
      if (!DealHistory.inWindow(t0, q.from(), q.to())) {
        continue;
      }
      SlaCounter c = byOwner.computeIfAbsent(owner, o -> new SlaCounter());
      if (first != null) {
        java.time.Duration wait = q.measure(t0, first);
        boolean within = wait.compareTo(q.target()) <= 0;
        c.respond(hours(wait), within);
        all.respond(hours(wait), within);
      } else {
        java.time.Duration wait = q.measure(t0, asOf);
        boolean overdue = wait.compareTo(q.target()) > 0;
        c.waiting(hours(wait), overdue);
        all.waiting(hours(wait), overdue);
        if (overdue && open) {
          breaches.add(new SlaCase(l.id(), owner, t0, hours(wait)));
        }
      }
    }
    Comparator<SlaCase> longest = Comparator.comparingDouble(SlaCase::hours).reversed()
        .thenComparing(SlaCase::leadId);
    breaches.sort(longest);
    stale.sort(longest);
    List<SlaRow> owners = new ArrayList<>();
    byOwner.forEach((o, c) -> owners.add(c.row(o)));
    return new SlaReport(start.name(), q.target(), asOf, q.calendar() != null, all.row("(all)"),
        owners, breaches, q.staleAfter(), stale);
  }

  private static final class SlaCounter {
    final KaplanMeier km = KaplanMeier.empty();
    long leads;
    long responded;
    long within;
    long overdue;

    void respond(double hours, boolean inTarget) {
      leads++;
      responded++;
      within += inTarget ? 1 : 0;
      km.add(hours, true);
    }

    void waiting(double hours, boolean late) {
      leads++;
      overdue += late ? 1 : 0;
      km.add(hours, false);
    }

    SlaRow row(String owner) {
      SurvivalCurve s = km.result();
      return new SlaRow(owner, leads, responded, within, responded - within, overdue,
          leads - responded - overdue, ratio(within, responded + overdue), s.median(),
          s.percentile(0.9));
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
