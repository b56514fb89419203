package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LeadRows;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.SpendColumns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
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
    Columns c = Columns.of(d);
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
    Columns c = Columns.of(d);
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
    Columns c = Columns.of(d);
    if (!subMillis(c, tables)) {
      return Instant.ofEpochMilli(max[0]); // whole milliseconds: the latest one is exact
    }
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

  /** Whether a chosen table may have a time with a sub-millisecond part. */
  private static boolean subMillis(Columns c, Set<DatasetTable> tables) {
    if (tables.contains(DatasetTable.LEADS) && c.leads().hasSubMillis()) {
      return true;
    }
    for (LeadRows rows : rows(c, tables)) {
      if (rows.hasSubMillis()) {
        return true;
      }
    }
    return tables.contains(DatasetTable.PAYMENTS) && c.payments().hasSubMillis();
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

  /**
   * The latest timed row of the dataset: lead creation, stage change, activity, touch, payment, or
   * the end of the last spend day; null when there is none.
   */
  static Instant endOfData(Dataset d) {
    Instant latest = latest(d, EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS));
    SpendColumns s = Columns.of(d).spend();
    if (s.size() > 0) {
      int lastDay = Integer.MIN_VALUE;
      for (int r = 0; r < s.size(); r++) {
        lastDay = Math.max(lastDay, s.day(r));
      }
      latest = later(latest, LocalDate.ofEpochDay(lastDay).plusDays(1)
          .atStartOfDay(d.zone()).toInstant().minusNanos(1));
    }
    return latest;
  }

  /** First and last event day, or nulls when the dataset has no timed rows. */
  record Span(LocalDate first, LocalDate last) {}

  /**
   * The days of the earliest and latest timed row, in the dataset time zone. In a zone with a
   * fixed offset the local date never decreases with the instant, so the earliest and latest
   * instants are found first and converted once; in a zone with transitions (where a clock set back
   * at midnight can put a later instant on an earlier day) every row is converted.
   */
  static Span span(Dataset d) {
    ZoneId z = d.zone();
    LocalDate[] mm = new LocalDate[2];
    java.util.function.Consumer<LocalDate> see = day -> {
      if (mm[0] == null || day.isBefore(mm[0])) {
        mm[0] = day;
      }
      if (mm[1] == null || day.isAfter(mm[1])) {
        mm[1] = day;
      }
    };
    // the day of an instant depends on its millisecond only (a sub-millisecond part never
    // crosses midnight), so the millisecond columns decide
    boolean fixed = z.getRules().isFixedOffset();
    Set<DatasetTable> timed = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS);
    long[] range = range(d, timed);
    if (!fixed) {
      forEachMillis(d, timed, ms -> see.accept(LocalDate.ofInstant(Instant.ofEpochMilli(ms), z)));
    }
    if (fixed && range[0] <= range[1]) {
      see.accept(LocalDate.ofInstant(Instant.ofEpochMilli(range[0]), z));
      see.accept(LocalDate.ofInstant(Instant.ofEpochMilli(range[1]), z));
    }
    SpendColumns spend = Columns.of(d).spend();
    for (int r = 0; r < spend.size(); r++) {
      see.accept(LocalDate.ofEpochDay(spend.day(r)));
    }
    return new Span(mm[0], mm[1]);
  }
}
