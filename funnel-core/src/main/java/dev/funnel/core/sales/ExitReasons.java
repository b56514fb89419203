package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * Lost and returned-to-marketing reasons (docs/spec/metrics.md): counts, shares, early vs late.
 *
 * <p>Every exit change inside the window counts once (a lead returned twice counts twice). Early
 * means the lead had not reached the boundary stage (OPPORTUNITY by default) when it exited: the
 * deal died during qualification, which points at marketing and SDRs; late exits point at the
 * offer and the sales process. Rows are sorted by exit stage, then count (descending), then
 * reason.
 *
 * @param boundary the first "late" stage
 * @param exits    all exits in the window
 * @param reasons  one row per exit stage and reason
 */
public record ExitReasons(String boundary, long exits, List<ReasonCount> reasons) implements Tabular {

  public ExitReasons {
    reasons = List.copyOf(reasons);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Exit reasons: %d exits, early = before %s", exits, boundary);
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("exit", "reason", "count", "share", "early", "late");
    for (ReasonCount r : reasons) {
      t = t.plus(r.exit(), r.reason(), r.count(), r.share(), r.early(), r.late());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
