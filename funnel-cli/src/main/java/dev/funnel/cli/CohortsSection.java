package dev.funnel.cli;

import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.LtvToCac;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.cli.view.CohortsView;
import dev.funnel.cli.view.Composite;
import dev.funnel.cli.view.LtvView;
import dev.funnel.cli.view.View;
import java.util.List;
import java.util.Map;


/**
 * Cohort retention and LTV/CAC ({@link Cohorts}): the monthly cohorts by first positive payment
 * with the share of each cohort paying in each later month (the view of {@code funnel cohorts},
 * {@link CohortsView}), and per acquisition channel the historical LTV (cumulative revenue per
 * customer at month {@value #LTV_AT} after the first payment, margin 1), CAC, LTV/CAC and payback
 * (the channel view of {@code funnel ltv}, {@link LtvView#channels(LtvToCac)}). CAC needs the
 * spend table; without it the CAC columns are undefined. As of the report's as-of instant
 * ({@link Cohorts#table(dev.funnel.core.Dataset, Granularity, CohortBasis, java.time.Instant)}):
 * later payments are left out, a month the as-of instant cuts short is marked partial and left out
 * of the averages and the pooled LTV (the numbers of {@code funnel cohorts --as-of DATE}).
 */
final class CohortsSection extends ComputedSection<CohortsSection.Result> {

  /** The month after the first payment at which LTV is read (the default of {@code funnel ltv}). */
  static final int LTV_AT = 6;

  /**
   * The cohort table, the channel economics, and the last month complete at the as-of instant.
   */
  record Result(CohortTable table, LtvToCac economics, Period through) {}

  @Override
  public String key() {
    return "cohorts";
  }

  @Override
  public String title() {
    return "Cohorts and LTV/CAC";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.PAYMENTS);
  }

  /** Two passes over the payments: the cohort table and the channel economics. */
  @Override
  int cost() {
    return 2 * PAYMENT_PASS;
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    return new Result(Cohorts.table(in.dataset(), Granularity.MONTH, CohortBasis.PAYMENT, s.asOf()),
        Cohorts.ltvToCac(in.dataset(), Granularity.MONTH, 1.0, LTV_AT, s.asOf()),
        Period.lastComplete(s.asOf(), Granularity.MONTH, s.zone()));
  }

  @Override
  View view(Result r, ReportInput in) {
    return Composite.of(Map.of())
        .part("retention", "", CohortsView.of(r.table(), in.scope().asOf(), r.through()).compact())
        .part("ltv", "", LtvView.channels(r.economics()));
  }
}
