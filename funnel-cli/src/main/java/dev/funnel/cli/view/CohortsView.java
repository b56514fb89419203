package dev.funnel.cli.view;

import dev.funnel.cohort.CohortAverage;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortMetric;
import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.HeatRow;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A cohort table ({@link CohortTable}, {@code funnel cohorts}, the review pack's retention grid):
 * text a grid of one metric (retention by default) with the size-weighted average row, a period
 * cut short by the as-of instant marked {@code *} and left out of the averages; JSON the shape of
 * docs/spec/cli.md; CSV one row per cohort and period index; the chart the retention heat map.
 */
public final class CohortsView implements View {

  /** The number of month columns of the compact grid: it fits 100 columns. */
  static final int COLUMNS = 13;

  private final CohortTable t;
  private final Instant asOf;
  private final Period through;
  private final CohortMetric metric;
  private final boolean calendar;
  private final boolean compact;

  private CohortsView(CohortTable t, Instant asOf, Period through, CohortMetric metric,
      boolean calendar, boolean compact) {
    this.t = t;
    this.asOf = asOf;
    this.through = through;
    this.metric = metric;
    this.calendar = calendar;
    this.compact = compact;
  }

  /**
   * The view of a table as of an instant.
   *
   * @param asOf    the as-of instant, or null
   * @param through the last period complete at {@code asOf} (later cells are partial), or null
   */
  public static CohortsView of(CohortTable t, Instant asOf, Period through) {
    return new CohortsView(t, asOf, through, CohortMetric.RETENTION, false, false);
  }

  /** This view's text and HTML grid of another metric. */
  public CohortsView metric(CohortMetric m) {
    return new CohortsView(t, asOf, through, m, calendar, compact);
  }

  /** This view's text grid in calendar-aligned columns. */
  public CohortsView calendar(boolean on) {
    return new CohortsView(t, asOf, through, metric, on, compact);
  }

  /**
   * This view's text as the review pack shows it: retention in whole percentages, at most
   * {@value #COLUMNS} months, headed with the as-of instant.
   */
  public CohortsView compact() {
    return new CohortsView(t, asOf, through, metric, calendar, true);
  }

  /**
   * The table's last period when the as-of instant cuts it short (it is after {@code through});
   * null when every period is complete or there is no as-of instant.
   */
  public Period partial() {
    return through != null && t.lastPeriod() != null && t.lastPeriod().compareTo(through) > 0
        ? t.lastPeriod() : null;
  }

  /** The line under a table whose last period is partial, else empty. */
  String partialNote() {
    Period p = partial();
    return p == null ? "" : "* " + p.label() + " is partial (as of "
        + InstantLabel.of(asOf, t.zone()) + "): the average row leaves its cells out\n";
  }

  record CohortJson(String cohort, long size, List<Long> active, List<Double> retention,
      List<BigDecimal> revenue, List<Double> cumulativeRevenuePerCustomer, List<Double> churn,
      List<Long> orders) {}

  /**
   * The JSON of docs/spec/cli.md, plus churn, orders, the as-of instant, the last complete period
   * ({@code completeThrough}), the partial last period or null ({@code partialPeriod}) and the
   * averages over the complete periods.
   */
  record Json(String granularity, String basis, String zone, String asOf, String lastPeriod,
      String completeThrough, String partialPeriod, List<CohortJson> cohorts,
      List<CohortAverage> averages, long customers, long customersOutside,
      BigDecimal revenueOutside, long paymentsBeforeCohort, BigDecimal revenueBeforeCohort) {}

  @Override
  public Object json() {
    List<CohortJson> rows = new ArrayList<>();
    for (CohortRow r : t.cohorts()) {
      rows.add(new CohortJson(r.cohort().label(), r.size(), r.active(), r.retention(), r.revenue(),
          r.cumulativeRevenuePerCustomer(), r.churn(), r.orders()));
    }
    Period partial = partial();
    return new Json(t.granularity().label(), t.basis().label(), t.zone().getId(),
        asOf == null ? null : asOf.toString(),
        t.lastPeriod() == null ? null : t.lastPeriod().label(),
        through == null ? null : through.label(), partial == null ? null : partial.label(), rows,
        t.averages(through), t.customers(), t.customersOutside(), t.revenueOutside(),
        t.paymentsBeforeCohort(), t.revenueBeforeCohort());
  }

  /** The text grid: the table's own ({@link CohortTable#table}) or the compact retention grid. */
  public TextTable grid() {
    return compact ? compactGrid() : t.table(metric, calendar, through);
  }

  /**
   * Retention as whole percentages, a row per cohort and a column per period since its start (at
   * most {@value #COLUMNS}), then the size-weighted average over the complete periods; a cell of
   * a period after {@code through} ends in {@code *}.
   */
  private TextTable compactGrid() {
    int periods = periods();
    int shown = Math.min(periods, COLUMNS);
    String[] cols = new String[shown + 2];
    cols[0] = "cohort";
    cols[1] = "size";
    String unit = t.granularity() == Granularity.MONTH ? "m" : t.granularity().label().substring(0, 1);
    for (int k = 0; k < shown; k++) {
      cols[k + 2] = unit + k;
    }
    TextTable grid = TextTable.of(cols);
    for (CohortRow r : t.cohorts()) {
      Object[] row = new Object[shown + 2];
      row[0] = r.cohort().label();
      row[1] = r.size();
      for (int k = 0; k < shown; k++) {
        boolean partial = through != null && r.cohort().plus(k).compareTo(through) > 0;
        row[k + 2] = k < r.periods()
            ? Formats.wholePercent(r.retention().get(k)) + (partial ? "*" : "") : "";
      }
      grid = grid.plus(row);
    }
    Object[] avg = new Object[shown + 2];
    avg[0] = "average";
    avg[1] = t.customers();
    List<CohortAverage> averages = t.averages(through);
    for (int k = 0; k < shown; k++) {
      avg[k + 2] = k < averages.size() ? Formats.wholePercent(averages.get(k).retention()) : "";
    }
    return grid.plus(avg);
  }

  private int periods() {
    int periods = 0;
    for (CohortRow r : t.cohorts()) {
      periods = Math.max(periods, r.periods());
    }
    return periods;
  }

  @Override
  public String text() {
    if (!compact) {
      return t.summary() + "\n" + grid().render() + partialNote();
    }
    int periods = periods();
    String g = t.granularity().label();
    String note = periods > COLUMNS ? "retention, first " + COLUMNS + " of " + periods + " " + g
        + "s\n" : "retention by " + g + " since the first payment\n";
    return t.summary() + ", as of " + InstantLabel.of(asOf, t.zone()) + "\n" + note
        + grid().render() + partialNote();
  }

  /** The grid the text shows, with typed cells (retention as fractions in CSV). */
  @Override
  public Map<String, TextTable> tables() {
    return Map.of("cohorts", t.table(compact ? CohortMetric.RETENTION : metric, calendar, through));
  }

  /**
   * One row per cohort and period index: size, active, retention, churn, orders, revenue,
   * cumulative revenue per customer (full precision, undefined empty), and whether the cell's
   * period is partial.
   */
  @Override
  public String csv() {
    return CSV_HEADER + csv(t.cohorts(), through, "");
  }

  private static String csv(List<CohortRow> rows, Period through, String prefix) {
    StringBuilder b = new StringBuilder();
    for (CohortRow r : rows) {
      List<Double> ret = r.retention();
      List<Double> churn = r.churn();
      List<Double> cum = r.cumulativeRevenuePerCustomer();
      for (int k = 0; k < r.periods(); k++) {
        b.append(prefix).append(r.cohort().label()).append(',').append(r.size()).append(',')
            .append(k).append(',').append(r.active().get(k)).append(',')
            .append(Cell.number(ret.get(k)).raw()).append(',')
            .append(Cell.number(churn.get(k)).raw()).append(',').append(r.orders().get(k))
            .append(',').append(r.revenue().get(k).toPlainString()).append(',')
            .append(Cell.number(cum.get(k)).raw()).append(',')
            .append(through != null && r.cohort().plus(k).compareTo(through) > 0).append('\n');
      }
    }
    return b.toString();
  }

  /** The header of the CSV. */
  static final String CSV_HEADER = "cohort,size,period,active,retention,churn,orders,revenue,"
      + "cumulative_revenue_per_customer,partial\n";

  /** The retention heat map: a row per cohort (label and size), a cell per period since start. */
  public Svg chart() {
    List<HeatRow> rows = new ArrayList<>();
    for (CohortRow c : t.cohorts()) {
      rows.add(new HeatRow(c.cohort().label() + " (n=" + Formats.count(c.size()) + ")",
          c.retention()));
    }
    Period partial = partial();
    return Charts.heatmap(ChartOptions.titled("Retention by " + t.granularity().label()
        + " since the " + (t.basis() == CohortBasis.PAYMENT ? "first payment" : "cohort start")
        + (partial == null ? "" : " (" + partial.label() + " partial)")), rows);
  }

  @Override
  public Optional<Svg> svg() {
    return t.cohorts().isEmpty() ? Optional.empty() : Optional.of(chart());
  }

  @Override
  public Section html(Section s) {
    s = s.paragraph(t.summary() + (asOf == null ? "" : ", as of " + InstantLabel.of(asOf, t.zone()))
        + ".");
    String note = partialNote();
    if (!note.isEmpty()) {
      s = s.paragraph(note.trim());
    }
    return t.cohorts().isEmpty() ? s : s.chart(chart());
  }

  /**
   * Cohort tables by acquisition group ({@code funnel cohorts --group channel}): text a table per
   * group, JSON {@code {"granularity", "basis", "group", "asOf", "groups": [{"key", ...}]}}, CSV
   * the group as the first column.
   */
  public static View groups(String by, Granularity g, SortedMap<String, CohortTable> tables,
      Instant asOf, Period through, CohortMetric metric, boolean calendar) {
    return new Groups(by, g, tables, asOf, through, metric, calendar);
  }

  private record Groups(String by, Granularity g, SortedMap<String, CohortTable> byGroup,
      Instant asOf, Period through, CohortMetric metric, boolean calendar) implements View {

    record Json(String granularity, String basis, String group, String asOf, List<Object> groups) {}

    @Override
    public Object json() {
      List<Object> groups = new ArrayList<>();
      byGroup.forEach((k, t) -> groups.add(Views.members(Map.of("key", k),
          CohortsView.of(t, asOf, through).json())));
      return new Json(g.label(), CohortBasis.PAYMENT.label(), by,
          asOf == null ? null : asOf.toString(), groups);
    }

    @Override
    public String text() {
      StringBuilder b = new StringBuilder();
      byGroup.forEach((k, t) -> b.append(b.length() == 0 ? "" : "\n").append(k).append(": ")
          .append(CohortsView.of(t, asOf, through).metric(metric).calendar(calendar).text()));
      return b.length() == 0 ? "No payments.\n" : b.toString();
    }

    @Override
    public Map<String, TextTable> tables() {
      Map<String, TextTable> t = new java.util.LinkedHashMap<>();
      byGroup.forEach((k, c) -> t.put(k, c.table(metric, calendar, through)));
      return t;
    }

    @Override
    public String csv() {
      StringBuilder b = new StringBuilder("group,").append(CSV_HEADER);
      byGroup.forEach((k, t) -> b.append(CohortsView.csv(t.cohorts(), through,
          TextTable.csvText(k) + ",")));
      return b.toString();
    }

    @Override
    public Section html(Section s) {
      for (Map.Entry<String, CohortTable> e : byGroup.entrySet()) {
        s = CohortsView.of(e.getValue(), asOf, through).html(s.paragraph(e.getKey() + ":"));
      }
      return s;
    }
  }
}
