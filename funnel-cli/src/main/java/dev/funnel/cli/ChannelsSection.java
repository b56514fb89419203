package dev.funnel.cli;

import dev.funnel.cli.view.Framed;
import dev.funnel.cli.view.UnitView;
import dev.funnel.cli.view.View;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import java.util.List;
import java.util.Map;

/**
 * Channel effectiveness lead -> deal -> revenue of the period: per channel the spend, leads, new
 * customers and revenue with CPL, CAC, ROMI (revenue-based) and DRR, from {@link UnitEconomics}
 * over the period's local days up to the day of the as-of instant (the report's as-of instant is
 * the end of a day; the numbers and the view of {@code funnel unit --from --to}, {@link UnitView}).
 */
final class ChannelsSection extends ComputedSection<ChannelsSection.Result> {

  /** The period and its unit economics. */
  record Result(Period period, UnitReport unit) {}

  @Override
  public String key() {
    return "channels";
  }

  @Override
  public String title() {
    return "Channel effectiveness";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.PAYMENTS, DatasetTable.SPEND);
  }

  @Override
  Result compute(ReportInput in) {
    Period p = in.scope().period();
    return new Result(p, UnitEconomics.compute(in.dataset(), p.start(), days(in.scope(), p), null,
        UnitEconomics.NON_MARKETING));
  }

  /**
   * The first local day after the period's window as of the report: the day after the period, or
   * after the as-of day when that is earlier.
   */
  static java.time.LocalDate days(ReportScope s, Period p) {
    java.time.LocalDate next = java.time.LocalDate.ofInstant(s.asOf(), s.zone()).plusDays(1);
    return next.isBefore(p.endExclusive()) ? next : p.endExclusive();
  }

  @Override
  View view(Result r, ReportInput in) {
    return Framed.of(UnitView.of(r.unit()).titled("Channels, " + r.period().label()),
        r.period().label(), Map.of("period", r.period().label()));
  }
}
