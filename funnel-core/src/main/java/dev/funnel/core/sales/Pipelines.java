package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;
import static dev.funnel.core.sales.DealHistory.ratio;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The open pipeline, its weighted value and sales velocity. */
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
    int n = c.progression().size();
    long[] closedWon = new long[n];
    long[] closed = new long[n];
    long[] deals = new long[n];
    BigDecimal[] value = new BigDecimal[n];
    java.util.Arrays.fill(value, BigDecimal.ZERO);
    long unvalued = 0;
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      if (h.outcome == Outcome.WON || h.outcome == Outcome.LOST) {
        for (int k = 0; k <= h.reach.furthest(); k++) {
          closed[k]++;
          closedWon[k] += h.outcome == Outcome.WON ? 1 : 0;
        }
      } else if (h.outcome == Outcome.OPEN) {
        int k = h.current(c).index();
        if (k >= first.index() && k <= last.index()) {
          deals[k]++;
          if (h.amount == null) {
            unvalued++;
          } else {
            value[k] = value[k].add(h.amount);
          }
        }
      }
    }
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

  static SalesVelocity velocity(Dataset d, Instant asOf) {
    Pipeline p = Sales.pipeline(d, asOf, null);
    WinRate w = Sales.winRate(d, "OPPORTUNITY", null, null, asOf);
    DealSize size = Sales.dealSize(d, null, asOf);
    SalesCycle cyc = Sales.cycle(d, asOf);
    double v = p.deals() * w.byCount() * size.average() / cyc.medianDays();
    if (cyc.medianDays() == 0 || Double.isNaN(v)) {
      v = Double.NaN;
    }
    return new SalesVelocity(p.deals(), w.byCount(), size.average(), cyc.medianDays(), v);
  }
}
