package dev.funnel.core.sla;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.LeadReach;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First-response SLA: how fast sales act on leads once they reach a stage (spec/metrics.md,
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
    SlaTally tally = SlaTally.empty();
    List<OverdueLead> overdue = new ArrayList<>();
    List<OverdueLead> stale = new ArrayList<>();
    for (Lead lead : counted(d, q)) {
      FirstResponse r = response(d, lead, stage, q);
      if (r == null) {
        continue;
      }
      tally.add(r);
      StageChange current = currentChange(d, lead, q.asOf());
      String currentName = current == null ? d.catalog().first().name() : current.stage().name();
      String owner = lead.owner() == null ? NO_OWNER : lead.owner();
      if (r.outcome() == FirstResponse.Outcome.OVERDUE) {
        overdue.add(new OverdueLead(lead.id(), owner, currentName, r.reachedAt(), r.elapsed()));
      }
      boolean open = current == null
          || (!current.stage().exit() && !current.stage().equals(d.catalog().won()));
      if (open) {
        Instant last = lastMove(d, lead, r.reachedAt(), q.asOf());
        Duration silent = Duration.between(last, q.asOf());
        if (silent.compareTo(q.staleAfter()) > 0) {
          stale.add(new OverdueLead(lead.id(), owner, currentName, last, silent));
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
    List<FirstResponse> out = new ArrayList<>();
    for (Lead lead : counted(d, q)) {
      FirstResponse r = response(d, lead, stage, q);
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
   * The leads that can be counted: with a window, only those that can reach a stage in it
   * ({@link LeadReach#candidates}), since a counted lead reached the clock's stage in the window;
   * else every lead. In the dataset's lead order.
   */
  private static List<Lead> counted(Dataset d, SlaQuery q) {
    return q.from() == null && q.to() == null ? d.leads() : LeadReach.candidates(d, q.from(), q.to());
  }

  static FirstResponse response(Dataset d, Lead lead, Stage stage, SlaQuery q) {
    Instant reached = LeadReach.of(d, lead).reachedAt(stage);
    if (reached == null || reached.isAfter(q.asOf()) || !q.inWindow(reached)) {
      return null;
    }
    Activity first = null;
    for (Activity a : d.activitiesOf(lead.id())) {
      if (a.at().isAfter(q.asOf())) {
        break;
      }
      if (!a.at().isBefore(reached)) {
        first = a;
        break;
      }
    }
    String leadOwner = lead.owner() == null ? NO_OWNER : lead.owner();
    if (first != null) {
      Duration took = q.calendar().between(reached, first.at());
      FirstResponse.Outcome o = took.compareTo(q.target()) <= 0
          ? FirstResponse.Outcome.WITHIN : FirstResponse.Outcome.LATE;
      String owner = first.owner() != null ? first.owner() : leadOwner;
      return new FirstResponse(lead.id(), owner, reached, first.at(), took, o);
    }
    Duration waited = q.calendar().between(reached, q.asOf());
    FirstResponse.Outcome o = waited.compareTo(q.target()) > 0
        ? FirstResponse.Outcome.OVERDUE : FirstResponse.Outcome.WAITING;
    return new FirstResponse(lead.id(), leadOwner, reached, null, waited, o);
  }

  /** The lead's latest stage change at or before the instant (ties: later catalog stage), or null. */
  private static StageChange currentChange(Dataset d, Lead lead, Instant asOf) {
    StageChange cur = null;
    for (StageChange c : d.stagesOf(lead.id())) {
      if (c.at().isAfter(asOf)) {
        break;
      }
      cur = c;
    }
    return cur;
  }

  /** The latest activity or stage change at or before the instant, and not before the stage time. */
  private static Instant lastMove(Dataset d, Lead lead, Instant reached, Instant asOf) {
    Instant last = reached;
    for (Activity a : d.activitiesOf(lead.id())) {
      if (!a.at().isAfter(asOf) && a.at().isAfter(last)) {
        last = a.at();
      }
    }
    for (StageChange c : d.stagesOf(lead.id())) {
      if (!c.at().isAfter(asOf) && c.at().isAfter(last)) {
        last = c.at();
      }
    }
    return last;
  }
}
