package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.Period;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.PeriodFunnel;
import dev.funnel.core.funnel.StageCount;
import dev.funnel.core.funnel.StageFunnel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads, MQL and SQL of one period of the leads trend, on the event basis of {@link StageFunnel}
 * (a stage counts in the period, in the dataset zone, in which its lead first reached it; a
 * skipped stage is reached with the later one), with the shares {@code MQL / leads} and
 * {@code SQL / leads} of that period (docs/spec/metrics.md; event-basis ratios, NaN when the period
 * has no leads).
 *
 * @param period the calendar period
 * @param leads  leads created in the period
 * @param mql    leads first reaching MQL in the period
 * @param sql    leads first reaching SQL in the period
 */
record LeadTrend(Period period, long leads, long mql, long sql) {

  /** {@code MQL / leads}; NaN when there are no leads. */
  double shareQualified() {
    return leads == 0 ? Double.NaN : (double) mql / leads;
  }

  /** {@code SQL / leads}; NaN when there are no leads. */
  double shareToSales() {
    return leads == 0 ? Double.NaN : (double) sql / leads;
  }

  /**
   * The trend of the {@code n} periods ending with {@code last} (its granularity), oldest first:
   * one event-basis funnel over their union {@code [start of the first, end of the last)} cut at
   * {@code until} (exclusive; null: no cut, else the report's {@code asOf + 1 ns}), counted per
   * period (only the leads that can reach a stage in that window are visited,
   * {@link dev.funnel.core.funnel.LeadReach#candidates}); a period without events is all zeros.
   *
   * @throws IllegalArgumentException when {@code n < 1} or more than {@link
   *     dev.funnel.core.PeriodSpan#DEFAULT_MAX} (checked before anything is laid out)
   */
  static List<LeadTrend> of(Dataset d, Period last, int n) {
    return of(d, last, n, null);
  }

  /** {@link #of(Dataset, Period, int)} with the window cut at {@code until} (exclusive). */
  static List<LeadTrend> of(Dataset d, Period last, int n, java.time.Instant until) {
    if (n < 1) {
      throw new IllegalArgumentException("a trend needs at least one period, got " + n);
    }
    dev.funnel.core.PeriodSpan.count("the lead trend", n, last.granularity(),
        dev.funnel.core.PeriodSpan.DEFAULT_MAX);
    Period first = last.plus(-(n - 1));
    java.time.Instant end = last.endInstant(d.zone());
    if (until != null && until.isBefore(end)) {
      end = until;
    }
    FunnelReport r = StageFunnel.compute(d, FunnelQuery.event()
        .between(first.startInstant(d.zone()), end)
        .per(last.granularity()));
    Map<String, PeriodFunnel> byLabel = new HashMap<>();
    for (PeriodFunnel p : r.periods()) {
      byLabel.put(p.period(), p);
    }
    List<LeadTrend> out = new ArrayList<>(n);
    for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
      PeriodFunnel f = byLabel.get(p.label());
      out.add(f == null ? new LeadTrend(p, 0, 0, 0)
          : new LeadTrend(p, count(f, "LEAD"), count(f, "MQL"), count(f, "SQL")));
    }
    return List.copyOf(out);
  }

  private static long count(PeriodFunnel f, String stage) {
    for (StageCount c : f.stages()) {
      if (c.stage().equalsIgnoreCase(stage)) {
        return c.count();
      }
    }
    throw new IllegalStateException("the stage catalog has no " + stage + " stage");
  }
}
