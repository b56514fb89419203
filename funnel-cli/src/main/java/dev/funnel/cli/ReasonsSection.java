package dev.funnel.cli;

import dev.funnel.cli.view.ReasonsView;
import dev.funnel.cli.view.View;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.sales.ExitReasons;
import dev.funnel.core.sales.Sales;
import java.util.List;

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
  View view(Result r, ReportInput in) {
    return ReasonsView.of(r.period(), r.current(), r.compare(), r.base());
  }
}
