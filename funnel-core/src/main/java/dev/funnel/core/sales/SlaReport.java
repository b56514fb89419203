package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * First-response SLA (spec/metrics.md, "SLA"): time from the hand-off (MQL or SQL) to the first
 * sales activity, the share within the target, per owner, and the open leads in breach or stale.
 *
 * <p>Per lead whose hand-off falls in the window (and before {@code asOf}): the response time is
 * the time from the hand-off to its first activity at or after it (elapsed, or working time with a
 * {@link BusinessCalendar}). Leads without an activity wait until {@code asOf}; they are
 * {@code overdue} when that exceeds the target (closed leads included: a lead lost without any
 * contact is a missed response) and {@code pending} otherwise. Response-time percentiles are
 * Kaplan-Meier estimates with waiting leads censored. {@code breaches} lists the open overdue
 * leads and {@code stale} the open leads (every lead that reached the hand-off stage, whatever the
 * window) with no activity or stage change for longer than {@code staleAfter}, longest wait first.
 *
 * @param fromStage     the hand-off stage
 * @param target        the response-time target
 * @param asOf          the observation instant
 * @param businessHours whether times are working time
 * @param total         all owners together
 * @param owners        per owner, by name
 * @param breaches      open leads overdue for a first response
 * @param staleAfter    the stale threshold
 * @param stale         open leads without a next step for longer than it
 */
public record SlaReport(
    String fromStage, Duration target, Instant asOf, boolean businessHours, SlaRow total,
    List<SlaRow> owners, List<SlaCase> breaches, Duration staleAfter, List<SlaCase> stale)
    implements Tabular {

  public SlaReport {
    owners = List.copyOf(owners);
    breaches = List.copyOf(breaches);
    stale = List.copyOf(stale);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "SLA %s->activity within %s: %s, %d overdue, %d stale",
        fromStage, target, TextTable.number(total.shareWithin()), breaches.size(), stale.size());
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("owner", "leads", "responded", "within", "late", "overdue",
        "pending", "share within", "median h", "p90 h");
    for (SlaRow r : owners) {
      t = plus(t, r);
    }
    return plus(t, total);
  }

  private static TextTable plus(TextTable t, SlaRow r) {
    return t.plus(r.owner(), r.leads(), r.responded(), r.withinTarget(), r.late(), r.overdue(),
        r.pending(), r.shareWithin(), r.medianHours(), r.p90Hours());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
