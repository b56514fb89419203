package dev.funnel.cli;

import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortMetric;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.UnitEconomics;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cohort retention and LTV/CAC ({@link Cohorts}): the monthly cohorts by first positive payment
 * with the share of each cohort paying in each later month (the JSON of {@code funnel cohorts},
 * {@link CohortsCommand}), and per acquisition channel the historical LTV (cumulative revenue per
 * customer at month {@value #LTV_AT} after the first payment, margin 1), CAC, LTV/CAC and payback
 * (the channel JSON of {@code funnel ltv}, {@link LtvCommand#json(UnitEconomics)}). CAC needs the
 * spend table; without it the CAC columns are undefined.
 */
final class CohortsSection extends ComputedSection<CohortsSection.Result> {

  /** The month after the first payment at which LTV is read (the default of {@code funnel ltv}). */
  static final int LTV_AT = 6;

  /** The cohort table and the channel economics. */
  record Result(CohortTable table, UnitEconomics economics) {}

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

  @Override
  Result compute(ReportInput in) {
    return new Result(Cohorts.table(in.dataset(), Granularity.MONTH, CohortBasis.PAYMENT),
        Cohorts.unitEconomics(in.dataset(), Granularity.MONTH, 1.0, LTV_AT));
  }

  @Override
  String text(Result r, ReportInput in) {
    return r.table().summary() + "\n" + r.table().table(CohortMetric.RETENTION, false).render()
        + "\n" + r.economics().summary() + "\n" + r.economics().table().render();
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("retention", CohortsCommand.json(r.table()));
    m.put("ltv", LtvCommand.json(r.economics()));
    return m;
  }
}
