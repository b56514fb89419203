package dev.funnel.cli;

import dev.funnel.io.html.Section;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.sales.ExitReasons;
import dev.funnel.core.sales.ReasonCount;
import dev.funnel.core.sales.Sales;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lost and returned reasons of the period ({@link Sales#reasons}, docs/spec/metrics.md): every exit to
 * LOST or RETURNED whose time falls in the period, by reason, with its share of the exits into the
 * same stage and the split early (before OPPORTUNITY: qualification) vs late (at or after it: the
 * offer and the sales process); the comparison period's exit count for the dynamics.
 */
final class ReasonsSection extends ComputedSection<ReasonsSection.Result> {

  /** The exit reasons of the two periods. */
  record Result(Period period, ExitReasons current, Period compare, ExitReasons base) {}

  @Override
  public String key() {
    return "reasons";
  }

  @Override
  public String title() {
    return "Lost and returned reasons";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    Period p = s.period();
    Period c = s.compare();
    return new Result(p, Sales.reasons(in.dataset(), s.from(p), s.to(p)), c,
        Sales.reasons(in.dataset(), s.from(c), s.to(c)));
  }

  @Override
  String text(Result r, ReportInput in) {
    return r.period().label() + ": " + r.current().summary() + "\n"
        + r.compare().label() + ": " + r.base().exits() + " exits\n"
        + r.current().table().render();
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period().label());
    m.put("compare", r.compare().label());
    m.put("boundary", r.current().boundary());
    m.put("exits", r.current().exits());
    m.put("exitsCompare", r.base().exits());
    List<Object> rows = new ArrayList<>();
    long early = 0;
    long late = 0;
    for (ReasonCount x : r.current().reasons()) {
      rows.add(DealsSection.jsonOf("exit", x.exit(), "reason", x.reason(), "count", x.count(),
          "share", x.share(), "early", x.early(), "late", x.late()));
      early += x.early();
      late += x.late();
    }
    m.put("early", early);
    m.put("late", late);
    m.put("reasons", rows);
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    List<List<String>> rows = new ArrayList<>();
    for (ReasonCount x : r.current().reasons()) {
      rows.add(List.of(x.exit(), x.reason(), Long.toString(x.count()), HtmlReport.n(x.share()),
          Long.toString(x.early()), Long.toString(x.late())));
    }
    s = s.figures(List.of(new KeyFigure("Exits " + r.period().label(),
        Long.toString(r.current().exits()), r.base().exits() + " in " + r.compare().label())));
    return rows.isEmpty() ? s : s.table("Early = before " + r.current().boundary(),
        List.of("exit", "reason", "count", "share", "early", "late"), rows);
  }
}
