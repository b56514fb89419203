package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.funnel.LeadReach;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;

/** Win rate and average deal size over the leads of a dataset. */
final class WinRates {
  private WinRates() {}

  static WinRate winRate(Dataset d, String baseStage, Instant from, Instant to, Instant asOf) {
    d.require(DatasetTable.LEADS, "win rate");
    d.require(DatasetTable.STAGES, "win rate");
    Stage base = progression(d.catalog(), baseStage);
    WinRateTally t = WinRateTally.empty(base.name());
    // a lead reaches the base stage at its creation or at a progression change
    List<Lead> leads = from == null && to == null ? d.leads() : LeadReach.candidates(d, from, to);
    for (Lead l : leads) {
      add(t, DealHistory.of(d, l, asOf), base, from, to);
    }
    return t.result();
  }

  /** Adds the deal to the tally when it reached the base stage in the window. */
  static void add(WinRateTally t, DealHistory h, Stage base, Instant from, Instant to) {
    if (DealHistory.inWindow(h.reach.reachedAt(base), from, to)) {
      t.add(h.outcome, h.outcome == Outcome.WON ? h.wonAmount : h.amount);
    }
  }

  static DealSize dealSize(Dataset d, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "average deal size");
    d.require(DatasetTable.STAGES, "average deal size");
    DealSizeCount count = new DealSizeCount(d.catalog().won(), from, to);
    // a deal won in the window entered the won stage by a change in it: only those leads can count
    List<Lead> leads = from == null && to == null ? d.leads() : LeadReach.candidates(d, from, to);
    for (Lead l : leads) {
      count.add(DealHistory.of(d, l, null));
    }
    return count.result();
  }

  /** Deals first won in the window, fed one deal at a time; exact value sum. */
  static final class DealSizeCount {
    private final Stage won;
    private final Instant from;
    private final Instant to;
    private long count;
    private long valued;
    private BigDecimal total = BigDecimal.ZERO;

    DealSizeCount(Stage won, Instant from, Instant to) {
      this.won = won;
      this.from = from;
      this.to = to;
    }

    void add(DealHistory h) {
      if (h.outcome != Outcome.WON || !DealHistory.inWindow(h.entered[won.index()], from, to)) {
        return;
      }
      count++;
      if (h.wonAmount != null) {
        valued++;
        total = total.add(h.wonAmount);
      }
    }

    DealSize result() {
      return new DealSize(count, valued, total,
          valued == 0 ? Double.NaN
              : total.divide(BigDecimal.valueOf(valued), MathContext.DECIMAL64).doubleValue());
    }
  }
}
