package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;
import static dev.funnel.core.sales.DealHistory.ratio;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.StageColumns;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The open pipeline, its weighted value and sales velocity, from one pass over the lead indexes of
 * the dataset's columns.
 */
final class Pipelines {
  private Pipelines() {}

  static Pipeline pipeline(
      Dataset d, String firstStage, String lastStage, Instant asOf, BigDecimal plan) {
    d.require(DatasetTable.LEADS, "the pipeline");
    d.require(DatasetTable.STAGES, "the pipeline");
    DealHistory.requireAsOf(asOf, "the pipeline");
    StageCatalog c = d.catalog();
    Stage first = progression(c, firstStage);
    Stage last = progression(c, lastStage);
    if (first.index() > last.index() || last.equals(c.won())) {
      throw new IllegalArgumentException(
          "pipeline stages must run forward and stop before " + c.won() + ": " + first + ".." + last);
    }
    PipelineCount count = new PipelineCount(c, first, last);
    DealHistory h = new DealHistory(d, asOf);
    LeadColumns lc = Columns.of(d).leads();
    for (int i = 0; i < lc.size(); i++) {
      if (lc.hasRow(i)) {
        count.add(h.load(i));
      }
    }
    return count.result(asOf, plan);
  }

  /**
   * The pipeline's counters fed one deal at a time: closed deals (won or lost) per furthest stage
   * reached, for the stage-to-won probabilities learned from history, and open deals and their
   * values per current stage between {@code first} and {@code last}.
   */
  static final class PipelineCount {
    private final StageCatalog c;
    private final Stage first;
    private final Stage last;
    private final long[] closedWon;
    private final long[] closed;
    private final long[] deals;
    private final BigDecimal[] value;
    private long unvalued;

    PipelineCount(StageCatalog c, Stage first, Stage last) {
      this.c = c;
      this.first = first;
      this.last = last;
      int n = c.progression().size();
      closedWon = new long[n];
      closed = new long[n];
      deals = new long[n];
      value = new BigDecimal[n];
      java.util.Arrays.fill(value, BigDecimal.ZERO);
    }

    void add(DealHistory h) {
      if (h.outcome == Outcome.WON || h.outcome == Outcome.LOST) {
        for (int k = 0; k <= h.furthest(); k++) {
          closed[k]++;
          closedWon[k] += h.outcome == Outcome.WON ? 1 : 0;
        }
      } else if (h.outcome == Outcome.OPEN) {
        int k = h.current();
        if (k >= first.index() && k <= last.index()) {
          deals[k]++;
          BigDecimal amount = h.amount();
          if (amount == null) {
            unvalued++;
          } else {
            value[k] = value[k].add(amount);
          }
        }
      }
    }

    Pipeline result(Instant asOf, BigDecimal plan) {
      List<PipelineStage> rows = new ArrayList<>();
      long allDeals = 0;
      BigDecimal allValue = BigDecimal.ZERO;
      double weighted = 0;
      for (int k = first.index(); k <= last.index(); k++) {
        double p = ratio(closedWon[k], closed[k]);
        double w = Double.isNaN(p) ? 0 : value[k].doubleValue() * p;
        rows.add(new PipelineStage(c.progression().get(k).name(), deals[k], value[k], p, w));
        allDeals += deals[k];
        allValue = allValue.add(value[k]);
        weighted += w;
      }
      double coverage = plan == null || plan.signum() <= 0 ? Double.NaN
          : allValue.divide(plan, MathContext.DECIMAL64).doubleValue();
      return new Pipeline(asOf, allDeals, unvalued, allValue, weighted, plan, coverage, rows);
    }
  }

  /**
   * Pipeline (with coverage of {@code plan}, null for none) and velocity from one pass over the
   * leads: each lead's history as of {@code asOf} feeds the
   * pipeline (OPPORTUNITY to the stage before WON), the win rate from OPPORTUNITY (no window), the
   * average deal of deals won at or before {@code asOf} (the as-of instant included, as in the win
   * rate) and the SQL-to-payment cycle, the same figures as
   * {@link Sales#pipeline(Dataset, Instant, BigDecimal)}, {@link Sales#winRate(Dataset, String,
   * Instant, Instant, Instant)}, {@link Sales#dealSize(Dataset, Instant, Instant, Instant)} with
   * no window and {@link Sales#cycle(Dataset, Instant)}.
   */
  static SalesForecast forecast(Dataset d, Instant asOf, BigDecimal plan) {
    d.require(DatasetTable.LEADS, "sales velocity");
    d.require(DatasetTable.STAGES, "sales velocity");
    d.require(DatasetTable.PAYMENTS, "sales velocity");
    DealHistory.requireAsOf(asOf, "sales velocity");
    StageCatalog c = d.catalog();
    Stage opportunity = progression(c, "OPPORTUNITY");
    Stage beforeWon = c.progression().get(c.progression().size() - 2);
    if (opportunity.index() > beforeWon.index()) {
      throw new IllegalArgumentException(
          "pipeline stages must run forward and stop before " + c.won() + ": " + opportunity + ".." + beforeWon);
    }
    PipelineCount pipeline = new PipelineCount(c, opportunity, beforeWon);
    WinRateTally wins = WinRateTally.empty(opportunity.name());
    // the history is cut at asOf: every deal it shows as won was won at or before asOf
    WinRates.DealSizeCount sizes = new WinRates.DealSizeCount(c.won(), null, null);
    Stage sql = progression(c, "SQL");
    Cycles.CycleCount cycles = new Cycles.CycleCount(sql, asOf, null, null);
    // Every figure here is about leads that reached SQL or OPPORTUNITY (a closed deal counts for
    // the probabilities of the stages it reached, and only OPPORTUNITY on are shown): a lead
    // without a progression change at the earlier of the two or later adds nothing, so only the
    // others are visited.
    int from = Math.min(sql.index(), opportunity.index());
    Columns cols = Columns.of(d);
    LeadColumns lc = cols.leads();
    StageColumns sc = cols.stages();
    int n = c.progression().size();
    DealHistory h = new DealHistory(d, asOf);
    for (int i = 0; i < lc.size(); i++) {
      if (!lc.hasRow(i) || (from > 0 && !reaches(sc, i, from, n))) {
        continue;
      }
      h.load(i);
      pipeline.add(h);
      WinRates.add(wins, h, opportunity, null, null);
      sizes.add(h);
      cycles.add(h);
    }
    Pipeline p = pipeline.result(asOf, plan);
    WinRate w = wins.result();
    DealSize size = sizes.result();
    SalesCycle cyc = cycles.result();
    double v = p.deals() * w.byCount() * size.average() / cyc.medianDays();
    if (cyc.medianDays() == 0 || Double.isNaN(v)) {
      v = Double.NaN;
    }
    return new SalesForecast(p,
        new SalesVelocity(p.deals(), w.byCount(), size.average(), cyc.medianDays(), v));
  }

  /** Whether the lead has a change into a progression stage at index {@code from} or later. */
  private static boolean reaches(StageColumns sc, int lead, int from, int n) {
    for (int r = sc.from(lead); r < sc.to(lead); r++) {
      int k = sc.stage(r);
      if (k < n && k >= from) {
        return true;
      }
    }
    return false;
  }
}
