package dev.funnel.scoring;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.sla.FirstResponse;
import dev.funnel.core.sla.OverdueLead;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The next-best-action worklist: for every open lead and deal as of an instant (created by then,
 * not closed by an exit, not won), the recommended next step, ranked per owner.
 *
 * <p>The step comes from the first {@link NextStepRule} that applies, and the item names it:
 * <ol>
 *   <li>first response overdue / due: the library's first-response SLA ({@link Sla}, from the
 *       query's SLA stage and target, real elapsed time): the lead reached the stage and has no
 *       activity yet, beyond or within the target;
 *   <li>dormant: no activity or stage change for more than four times the stale threshold;
 *   <li>stale deal (SQL or later) and, after the stage steps, stale lead: the SLA's stale
 *       definition ({@link Sla}: no activity or stage change for longer than the stale threshold,
 *       counted from the latest of them or the stage time); a lead that has not reached the SLA
 *       stage is measured the same way from its creation;
 *   <li>at the first stage: qualify as MQL when the points reach the threshold, else nurture;
 *   <li>otherwise the stage's next step (default catalog: MQL qualify, SQL accept, SAL demo,
 *       OPPORTUNITY proposal, PROPOSAL negotiate, NEGOTIATION close; any other stage: move to the
 *       next one).
 * </ol>
 * Expected value = P(won within the won horizon) x deal value: the probability from a
 * {@link LeadModel} for the won stage fitted as of the instant; the value the deal's latest
 * amount, else the expected deal size of its segment and channel ({@link DealValues}). An owner's
 * items are ordered by the rule's tier ({@link NextStepRule#tier()}: first responses, then the
 * work, then housekeeping), then expected value (largest first, undefined last), then lead id:
 * the same inputs give the same list, whatever the order of the rows.
 */
public final class Worklist {

  private Worklist() {}

  /**
   * The worklist as of the query's instant.
   *
   * @throws IllegalStateException when the dataset has no leads table
   */
  public static WorklistReport compute(Dataset d, ScoreQuery q) {
    d.require(DatasetTable.LEADS, "the worklist");
    Timeline tl = new Timeline(d);
    return compute(tl, q, new ModelCache(tl, q));
  }

  static WorklistReport compute(Timeline tl, ScoreQuery q, ModelCache models) {
    List<String> notes = new ArrayList<>();
    LeadModel won = null;
    try {
      won = models.get(tl.catalog.won().name(), q.wonHorizon());
    } catch (IllegalArgumentException e) {
      notes.add("no won probability (expected values undefined): " + e.getMessage());
    }
    return compute(tl, q, won, notes);
  }

