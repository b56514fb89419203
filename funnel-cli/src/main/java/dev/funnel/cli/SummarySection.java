package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.columnar.SpendColumns;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the dataset is: its tables and row counts, the days of its first and last event (in the
 * dataset time zone; plan targets and pre-aggregated paths carry no event time and do not count),
 * its currency and time zone, and the report's as-of instant in that zone. The tables, rows and
 * days describe the export as read, including rows after the as-of instant, which the other
 * sections do not use.
 */
final class SummarySection implements ReportSection {

  @Override
  public String key() {
    return "dataset";
  }

  @Override
  public String title() {
    return "Dataset";
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
    long[] range = TimedRows.range(d, timed);
    if (!fixed) {
      TimedRows.forEachMillis(d, timed, ms -> see.accept(LocalDate.ofInstant(Instant.ofEpochMilli(ms), z)));
    }
    if (fixed && range[0] <= range[1]) {
      see.accept(LocalDate.ofInstant(Instant.ofEpochMilli(range[0]), z));
      see.accept(LocalDate.ofInstant(Instant.ofEpochMilli(range[1]), z));
    }
    SpendColumns spend = d.columns().spend();
    for (int r = 0; r < spend.size(); r++) {
      see.accept(LocalDate.ofEpochDay(spend.day(r)));
    }
    return new Span(mm[0], mm[1]);
  }

  /** The zone's id, {@code UTC} for the UTC offset. */
  static String zone(Dataset d) {
    return d.zone().equals(java.time.ZoneOffset.UTC) ? "UTC" : d.zone().getId();
  }

  private static String currency(Dataset d) {
    return Money.UNSPECIFIED.equals(d.currency()) ? null : d.currency();
  }

  @Override
  public String text(ReportInput in) {
    Dataset d = in.dataset();
    Span s = in.scope().span();
    StringBuilder b = new StringBuilder();
    b.append("source:   ").append(in.source()).append('\n');
    b.append("zone:     ").append(zone(d)).append('\n');
    b.append("currency: ").append(currency(d) == null ? "not stated" : currency(d)).append('\n');
    b.append("events:   ").append(s.first() == null ? "none" : s.first() + " .. " + s.last()).append('\n');
    b.append("as of:    ").append(in.scope().asOfLabel()).append(" (rows after it are not used)\n");
    if (in.window().bounded()) {
      b.append("window:   ").append(in.window().label()).append('\n');
    }
    TextTable t = TextTable.of("table", "rows");
    for (DatasetTable table : d.tables()) {
      t = t.plus(table.fileName(), d.size(table));
    }
    return b.append('\n').append(t.render()).toString();
  }

  @Override
  public Object json(ReportInput in) {
    Dataset d = in.dataset();
    Span s = in.scope().span();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", in.source());
    m.put("zone", zone(d));
    m.put("currency", currency(d));
    m.put("firstDay", s.first());
    m.put("lastDay", s.last());
    m.put("asOf", in.scope().asOf().toString());
    if (in.window().bounded()) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("from", in.window().from());
      w.put("to", in.window().to());
      m.put("window", w);
    }
    Map<String, Object> rows = new LinkedHashMap<>();
    for (DatasetTable table : d.tables()) {
      rows.put(table.fileName(), d.size(table));
    }
    m.put("tables", rows);
    return m;
  }
}
