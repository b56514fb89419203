package dev.funnel.cli;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dataset is: its tables and row counts, the days of its first and last event (in the
 * dataset time zone; plan targets and pre-aggregated paths carry no event time and do not count),
 * its currency and time zone.
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
    java.util.function.Consumer<Instant> seeAt;
    Instant[] range = new Instant[2];
    boolean fixed = z.getRules().isFixedOffset();
    if (fixed) {
      seeAt = at -> {
        if (range[0] == null || at.isBefore(range[0])) {
          range[0] = at;
        }
        if (range[1] == null || at.isAfter(range[1])) {
          range[1] = at;
        }
      };
    } else {
      seeAt = at -> see.accept(LocalDate.ofInstant(at, z));
    }
    d.leads().forEach(l -> seeAt.accept(l.createdAt()));
    d.stages().forEach(c -> seeAt.accept(c.at()));
    d.activities().forEach(a -> seeAt.accept(a.at()));
    d.touches().forEach(t -> seeAt.accept(t.at()));
    d.payments().forEach(p -> seeAt.accept(p.paidAt()));
    if (fixed && range[0] != null) {
      see.accept(LocalDate.ofInstant(range[0], z));
      see.accept(LocalDate.ofInstant(range[1], z));
    }
    d.spend().forEach(sp -> see.accept(sp.date()));
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
