package dev.funnel.core.plan;

import dev.funnel.core.Period;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Plan vs actual for one period as of an instant: one {@link PlanRow} per planned metric and
 * channel (known metrics in {@link PlanMetric} order, the all-channel row before the channels in
 * alphabetical order, then unknown metrics by name).
 *
 * <p>Maps onto {@code planfact --format json}: {@code period} is {@link Period#label()}.
 *
 * @param period  the period
 * @param asOf    the instant of the report (the period end for a closed period)
 * @param elapsed the share of the period elapsed at {@code asOf}, 0 to 1, in calendar days or in
 *                business time
 * @param quarter the quarter the quarter-to-date columns cover
 * @param rows    the rows
 */
public record PlanReport(Period period, Instant asOf, double elapsed, Period quarter, List<PlanRow> rows)
    implements Tabular {

  public PlanReport {
    rows = List.copyOf(rows);
  }

  /** The all-channel row of a metric, or null when it has none. */
  public PlanRow row(String metric) {
    return row(metric, null);
  }

  /** The row of a metric and channel (null: all channels), or null when there is none. */
  public PlanRow row(String metric, String channel) {
    for (PlanRow r : rows) {
      if (r.metric().equals(metric) && java.util.Objects.equals(r.channel(), channel)) {
        return r;
      }
    }
    return null;
  }

  /** Number of rows with the status. */
  public long count(PlanStatus s) {
    return rows.stream().filter(r -> r.status() == s).count();
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Plan vs actual %s (%s elapsed): %d ok, %d warning, %d alert",
        period.label(), Formats.percent(elapsed), count(PlanStatus.OK), count(PlanStatus.WARNING),
        count(PlanStatus.ALERT));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("metric", "channel", "plan", "actual", "run-rate", "deviation",
        "dev %", "status", "QTD plan", "QTD actual");
    for (PlanRow r : rows) {
      t = t.plus(r.metric(), r.channel() == null ? "(all)" : r.channel(), cell(r, r.plan()),
          cell(r, r.actual()), cell(r, r.runRate()), cell(r, r.deviation()),
          Cell.percent(r.relativeDeviation()), r.status().label(), cell(r, r.qtdPlan()),
          cell(r, r.qtdActual()));
    }
    return t;
  }

  /**
   * A figure of a row as its metric reads: money (revenue, spend, CPL, CAC) to the cent, ratios
   * (ROMI, win rate) as percentages, counts and unknown metrics as measured values.
   */
  private static Cell cell(PlanRow r, double v) {
    return PlanMetric.find(r.metric()).map(m -> switch (m) {
      case REVENUE, SPEND, CPL, CAC -> Cell.amount(v);
      case ROMI, WIN_RATE -> Cell.percent(v);
      default -> Cell.number(v);
    }).orElse(Cell.number(v));
  }

  /** The rows' notes (why a figure is undefined, what a target means), one line each. */
  public String notes() {
    StringBuilder b = new StringBuilder();
    for (PlanRow r : rows) {
      if (r.note() != null && !r.note().isBlank()) {
        b.append("note: ").append(r.metric())
            .append(r.channel() == null ? "" : " (" + r.channel() + ")").append(": ")
            .append(r.note()).append('\n');
      }
    }
    return b.toString();
  }

  /** The summary, the table, then the rows' notes. */
  @Override
  public String text() {
    return summary() + "\n" + table().render() + notes();
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
