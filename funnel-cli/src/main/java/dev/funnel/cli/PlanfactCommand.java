package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.plan.PlanFact;
import dev.funnel.core.plan.PlanOptions;
import dev.funnel.core.plan.PlanReport;
import dev.funnel.core.plan.Tolerance;
import dev.funnel.core.sla.BusinessCalendar;
import dev.funnel.cli.view.PlanView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
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
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.SVG);
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
    Output.emit(session, format, PlanView.of(r, in.dataset().zone()), in);
    return ExitCodes.OK;
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
}
