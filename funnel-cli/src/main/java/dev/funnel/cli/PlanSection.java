package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.plan.PlanOptions;
import dev.funnel.core.plan.PlanReport;
import java.util.List;
import java.util.Map;

/**
 * Plan vs actual of the period ({@link PlanFact}): per planned metric the plan, the actual up to
 * the report instant, the run-rate forecast to the end of the period, the deviation and the ok /
 * warning / alert level (5 % / 15 % bands); a closed period is its actual. Text and JSON are those
 * of {@code funnel planfact} ({@link PlanfactCommand}).
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
  String text(PlanReport r, ReportInput in) {
    return r.summary() + "\n" + r.table().render();
  }

  @Override
  Map<String, Object> json(PlanReport r, ReportInput in) {
    return PlanfactCommand.json(r);
  }
}
