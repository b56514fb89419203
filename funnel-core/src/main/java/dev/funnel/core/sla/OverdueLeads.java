package dev.funnel.core.sla;

import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A worklist of leads as of an instant: those overdue for a first response, or those stale, the
 * longest wait first (ties by lead id).
 *
 * @param kind      {@code overdue} or {@code stale}
 * @param asOf      the instant of the report
 * @param threshold the SLA target (overdue) or the stale threshold (stale)
 * @param leads     the leads, longest wait first
 */
public record OverdueLeads(String kind, Instant asOf, Duration threshold, List<OverdueLead> leads)
    implements Tabular {

  public OverdueLeads {
    leads = List.copyOf(leads);
  }

  /** Number of leads on the list. */
  public int size() {
    return leads.size();
  }

  /** The one-line summary with the as-of instant in UTC ({@link #summary(ZoneId)}). */
  @Override
  public String summary() {
    return summary(ZoneOffset.UTC);
  }

  /**
   * The one-line summary with the as-of instant for people in the dataset zone
   * ({@link InstantLabel}: {@code as of end of 2026-10-31}, or the time to the second).
   */
  public String summary(ZoneId zone) {
    return String.format(Locale.ROOT, "%s %s leads (> %s) as of %s", Formats.count(leads.size()), kind,
        Formats.duration(threshold), InstantLabel.of(asOf, zone));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("lead", "owner", "stage", "since", "waited h");
    for (OverdueLead l : leads) {
      t = t.plus(l.leadId(), l.owner(), l.stage(), l.since(), Cell.decimal(l.hours()));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
