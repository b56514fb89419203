package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.stats.SurvivalCurve;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sales cycle and time in stage: Kaplan-Meier durations with censoring at the as-of instant, from
 * one pass over the lead indexes of the dataset's columns.
 */
final class Cycles {
  private Cycles() {}

  static SalesCycle cycle(Dataset d, String fromStage, Instant asOf, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "the sales cycle");
    d.require(DatasetTable.STAGES, "the sales cycle");
    d.require(DatasetTable.PAYMENTS, "the sales cycle");
    DealHistory.requireAsOf(asOf, "the sales cycle");
    Stage start = progression(d.catalog(), fromStage);
    CycleCount count = new CycleCount(start, asOf, from, to);
    // a lead reaches the start stage at its creation or at a progression change; every lead with
    // a row is visited (the order does not matter: the Kaplan-Meier state is a multiset)
    DealHistory h = new DealHistory(d, asOf);
    LeadColumns lc = Columns.of(d).leads();
    for (int i = 0; i < lc.size(); i++) {
      if (lc.hasRow(i)) {
        count.add(h.load(i));
      }
    }
    return count.result();
  }

  /** The cycle of each group of leads by {@code by}, and the log-rank test across the groups. */
  static CycleComparison cycleBy(Dataset d, dev.funnel.core.funnel.Dimension by, String fromStage,
      Instant asOf, Instant from, Instant to) {
    if (by == null) {
      throw new IllegalArgumentException(
          "the sales cycle by group needs a breakdown: channel, campaign, segment or owner");
    }
    d.require(DatasetTable.LEADS, "the sales cycle");
    d.require(DatasetTable.STAGES, "the sales cycle");
    d.require(DatasetTable.PAYMENTS, "the sales cycle");
    DealHistory.requireAsOf(asOf, "the sales cycle");
    Stage start = progression(d.catalog(), fromStage);
    Columns c = Columns.of(d);
    LeadColumns lc = c.leads();
    java.util.Map<String, CycleCount> groups = new java.util.TreeMap<>();
    DealHistory h = new DealHistory(d, asOf);
    for (int i = 0; i < lc.size(); i++) {
      if (!lc.hasRow(i)) {
        continue;
      }
      String key;
      switch (by) {
        case CHANNEL: key = c.channels().value(lc.channel(i)); break;
        case CAMPAIGN: key = c.campaigns().value(lc.campaign(i)); break;
        case SEGMENT: key = c.segments().value(lc.segment(i)); break;
        default: key = c.owners().value(lc.owner(i)); break;
      }
      groups.computeIfAbsent(key == null ? dev.funnel.core.funnel.Dimension.NONE : key,
          k -> new CycleCount(start, asOf, from, to)).add(h.load(i));
    }
    java.util.Map<String, SalesCycle> cycles = new java.util.TreeMap<>();
    java.util.Map<String, dev.funnel.core.stats.KaplanMeier> states = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, CycleCount> e : groups.entrySet()) {
      cycles.put(e.getKey(), e.getValue().result());
      states.put(e.getKey(), e.getValue().km.state());
    }
    return new CycleComparison(by, cycles, dev.funnel.core.stats.LogRankTest.of(states));
  }

  /**
   * Cycle durations fed one deal at a time (its history cut at {@code asOf}): paid deals are
   * events, open and won-but-unpaid ones are censored at {@code asOf}, lost and returned ones
   * without a payment are excluded.
   */
  static final class CycleCount {
    private final Stage start;
    private final Instant asOf;
    private final Instant from;
    private final Instant to;
    private final Durations km = new Durations();
    private long paid;
    private long censored;
    private long lost;
    private long returned;

    CycleCount(Stage start, Instant asOf, Instant from, Instant to) {
      this.start = start;
      this.asOf = asOf;
      this.from = from;
      this.to = to;
    }

    void add(DealHistory h) {
      int t0 = h.reach[start.index()];
      if (!h.inWindow(t0, from, to)) {
        return;
      }
      int p = h.firstPayment(t0);
      if (p >= 0) {
        km.add(h.daysToPayment(t0, p), true);
        paid++;
      } else if (h.outcome == Outcome.OPEN || h.outcome == Outcome.WON) {
        km.add(DealHistory.days(h.instant(t0), asOf), false);
        censored++;
      } else if (h.outcome == Outcome.RETURNED) {
        returned++;
      } else {
        lost++;
      }
    }

    SalesCycle result() {
      SurvivalCurve c = km.state().result();
      return new SalesCycle(start.name(), asOf, paid, censored, lost, returned, c.median(),
          c.percentile(0.75), c.percentile(0.9), c);
    }
  }

  /**
   * Time in stage from one pass over the stage rows of every lead created by {@code asOf}; stays
   * start and end at row times (epoch milliseconds, with the exact instants only where a
   * sub-millisecond part can change the elapsed milliseconds).
   */
  static TimeInStages timeInStages(Dataset d, Instant asOf) {
    d.require(DatasetTable.LEADS, "time in stage");
    d.require(DatasetTable.STAGES, "time in stage");
    DealHistory.requireAsOf(asOf, "time in stage");
    StageCatalog c = d.catalog();
    Columns cols = Columns.of(d);
    LeadColumns lc = cols.leads();
    StageColumns sc = cols.stages();
    int n = c.progression().size();
    Durations[] km = new Durations[n];
    long[] stays = new long[n];
    long[] done = new long[n];
    for (int k = 0; k < n; k++) {
      km[k] = new Durations();
    }
    long asOfMs = DealHistory.millis(asOf);
    // an open stay starts at a stage row (>= 0), at creation (CREATED) or is closed (NONE)
    int[] open = new int[n];
    boolean[] started = new boolean[n];
    for (int i = 0; i < lc.size(); i++) {
      if (!lc.hasRow(i)) {
        continue;
      }
      long createdMs = lc.createdAt(i);
      if (createdMs > asOfMs || (createdMs == asOfMs && lc.created(i).isAfter(asOf))) {
        continue;
      }
      java.util.Arrays.fill(open, DealHistory.NONE);
      java.util.Arrays.fill(started, false);
      open[0] = DealHistory.CREATED;
      started[0] = true;
      for (int r = sc.from(i); r < sc.to(i); r++) {
        long at = sc.at(r);
        if (at > asOfMs || (at == asOfMs && sc.instant(r).isAfter(asOf))) {
          break;
        }
        int idx = sc.stage(r);
        for (int k = 0; k < n; k++) {
          if (open[k] != DealHistory.NONE && k != idx) {
            km[k].add(Math.max(0, days(lc, sc, i, open[k], r)), true);
            done[k]++;
            stays[k]++;
            open[k] = DealHistory.NONE;
          }
        }
        if (idx < n && !started[idx]) {
          started[idx] = true;
          open[idx] = r;
        }
      }
      for (int k = 0; k < n; k++) {
        if (open[k] != DealHistory.NONE) {
          Instant start = open[k] == DealHistory.CREATED ? lc.created(i) : sc.instant(open[k]);
          km[k].add(Math.max(0, DealHistory.days(start, asOf)), false);
          stays[k]++;
        }
      }
    }
    List<StageTime> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      SurvivalCurve s = km[k].state().result();
      rows.add(new StageTime(c.progression().get(k).name(), stays[k], done[k], stays[k] - done[k],
          s.median(), s.percentile(0.75)));
    }
    return new TimeInStages(asOf, rows);
  }

  /** Days from a stay's start (a stage row or the lead's creation) to stage row {@code end}. */
  private static double days(LeadColumns lc, StageColumns sc, int lead, int start, int end) {
    Instant s = start == DealHistory.CREATED ? lc.created(lead) : sc.instant(start);
    return DealHistory.days(s, sc.instant(end));
  }
}