  static WorklistReport compute(Timeline tl, ScoreQuery q, LeadModel won, List<String> notes) {
    Dataset d = tl.dataset;
    Instant asOf = q.asOf();
    long ms = Timeline.millis(asOf);
    int sub = Timeline.sub(asOf);
    Map<String, FirstResponse> waiting = new HashMap<>();
    Set<String> staleSla = new HashSet<>();
    Stage slaStage = tl.catalog.find(q.slaStage()).filter(Stage::progression).orElse(null);
    boolean slaKnown = d.has(DatasetTable.ACTIVITIES) && slaStage != null;
    if (slaKnown) {
      SlaQuery sq = SlaQuery.of(q.slaStage(), q.slaTarget(), asOf).staleAfter(q.staleAfter());
      for (FirstResponse r : Sla.responses(d, sq)) {
        if (!r.responded()) {
          waiting.put(r.leadId(), r);
        }
      }
      SlaReport report = Sla.compute(d, sq);
      for (OverdueLead l : report.stale().leads()) {
        staleSla.add(l.leadId());
      }
      notes.add(String.format(Locale.ROOT, "first response: from %s within %s (real time); stale: no"
          + " activity or stage change for more than %s", slaStage.name(), human(q.slaTarget()),
          human(q.staleAfter())));
    } else if (slaStage == null) {
      notes.add("the catalog has no progression stage " + q.slaStage() + ": first responses not"
          + " checked; stale: no activity or stage change for more than " + human(q.staleAfter()));
    } else {
      notes.add("no activities table: first responses not checked; stale: no stage change for more"
          + " than " + human(q.staleAfter()));
    }
    DealValues values = new DealValues(tl, ms, sub);
    BoundRules rules = new BoundRules(q.rules(), tl);
    LeadModel.Scorer scorer = won == null ? null : won.scorer(tl);
    if (won != null) {
      notes.add(String.format(Locale.ROOT, "P(won): the %s model fitted as of the instant on %d"
          + " snapshots; value: the deal's latest amount, else the mean won deal of its segment and"
          + " channel (shrunk toward the segment's)", won.label(), won.card().rows()));
    }
    int sqlIndex = tl.catalog.find("SQL").map(Stage::index).orElse(Math.min(2, tl.wonIndex - 1));
    Timeline.State st = tl.state();
    List<WorkItem> items = new ArrayList<>();
    double staleDays = q.staleAfter().toMillis() / Timeline.DAY_MS;
    // leads in index order (every table's rows are stored in it: sequential reads); the items
    // are sorted below
    for (int l = 0; l < tl.leads.size(); l++) {
      if (!tl.leads.hasRow(l) || !Panel.le(tl.leads.createdAt(l), tl.createdSub(l), ms, sub)) {
        continue;
      }
      tl.load(st, l, ms, sub, won == null ? -1 : tl.wonIndex);
      if (st.closed || st.stage >= tl.wonIndex) {
        continue;
      }
      String id = tl.leads.id(l);
      double idle = st.daysSince(st.lastMoveMs());
      double points = rules.score(st, null);
      double p = scorer == null ? Double.NaN : scorer.probability(st);
      double value = !Double.isNaN(st.amount) && st.amount > 0 ? st.amount
          : values.expected(FeatureRef.SEGMENT.text(tl, st), FeatureRef.CHANNEL.text(tl, st));
      String owner = st.lastOwner < 0 ? FeatureRef.NONE : tl.cols.owners().value(st.lastOwner);
      Stage stage = tl.catalog.get(st.stage);
      boolean stale = slaKnown && st.stage >= slaStage.index() ? staleSla.contains(id) : idle > staleDays;
      FirstResponse fr = waiting.get(id);
      NextStepRule rule;
      String action;
      String reason;
      Instant due = null;
      if (fr != null && fr.outcome() == FirstResponse.Outcome.OVERDUE) {
        rule = NextStepRule.FIRST_RESPONSE_OVERDUE;
        action = "respond now: call or write";
        due = fr.reachedAt().plus(q.slaTarget());
        reason = String.format(Locale.ROOT, "%s since %s, no activity for %.1f h (target %s)",
            slaStage.name(), fr.reachedAt(), fr.elapsed().toSeconds() / 3600.0, human(q.slaTarget()));
      } else if (fr != null) {
        rule = NextStepRule.FIRST_RESPONSE_DUE;
        due = fr.reachedAt().plus(q.slaTarget());
        action = "respond by " + due;
        reason = String.format(Locale.ROOT, "%s since %s, first response due", slaStage.name(), fr.reachedAt());
      } else if (idle > 4 * staleDays) {
        rule = NextStepRule.DORMANT;
        action = st.stage >= sqlIndex ? "close as lost, or revive with a new next step"
            : "close, or return to marketing";
        reason = "no activity or stage change for " + days(idle);
      } else if (stale && st.stage >= sqlIndex) {
        rule = NextStepRule.STALE_DEAL;
        action = "re-engage: follow up and set the next step";
        reason = "no activity or stage change for " + days(idle);
      } else if (st.stage == 0 && points >= q.rules().threshold()) {
        rule = NextStepRule.POINTS_MQL;
        action = "qualify as MQL and hand to sales";
        reason = String.format(Locale.ROOT, "%s points >= MQL threshold %s", Encoding.compact(points),
            Encoding.compact(q.rules().threshold()));
      } else if (st.stage > 0 && !stale) {
        rule = NextStepRule.STAGE_NEXT_STEP;
        action = nextStep(tl, stage);
        reason = stage.name() + " for " + days(st.daysSince(st.stageSinceMs));
      } else if (stale) {
        rule = NextStepRule.STALE_LEAD;
        action = "re-engage once, else return to marketing";
        reason = "no activity or stage change for " + days(idle);
      } else {
        rule = NextStepRule.NURTURE;
        action = "nurture (marketing)";
        reason = String.format(Locale.ROOT, "%s points < MQL threshold %s", Encoding.compact(points),
            Encoding.compact(q.rules().threshold()));
      }
      items.add(new WorkItem(owner, 0, id, stage.name(), rule, action, reason, due, idle, points, p,
          value, p * value, rule.ownerAction() ? Assignment.OVERFLOW : Assignment.MARKETING));
    }
    sort(items);
    Map<String, Capacities.Measured> measured = Capacities.measure(tl, q);
    Map<String, OwnerCapacity> given = Capacities.resolve(items, q.capacity(), measured, notes);
    List<WorkItem> ranked = new ArrayList<>(items.size());
    List<OwnerCapacity> capacities = new ArrayList<>();
    int from = 0;
    while (from < items.size()) {
      String owner = items.get(from).owner();
      int to = from;
      while (to < items.size() && items.get(to).owner().equals(owner)) {
        to++;
      }
      OwnerCapacity c = given.get(owner);
      int taken = 0;
      int[] counts = new int[Assignment.values().length];
      double[] value = {Double.NaN, Double.NaN, Double.NaN};
      for (int k = from; k < to; k++) {
        WorkItem w = items.get(k);
        Assignment a = w.assignment();
        if (a != Assignment.MARKETING) {
          boolean within = c.source() == OwnerCapacity.Source.UNKNOWN
              || (c.source() != OwnerCapacity.Source.NO_OWNER && taken < c.capacity());
          a = within ? Assignment.ASSIGNED : Assignment.OVERFLOW;
          taken++;
        }
        counts[a.ordinal()]++;
        if (!Double.isNaN(w.expectedValue())) {
          value[a.ordinal()] = (Double.isNaN(value[a.ordinal()]) ? 0 : value[a.ordinal()])
              + w.expectedValue();
        }
        ranked.add(new WorkItem(w.owner(), k - from + 1, w.leadId(), w.stage(), w.rule(), w.action(),
            w.reason(), w.due(), w.idleDays(), w.points(), w.probability(), w.dealValue(),
            w.expectedValue(), a));
      }
      capacities.add(new OwnerCapacity(owner, c.capacity(), c.source(), c.activities(),
          c.activeDays(), to - from, counts[Assignment.ASSIGNED.ordinal()],
          counts[Assignment.OVERFLOW.ordinal()], counts[Assignment.MARKETING.ordinal()],
          value[Assignment.ASSIGNED.ordinal()], value[Assignment.OVERFLOW.ordinal()]));
      from = to;
    }
    return new WorklistReport(asOf, d.currency(), ranked, capacities, notes);
  }

