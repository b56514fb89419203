package dev.funnel.cli;

import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortMetric;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.cli.view.CohortsView;
import dev.funnel.cli.view.View;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(tables(CohortBasis.PAYMENT));
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
    View view;
    if (group != null) {
      SortedMap<String, CohortTable> tables = Cohorts.byGroup(in.dataset(), g, group, asOf,
          maxPeriods);
      view = CohortsView.groups(args.value(GROUP).trim().toLowerCase(Locale.ROOT), g, tables,
          asOf, through, metric, args.has(CALENDAR));
    } else {
      view = CohortsView.of(Cohorts.table(in.dataset(), g, basis, asOf, maxPeriods), asOf, through)
          .metric(metric).calendar(args.has(CALENDAR));
    }
    Output.emit(session, format, view, in);
    return ExitCodes.OK;
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
}
