package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
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
    // every lead with a row is visited: the tally is a sum, so the order does not matter
    DealHistory h = new DealHistory(d, asOf);
    LeadColumns lc = Columns.of(d).leads();
    for (int i = 0; i < lc.size(); i++) {
      if (lc.hasRow(i)) {
        add(t, h.load(i), base, from, to);
      }
    }
    return t.result();
  }

  /** Adds the deal to the tally when it reached the base stage in the window. */
  static void add(WinRateTally t, DealHistory h, Stage base, Instant from, Instant to) {
    if (h.inWindow(h.reach[base.index()], from, to)) {
      t.add(h.outcome, h.outcome == Outcome.WON ? h.wonAmount() : h.amount());
    }
  }

  /** Deals first won in {@code [from, to)} and at or before {@code asOf} (null: no limit). */
  static DealSize dealSize(Dataset d, Instant from, Instant to, Instant asOf) {
    d.require(DatasetTable.LEADS, "average deal size");
    d.require(DatasetTable.STAGES, "average deal size");
    DealSizeCount count = new DealSizeCount(d.catalog().won(), from, to);
    DealHistory h = new DealHistory(d, asOf);
    LeadColumns lc = Columns.of(d).leads();
    for (int i = 0; i < lc.size(); i++) {
      if (lc.hasRow(i)) {
        count.add(h.load(i));
      }
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
      if (h.outcome != Outcome.WON || !h.inWindow(h.entered[won.index()], from, to)) {
        return;
      }
      count++;
      BigDecimal amount = h.wonAmount();
      if (amount != null) {
        valued++;
        total = total.add(amount);
      }
    }

    DealSize result() {
      return new DealSize(count, valued, total,
          valued == 0 ? Double.NaN
              : total.divide(BigDecimal.valueOf(valued), MathContext.DECIMAL64).doubleValue());
    }
  }
}