  /**
   * Sorts items by owner, then the owner's own actions before marketing's, then tier, then
   * expected value (largest first, undefined last), then lead id: with the keys taken once per
   * item into primitives (owners ranked by name), so a comparison boxes nothing.
   */
  static void sort(List<WorkItem> items) {
    java.util.TreeSet<String> owners = new java.util.TreeSet<>();
    for (WorkItem w : items) {
      owners.add(w.owner());
    }
    Map<String, Integer> rank = new HashMap<>();
    for (String o : owners) {
      rank.put(o, rank.size());
    }
    record Keyed(int owner, int group, double value, WorkItem item) {}
    List<Keyed> keyed = new ArrayList<>(items.size());
    for (WorkItem w : items) {
      int group = (w.rule().ownerAction() ? 0 : 8) + w.rule().tier();
      double v = Double.isNaN(w.expectedValue()) ? Double.POSITIVE_INFINITY : -w.expectedValue();
      keyed.add(new Keyed(rank.get(w.owner()), group, v, w));
    }
    keyed.sort((a, b) -> {
      int c = Integer.compare(a.owner, b.owner);
      if (c == 0) {
        c = Integer.compare(a.group, b.group);
      }
      if (c == 0) {
        c = Double.compare(a.value, b.value);
      }
      return c != 0 ? c : a.item.leadId().compareTo(b.item.leadId());
    });
    for (int i = 0; i < keyed.size(); i++) {
      items.set(i, keyed.get(i).item);
    }
  }

  /** The next step of a stage: the default catalog's wording, else "move to NEXT". */
  static String nextStep(Timeline tl, Stage s) {
    switch (s.name()) {
      case "MQL": return "qualify (budget, authority, need, timing): SQL or return";
      case "SQL": return "accept: book the discovery meeting";
      case "SAL": return "open the opportunity: run the demo";
      case "OPPORTUNITY": return "send the proposal";
      case "PROPOSAL": return "follow up on the proposal and negotiate";
      case "NEGOTIATION": return "close: agree terms and send the contract";
      default: {
        Stage next = tl.catalog.get(Math.min(s.index() + 1, tl.wonIndex));
        return "move to " + next.name();
      }
    }
  }

  /** {@code 1 day}, {@code 12 days} (rounded), {@code 5 hours} under a day. */
  static String days(double d) {
    if (d < 1) {
      long h = Math.round(d * 24);
      return h + (h == 1 ? " hour" : " hours");
    }
    long n = Math.round(d);
    return n + (n == 1 ? " day" : " days");
  }

  /** {@code 7d}, {@code 1h}, {@code 90m}. */
  static String human(java.time.Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
