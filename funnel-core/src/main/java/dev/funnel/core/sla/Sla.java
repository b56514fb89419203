package dev.funnel.core.sla;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.ActivityColumns;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LeadRows;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.funnel.LeadReach;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First-response SLA: how fast sales act on leads once they reach a stage (docs/spec/metrics.md,
 * "SLA"), and which leads are overdue or stale as of an instant.
 *
 * <p>Definitions:
 * <ul>
 *   <li>The clock starts when the lead reaches the query's stage: the earliest change into it or
 *       into any later progression stage ({@link LeadReach}; a skipped stage is reached with the
 *       later one). Leads that reached it after the as-of instant, or outside the query's window,
 *       are not counted.
 *   <li>The response is the lead's first activity (any type) at or after that time and at or
 *       before the as-of instant. Its time is measured on the query's {@link BusinessCalendar}.
 *   <li>Owner: the owner of the responding activity; when it has none, or the lead is still
 *       waiting, the lead's owner; {@link #NO_OWNER} when neither is known.
 *   <li>A lead without a response is censored at the as-of instant: beyond the target it is
 *       overdue and counts as a breach; inside the target it is undecided (left out of the share,
 *       censored in the percentiles). See {@link SlaStats}.
 *   <li>Stale: a lead that reached the stage, is still open as of the instant (its latest stage is
 *       neither an exit nor the won stage) and whose last movement — its latest activity or stage
 *       change at or before the instant, or the stage time if that is later — is more than the
 *       stale threshold ago, in real elapsed time.
 * </ul>
 * Rows are read in the dataset's canonical order, so results do not depend on input order.
 */
public final class Sla {

  /** The owner of leads whose owner is unknown. */
  public static final String NO_OWNER = "(none)";
  /** The owner label of the totals. */
  public static final String ALL = "(all)";

  private Sla() {}

  /**
   * The SLA report.
   *
   * @throws IllegalArgumentException when the stage is not a progression stage of the catalog
   * @throws IllegalStateException    when the dataset has no leads or no activities table
   */
  public static SlaReport compute(Dataset d, SlaQuery q) {
    Stage stage = stage(d, q);
    Scan scan = new Scan(d, stage, q);
    SlaTally tally = SlaTally.empty();
    List<OverdueLead> overdue = new ArrayList<>();
    List<OverdueLead> stale = new ArrayList<>();
    LeadColumns lc = scan.cols.leads();
    StageCatalog catalog = d.catalog();
    for (int k = 0; k < lc.withRow(); k++) {
      int lead = lc.byCreated(k);
      FirstResponse r = scan.response(lead);
      if (r == null) {
        continue;
      }
      tally.add(r);
      int current = scan.currentChange(lead);
      Stage currentStage = current < 0 ? catalog.first() : catalog.get(scan.stages.stage(current));
      String owner = scan.leadOwner(lead);
      if (r.outcome() == FirstResponse.Outcome.OVERDUE) {
        overdue.add(new OverdueLead(r.leadId(), owner, currentStage.name(), r.reachedAt(),
            r.elapsed()));
      }
      boolean open = current < 0 || (!currentStage.exit() && !currentStage.equals(catalog.won()));
      if (open) {
        Instant last = scan.lastMove(lead, r.reachedAt(), current);
        Duration silent = Duration.between(last, q.asOf());
        if (silent.compareTo(q.staleAfter()) > 0) {
          stale.add(new OverdueLead(r.leadId(), owner, currentStage.name(), last, silent));
        }
      }
    }
    Comparator<OverdueLead> longestFirst =
        Comparator.comparing(OverdueLead::waited).reversed().thenComparing(OverdueLead::leadId);
    overdue.sort(longestFirst);
    stale.sort(longestFirst);
    return new SlaReport(stage.name(), q.target(), q.asOf(), q.calendar(), tally.result(),
        tally.byOwner(), new OverdueLeads("overdue", q.asOf(), q.target(), overdue),
        new OverdueLeads("stale", q.asOf(), q.staleAfter(), stale));
  }

