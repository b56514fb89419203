package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.Period;
import dev.funnel.io.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code funnel report DATA | --demo}: the whole dashboard, every section of {@link Report#SECTIONS}
 * for the dataset cut to {@code --from}/{@code --to}.
 */
final class ReportCommand implements Command {

  static final Option PERIOD = new Option("period", "P",
      "period reported: 2026-03, 2026-Q1, 2026-W10 (default: last complete month)");
  static final Option COMPARE = new Option("compare", "P", "comparison period (default: the one before)");
  static final Option BANNER = new Option("banner", "F",
      "warn when more than this share of revenue has no source (default 0.2)");
  static final Option AS_OF = new Option("as-of", "DATE",
      "report as of the end of this day (default: the end of the data)");

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
    return "DATA is a dataset directory (spec/dataset.md); --demo generates the built-in demo\n"
        + "dataset in memory instead. Sections:\n"
        + wrap(String.join(", ", Report.SECTIONS.stream().map(ReportSection::title).toList()) + ".")
        + "--from/--to cut every table to the window; the rows read and rejected in the quality\n"
        + "section still describe the whole files. --as-of defaults to the end of the data.";
  }

  @Override
  public List<Option> options() {
    return List.of(PERIOD, COMPARE, BANNER, Option.FORMAT, Option.ZONE, Option.FROM, Option.TO, Option.OUT, AS_OF, Option.LENIENT,
        DatasetSource.DELIMITER, DatasetSource.DEMO, DatasetSource.SEED, DatasetSource.LEADS,
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
    DatasetSource src = DatasetSource.of(args);
    Dataset d = window.slice(src.dataset());
    Instant end = ReportScope.endOfData(src.dataset());
    Instant asOf = asOf(args, d.zone(), end);
    ReportInput in = new ReportInput(src.label(), d, src.reads(), window, asOf,
        ReportScope.of(d, asOf, period, compare, banner));
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

  /** {@code --as-of DATE}: the end of that day in the zone; else the end of the data, else now. */
  static Instant asOf(Arguments args, java.time.ZoneId zone, Instant end) {
    String v = args.value(AS_OF);
    if (v == null) {
      return end == null ? Instant.now() : end;
    }
    try {
      return java.time.LocalDate.parse(v.trim()).plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    } catch (java.time.format.DateTimeParseException e) {
      throw args.usage("bad --as-of '" + v + "': expected a date such as 2026-03-01");
    }
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
