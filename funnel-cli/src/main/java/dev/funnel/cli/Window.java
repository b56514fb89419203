package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The half-open event-time window {@code [from, to)} of {@code --from}/{@code --to} (docs/spec/cli.md):
 * local dates in the dataset time zone, so {@code --from 2026-03-01 --to 2026-04-01} is March at
 * local midnight. Either side may be open (null).
 *
 * @param from first day inside the window, or null for no lower bound
 * @param to   first day after the window, or null for no upper bound
 */
record Window(LocalDate from, LocalDate to) {

  /** The window that contains everything. */
  static final Window ALL = new Window(null, null);

  Window {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
  }

  /** Whether either side is bounded. */
  boolean bounded() {
    return from != null || to != null;
  }

  /** Whether the local day is inside. */
  boolean contains(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
  }

  /** Whether the instant is inside, its local day taken in the zone. */
  boolean contains(Instant at, ZoneId zone) {
    return (from == null || !at.isBefore(from.atStartOfDay(zone).toInstant()))
        && (to == null || at.isBefore(to.atStartOfDay(zone).toInstant()));
  }

  /**
   * The dataset with each table cut to its rows whose event time is in the window: leads by
   * creation, stage changes, activities and touches by their time, payments by payment time, spend
   * by day; plan targets whose period overlaps the window; pre-aggregated paths have no time and
   * are kept. Tables present stay present (possibly empty). The unbounded window returns the
   * dataset itself.
   */
  Dataset slice(Dataset d) {
    if (!bounded()) {
      return d;
    }
    ZoneId z = d.zone();
    Dataset.Builder b = Dataset.builder().zone(z).catalog(d.catalog());
    if (!Money.UNSPECIFIED.equals(d.currency())) {
      b.currency(d.currency());
    }
    d.tables().forEach(b::table);
    d.leads().stream().filter(l -> contains(l.createdAt(), z)).forEach(b::lead);
    d.stages().stream().filter(s -> contains(s.at(), z)).forEach(b::stageChange);
    d.activities().stream().filter(a -> contains(a.at(), z)).forEach(b::activity);
    d.touches().stream().filter(t -> contains(t.at(), z)).forEach(b::touch);
    d.payments().stream().filter(p -> contains(p.paidAt(), z)).forEach(b::payment);
    d.spend().stream().filter(s -> contains(s.date())).forEach(b::spend);
    d.plan().stream()
        .filter(p -> (to == null || p.period().start().isBefore(to))
            && (from == null || p.period().endExclusive().isAfter(from)))
        .forEach(b::planTarget);
    if (d.has(DatasetTable.PATHS)) {
      d.paths().forEach(b::path);
    }
    return b.build();
  }

  /** {@code [2026-03-01, 2026-04-01)}, with {@code ...} for an open side. */
  String label() {
    return "[" + (from == null ? "..." : from) + ", " + (to == null ? "..." : to) + ")";
  }
}
