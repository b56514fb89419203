package dev.funnel.cli;

import dev.funnel.cohort.CohortAverage;
import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Granularity;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code funnel cohorts DATA}: the cohort table of {@link Cohorts#byFirstPayment} (spec/cli.md,
 * cohorts; issue #5): customers grouped by the calendar period of their first positive payment,
 * followed period by period. Text is a heat-map-style table of one metric (retention by default,
 * {@code --metric}), JSON the shape of spec/cli.md, CSV one row per cohort and period index.
 */
final class CohortsCommand implements Command {

  static final Option GRANULARITY =
      new Option("granularity", "G", "cohort period: day, week, month (default) or quarter");
  static final Option BY = new Option("by", "G", "same as --granularity");
  static final Option METRIC = new Option("metric", "M",
      "text table of retention (default), active, revenue, cumulative (revenue per customer) or churn");

  /** What the text table shows per cohort and period index. */
  enum Metric {
    RETENTION, ACTIVE, REVENUE, CUMULATIVE, CHURN;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String name() {
    return "cohorts";
  }

  @Override
  public String summary() {
    return "cohort table by first payment: active customers, retention, revenue";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "A cohort is the set of customers whose first positive payment falls in the period;\n"
        + "active[k] counts members with a positive payment in period cohort + k, revenue[k]\n"
        + "sums all their payments in that period, refunds included. Periods are calendar\n"
        + "periods in the dataset time zone; periods after the end of the data are absent.\n"
        + "The text table ends with the size-weighted average over the cohorts that reached\n"
        + "each period.";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, GRANULARITY, BY, METRIC);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Granularity g = granularity(args);
    Metric metric = metric(args);
    DataInput in = DataInput.read(args, session);
    CohortTable t = Cohorts.byFirstPayment(in.dataset(), g);
    switch (format) {
      case JSON -> session.emit(in.json(json(t)));
      case CSV -> session.emit(csv(t));
      default -> session.emit(text(t, metric));
    }
    return Funnel.OK;
  }

  static Granularity granularity(Arguments args) {
    if (args.has(GRANULARITY) && args.has(BY)) {
      throw args.usage("give --granularity or --by, not both");
    }
    String v = args.has(BY) ? args.value(BY) : args.value(GRANULARITY);
    if (v == null) {
      return Granularity.MONTH;
    }
    for (Granularity g : List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER)) {
      if (g.label().equalsIgnoreCase(v.trim())) {
        return g;
      }
    }
    throw args.usage("bad cohort granularity '" + v + "': use day, week, month or quarter");
  }

  private static Metric metric(Arguments args) {
    String v = args.value(METRIC);
    if (v == null) {
      return Metric.RETENTION;
    }
    for (Metric m : Metric.values()) {
      if (m.label().equalsIgnoreCase(v.trim())) {
        return m;
      }
    }
    throw args.usage("bad --metric '" + v + "': use retention, active, revenue, cumulative or churn");
  }

  /** The JSON of spec/cli.md, plus churn, orders and the averages. */
  static Map<String, Object> json(CohortTable t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("granularity", t.granularity().label());
    m.put("zone", t.zone().getId());
    m.put("lastPeriod", t.lastPeriod() == null ? null : t.lastPeriod().label());
    List<Object> rows = new ArrayList<>();
    for (CohortRow r : t.cohorts()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("cohort", r.cohort().label());
      c.put("size", r.size());
      c.put("active", r.active());
      c.put("retention", r.retention());
      c.put("revenue", r.revenue());
      c.put("cumulativeRevenuePerCustomer", r.cumulativeRevenuePerCustomer());
      c.put("churn", r.churn());
      c.put("orders", r.orders());
      rows.add(c);
    }
    m.put("cohorts", rows);
    m.put("averages", t.averages());
    m.put("customers", t.customers());
    m.put("customersOutside", t.customersOutside());
    m.put("revenueOutside", t.revenueOutside());
    m.put("paymentsBeforeCohort", t.paymentsBeforeCohort());
    m.put("revenueBeforeCohort", t.revenueBeforeCohort());
    return m;
  }

  /** The summary line and a table of one metric: a row per cohort, a column per period index. */
  static String text(CohortTable t, Metric metric) {
    if (metric == Metric.RETENTION) {
      return t.summary() + "\n" + t.table().render();
    }
    int max = t.cohorts().stream().mapToInt(CohortRow::periods).max().orElse(0);
    String[] header = new String[max + 2];
    header[0] = "cohort";
    header[1] = "size";
    for (int k = 0; k < max; k++) {
      header[k + 2] = String.valueOf(k);
    }
    TextTable table = TextTable.of(header);
    for (CohortRow r : t.cohorts()) {
      List<?> values = values(r, metric);
      Object[] cells = new Object[max + 2];
      cells[0] = r.cohort().label();
      cells[1] = r.size();
      for (int k = 0; k < max; k++) {
        cells[k + 2] = k < values.size() ? values.get(k) : null;
      }
      table = table.plus(cells);
    }
    if (!t.cohorts().isEmpty() && metric != Metric.ACTIVE && metric != Metric.REVENUE) {
      Object[] cells = new Object[max + 2];
      cells[0] = "average";
      cells[1] = t.customers();
      List<CohortAverage> avg = t.averages();
      for (int k = 0; k < max; k++) {
        CohortAverage a = avg.get(k);
        cells[k + 2] = metric == Metric.CHURN ? a.churn() : a.cumulativeRevenuePerCustomer();
      }
      table = table.plus(cells);
    }
    return t.summary() + " (" + metric.label() + ")\n" + table.render();
  }

  private static List<?> values(CohortRow r, Metric metric) {
    return switch (metric) {
      case ACTIVE -> r.active();
      case REVENUE -> r.revenue();
      case CUMULATIVE -> r.cumulativeRevenuePerCustomer();
      case CHURN -> r.churn();
      default -> r.retention();
    };
  }

  /** One row per cohort and period index (labels are period names: no quoting needed). */
  static String csv(CohortTable t) {
    StringBuilder b = new StringBuilder(
        "cohort,size,period,active,retention,churn,orders,revenue,cumulative_revenue_per_customer\n");
    for (CohortRow r : t.cohorts()) {
      List<Double> ret = r.retention();
      List<Double> churn = r.churn();
      List<Double> cum = r.cumulativeRevenuePerCustomer();
      for (int k = 0; k < r.periods(); k++) {
        BigDecimal rev = r.revenue().get(k);
        b.append(r.cohort().label()).append(',').append(r.size()).append(',').append(k).append(',')
            .append(r.active().get(k)).append(',').append(number(ret.get(k))).append(',')
            .append(number(churn.get(k))).append(',').append(r.orders().get(k)).append(',')
            .append(rev.toPlainString()).append(',').append(number(cum.get(k))).append('\n');
      }
    }
    return b.toString();
  }

  /** A double for CSV: full precision, empty when undefined. */
  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
