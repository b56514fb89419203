package dev.funnel.core.plan;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Plan vs actual of one period (JSON of {@code planfact}: {@code period} and {@code rows}).
 *
 * @param period       the period label
 * @param through      the last observed day
 * @param elapsedDays  days of the period observed (calendar or business)
 * @param totalDays    days in the period (calendar or business)
 * @param businessDays whether days are business days
 * @param rows         one row per plan target of the period, in plan order
 * @param unsupported  plan targets of the period the library cannot compute, with the reason
 */
public record PlanFactReport(
    String period, LocalDate through, long elapsedDays, long totalDays, boolean businessDays,
    List<PlanFactRow> rows, List<String> unsupported) implements Tabular {

  public PlanFactReport {
    rows = List.copyOf(rows);
    unsupported = List.copyOf(unsupported);
  }

  @Override
  public String summary() {
    long alerts = rows.stream().filter(r -> r.status() == Status.ALERT).count();
    return String.format(Locale.ROOT, "Plan vs actual %s, day %d of %d: %d rows, %d alerts",
        period, elapsedDays, totalDays, rows.size(), alerts);
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("metric", "channel", "plan", "actual", "run-rate", "deviation",
        "status", "QTD plan", "QTD actual");
    for (PlanFactRow r : rows) {
      t = t.plus(r.metric(), r.channel(), r.plan(), r.actual(), r.runRate(), r.deviation(),
          r.status().label(), r.qtdPlan(), r.qtdActual());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
