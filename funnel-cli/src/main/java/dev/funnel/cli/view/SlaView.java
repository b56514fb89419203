package dev.funnel.cli.view;

import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.sla.OverdueLead;
import dev.funnel.core.sla.OverdueLeads;
import dev.funnel.core.sla.SlaReport;
import dev.funnel.core.sla.SlaStats;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first-response SLA ({@link SlaReport}, {@code funnel sla}, the review pack's SLA section):
 * the share answered within the target, response times, the same per owner, and the overdue and
 * stale worklists as of an instant (in text at most {@code list} leads each).
 */
public final class SlaView implements View {

  private final SlaReport r;
  private final int list;
  private final ZoneId zone;
  private final String more;

  private SlaView(SlaReport r, int list, ZoneId zone, String more) {
    this.r = r;
    this.list = list;
    this.zone = zone;
    this.more = more;
  }

  /**
   * The view of an SLA report.
   *
   * @param list at most this many overdue and stale leads in text
   * @param zone the zone the worklists' as-of instant is shown in
   */
  public static SlaView of(SlaReport r, int list, ZoneId zone) {
    return new SlaView(r, list, zone, "; --list N shows more");
  }

  /** This view with another hint after a cut worklist (empty: none). */
  public SlaView moreHint(String hint) {
    return new SlaView(r, list, zone, hint);
  }

  record Stats(String owner, long leads, long responded, long within, long late, long overdue,
      long waiting, double shareWithin, double medianMinutes, double p90Minutes) {
    static Stats of(SlaStats s) {
      return new Stats(s.owner(), s.leads(), s.responded(), s.within(), s.late(), s.overdue(),
          s.waiting(), s.shareWithin(), s.medianMinutes(), s.p90Minutes());
    }
  }

  record Lead(String lead, String owner, String stage, Instant since, double waitedHours) {
    static List<Lead> of(OverdueLeads l) {
      return l.leads().stream().map((OverdueLead x) -> new Lead(x.leadId(), x.owner(), x.stage(),
          x.since(), x.hours())).toList();
    }
  }

  record Json(String stage, String target, double targetMinutes, Instant asOf, String calendar,
      Stats total, List<Stats> owners, List<Lead> overdue, List<Lead> stale) {}

  @Override
  public Object json() {
    return new Json(r.stage(), r.target().toString(), r.target().toSeconds() / 60.0, r.asOf(),
        r.calendar().toString(), Stats.of(r.total()), r.owners().stream().map(Stats::of).toList(),
        Lead.of(r.overdue()), Lead.of(r.stale()));
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder(r.summary()).append('\n').append(r.table().render());
    for (OverdueLeads l : List.of(r.overdue(), r.stale())) {
      b.append('\n').append(l.summary(zone)).append('\n');
      if (l.size() > 0 && list > 0) {
        b.append(l.table().render(list).replace("; print() shows all", more));
      }
    }
    return b.toString();
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("sla", r.table());
    t.put("overdue", r.overdue().table());
    t.put("stale", r.stale().table());
    return t;
  }

  @Override
  public String csv() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("sla", r.table());
    t.put("overdue", r.overdue().table());
    t.put("stale", r.stale().table());
    return Views.csv(t);
  }

  @Override
  public Section html(Section s) {
    SlaStats t = r.total();
    s = s.paragraph("Leads reaching " + r.stage() + "; target " + Formats.duration(r.target()) + ".")
        .figures(List.of(new KeyFigure("Within target", Formats.percent(t.shareWithin()),
                Formats.count(t.leads()) + " leads"),
            new KeyFigure("Median response", Formats.minutes(t.medianMinutes())),
            new KeyFigure("p90 response", Formats.minutes(t.p90Minutes())),
            new KeyFigure("Overdue now", Formats.count(r.overdue().size()))));
    TextTable owners = r.table();
    return r.owners().isEmpty() ? s : s.table(owners.header(), owners.textRows());
  }
}
