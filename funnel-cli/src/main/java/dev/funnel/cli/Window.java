package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetCut;
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
    return DatasetCut.window(d, from, to);
  }
}
