package dev.funnel.core.sales;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.columnar.ActivityColumns;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import java.time.Instant;

/**
 * Per-owner KPIs in one pass over the lead indexes of the dataset's columns, and the
 * {@link OwnerRule#ROLE} attribution of one lead's two sides (the rule's javadoc states it and
 * why), read from the lead's stage-change and activity rows.
 */
final class OwnerScores {

  /** The owner of a lead nobody is named for. */
  static final String NONE = "(none)";

  private OwnerScores() {}

  static OwnerKpis owners(Dataset d, Instant asOf, Instant from, Instant to, OwnerRule rule) {
    return tally(d, asOf, from, to, rule).result();
  }

  /**
   * Every lead with a row, through one reused {@link DealHistory} cursor; the same per-lead step as
   * {@link OwnerTally#add(Dataset, dev.funnel.core.Lead)}, whose order does not matter (the state
   * is a sum per owner).
   */
  static OwnerTally tally(Dataset d, Instant asOf, Instant from, Instant to, OwnerRule rule) {
    require(d);
    OwnerTally t = OwnerTally.empty(asOf, from, to, rule);
    OwnerTally.Step step = t.step(d);
    LeadColumns lc = Columns.of(d).leads();
    for (int i = 0; i < lc.size(); i++) {
      if (lc.hasRow(i)) {
        step.add(step.history.load(i));
      }
    }
    return t;
  }

  static void require(Dataset d) {
    d.require(DatasetTable.LEADS, "owner KPIs");
    d.require(DatasetTable.STAGES, "owner KPIs");
  }

  static String leadOwner(DealHistory h) {
    return h.leadOwner == null ? NONE : h.leadOwner;
  }

  /**
   * SDR side by role: {@code firstOwner} (the owner of the first owner-naming activity from MQL
   * to the SQL hand-off, see {@link #firstAfter}), else the owner of the change that made the lead
   * reach SQL, else the lead's owner.
   *
   * @param sqlAt when the lead reached SQL as of the as-of instant (a time reference), or
   *              {@link DealHistory#NONE}
   */
  static String sdr(DealHistory h, Stage sql, int sqlAt, String firstOwner) {
    if (firstOwner != null) {
      return firstOwner;
    }
    if (sqlAt != DealHistory.NONE) {
      for (int r = h.from; r < h.cut; r++) { // canonical order: ties resolved the same for any input
        int k = h.stages.stage(r);
        if (k < h.n && k >= sql.index() && h.owner(r) != Dictionary.ABSENT
            && h.compare(r, sqlAt) == 0) {
          return h.cols.owners().value(h.owner(r));
        }
      }
    }
    return leadOwner(h);
  }

  /**
   * AE side by role: walking back from the closing change (the first change into WON for a won
   * deal, else the latest change as of the as-of instant) to the SQL time, the first change that
   * names an owner; else the lead's owner.
   */
  static String ae(DealHistory h, int sqlAt) {
    int end = h.outcome == Outcome.WON ? h.firstWon + 1 : h.cut;
    for (int r = end - 1; r >= h.from && h.compare(r, sqlAt) >= 0; r--) {
      if (h.owner(r) != Dictionary.ABSENT) {
        return h.cols.owners().value(h.owner(r));
      }
    }
    return leadOwner(h);
  }

  /**
   * The first activity row of the lead at or after the time reference {@code since} and at or
   * before {@code until} (inclusive; the time reference {@code untilRef}, or the instant
   * {@code until} when it is {@link DealHistory#NONE}), that names an owner when
   * {@code withOwner}; -1 when none.
   */
  static int firstAfter(ActivityColumns a, DealHistory h, int since, int untilRef, Instant until,
      boolean withOwner) {
    if (h.lead < 0) {
      return -1;
    }
    for (int r = a.from(h.lead); r < a.to(h.lead); r++) { // time order
      int late = untilRef == DealHistory.NONE ? compare(a, r, until) : compare(a, r, h, untilRef);
      if (late > 0) {
        return -1;
      }
      if (compare(a, r, h, since) >= 0 && (!withOwner || a.owner(r) != Dictionary.ABSENT)) {
        return r;
      }
    }
    return -1;
  }

  /** Compares activity row {@code r} with an instant, exactly. */
  static int compare(ActivityColumns a, int r, Instant t) {
    long m = a.at(r);
    long tm = DealHistory.millis(t);
    return m != tm ? Long.compare(m, tm) : a.instant(r).compareTo(t);
  }

  /** Compares activity row {@code r} with a time reference of the deal, exactly. */
  static int compare(ActivityColumns a, int r, DealHistory h, int ref) {
    long m = a.at(r);
    long tm = h.ms(ref);
    return m != tm ? Long.compare(m, tm) : a.instant(r).compareTo(h.instant(ref));
  }
}
