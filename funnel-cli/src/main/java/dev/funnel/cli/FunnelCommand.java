package dev.funnel.cli;

import dev.funnel.core.display.Formats;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.funnel.Basis;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.MinimumGap;
import dev.funnel.core.funnel.PeriodFunnel;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.cli.view.Framed;
import dev.funnel.cli.view.FunnelView;
import dev.funnel.cli.view.MatrixView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code funnel funnel DATA}: stage counts and conversions of {@link StageFunnel} (docs/spec/cli.md,
 * funnel) on the event or cohort basis, optionally per calendar period and broken down by
 * one or two lead attributes. {@code --from}/{@code --to} become the query's window (reach time on
 * the event basis, creation on the cohort basis), not a cut of the rows, so a lead created before
 * the window still counts when it reaches a stage inside it.
 */
final class FunnelCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES);

  static final Option BASIS = new Option("basis", "B",
      "event (by hand-off date, default) or cohort (leads created in the window and how far they got)");
  static final Option PERIOD = new Option("period", "G", "count per day, week, month, quarter or year");
  static final Option BY = new Option("by", "D[,D2]", "break down by channel, campaign, segment or owner (one or two)");
  static final Option MATRIX = new Option("matrix", null,
      "conversion matrix: each stage-to-stage rate per --by group (default channel), cohort basis, bottlenecks flagged");
  static final Option MIN_GAP = new Option("min-gap", "G",
      "--matrix: the gap a bottleneck needs below the rest of its column, Npp (points) or N% (of the"
          + " rest's rate); default 10%, 0pp flags on significance alone");
  static final Option WITHIN = new Option("within", "DURATION",
      "cohort basis: count a stage only when reached within this long of creation (30d, 48h, P30D)");
  static final Option AS_OF = new Option("as-of", "DATE",
      "as of the end of this day, or an instant: later stage changes and leads do not count");

  @Override
  public String name() {
    return "funnel";
  }

  @Override
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
  }

  @Override
  public String summary() {
    return "stage counts and conversions, by period and by channel, campaign, segment or owner";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "Every lead is at LEAD from its created_at; reaching a later stage implies the skipped\n"
        + "ones. Event basis: a period's count for a stage is the distinct leads that first\n"
        + "reached it inside the period. Cohort basis: leads created in the period and how many\n"
        + "of them reached each stage (counts never increase along the stages).\n"
        + "--from/--to bound the reach time (event) or the creation time (cohort).\n"
        + "--format svg draws the funnel bars of the whole window (a standalone SVG document);\n"
        + "it draws one funnel, so it refuses --period and --by.\n"
        + "--matrix: the conversion matrix of the leads created in the window (cohort basis) by\n"
        + "the --by groups: each group's rate for every pair of consecutive stages against the\n"
        + "overall rate; '!' flags a bottleneck, a cell significantly below the rest (two-proportion\n"
        + "test, Benjamini-Hochberg at FDR " + ConversionMatrix.DEFAULT_FDR + ", empirical-Bayes shrunk rates and indexes in JSON)\n"
        + "by a gap that matters: at least --min-gap (default 10% of the rest's rate; 3pp for 3\n"
        + "percentage points). Each bottleneck shows its gap to the rest with a 95% interval\n"
        + "(Newcombe's hybrid score interval); significant gaps under the minimum are listed apart.\n"
        + "--as-of counts the data as it stood then: the event window ends at it (inclusive), and\n"
        + "a cohort counts the stages its leads had reached by it. With --period, a period that\n"
        + "the as-of instant (default: the end of the data's last day) or the end or start of the\n"
        + "leads or the stage changes cuts short is listed as partial (JSON \"partialPeriods\").";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, BASIS, PERIOD, BY, WITHIN, MATRIX, AS_OF, MIN_GAP);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    FunnelQuery q = query(args);
    if (args.has(MATRIX)) {
      if (format == Format.SVG) {
        throw args.usage("--matrix has text and json formats only");
      }
      if (args.has(PERIOD)) {
        throw args.usage("--matrix covers the whole window: not with --period");
      }
      if (q.basis() != Basis.COHORT) {
        throw args.usage("--matrix is on the cohort basis (shares of the leads that entered a stage)");
      }
      if (q.by().isEmpty()) {
        q = q.by(Dimension.CHANNEL);
      }
    }
    MinimumGap gap = MinimumGap.DEFAULT;
    if (args.has(MIN_GAP)) {
      if (!args.has(MATRIX)) {
        throw args.usage("--min-gap applies to --matrix");
      }
      try {
        gap = MinimumGap.parse(args.value(MIN_GAP));
      } catch (IllegalArgumentException e) {
        throw args.usage("bad --min-gap: " + e.getMessage());
      }
    }
    if (format == Format.SVG && (args.has(PERIOD) || args.has(BY))) {
      throw args.usage("--format svg draws the one funnel of the window: not with --period or --by");
    }
    Instant asOf = AsOf.parse(args, AS_OF, args.zone());
    DataInput in = DataInput.read(args, session, false, TABLES);
    ZoneId zone = in.dataset().zone();
    Window w = in.window();
    Instant from = w.from() == null ? null : w.from().atStartOfDay(zone).toInstant();
    Instant to = w.to() == null ? null : w.to().atStartOfDay(zone).toInstant();
    dev.funnel.core.Dataset data = in.dataset();
    if (asOf != null) {
      to = AsOf.cap(to, asOf);
      if (from != null && !from.isBefore(to)) {
        throw args.usage("--from " + w.from() + " is after the as-of instant");
      }
      if (q.basis() == Basis.COHORT) {
        // the cohort as it stood at the as-of instant: its leads with their rows up to it
        data = dev.funnel.core.DatasetCut.cohort(data, from, to, asOf);
        from = null;
        to = null;
      }
    }
    if (args.has(MATRIX)) {
      ConversionMatrix m = StageFunnel.matrix(data, q.between(from, to), ConversionMatrix.DEFAULT_FDR,
          gap);
      String by = q.by().stream().map(Dimension::label).collect(java.util.stream.Collectors.joining(","));
      Output.emit(session, format, Framed.of(MatrixView.of(m, by), matrixHeader(q, w, by), Map.of()),
          in);
      return ExitCodes.OK;
    }
    FunnelReport r = StageFunnel.compute(data, q.between(from, to));
    FunnelView view = FunnelView.of(r);
    if (q.granularity() != null) {
      // the partial periods: as of --as-of, else the end of the data's last day
      Map<String, List<String>> partial = new LinkedHashMap<>();
      Instant at = asOf != null ? asOf : AsOf.endOfLastDay(in.dataset());
      DataExtent x = DataExtent.of(in.dataset());
      for (PeriodFunnel p : r.periods()) {
        List<String> why = at == null ? List.of()
            : x.partial(dev.funnel.core.Period.parse(p.period()), at, zone);
        if (!why.isEmpty()) {
          partial.put(p.period(), why);
        }
      }
      view = view.partial(partial);
    }
    Output.emit(session, format, view, in);
    return ExitCodes.OK;
  }

  /** The query of the options, without the window (which needs the dataset's zone). */
  static FunnelQuery query(Arguments args) {
    Basis basis = args.has(MATRIX) ? Basis.COHORT : Basis.EVENT; // the matrix is of shares
    String b = args.value(BASIS);
    if (b != null) {
      try {
        basis = Basis.parse(b);
      } catch (IllegalArgumentException e) {
        throw args.usage("bad --basis: " + e.getMessage());
      }
    }
    FunnelQuery q = basis == Basis.EVENT ? FunnelQuery.event() : FunnelQuery.cohort();
    String p = args.value(PERIOD);
    if (p != null) {
      try {
        q = q.per(Granularity.parse(p));
      } catch (IllegalArgumentException e) {
        throw args.usage("bad --period: " + e.getMessage());
      }
    }
    String by = args.value(BY);
    if (by != null) {
      List<Dimension> dims = new ArrayList<>();
      for (String s : by.split(",")) {
        try {
          dims.add(Dimension.parse(s));
        } catch (IllegalArgumentException e) {
          throw args.usage("bad --by: " + e.getMessage());
        }
      }
      try {
        q = q.by(dims.toArray(new Dimension[0]));
      } catch (IllegalArgumentException e) {
        throw args.usage("bad --by: " + e.getMessage());
      }
    }
    String within = args.value(WITHIN);
    if (within != null) {
      if (basis != Basis.COHORT) {
        throw args.usage("--within applies to --basis cohort only");
      }
      q = q.within(TimeOptions.duration(args, WITHIN));
    }
    return q;
  }

  /** The matrix's title line: the leads it covers. */
  private static String matrixHeader(FunnelQuery q, Window w, String by) {
    String within = "";
    if (q.within() != null) {
      java.time.Duration d = q.within();
      within = ", stages reached within " + Formats.duration(d);
    }
    return "Conversion matrix by " + by + ", leads created " + (w.bounded()
        ? Formats.window(w.from(), w.to()) : "at any time") + " (cohort basis)" + within;
  }
}
