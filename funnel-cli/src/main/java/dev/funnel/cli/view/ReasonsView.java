package dev.funnel.cli.view;

import dev.funnel.core.Period;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.sales.ExitReasons;
import dev.funnel.core.sales.ReasonCount;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lost and returned reasons of a period ({@link ExitReasons}, the review pack's reasons section):
 * exits by reason with their share of the exits into the same stage and the split early / late,
 * with the comparison period's exit count.
 */
public final class ReasonsView implements View {

  private final Period period;
  private final ExitReasons current;
  private final Period compare;
  private final ExitReasons base;

  private ReasonsView(Period period, ExitReasons current, Period compare, ExitReasons base) {
    this.period = period;
    this.current = current;
    this.compare = compare;
    this.base = base;
  }

  /** The view of a period's exits and its comparison period's. */
  public static ReasonsView of(Period period, ExitReasons current, Period compare,
      ExitReasons base) {
    return new ReasonsView(period, current, compare, base);
  }

  record Reason(String exit, String reason, long count, double share, long early, long late) {}

  record Json(String period, String compare, String boundary, long exits, long exitsCompare,
      long early, long late, List<Reason> reasons) {}

  @Override
  public Object json() {
    List<Reason> rows = new ArrayList<>();
    long early = 0;
    long late = 0;
    for (ReasonCount x : current.reasons()) {
      rows.add(new Reason(x.exit(), x.reason(), x.count(), x.share(), x.early(), x.late()));
      early += x.early();
      late += x.late();
    }
    return new Json(period.label(), compare.label(), current.boundary(), current.exits(),
        base.exits(), early, late, rows);
  }

  @Override
  public String text() {
    return period.label() + ": " + current.summary() + "\n" + compare.label() + ": "
        + Formats.count(base.exits()) + " exits\n" + current.table().render();
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of("reasons", current.table());
  }

  @Override
  public String csv() {
    return current.table().csv();
  }

  @Override
  public Section html(Section s) {
    s = s.figures(List.of(new KeyFigure("Exits " + period.label(), Formats.count(current.exits()),
        Formats.count(base.exits()) + " in " + compare.label())));
    TextTable t = current.table();
    return current.reasons().isEmpty() ? s
        : s.table("Early = before " + current.boundary(), t.header(), t.textRows());
  }
}
