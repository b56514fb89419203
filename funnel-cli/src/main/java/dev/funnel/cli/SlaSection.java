package dev.funnel.cli;

import dev.funnel.core.display.Formats;
import dev.funnel.io.html.Section;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.core.sla.SlaStats;
import java.util.ArrayList;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First-response SLA ({@link Sla}) of the leads that reached MQL in the period: the share answered
 * within {@value #TARGET_MINUTES} minutes, Kaplan-Meier median and p90 response times (leads still
 * waiting at the report instant censored), per owner, and the overdue and stale worklists as of the
 * report instant. Text and JSON are those of {@code funnel sla} ({@link SlaCommand}).
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
  String text(Result r, ReportInput in) {
    return "leads reaching MQL in " + r.period().label() + "\n"
        + SlaCommand.text(r.sla(), LIST, in.dataset().zone()).replace("; --list N shows more", "");
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period().label());
    m.putAll(SlaCommand.json(r.sla()));
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    SlaStats t = r.sla().total();
    s = s.paragraph("Leads reaching MQL in " + r.period().label() + "; target "
            + TARGET_MINUTES + " minutes.")
        .figures(List.of(new KeyFigure("Within target", Formats.percent(t.shareWithin()),
                t.leads() + " leads"),
            new KeyFigure("Median response", Formats.minutes(t.medianMinutes())),
            new KeyFigure("p90 response", Formats.minutes(t.p90Minutes())),
            new KeyFigure("Overdue now", Long.toString(r.sla().overdue().size()))));
    List<List<String>> rows = new ArrayList<>();
    for (SlaStats o : r.sla().owners()) {
      rows.add(List.of(o.owner(), Long.toString(o.leads()), Long.toString(o.within()),
          Long.toString(o.late()), Long.toString(o.overdue()), Formats.percent(o.shareWithin()),
          Formats.number(o.medianMinutes()), Formats.number(o.p90Minutes())));
    }
    return rows.isEmpty() ? s : s.table(List.of("owner", "leads", "within", "late", "overdue",
        "share within", "median min", "p90 min"), rows);
  }
}