  /** Every counted lead's first response, in the dataset's lead order. */
  public static List<FirstResponse> responses(Dataset d, SlaQuery q) {
    Stage stage = stage(d, q);
    Scan scan = new Scan(d, stage, q);
    LeadColumns lc = scan.cols.leads();
    List<FirstResponse> out = new ArrayList<>();
    for (int k = 0; k < lc.withRow(); k++) {
      FirstResponse r = scan.response(lc.byCreated(k));
      if (r != null) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /** The mergeable state over every counted lead. */
  public static SlaTally tally(Dataset d, SlaQuery q) {
    SlaTally t = SlaTally.empty();
    responses(d, q).forEach(t::add);
    return t;
  }

  private static Stage stage(Dataset d, SlaQuery q) {
    d.require(DatasetTable.LEADS, "the first-response SLA");
    d.require(DatasetTable.ACTIVITIES, "the first-response SLA");
    Stage s = d.catalog().stage(q.stage());
    if (s.exit()) {
      throw new IllegalArgumentException(
          "the SLA clock starts at a progression stage, not at the exit " + s.name());
    }
    return s;
  }

  /**
   * One query over the dataset's columns, lead index by lead index: a lead's stage-change and
   * activity rows are contiguous and in time order, times compare as epoch milliseconds and, on
   * a tie only, as exact instants. Instants are made only for the times a result carries.
   */
  private static final class Scan {
    final Columns cols;
    final StageColumns stages;
    final ActivityColumns acts;
    private final SlaQuery q;
    private final int stage;
    private final int n;
    private final long asOfMs;

    Scan(Dataset d, Stage stage, SlaQuery q) {
      this.cols = Columns.of(d);
      this.stages = cols.stages();
      this.acts = cols.activities();
      this.q = q;
      this.stage = stage.index();
      this.n = d.catalog().progression().size();
      this.asOfMs = millis(q.asOf());
    }

    String leadOwner(int lead) {
      String o = cols.owners().value(cols.leads().owner(lead));
      return o == null ? NO_OWNER : o;
    }

    /**
     * The lead's first response, or null when it is not counted: it reached the stage (its
     * creation for the first stage, else the earliest change into it or a later progression
     * stage, {@link LeadReach}) after the as-of instant or outside the window, or never.
     */
    FirstResponse response(int lead) {
      Instant reached = null;
      if (stage == 0) {
        reached = cols.leads().created(lead);
      } else {
        for (int r = stages.from(lead); r < stages.to(lead); r++) { // time order
          int k = stages.stage(r);
          if (k < n && k >= stage) {
            reached = stages.instant(r);
            break;
          }
        }
      }
      if (reached == null || reached.isAfter(q.asOf()) || !q.inWindow(reached)) {
        return null;
      }
      long reachedMs = millis(reached);
      int first = -1;
      for (int r = acts.from(lead); r < acts.to(lead); r++) {
        if (after(acts.at(r), r, acts, q.asOf(), asOfMs)) {
          break;
        }
        long m = acts.at(r);
        if (m > reachedMs || (m == reachedMs && !acts.instant(r).isBefore(reached))) {
          first = r;
          break;
        }
      }
      String id = cols.leadIds().value(lead);
      String leadOwner = leadOwner(lead);
      if (first >= 0) {
        Instant at = acts.instant(first);
        Duration took = q.calendar().between(reached, at);
        FirstResponse.Outcome o = took.compareTo(q.target()) <= 0
            ? FirstResponse.Outcome.WITHIN : FirstResponse.Outcome.LATE;
        String named = cols.owners().value(acts.owner(first));
        return new FirstResponse(id, named != null ? named : leadOwner, reached, at, took, o);
      }
      Duration waited = q.calendar().between(reached, q.asOf());
      FirstResponse.Outcome o = waited.compareTo(q.target()) > 0
          ? FirstResponse.Outcome.OVERDUE : FirstResponse.Outcome.WAITING;
      return new FirstResponse(id, leadOwner, reached, null, waited, o);
    }

    /** The lead's latest stage-change row at or before the as-of instant, or -1. */
    int currentChange(int lead) {
      int cur = -1;
      for (int r = stages.from(lead); r < stages.to(lead); r++) {
        if (after(stages.at(r), r, stages, q.asOf(), asOfMs)) {
          break;
        }
        cur = r;
      }
      return cur;
    }

    /**
     * The latest activity or stage change at or before the as-of instant ({@code current}, the
     * latest such stage row, or -1), and not before the stage time.
     */
    Instant lastMove(int lead, Instant reached, int current) {
      Instant last = reached;
      int act = -1;
      for (int r = acts.from(lead); r < acts.to(lead); r++) {
        if (after(acts.at(r), r, acts, q.asOf(), asOfMs)) {
          break;
        }
        act = r;
      }
      if (act >= 0 && acts.instant(act).isAfter(last)) {
        last = acts.instant(act);
      }
      if (current >= 0 && stages.instant(current).isAfter(last)) {
        last = stages.instant(current);
      }
      return last;
    }
  }

  /** Whether a row at {@code ms} epoch milliseconds is after {@code t}, exactly. */
  private static boolean after(long ms, int row, LeadRows rows, Instant t, long tMs) {
    return ms > tMs || (ms == tMs && rows.instant(row).isAfter(t));
  }

  /** Epoch milliseconds of an instant rounded toward the past, saturated to the long range. */
  private static long millis(Instant t) {
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
