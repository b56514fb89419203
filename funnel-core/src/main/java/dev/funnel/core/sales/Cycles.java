package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.LeadReach;
import dev.funnel.core.stats.KaplanMeier;
import dev.funnel.core.stats.SurvivalCurve;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sales cycle and time in stage: Kaplan-Meier durations with censoring at the as-of instant. */
final class Cycles {
  private Cycles() {}

  static SalesCycle cycle(Dataset d, String fromStage, Instant asOf, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "the sales cycle");
    d.require(DatasetTable.STAGES, "the sales cycle");
    d.require(DatasetTable.PAYMENTS, "the sales cycle");
    DealHistory.requireAsOf(asOf, "the sales cycle");
    Stage start = progression(d.catalog(), fromStage);
    CycleCount count = new CycleCount(start, asOf, from, to);
    // a lead reaches the start stage at its creation or at a progression change
    List<Lead> leads = from == null && to == null ? d.leads() : LeadReach.candidates(d, from, to);
    for (Lead l : leads) {
      count.add(d, DealHistory.of(d, l, asOf));
    }
    return count.result();
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
    private final KaplanMeier km = KaplanMeier.empty();
    private long paid;
    private long censored;
    private long excluded;

    CycleCount(Stage start, Instant asOf, Instant from, Instant to) {
      this.start = start;
      this.asOf = asOf;
      this.from = from;
      this.to = to;
    }

    void add(Dataset d, DealHistory h) {
      Instant t0 = h.reach.reachedAt(start);
      if (t0 == null || !DealHistory.inWindow(t0, from, to)) {
        return;
      }
      Payment p = DealHistory.firstPayment(d, h.lead, t0, asOf);
      if (p != null) {
        km.add(DealHistory.days(t0, p.paidAt()), true);
        paid++;
      } else if (h.outcome == Outcome.OPEN || h.outcome == Outcome.WON) {
        km.add(DealHistory.days(t0, asOf), false);
        censored++;
      } else {
        excluded++;
      }
    }

    SalesCycle result() {
      SurvivalCurve c = km.result();
      return new SalesCycle(start.name(), asOf, paid, censored, excluded, c.median(),
          c.percentile(0.75), c.percentile(0.9), c);
    }
  }

  static TimeInStages timeInStages(Dataset d, Instant asOf) {
    d.require(DatasetTable.LEADS, "time in stage");
    d.require(DatasetTable.STAGES, "time in stage");
    DealHistory.requireAsOf(asOf, "time in stage");
    StageCatalog c = d.catalog();
    int n = c.progression().size();
    KaplanMeier[] km = new KaplanMeier[n];
    long[] stays = new long[n];
    long[] done = new long[n];
    for (int k = 0; k < n; k++) {
      km[k] = KaplanMeier.empty();
    }
    Instant[] open = new Instant[n];
    for (Lead l : d.leads()) {
      if (l.createdAt().isAfter(asOf)) {
        continue;
      }
      java.util.Arrays.fill(open, null);
      boolean[] started = new boolean[n];
      open[0] = l.createdAt();
      started[0] = true;
      for (StageChange s : d.stagesOf(l.id())) {
        if (s.at().isAfter(asOf)) {
          break;
        }
        int idx = s.stage().index();
        for (int k = 0; k < n; k++) {
          if (open[k] != null && k != idx) {
            km[k].add(Math.max(0, DealHistory.days(open[k], s.at())), true);
            done[k]++;
            stays[k]++;
            open[k] = null;
          }
        }
        if (!s.stage().exit() && !started[idx]) {
          started[idx] = true;
          open[idx] = s.at();
        }
      }
      for (int k = 0; k < n; k++) {
        if (open[k] != null) {
          km[k].add(Math.max(0, DealHistory.days(open[k], asOf)), false);
          stays[k]++;
        }
      }
    }
    List<StageTime> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      SurvivalCurve s = km[k].result();
      rows.add(new StageTime(c.progression().get(k).name(), stays[k], done[k], stays[k] - done[k],
          s.median(), s.percentile(0.75)));
    }
    return new TimeInStages(asOf, rows);
  }
}
