package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.sla.BusinessCalendar;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import dev.funnel.cli.view.SlaView;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code funnel sla DATA}: the first-response SLA of {@link Sla}: the share of leads
 * answered within the target after reaching a stage, Kaplan-Meier median and p90 response times
 * (leads still waiting censored), the same per owner, and the worklists of overdue and stale leads
 * as of an instant. {@code --from}/{@code --to} bound the time the leads reached the stage.
 */
final class SlaCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.ACTIVITIES);

  static final Option STAGE = new Option("stage", "STAGE", "the stage that starts the clock (default MQL)");
  static final Option TARGET = new Option("target", "DURATION", "response-time target: 15m, 1h, 1d, PT30M (default 1h)");
  static final Option AS_OF = new Option("as-of", "DATE",
      "as of the end of this day, or an instant (default: the latest lead, stage change or activity)");
  static final Option STALE = new Option("stale", "DURATION",
      "an open lead without activity or stage change for longer is stale (default 7d)");
  static final Option LIST = new Option("list", "N", "text: show at most N overdue and N stale leads (default 20)");

  @Override
  public String name() {
    return "sla";
  }

  @Override
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
  }

  @Override
  public String summary() {
    return "first-response SLA: share within target, response times, overdue and stale leads";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "The clock starts when a lead reaches --stage (a skipped stage is reached with the later\n"
        + "one) and stops at its first activity. A lead without a response is observed until\n"
        + "--as-of: beyond the target it is overdue (a breach), within it still waiting (left out\n"
        + "of the share, censored in the Kaplan-Meier percentiles). With --business-hours times\n"
        + "are working time on Monday to Friday in the dataset zone.";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, STAGE, TARGET, AS_OF, STALE, LIST, TimeOptions.BUSINESS_HOURS,
        TimeOptions.HOLIDAYS);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    String stage = args.value(STAGE) == null ? "MQL" : args.value(STAGE);
    if (stage.isBlank()) {
      throw args.usage("--stage needs a stage name");
    }
    Duration target = TimeOptions.duration(args, TARGET);
    if (target == null) {
      target = Duration.ofHours(1);
    } else if (target.isZero()) {
      throw args.usage("--target must be positive");
    }
    Duration stale = TimeOptions.duration(args, STALE);
    int list = (int) args.integer(LIST, 20, 0, Integer.MAX_VALUE);
    BusinessCalendar cal = TimeOptions.calendar(args, args.zone());
    Instant asOf = AsOf.parse(args, AS_OF, args.zone());
    DataInput in = DataInput.read(args, session, false, TABLES);
    Dataset d = in.dataset();
    if (asOf == null) {
      asOf = latest(d);
    }
    SlaQuery q = SlaQuery.of(stage, target, asOf)
        .staleAfter(stale == null ? SlaQuery.DEFAULT_STALE : stale);
    if (cal != null) {
      q = q.on(cal);
    }
    Window w = in.window();
    q = q.between(w.from() == null ? null : w.from().atStartOfDay(d.zone()).toInstant(),
        w.to() == null ? null : w.to().atStartOfDay(d.zone()).toInstant());
    SlaReport r = Sla.compute(d, q);
    Output.emit(session, format, SlaView.of(r, list, d.zone()), in);
    return ExitCodes.OK;
  }

  /**
   * The default as-of instant: the latest lead creation, stage change or activity, so that a
   * report on an old export is what it looked like when the export was made.
   *
   * @throws IllegalArgumentException when the dataset has none of them
   */
  static Instant latest(Dataset d) {
    Instant max = TimedRows.latest(d,
        EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.ACTIVITIES));
    if (max == null) {
      throw new IllegalArgumentException("the SLA needs leads; the dataset has none");
    }
    return max;
  }
}
