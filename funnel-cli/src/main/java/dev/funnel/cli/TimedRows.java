package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LeadRows;
import dev.funnel.core.columnar.PaymentColumns;
import java.time.Instant;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The event times of a dataset's timed rows (lead creation, stage changes, activities, touches,
 * payments), read from its columns as epoch milliseconds: the extent of the data that defaults
 * such as the as-of instant and the dataset's first and last day come from.
 */
final class TimedRows {
  private TimedRows() {}

  /** Every time of the chosen tables, in epoch milliseconds (rounded toward the past). */
  static void forEachMillis(Dataset d, Set<DatasetTable> tables, LongConsumer at) {
    Columns c = d.columns();
    if (tables.contains(DatasetTable.LEADS)) {
      LeadColumns leads = c.leads();
      for (int i = 0; i < leads.size(); i++) {
        if (leads.hasRow(i)) {
          at.accept(leads.createdAt(i));
        }
      }
    }
    for (LeadRows rows : rows(c, tables)) {
      for (int r = 0; r < rows.size(); r++) {
        at.accept(rows.at(r));
      }
    }
    if (tables.contains(DatasetTable.PAYMENTS)) {
      PaymentColumns p = c.payments();
      for (int r = 0; r < p.size(); r++) {
        at.accept(p.at(r));
      }
    }
  }

  /**
   * The earliest and latest time of the chosen tables in epoch milliseconds,
   * {@code [Long.MAX_VALUE, Long.MIN_VALUE]} when they have no rows; from the ranges the columns
   * keep, without a pass over the rows.
   */
  static long[] range(Dataset d, Set<DatasetTable> tables) {
    Columns c = d.columns();
    long[] r = {Long.MAX_VALUE, Long.MIN_VALUE};
    java.util.List<long[]> parts = new java.util.ArrayList<>();
    if (tables.contains(DatasetTable.LEADS)) {
      parts.add(c.leads().millisRange());
    }
    for (LeadRows rows : rows(c, tables)) {
      parts.add(rows.millisRange());
    }
    if (tables.contains(DatasetTable.PAYMENTS)) {
      parts.add(c.payments().millisRange());
    }
    for (long[] p : parts) {
      r[0] = Math.min(r[0], p[0]);
      r[1] = Math.max(r[1], p[1]);
    }
    return r;
  }

  /**
   * The latest instant of the chosen tables exactly (a sub-millisecond part decides between rows
   * of the same millisecond); null when they have no rows.
   */
  static Instant latest(Dataset d, Set<DatasetTable> tables) {
    long[] max = {range(d, tables)[1]};
    if (max[0] == Long.MIN_VALUE) {
      return null;
    }
    Columns c = d.columns();
    Instant latest = null;
    if (tables.contains(DatasetTable.LEADS)) {
      LeadColumns leads = c.leads();
      for (int i = 0; i < leads.size(); i++) {
        if (leads.hasRow(i) && leads.createdAt(i) == max[0]) {
          latest = later(latest, leads.created(i));
        }
      }
    }
    for (LeadRows rows : rows(c, tables)) {
      for (int r = 0; r < rows.size(); r++) {
        if (rows.at(r) == max[0]) {
          latest = later(latest, rows.instant(r));
        }
      }
    }
    if (tables.contains(DatasetTable.PAYMENTS)) {
      PaymentColumns p = c.payments();
      for (int r = 0; r < p.size(); r++) {
        if (p.at(r) == max[0]) {
          latest = later(latest, p.instant(r));
        }
      }
    }
    return latest;
  }

  private static LeadRows[] rows(Columns c, Set<DatasetTable> tables) {
    return java.util.stream.Stream.of(
            tables.contains(DatasetTable.STAGES) ? c.stages() : null,
            tables.contains(DatasetTable.ACTIVITIES) ? c.activities() : null,
            tables.contains(DatasetTable.TOUCHES) ? c.touches() : null)
        .filter(java.util.Objects::nonNull).toArray(LeadRows[]::new);
  }

  static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
