package dev.funnel.cli;

import dev.funnel.cli.view.DealsView;
import dev.funnel.cli.view.View;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.sales.DealSize;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sales.SalesForecast;
import dev.funnel.core.sales.SalesVelocity;
import java.util.List;

/**
 * New deals and forecast revenue ({@link Sales}, docs/spec/metrics.md): deals won in the period and in
 * the comparison period (event basis: the period the lead reached WON) up to the report's as-of
 * instant, the average won deal of the period, the open pipeline as of the as-of instant (by
 * default the end of the period) with its probability-weighted value and its coverage of the
 * period's all-channel revenue target (NaN, JSON null, without a plan), and the sales velocity as
 * of the same instant: the numbers of {@code funnel sales --period P}.
 */
final class DealsSection extends ComputedSection<DealsSection.Result> {

  /** Everything the section shows. */
  record Result(Period period, long won, Period compare, long wonBefore, DealSize deals,
      Pipeline pipeline, SalesVelocity velocity) {}

  @Override
  public String key() {
    return "deals";
  }

  @Override
  public String title() {
    return "New deals and forecast revenue";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.PAYMENTS);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    Period p = s.period();
    String won = in.dataset().catalog().won().name();
    SalesForecast f = Sales.forecast(in.dataset(), s.asOf(), p);
    return new Result(p, s.eventFunnel(p).count(won), s.compare(), s.eventFunnel(s.compare()).count(won),
        Sales.dealSize(in.dataset(), s.from(p), s.to(p), s.asOf()), f.pipeline(), f.velocity());
  }

  @Override
  View view(Result r, ReportInput in) {
    return DealsView.of(new DealsView.Figures(r.period(), r.won(), r.compare(), r.wonBefore(),
        r.deals(), r.pipeline(), r.velocity(), in.scope().asOfLabel(), in.dataset().currency()));
  }
}
