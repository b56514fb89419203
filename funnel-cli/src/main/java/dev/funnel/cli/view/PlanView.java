package dev.funnel.cli.view;

import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.core.plan.PlanRow;
import dev.funnel.io.chart.Bullet;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plan vs actual ({@link PlanReport}, {@code funnel planfact}, the review pack's plan section):
 * per planned metric the plan, the actual, the run-rate forecast, the deviation (absolute, and
 * relative as a percentage), the status and the quarter to date; a partial period says that the
 * run-rate forecasts the rest of it; the chart the plan-vs-actual bullets.
 */
public final class PlanView implements View {

  private final PlanReport r;
  private final ZoneId zone;

  private PlanView(PlanReport r, ZoneId zone) {
    this.r = r;
    this.zone = zone;
  }

  /** The view of a plan report; the as-of instant is shown in the zone. */
  public static PlanView of(PlanReport r, ZoneId zone) {
    return new PlanView(r, zone);
  }

  record Row(String metric, String channel, double plan, double actual, double runRate,
      double deviation, double relativeDeviation, String status, String direction, double qtdPlan,
      double qtdActual, String note) {}

  /**
   * The JSON of docs/spec/cli.md plus channel, relative deviation, quarter to date and notes, and
   * whether the period is partial (less than all of it elapsed at the as-of instant).
   */
  record Json(String period, Instant asOf, double elapsed, boolean partial, String quarter,
      List<Row> rows) {}

  @Override
  public Object json() {
    List<Row> rows = new ArrayList<>();
    for (PlanRow x : r.rows()) {
      rows.add(new Row(x.metric(), x.channel(), x.plan(), x.actual(), x.runRate(), x.deviation(),
          x.relativeDeviation(), x.status().label(),
          x.direction() == null ? null : x.direction().label(), x.qtdPlan(), x.qtdActual(),
          x.note()));
    }
    return new Json(r.period().label(), r.asOf(), r.elapsed(), r.elapsed() < 1,
        r.quarter().label(), rows);
  }

  /**
   * The line under the summary: that the period is partial and the run-rate a forecast, or that
   * the plan has no target for the period; empty otherwise.
   */
  public String note() {
    if (r.rows().isEmpty()) {
      return "no targets for " + r.period().label() + " in the plan table\n";
    }
    if (r.elapsed() < 1) {
      return "partial: as of " + InstantLabel.of(r.asOf(), zone)
          + ", the run-rate forecasts the rest of " + r.period().label() + " from the actual so far\n";
    }
    return "";
  }

  @Override
  public String text() {
    return r.summary() + "\n" + note() + r.table().render() + r.notes();
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of("plan", r.table());
  }

  @Override
  public String csv() {
    return r.table().csv();
  }

  /** The bullet's name of a plan row: the metric, and its channel when the target has one. */
  private static String name(PlanRow x) {
    return x.metric() + (x.channel() == null ? "" : ", " + x.channel());
  }

  /** Plan-vs-actual bullets: plan, actual, run-rate and status per planned metric. */
  public Svg chart() {
    List<Bullet> bullets = new ArrayList<>();
    for (PlanRow x : r.rows()) {
      Bullet.Status st = switch (x.status().label()) {
        case "ok" -> Bullet.Status.OK;
        case "warning" -> Bullet.Status.WARNING;
        case "alert" -> Bullet.Status.ALERT;
        default -> Bullet.Status.UNKNOWN;
      };
      bullets.add(new Bullet(name(x), x.plan(), x.actual(), x.runRate(), st));
    }
    return Charts.bullets(ChartOptions.titled("Plan vs actual, " + r.period().label()), bullets);
  }

  @Override
  public Optional<Svg> svg() {
    return r.rows().isEmpty() ? Optional.empty() : Optional.of(chart());
  }

  @Override
  public Section html(Section s) {
    s = s.paragraph(r.summary());
    if (!note().isEmpty()) {
      s = s.paragraph(note().trim());
    }
    if (!r.rows().isEmpty()) {
      s = s.chart(chart());
    }
    TextTable t = r.table();
    s = s.table(t.header(), t.textRows());
    for (String n : r.notes().split("\n")) {
      if (!n.isBlank()) {
        s = s.paragraph(n);
      }
    }
    return s;
  }
}
