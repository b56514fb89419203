package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import dev.funnel.cli.view.Framed;
import dev.funnel.cli.view.SlaView;
import dev.funnel.cli.view.View;
import java.time.Duration;
import java.util.List;
import java.util.Map;


/**
 * First-response SLA ({@link Sla}) of the leads that reached MQL in the period: the share answered
 * within {@value #TARGET_MINUTES} minutes, Kaplan-Meier median and p90 response times (leads still
 * waiting at the report instant censored), per owner, and the overdue and stale worklists as of the
 * report instant. It shows through the view of {@code funnel sla} ({@link SlaView}).
 */
final class SlaSection extends ComputedSection<SlaSection.Result> {

  /** The response-time target of the report, the default of {@code funnel sla}. */
  static final long TARGET_MINUTES = 60;

  /** Worklist rows shown in the text. */
  static final int LIST = 5;

  /** The period and its SLA. */
  record Result(Period period, SlaReport sla) {}

  @Override
  public String key() {
    return "sla";
  }

  @Override
  public String title() {
    return "First-response SLA";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.ACTIVITIES);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    Period p = s.period();
    SlaQuery q = SlaQuery.of("MQL", Duration.ofMinutes(TARGET_MINUTES), s.asOf())
        .between(s.from(p), s.to(p));
    return new Result(p, Sla.compute(in.dataset(), q));
  }

  @Override
  View view(Result r, ReportInput in) {
    return Framed.of(SlaView.of(r.sla(), LIST, in.dataset().zone()).moreHint(""),
        "leads reaching MQL in " + r.period().label(), Map.of("period", r.period().label()));
  }
}
