package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.plan.PlanOptions;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.cli.view.PlanView;
import dev.funnel.cli.view.View;
import java.util.List;


/**
 * Plan vs actual of the period ({@link PlanFact}): per planned metric the plan, the actual up to
 * the report instant, the run-rate forecast to the end of the period, the deviation and the ok /
 * warning / alert level (5 % / 15 % bands); a closed period is its actual. A partial period (the
 * as-of instant before its end) says that the run-rate forecasts the rest of it; a plan without
 * targets for the period says so. It shows through the view of {@code funnel planfact}
 * ({@link PlanView}) with the same period and as-of instant.
 */
final class PlanSection extends ComputedSection<PlanReport> {

  @Override
  public String key() {
    return "plan";
  }

  @Override
  public String title() {
    return "Plan vs actual";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.PLAN);
  }

  @Override
  PlanReport compute(ReportInput in) {
    ReportScope s = in.scope();
    return PlanFact.compute(in.dataset(), s.period(), PlanOptions.defaults().asOf(s.asOf()));
  }

  @Override
  View view(PlanReport r, ReportInput in) {
    return PlanView.of(r, in.scope().zone());
  }
}
