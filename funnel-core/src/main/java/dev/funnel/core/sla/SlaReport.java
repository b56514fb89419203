package dev.funnel.core.sla;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A first-response SLA report as of an instant: the figures over all leads and per owner, the
 * leads overdue for a first response and the stale leads. Conventions: {@link SlaStats},
 * {@link Sla}.
 *
 * @param stage    the stage that starts the clock
 * @param target   the response-time target (on {@code calendar})
 * @param asOf     the instant of the report
 * @param calendar the clock times are measured on
 * @param total    figures over every lead
 * @param owners   figures per owner, sorted by owner
 * @param overdue  leads with no response and the target exceeded
 * @param stale    open leads with no activity or stage change for longer than the stale threshold
 */
public record SlaReport(
    String stage, Duration target, Instant asOf, BusinessCalendar calendar, SlaStats total,
    List<SlaStats> owners, OverdueLeads overdue, OverdueLeads stale) implements Tabular {

  public SlaReport {
    owners = List.copyOf(owners);
  }

  /** The figures of one owner, or null when the owner has no leads. */
  public SlaStats owner(String name) {
    return owners.stream().filter(s -> s.owner().equals(name)).findFirst().orElse(null);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "SLA %s<=%s: %s within, %s leads, %s overdue, %s stale",
        stage, Formats.duration(target), Formats.percent(total.shareWithin()),
        Formats.count(total.leads()), Formats.count(overdue.size()), Formats.count(stale.size()));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("owner", "leads", "responded", "within", "late", "overdue", "waiting",
        "share within", "median min", "p90 min");
    t = row(t, total);
    for (SlaStats s : owners) {
      t = row(t, s);
    }
    return t;
  }

  private static TextTable row(TextTable t, SlaStats s) {
    return t.plus(s.owner(), s.leads(), s.responded(), s.within(), s.late(), s.overdue(),
        s.waiting(), Cell.percent(s.shareWithin()), Cell.decimal(s.medianMinutes()),
        Cell.decimal(s.p90Minutes()));
  }

  /** The summary and the owners' table, then the overdue and stale worklists. */
  @Override
  public String text() {
    StringBuilder b = new StringBuilder(summary()).append('\n').append(table().render());
    for (OverdueLeads l : List.of(overdue, stale)) {
      b.append('\n').append(l.summary()).append('\n');
      if (l.size() > 0) {
        b.append(l.table().render());
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
