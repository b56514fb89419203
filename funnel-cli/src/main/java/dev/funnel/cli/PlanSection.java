package dev.funnel.cli;

import dev.funnel.core.display.Formats;
import dev.funnel.io.html.Section;
import java.util.ArrayList;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.plan.PlanOptions;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.core.plan.PlanRow;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Map;

/**
 * Plan vs actual of the period ({@link PlanFact}): per planned metric the plan, the actual up to
 * the report instant, the run-rate forecast to the end of the period, the deviation and the ok /
 * warning / alert level (5 % / 15 % bands); a closed period is its actual. A partial period (the
 * as-of instant before its end) says that the run-rate forecasts the rest of it; a plan without
 * targets for the period says so. Text and JSON are those of {@code funnel planfact}
 * ({@link PlanfactCommand}) with the same period and as-of instant.
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
    TextTable t = TextTable.of("metric", "channel", "plan", "actual", "run-rate", "deviation", "dev %",
        "status", "QTD plan", "QTD actual");
    StringBuilder notes = new StringBuilder();
    for (PlanRow x : r.rows()) {
      t = t.plus(x.metric(), x.channel() == null ? "(all)" : x.channel(), x.plan(), x.actual(),
          x.runRate(), x.deviation(), Formats.percent(x.relativeDeviation()),
          x.status().label(), x.qtdPlan(), x.qtdActual());
      if (x.note() != null && !x.note().isBlank()) {
        notes.append("note: ").append(x.metric()).append(": ").append(x.note()).append('\n');
      }
    }
    return r.summary() + "\n" + PlanfactCommand.note(r, in.scope().zone()) + t.render() + notes;
  }

  @Override
  Map<String, Object> json(PlanReport r, ReportInput in) {
    return PlanfactCommand.json(r);
  }

  @Override
  Section html(PlanReport r, ReportInput in, Section s) {
    List<List<String>> rows = new ArrayList<>();
    for (PlanRow x : r.rows()) {
      rows.add(List.of(ResultCharts.planName(x), Formats.amount(x.plan()), Formats.amount(x.actual()), Formats.amount(x.runRate()),
          Formats.percent(x.relativeDeviation()), x.status().label()));
    }
    s = s.paragraph(r.summary());
    String note = PlanfactCommand.note(r, in.scope().zone());
    if (!note.isEmpty()) {
      s = s.paragraph(note.trim());
    }
    if (!r.rows().isEmpty()) {
      s = s.chart(ResultCharts.bullets("Plan vs actual, " + r.period().label(), r));
    }
    return s.table(List.of("metric", "plan", "actual", "run-rate", "deviation", "status"), rows);
  }
}
