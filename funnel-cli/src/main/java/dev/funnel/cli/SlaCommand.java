package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.sla.BusinessCalendar;
import dev.funnel.core.sla.OverdueLead;
import dev.funnel.core.sla.OverdueLeads;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import dev.funnel.core.sla.SlaStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return List.of(Format.TEXT, Format.JSON);
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
    session.emit(format == Format.JSON ? in.json(json(r)) : text(r, list, d.zone()));
    return Funnel.OK;
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


  static Map<String, Object> json(SlaReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stage", r.stage());
    m.put("target", r.target().toString());
    m.put("targetMinutes", r.target().toSeconds() / 60.0);
    m.put("asOf", r.asOf());
    m.put("calendar", r.calendar().toString());
    m.put("total", stats(r.total()));
    List<Object> owners = new ArrayList<>();
    r.owners().forEach(s -> owners.add(stats(s)));
    m.put("owners", owners);
    m.put("overdue", leads(r.overdue()));
    m.put("stale", leads(r.stale()));
    return m;
  }

  private static Map<String, Object> stats(SlaStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("owner", s.owner());
    m.put("leads", s.leads());
    m.put("responded", s.responded());
    m.put("within", s.within());
    m.put("late", s.late());
    m.put("overdue", s.overdue());
    m.put("waiting", s.waiting());
    m.put("shareWithin", s.shareWithin());
    m.put("medianMinutes", s.medianMinutes());
    m.put("p90Minutes", s.p90Minutes());
    return m;
  }

  private static List<Object> leads(OverdueLeads list) {
    List<Object> out = new ArrayList<>();
    for (OverdueLead l : list.leads()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lead", l.leadId());
      m.put("owner", l.owner());
      m.put("stage", l.stage());
      m.put("since", l.since());
      m.put("waitedHours", l.hours());
      out.add(m);
    }
    return out;
  }

  /** The report as text; the worklists' as-of instant is shown in the dataset zone. */
  static String text(SlaReport r, int list, java.time.ZoneId zone) {
    StringBuilder b = new StringBuilder(r.summary()).append('\n').append(r.table().render());
    for (OverdueLeads l : List.of(r.overdue(), r.stale())) {
      b.append('\n').append(l.summary(zone)).append('\n');
      if (l.size() > 0 && list > 0) {
        b.append(l.table().render(list).replace("; print() shows all", "; --list N shows more"));
      }
    }
    return b.toString();
  }
}
