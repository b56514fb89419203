package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/** Win rate and average deal size over the leads of a dataset. */
final class WinRates {
  private WinRates() {}

  static WinRate winRate(Dataset d, String baseStage, Instant from, Instant to, Instant asOf) {
    d.require(DatasetTable.LEADS, "win rate");
    d.require(DatasetTable.STAGES, "win rate");
    Stage base = progression(d.catalog(), baseStage);
    WinRateTally t = WinRateTally.empty(base.name());
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      if (DealHistory.inWindow(h.reach.reachedAt(base), from, to)) {
        t.add(h.outcome, h.outcome == Outcome.WON ? h.wonAmount : h.amount);
      }
    }
    return t.result();
  }

  static DealSize dealSize(Dataset d, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "average deal size");
    d.require(DatasetTable.STAGES, "average deal size");
    Stage won = d.catalog().won();
    long count = 0;
    long valued = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, null);
      if (h.outcome != Outcome.WON || !DealHistory.inWindow(h.entered[won.index()], from, to)) {
        continue;
      }
      count++;
      if (h.wonAmount != null) {
        valued++;
        total = total.add(h.wonAmount);
      }
    }
    return new DealSize(count, valued, total,
        valued == 0 ? Double.NaN
            : total.divide(BigDecimal.valueOf(valued), MathContext.DECIMAL64).doubleValue());
  }
}
