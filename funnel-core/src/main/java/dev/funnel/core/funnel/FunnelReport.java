package dev.funnel.core.funnel;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stage funnel: counts and conversions over the window, per group and per period, on one basis.
 *
 * <p>Maps onto the JSON of {@code funnel --format json} (docs/spec/cli.md): {@code basis} (its
 * {@link Basis#label()}), {@code stages}, {@code groups} (present when the query has a breakdown)
 * and {@code periods} (present when it has a granularity). Periods run from the first to the last
 * period with any count, empty periods in between included. Groups are sorted by key. On the
 * event basis every lead counts in the period (and group) in which it reached the stage, so the
 * totals are the sums of the periods and of the groups.
 *
 * @param basis   the counting convention used
 * @param query   the query that produced the report
 * @param stages  totals over the window, one row per progression stage in catalog order
 * @param groups  one funnel per breakdown group, or empty without a breakdown
 * @param periods one funnel per period over all groups, or empty without a granularity
 */
public record FunnelReport(
    Basis basis, FunnelQuery query, List<StageCount> stages, List<GroupFunnel> groups,
    List<PeriodFunnel> periods) implements Tabular {

  public FunnelReport {
    stages = List.copyOf(stages);
    groups = List.copyOf(groups);
    periods = List.copyOf(periods);
  }

  /** The total count of a stage (case-insensitive name). */
  public long count(String stage) {
    return Conversions.find(stages, stage).count();
  }

  /** count(to) / count(from) over the window; NaN when count(from) is 0. */
  public double conversion(String from, String to) {
    return Conversions.between(stages, from, to);
  }

  @Override
  public String summary() {
    StageCount first = stages.get(0);
    StageCount last = stages.get(stages.size() - 1);
    return String.format(Locale.ROOT, "Funnel, %s basis: %d %s -> %d %s (%s)",
        basis.label(), first.count(), first.stage(), last.count(), last.stage(),
        TextTable.number(last.conversionFromFirst()));
  }

  @Override
  public TextTable table() {
    List<Object[]> out = new ArrayList<>();
    rows(out, "(all)", "(all)", stages);
    for (PeriodFunnel p : periods) {
      rows(out, "(all)", p.period(), p.stages());
    }
    for (GroupFunnel g : groups) {
      rows(out, g.key(), "(all)", g.stages());
      for (PeriodFunnel p : g.periods()) {
        rows(out, g.key(), p.period(), p.stages());
      }
    }
    return TextTable.of("group", "period", "stage", "count", "from previous", "from first")
        .plusAll(out);
  }

  private static void rows(List<Object[]> out, String group, String period, List<StageCount> rows) {
    for (StageCount s : rows) {
      out.add(new Object[] {group, period, s.stage(), s.count(), s.conversionFromPrevious(),
          s.conversionFromFirst()});
    }
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
