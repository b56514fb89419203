package dev.funnel.core.sales;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import java.time.Instant;
import java.util.List;

/**
 * Per-owner KPIs in one pass over the leads, and the {@link OwnerRule#ROLE} attribution of one
 * lead's two sides (the rule's javadoc states it and why).
 */
final class OwnerScores {

  /** The owner of a lead nobody is named for. */
  static final String NONE = "(none)";

  private OwnerScores() {}

  static OwnerKpis owners(Dataset d, Instant asOf, Instant from, Instant to, OwnerRule rule) {
    return tally(d, asOf, from, to, rule).result();
  }

  static OwnerTally tally(Dataset d, Instant asOf, Instant from, Instant to, OwnerRule rule) {
    require(d);
    OwnerTally t = OwnerTally.empty(asOf, from, to, rule);
    for (Lead l : d.leads()) {
      t.add(d, l);
    }
    return t;
  }

  static void require(Dataset d) {
    d.require(DatasetTable.LEADS, "owner KPIs");
    d.require(DatasetTable.STAGES, "owner KPIs");
  }

  static String leadOwner(Lead l) {
    return l.owner() == null ? NONE : l.owner();
  }

  /**
   * SDR side by role: {@code firstOwner} (the owner of the first owner-naming activity from MQL
   * to the SQL hand-off, see {@link #firstAfter}), else the owner of the change that made the lead reach SQL, else the lead's owner.
   *
   * @param sqlAt when the lead reached SQL as of the as-of instant, or null
   */
  static String sdr(DealHistory h, Stage sql, Instant sqlAt, String firstOwner) {
    if (firstOwner != null) {
      return firstOwner;
    }
    if (sqlAt != null) {
      for (StageChange c : h.changes) { // canonical order: ties resolved the same for any input
        if (!c.stage().exit() && c.stage().index() >= sql.index() && c.at().equals(sqlAt)
            && c.owner() != null) {
          return c.owner();
        }
      }
    }
    return leadOwner(h.lead);
  }

  /**
   * AE side by role: walking back from the closing change (the first change into WON for a won
   * deal, else the latest change as of the as-of instant) to the SQL time, the first change that
   * names an owner; else the lead's owner.
   */
  static String ae(DealHistory h, Stage won, Instant sqlAt) {
    List<StageChange> cs = h.changes;
    int end = cs.size();
    if (h.outcome == Outcome.WON) {
      for (int i = 0; i < cs.size(); i++) {
        if (cs.get(i).stage().equals(won)) {
          end = i + 1;
          break;
        }
      }
    }
    for (int i = end - 1; i >= 0 && !cs.get(i).at().isBefore(sqlAt); i--) {
      if (cs.get(i).owner() != null) {
        return cs.get(i).owner();
      }
    }
    return leadOwner(h.lead);
  }

  /**
   * The first activity at or after {@code since} and at or before {@code until} (inclusive), that
   * names an owner when {@code withOwner}; null when none.
   */
  static Activity firstAfter(List<Activity> acts, Instant since, Instant until, boolean withOwner) {
    for (Activity a : acts) { // time order
      if (a.at().isAfter(until)) {
        return null;
      }
      if (!a.at().isBefore(since) && (!withOwner || a.owner() != null)) {
        return a;
      }
    }
    return null;
  }
}
