package dev.funnel.cli;

import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelCredit;
import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.core.bridge.BridgeResult;
import dev.funnel.core.bridge.FactorEffect;
import dev.funnel.core.funnel.StageCount;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.money.UnitRow;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.core.plan.PlanRow;
import dev.funnel.io.chart.Bar;
import dev.funnel.io.chart.Bullet;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.HeatRow;
import dev.funnel.io.chart.Series;
import dev.funnel.io.chart.Step;
import dev.funnel.io.chart.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Results drawn as {@link Charts}: the one mapping from a library result to a chart input, shared
 * by the sections of {@code funnel report --format html} and by {@code --format svg} of the
 * commands, so that both draw the same chart. Each method takes the chart title; inputs with
 * nothing to draw (no stages, cohorts, plan rows, channels) are the caller's to check, since the
 * renderers refuse empty charts.
 */
final class ResultCharts {

  private ResultCharts() {}

  /** Funnel bars: each stage's count, with its conversion from the previous stage. */
  static Svg funnel(String title, List<StageCount> stages) {
    List<Bar> bars = new ArrayList<>();
    List<Double> conv = new ArrayList<>();
    for (StageCount c : stages) {
      bars.add(new Bar(c.stage(), c.count()));
      conv.add(c.conversionFromPrevious());
    }
    return Charts.funnel(ChartOptions.titled(title).valueAxis("Leads"), bars, conv);
  }

  /** The waterfall of a bridge: base, one step per factor effect, current. */
  static Svg waterfall(String title, BridgeResult b, String baseLabel, String currentLabel,
      String valueAxis) {
    List<Step> steps = new ArrayList<>();
    for (FactorEffect e : b.effects()) {
      steps.add(new Step(e.factor(), e.effect()));
    }
    return Charts.waterfall(ChartOptions.titled(title).valueAxis(valueAxis),
        new Bar(baseLabel, b.base()), steps, new Bar(currentLabel, b.current()));
  }

  /** Retention heat map: a row per cohort (label and size), a cell per period since its start. */
  static Svg retention(String title, CohortTable t) {
    List<HeatRow> rows = new ArrayList<>();
    for (CohortRow c : t.cohorts()) {
      rows.add(new HeatRow(c.cohort().label() + " (n=" + c.size() + ")", c.retention()));
    }
    return Charts.heatmap(ChartOptions.titled(title), rows);
  }

  /** The bullet's name of a plan row: the metric, and its channel when the target has one. */
  static String planName(PlanRow x) {
    return x.metric() + (x.channel() == null ? "" : ", " + x.channel());
  }

  /** Plan-vs-actual bullets: plan, actual, run-rate and status per planned metric. */
  static Svg bullets(String title, PlanReport r) {
    List<Bullet> bullets = new ArrayList<>();
    for (PlanRow x : r.rows()) {
      Bullet.Status st = switch (x.status().label()) {
        case "ok" -> Bullet.Status.OK;
        case "warning" -> Bullet.Status.WARNING;
        case "alert" -> Bullet.Status.ALERT;
        default -> Bullet.Status.UNKNOWN;
      };
      bullets.add(new Bullet(planName(x), x.plan(), x.actual(), x.runRate(), st));
    }
    return Charts.bullets(ChartOptions.titled(title), bullets);
  }

  /** Channel bars: a panel each for leads, new customers and revenue, a bar per channel. */
  static Svg channels(String title, UnitReport r) {
    List<String> names = new ArrayList<>();
    List<Double> leads = new ArrayList<>();
    List<Double> customers = new ArrayList<>();
    List<Double> revenue = new ArrayList<>();
    for (UnitRow x : r.channels()) {
      names.add(x.channel());
      leads.add((double) x.leads());
      customers.add((double) x.customers());
      revenue.add(x.revenue().doubleValue());
    }
    return Charts.channels(ChartOptions.titled(title), names,
        List.of(new Series("leads", leads), new Series("new customers", customers),
            new Series("revenue", revenue)));
  }

  /** Every channel credited by any of the results, sorted. */
  static List<String> creditedChannels(List<AttributionResult> results) {
    TreeSet<String> names = new TreeSet<>();
    results.forEach(x -> x.channels().forEach(c -> names.add(c.channel())));
    return List.copyOf(names);
  }

  /**
   * One series per model: its conversions credited to each of {@code channels}, NaN for a channel
   * the model does not list.
   */
  static List<Series> credits(List<String> channels, List<AttributionResult> results) {
    List<Series> series = new ArrayList<>();
    for (AttributionResult x : results) {
      List<Double> v = new ArrayList<>();
      for (String ch : channels) {
        double c = Double.NaN;
        for (ChannelCredit cc : x.channels()) {
          if (cc.channel().equals(ch)) {
            c = cc.conversions();
          }
        }
        v.add(c);
      }
      series.add(new Series(x.model().label(), v));
    }
    return series;
  }

  /**
   * Conversions credited per channel: grouped bars, one colour per model (a single model is one
   * bar per channel).
   */
  static Svg credited(String title, List<AttributionResult> results) {
    List<String> channels = creditedChannels(results);
    return Charts.grouped(ChartOptions.titled(title).valueAxis("Conversions"), channels,
        credits(channels, results));
  }

  /**
   * The leads trend as grouped bars on one scale: per period a bar each for leads, MQL and SQL
   * (event basis, {@link LeadTrend}).
   */
  static Svg leadTrend(String title, List<LeadTrend> trend) {
    List<String> periods = new ArrayList<>();
    List<Double> leads = new ArrayList<>();
    List<Double> mql = new ArrayList<>();
    List<Double> sql = new ArrayList<>();
    for (LeadTrend t : trend) {
      periods.add(t.period().label());
      leads.add((double) t.leads());
      mql.add((double) t.mql());
      sql.add((double) t.sql());
    }
    return Charts.grouped(ChartOptions.titled(title).valueAxis("Leads"), periods,
        List.of(new Series("leads", leads), new Series("MQL", mql), new Series("SQL", sql)));
  }
}
