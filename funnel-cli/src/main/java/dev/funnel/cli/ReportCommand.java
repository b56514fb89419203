package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.io.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code funnel report DATA | --demo}: the whole dashboard, every section of {@link Report#SECTIONS}
 * for the dataset cut to {@code --from}/{@code --to}, all as of one instant ({@link ReportScope}).
 */
final class ReportCommand implements Command {

  static final Option PERIOD = new Option("period", "P",
      "period reported: 2026-03, 2026-Q1, 2026-W10 (default: the last complete one with activity)");
  static final Option GRANULARITY = new Option("granularity", "G",
      "length of the default period: day, week, month (default), quarter or year");
  static final Option COMPARE = new Option("compare", "P", "comparison period (default: the one before)");
  static final Option BANNER = new Option("banner", "F",
      "warn when more than this share of revenue has no source (default 0.2)");
  static final Option AS_OF = new Option("as-of", "DATE",
      "report as of the end of this day (default: the end of the period)");

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "the whole dashboard: every section for a dataset";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "DATA is a dataset directory (docs/spec/dataset.md); --demo generates the built-in demo\n"
        + "dataset in memory instead. Sections:\n"
        + wrap(String.join(", ", Report.SECTIONS.stream().map(ReportSection::title).toList()) + ".")
        + "--from/--to cut every table to the window; the rows read and rejected in the quality\n"
        + "section still describe the whole files.\n"
        + "Every section is as of one instant: --as-of, else the end of the period (or of the\n"
        + "data's last day when the data ends inside it). Nothing stamped after it counts; the\n"
        + "heading states it in the dataset zone. The default period is the last complete one of\n"
        + "--granularity that both the leads and the stage changes cover, with activity in it;\n"
        + "a partial period (the as-of instant or a table's end inside it) is marked as such.";
  }

  @Override
  public List<Option> options() {
    return List.of(PERIOD, GRANULARITY, COMPARE, BANNER, Option.FORMAT, Option.ZONE, Option.FROM, Option.TO, Option.OUT, AS_OF, Option.LENIENT,
        DatasetSource.DELIMITER, DatasetSource.DATES, DatasetSource.DEMO, DatasetSource.SEED,
        DatasetSource.LEADS,
        DatasetSource.PAYMENTS_PER_LEAD);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.HTML);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Window window = args.window();
    Period period = period(args, PERIOD);
    Period compare = period(args, COMPARE);
    double banner = banner(args);
    Granularity granularity = granularity(args, period);
    DatasetSource src = DatasetSource.of(args);
    Dataset d = window.slice(src.dataset());
    Instant explicit = AsOf.parse(args, AS_OF, args.zone());
    if (explicit != null && !AsOf.isEndOfDay(explicit, args.zone())) {
      throw args.usage("the report's --as-of is a date, the end of that day (money and spend count"
          + " by day): got " + args.value(AS_OF));
    }
    ReportScope scope = ReportScope.forReport(d, explicit, period, compare, banner, granularity);
    check(args, scope, d.zone());
    ReportInput in = new ReportInput(src.label(), d, src.reads(), window, scope.asOf(), scope);
    src.summarize(session.err());
    if (format == Format.JSON) {
      Map<String, Object> json = Report.json(in);
      if (src.lenient()) {
        json.put("rejected", src.rejectedJson());
      }
      session.emit(Json.pretty(json));
    } else if (format == Format.HTML) {
      session.emit(HtmlReport.render(in));
    } else {
      session.emit(Report.text(in));
    }
    return Funnel.OK;
  }

  /**
   * Refuses a report whose period or comparison period begins after the as-of instant (nothing of
   * it could count), naming where the data or the as-of instant ends.
   */
  private static void check(Arguments args, ReportScope s, java.time.ZoneId zone) {
    for (Period p : List.of(s.period(), s.compare())) {
      if (p.startInstant(zone).isAfter(s.asOf())) {
        String at = dev.funnel.core.display.InstantLabel.of(s.asOf(), zone);
        throw args.usage(p.label() + " begins after the as-of instant (" + at + (args.has(AS_OF)
            ? ")" : ", where the data ends)") + ": nothing of it can be reported");
      }
    }
  }

  /** {@code --granularity}: the default period's length; with {@code --period} it must agree. */
  private static Granularity granularity(Arguments args, Period period) {
    String v = args.value(GRANULARITY);
    if (v == null) {
      return period == null ? Granularity.MONTH : period.granularity();
    }
    Granularity g;
    try {
      g = Granularity.parse(v.trim());
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --granularity '" + v + "': use day, week, month, quarter or year");
    }
    if (period != null && period.granularity() != g) {
      throw args.usage("--period " + period.label() + " is a " + period.granularity().label()
          + ", not a " + g.label());
    }
    return g;
  }

  /** Words wrapped at 90 columns, each line ending with a newline. */
  private static String wrap(String text) {
    StringBuilder b = new StringBuilder();
    int col = 0;
    for (String w : text.split(" ")) {
      if (col > 0 && col + 1 + w.length() > 90) {
        b.append('\n');
        col = 0;
      } else if (col > 0) {
        b.append(' ');
        col++;
      }
      b.append(w);
      col += w.length();
    }
    return b.append('\n').toString();
  }

  /** The period of option {@code o}, null when absent; a usage error when malformed. */
  static Period period(Arguments args, Option o) {
    String v = args.value(o);
    if (v == null) {
      return null;
    }
    try {
      return Period.parse(v.trim());
    } catch (RuntimeException e) {
      throw args.usage("bad --" + o.name() + " '" + v
          + "': expected a period such as 2026, 2026-Q1, 2026-03, 2026-W10 or 2026-03-01");
    }
  }

  private static double banner(Arguments args) {
    String v = args.value(BANNER);
    if (v == null) {
      return ReportScope.DEFAULT_BANNER_SHARE;
    }
    try {
      double x = Double.parseDouble(v.trim());
      if (x >= 0 && x <= 1) {
        return x;
      }
    } catch (NumberFormatException e) {
      // the usage error below
    }
    throw args.usage("bad --banner '" + v + "': expected a share between 0 and 1 such as 0.2");
  }
}
