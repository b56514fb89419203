package dev.funnel.cli;

import dev.funnel.core.funnel.LeadTrend;
import dev.funnel.cli.view.LeadsView;
import dev.funnel.cli.view.View;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.funnel.FunnelReport;
import java.util.List;
import java.util.Map;

/**
 * Leads and their dynamics: leads, MQL and SQL of the period against the comparison period, on the
 * event basis of {@link dev.funnel.core.funnel.StageFunnel} (a stage counts in the period its lead
 * first reached it, in the dataset zone), the change {@code (current - compare) / compare} (NaN,
 * JSON null, when the comparison is 0), the share qualified {@code MQL / leads} and the share handed
 * to sales {@code SQL / leads} (docs/spec/metrics.md; event-basis ratios of one period, not cohort
 * shares).
 *
 * <p>The trend: the same counts and shares for each of the last {@link #TREND_PERIODS} periods of
 * the report's granularity up to and including the reported one, from one event-basis funnel over
 * their union counted per period ({@link LeadTrend}); a period without events counts zero.
 *
 * <p>Everything is as of the report's as-of instant (windows cut there, {@link ReportScope#to}).
 * A partial period ({@link ReportScope#partial}: the as-of instant, or the end or start of the
 * leads or the stage changes, falls inside it) is marked: {@code *} after its label in the text
 * with the reason below, {@code "partial": true} in JSON.
 */
final class LeadsSection extends ComputedSection<LeadsSection.Result> {

  /** How many periods the trend shows, ending with the reported one. */
  static final int TREND_PERIODS = 6;

  /**
   * The funnels of the two periods, the trend up to the reported period, and why each period
   * shown is partial (empty lists for complete ones; keyed by period).
   */
  record Result(Period period, FunnelReport current, Period compare, FunnelReport base,
      List<LeadTrend> trend, Map<Period, List<String>> partial) {}

  @Override
  public String key() {
    return "leads";
  }

  @Override
  public String title() {
    return "Leads and dynamics";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    List<LeadTrend> trend = LeadTrend.of(in.dataset(), s.period(), TREND_PERIODS, s.until());
    Map<Period, List<String>> partial = new java.util.TreeMap<>();
    for (LeadTrend x : trend) {
      partial.put(x.period(), s.partial(x.period()));
    }
    partial.put(s.compare(), s.partial(s.compare()));
    return new Result(s.period(), s.eventFunnel(s.period()), s.compare(), s.eventFunnel(s.compare()),
        trend, partial);
  }

  @Override
  View view(Result r, ReportInput in) {
    return LeadsView.of(r.period(), r.current(), r.compare(), r.base(), r.trend(), r.partial());
  }
}
