package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.plan.PlanOptions;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.core.plan.PlanRow;
import dev.funnel.core.plan.Tolerance;
import dev.funnel.core.sla.BusinessCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code funnel planfact DATA --period P}: plan vs actual of {@link PlanFact} (docs/spec/cli.md,
 * planfact): per planned metric the plan, the actual, the deviation, a run-rate forecast
 * to the end of the period, quarter-to-date figures and an ok / warning / alert status.
 */
final class PlanfactCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.PAYMENTS, DatasetTable.SPEND, DatasetTable.PLAN);

  static final Option PERIOD =
      new Option("period", "P", "the period: 2026-03, 2026-Q1, 2026-W10, 2026 or 2026-03-16 (required)");
  static final Option AS_OF = new Option("as-of", "DATE",
      "as of the end of this day, or an instant; run-rate forecasts the rest of the period (default: the end of the period, or of the data's last day inside it)");
  static final Option WARNING = new Option("warning", "F", "warning when the forecast is this share worse than plan (default 0.05)");
  static final Option ALERT = new Option("alert", "F", "alert when the forecast is this share worse than plan (default 0.15)");

  @Override
  public String name() {
    return "planfact";
  }

  @Override
  public String summary() {
    return "plan vs actual with run-rate forecast and alert levels";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "Needs the plan table. The actual window is the period up to --as-of, which it\n"
        + "includes (default: the end of the period, or the end of the data's last day when the\n"
        + "data ends inside it: a partial period, said so). Run-rate is the\n"
        + "actual divided by the elapsed share of the period (calendar days, or working hours\n"
        + "with --business-hours); ratios project as they stand. Status compares the run-rate\n"
        + "with the plan in the metric's direction (more leads is good, a higher CPL is bad):\n"
        + "worse by --warning or more is a warning, by --alert or more an alert.";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(false, PERIOD, AS_OF, WARNING, ALERT, TimeOptions.BUSINESS_HOURS,
        TimeOptions.HOLIDAYS);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    String p = args.value(PERIOD);
    if (p == null) {
      throw args.usage("--period is required, e.g. --period 2026-03");
    }
    Period period;
    try {
      period = Period.parse(p.trim());
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --period '" + p + "': " + e.getMessage());
    }
    Tolerance tolerance = tolerance(args);
    PlanOptions options = PlanOptions.defaults().tolerance(tolerance);
    BusinessCalendar cal = TimeOptions.calendar(args, args.zone());
    if (cal != null) {
      options = options.businessDays(cal);
    }
    Instant asOf = AsOf.parse(args, AS_OF, args.zone());
    DataInput in = DataInput.read(args, session, TABLES);
    options = options.asOf(asOf != null ? asOf : AsOf.ofPeriod(in.dataset(), period));
    PlanReport r = PlanFact.compute(in.dataset(), period, options);
    if (format == Format.SVG) {
      if (r.rows().isEmpty()) {
        throw new IllegalStateException("no plan targets for " + period.label() + ": nothing to draw");
      }
      session.emit(ResultCharts.bullets("Plan vs actual, " + period.label(), r).document());
    } else {
      session.emit(format == Format.JSON ? in.json(json(r))
          : r.summary() + "\n" + note(r, in.dataset().zone()) + r.table().render());
    }
    return Funnel.OK;
  }

  private static Tolerance tolerance(Arguments args) {
    double w = share(args, WARNING, Tolerance.DEFAULT.warning());
    double a = share(args, ALERT, Tolerance.DEFAULT.alert());
    if (a < w) {
      throw args.usage("--alert (" + a + ") must be at least --warning (" + w + ")");
    }
    return new Tolerance(w, a);
  }

  private static double share(Arguments args, Option o, double dflt) {
    String v = args.value(o);
    if (v == null) {
      return dflt;
    }
    try {
      double x = Double.parseDouble(v.trim());
      if (x >= 0 && Double.isFinite(x)) {
        return x;
      }
    } catch (NumberFormatException e) {
      // the usage error below
    }
    throw args.usage("bad --" + o.name() + " '" + v + "': expected a share >= 0 such as 0.1");
  }

  /**
   * The line under the summary: that the period is partial and the run-rate a forecast, or that
   * the plan has no target for the period; empty otherwise.
   */
  static String note(PlanReport r, java.time.ZoneId zone) {
    if (r.rows().isEmpty()) {
      return "no targets for " + r.period().label() + " in the plan table\n";
    }
    if (r.elapsed() < 1) {
      return "partial: as of " + dev.funnel.core.display.InstantLabel.of(r.asOf(), zone)
          + ", the run-rate forecasts the rest of " + r.period().label() + " from the actual so far\n";
    }
    return "";
  }

  /**
   * The JSON of docs/spec/cli.md plus channel, relative deviation, quarter to date and notes, and
   * whether the period is partial (less than all of it elapsed at the as-of instant: the run-rate
   * is a forecast).
   */
  static Map<String, Object> json(PlanReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period().label());
    m.put("asOf", r.asOf());
    m.put("elapsed", r.elapsed());
    m.put("partial", r.elapsed() < 1);
    m.put("quarter", r.quarter().label());
    List<Object> rows = new ArrayList<>();
    for (PlanRow x : r.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("metric", x.metric());
      row.put("channel", x.channel());
      row.put("plan", x.plan());
      row.put("actual", x.actual());
      row.put("runRate", x.runRate());
      row.put("deviation", x.deviation());
      row.put("relativeDeviation", x.relativeDeviation());
      row.put("status", x.status().label());
      row.put("direction", x.direction() == null ? null : x.direction().label());
      row.put("qtdPlan", x.qtdPlan());
      row.put("qtdActual", x.qtdActual());
      row.put("note", x.note());
      rows.add(row);
    }
    m.put("rows", rows);
    return m;
  }
}
