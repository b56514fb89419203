package dev.funnel.cli;

import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortMetric;
import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * {@code funnel cohorts DATA}: the cohort table of {@link Cohorts#table} (docs/spec/cli.md, cohorts): customers grouped by the calendar period of their first
 * positive payment (or, with
 * {@code --cohort}, first touch, lead creation or SQL), followed period by period. Text is a
 * heat-map-style table of one metric (retention by default, {@code --metric}), JSON the shape of
 * docs/spec/cli.md, CSV one row per cohort and period index.
 */
final class CohortsCommand implements Command {

  /**
   * The tables a cohort table of this basis uses; only these are read from DATA: leads and
   * payments, plus the touches or stage changes that anchor touch and SQL cohorts.
   */
  static Set<DatasetTable> tables(CohortBasis basis) {
    EnumSet<DatasetTable> t = EnumSet.of(DatasetTable.LEADS, DatasetTable.PAYMENTS);
    if (basis == CohortBasis.TOUCH) {
      t.add(DatasetTable.TOUCHES);
    } else if (basis == CohortBasis.SQL) {
      t.add(DatasetTable.STAGES);
    }
    return t;
  }

  static final Option GRANULARITY =
      new Option("granularity", "G", "cohort period: day, week, month (default) or quarter");
  static final Option BY = new Option("by", "G", "same as --granularity");
  static final Option COHORT = new Option("cohort", "BASIS",
      "what puts a customer in a cohort: first payment (default), first touch, lead creation or sql");
  static final Option METRIC = new Option("metric", "M",
      "text table of retention (default), revenue or cumulative (revenue per customer)");
  static final Option GROUP = new Option("group", "G",
      "one table per acquisition channel or segment (of the customer's first lead; payment cohorts)");
  static final Option MAX_PERIODS = new Option("max-periods", "N", "the most periods the data may span"
      + " (default " + Cohorts.DEFAULT_MAX_PERIODS + "; a guard against a mistyped year)");
  static final Option CALENDAR =
      new Option("calendar", null, "text: calendar-aligned columns instead of periods since the cohort start");
  static final Option AS_OF = new Option("as-of", "DATE",
      "cohorts as of the end of this day, or of an instant (default: the end of the data's last day)");

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
        + "each period. With --cohort touch|lead|sql a cohort also counts members who never paid,\n"
        + "so retention at period 0 is the share that paid in the cohort period.\n"
        + "As of --as-of (default: the end of the data's last day) later payments and anchors are\n"
        + "left out. The last period is partial when the as-of instant falls inside it: its cells\n"
        + "end in '*' (JSON \"partialPeriod\"), and the average row (JSON \"averages\") leaves them\n"
        + "out, so a period cut short does not look like churn.\n"
        + "The data may span at most --max-periods periods (default " + Cohorts.DEFAULT_MAX_PERIODS
        + "): a payment dated 9999 is\n"
        + "refused with the span it would make instead of computing a table of its square.\n"
        + "--format svg draws the retention heat map (a standalone SVG document); it draws one\n"
        + "table of retention, so it refuses --group and --metric other than retention.";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, GRANULARITY, BY, COHORT, METRIC, CALENDAR, GROUP, AS_OF,
        MAX_PERIODS);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Granularity g = granularity(args);
    CohortMetric metric = metric(args);
    CohortBasis basis = basis(args);
    Function<Lead, String> group = group(args, basis);
    if (format == Format.SVG && (group != null || metric != CohortMetric.RETENTION)) {
      throw args.usage("--format svg draws one retention heat map: not with "
          + (group != null ? "--group" : "--metric " + args.value(METRIC)));
    }
    java.time.Instant explicit = AsOf.parse(args, AS_OF, args.zone());
    int maxPeriods = (int) args.integer(MAX_PERIODS, Cohorts.DEFAULT_MAX_PERIODS, 1, Integer.MAX_VALUE);
    DataInput in = DataInput.read(args, session, tables(basis));
    java.time.ZoneId zone = in.dataset().zone();
    java.time.Instant asOf = explicit != null ? explicit : AsOf.endOfLastDay(in.dataset());
    Period through = asOf == null ? null : Period.lastComplete(asOf, g, zone);
    if (group != null) {
      SortedMap<String, CohortTable> tables = Cohorts.byGroup(in.dataset(), g, group, asOf,
          maxPeriods);
      switch (format) {
        case JSON -> session.emit(in.json(json(args.value(GROUP).trim().toLowerCase(Locale.ROOT), g,
            tables, asOf, through)));
        case CSV -> session.emit(csv(tables, through));
        default -> {
          StringBuilder b = new StringBuilder();
          tables.forEach((k, t) -> b.append(b.length() == 0 ? "" : "\n").append(k).append(": ")
              .append(t.summary()).append('\n')
              .append(t.table(metric, args.has(CALENDAR), through).render())
              .append(partialNote(t, through, asOf, zone)));
          session.emit(b.length() == 0 ? "No payments.\n" : b.toString());
        }
      }
      return Funnel.OK;
    }
    CohortTable t = Cohorts.table(in.dataset(), g, basis, asOf, maxPeriods);
    switch (format) {
      case JSON -> session.emit(in.json(json(t, asOf, through)));
      case CSV -> session.emit(csv(t, through));
      case SVG -> {
        if (t.cohorts().isEmpty()) {
          throw new IllegalStateException("no cohorts: nothing to draw");
        }
        Period partial = partial(t, through);
        session.emit(ResultCharts.retention("Retention by " + g.label() + " since the cohort start"
            + (partial == null ? "" : " (" + partial.label() + " partial)"), t).document());
      }
      default -> session.emit(t.summary() + "\n" + t.table(metric, args.has(CALENDAR), through).render()
          + partialNote(t, through, asOf, zone));
    }
    return Funnel.OK;
  }

  /**
   * The table's last period when the as-of instant cuts it short (it is after {@code through},
   * the last complete period); null when every period is complete or there is no as-of instant.
   */
  static Period partial(CohortTable t, Period through) {
    return through != null && t.lastPeriod() != null && t.lastPeriod().compareTo(through) > 0
        ? t.lastPeriod() : null;
  }

  /** The line under a table whose last period is partial, else empty. */
  static String partialNote(CohortTable t, Period through, java.time.Instant asOf, java.time.ZoneId zone) {
    Period p = partial(t, through);
    return p == null ? "" : "* " + p.label() + " is partial (as of "
        + dev.funnel.core.display.InstantLabel.of(asOf, zone)
        + "): the average row leaves its cells out\n";
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

  private static CohortMetric metric(Arguments args) {
    String v = args.value(METRIC);
    try {
      return v == null ? CohortMetric.RETENTION : CohortMetric.parse(v);
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --metric: " + e.getMessage());
    }
  }

  private static CohortBasis basis(Arguments args) {
    String v = args.value(COHORT);
    try {
      return v == null ? CohortBasis.PAYMENT : CohortBasis.parse(v);
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --cohort: " + e.getMessage());
    }
  }

  private static Function<Lead, String> group(Arguments args, CohortBasis basis) {
    String v = args.value(GROUP);
    if (v == null) {
      return null;
    }
    if (basis != CohortBasis.PAYMENT) {
      throw args.usage("--group works with payment cohorts (the default --cohort) only");
    }
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "channel": return Lead::channel;
      case "segment": return Lead::segment;
      default: throw args.usage("bad --group '" + v + "': use channel or segment");
    }
  }

  /** The grouped JSON: the spec's object per group under {@code "groups"}. */
  static Map<String, Object> json(String by, Granularity g, SortedMap<String, CohortTable> tables,
      java.time.Instant asOf, Period through) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("granularity", g.label());
    m.put("basis", CohortBasis.PAYMENT.label());
    m.put("group", by);
    m.put("asOf", asOf == null ? null : asOf.toString());
    List<Object> groups = new ArrayList<>();
    tables.forEach((k, t) -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("key", k);
      one.putAll(json(t, asOf, through));
      groups.add(one);
    });
    m.put("groups", groups);
    return m;
  }

  /** The CSV of every group, with the group as the first column. */
  static String csv(SortedMap<String, CohortTable> tables, Period through) {
    StringBuilder b = new StringBuilder("group,");
    boolean header = true;
    for (Map.Entry<String, CohortTable> e : tables.entrySet()) {
      String[] lines = csv(e.getValue(), through).split("\n");
      if (header) {
        b.append(lines[0]).append('\n');
        header = false;
      }
      for (int i = 1; i < lines.length; i++) {
        b.append(quote(e.getKey())).append(',').append(lines[i]).append('\n');
      }
    }
    if (header) {
      b.append(csv(new ArrayList<>(), through));
    }
    return b.toString();
  }

  /** RFC 4180 quoting when needed; a leading formula character is neutralised with a quote. */
  private static String quote(String s) {
    String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /**
   * The JSON of docs/spec/cli.md, plus churn, orders, the as-of instant, the last complete period
   * ({@code completeThrough}), the partial last period or null ({@code partialPeriod}) and the
   * averages over the complete periods ({@link CohortTable#averages(Period)}).
   */
  static Map<String, Object> json(CohortTable t, java.time.Instant asOf, Period through) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("granularity", t.granularity().label());
    m.put("basis", t.basis().label());
    m.put("zone", t.zone().getId());
    m.put("asOf", asOf == null ? null : asOf.toString());
    m.put("lastPeriod", t.lastPeriod() == null ? null : t.lastPeriod().label());
    m.put("completeThrough", through == null ? null : through.label());
    Period partial = partial(t, through);
    m.put("partialPeriod", partial == null ? null : partial.label());
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
    m.put("averages", t.averages(through));
    m.put("customers", t.customers());
    m.put("customersOutside", t.customersOutside());
    m.put("revenueOutside", t.revenueOutside());
    m.put("paymentsBeforeCohort", t.paymentsBeforeCohort());
    m.put("revenueBeforeCohort", t.revenueBeforeCohort());
    return m;
  }

  /**
   * One row per cohort and period index (labels are period names: no quoting needed); the last
   * column says whether the cell's period is after {@code through} (partial).
   */
  static String csv(CohortTable t, Period through) {
    return csv(t.cohorts(), through);
  }

  private static String csv(List<CohortRow> rows, Period through) {
    StringBuilder b = new StringBuilder(
        "cohort,size,period,active,retention,churn,orders,revenue,cumulative_revenue_per_customer,partial\n");
    for (CohortRow r : rows) {
      List<Double> ret = r.retention();
      List<Double> churn = r.churn();
      List<Double> cum = r.cumulativeRevenuePerCustomer();
      for (int k = 0; k < r.periods(); k++) {
        BigDecimal rev = r.revenue().get(k);
        b.append(r.cohort().label()).append(',').append(r.size()).append(',').append(k).append(',')
            .append(r.active().get(k)).append(',').append(number(ret.get(k))).append(',')
            .append(number(churn.get(k))).append(',').append(r.orders().get(k)).append(',')
            .append(rev.toPlainString()).append(',').append(number(cum.get(k))).append(',')
            .append(through != null && r.cohort().plus(k).compareTo(through) > 0).append('\n');
      }
    }
    return b.toString();
  }

  /** A double for CSV: full precision, empty when undefined. */
  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
