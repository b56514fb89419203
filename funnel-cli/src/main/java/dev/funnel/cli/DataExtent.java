package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Where the two activity streams of an export begin and end, in local days of the dataset zone:
 * lead creations (the leads table) and hand-offs (the stage changes). A real export often has them
 * end on different days (the leads exported in March, the stage changes in May); a period is
 * covered by the data only up to the earlier end. A stream the dataset lacks, or whose table is
 * empty, is null and covers everything.
 *
 * @param firstLead   the day of the earliest lead creation, or null
 * @param lastLead    the day of the latest lead creation, or null
 * @param firstChange the day of the earliest stage change, or null
 * @param lastChange  the day of the latest stage change, or null
 */
record DataExtent(LocalDate firstLead, LocalDate lastLead, LocalDate firstChange, LocalDate lastChange) {

  /** The extent of the dataset's leads and stage changes, from their epoch-millisecond columns. */
  static DataExtent of(Dataset d) {
    LocalDate[] leads = range(d, DatasetTable.LEADS);
    LocalDate[] changes = range(d, DatasetTable.STAGES);
    return new DataExtent(leads[0], leads[1], changes[0], changes[1]);
  }

  /**
   * The first and last local day of a table's times; nulls when it has none. In a zone with a
   * fixed offset the day never decreases with the instant, so the extreme instants decide; in a
   * zone with transitions every row is converted (a clock set back at midnight can put a later
   * instant on an earlier day).
   */
  private static LocalDate[] range(Dataset d, DatasetTable t) {
    ZoneId z = d.zone();
    LocalDate[] mm = new LocalDate[2];
    if (!d.has(t)) {
      return mm;
    }
    if (z.getRules().isFixedOffset()) {
      long[] r = TimedRows.range(d, EnumSet.of(t));
      if (r[0] <= r[1]) {
        mm[0] = LocalDate.ofInstant(Instant.ofEpochMilli(r[0]), z);
        mm[1] = LocalDate.ofInstant(Instant.ofEpochMilli(r[1]), z);
      }
      return mm;
    }
    TimedRows.forEachMillis(d, EnumSet.of(t), ms -> {
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(ms), z);
      if (mm[0] == null || day.isBefore(mm[0])) {
        mm[0] = day;
      }
      if (mm[1] == null || day.isAfter(mm[1])) {
        mm[1] = day;
      }
    });
    return mm;
  }

  /**
   * Why a period is partial as of an instant, for people: the instant falls before the period's
   * end ({@code as of end of 2026-05-10, 10 of its 31 days}), or a stream begins after its first
   * day or ends before its last up to the as-of day ({@link #gaps}); empty for a complete period.
   */
  List<String> partial(Period p, Instant asOf, ZoneId z) {
    List<String> out = new ArrayList<>();
    LocalDate asOfDay = LocalDate.ofInstant(asOf, z);
    if (asOf.isBefore(AsOf.endOf(p, z))) {
      long days = asOfDay.isBefore(p.start()) ? 0 : asOfDay.toEpochDay() - p.start().toEpochDay() + 1;
      out.add("as of " + dev.funnel.core.display.InstantLabel.of(asOf, z) + ", "
          + Math.min(days, p.lengthInDays()) + " of its " + p.lengthInDays() + " days");
    }
    LocalDate lastDay = p.endInclusive();
    out.addAll(gaps(p.start(), asOfDay.isBefore(lastDay) ? asOfDay : lastDay));
    return out;
  }

  /** The last day both streams cover: the earlier of their last days; null when neither has rows. */
  LocalDate coverageEnd() {
    if (lastLead == null) {
      return lastChange;
    }
    return lastChange == null || lastLead.isBefore(lastChange) ? lastLead : lastChange;
  }

  /**
   * The gaps of the streams in the days {@code [first, last]}, for people: {@code leads end
   * 2026-03-01}, {@code no stage changes after 2026-01-20}, {@code leads begin 2026-03-10};
   * empty when both streams cover those days.
   */
  List<String> gaps(LocalDate first, LocalDate last) {
    List<String> out = new ArrayList<>();
    gap(out, "leads", firstLead, lastLead, first, last);
    gap(out, "stage changes", firstChange, lastChange, first, last);
    return out;
  }

  private static void gap(List<String> out, String what, LocalDate begin, LocalDate end,
      LocalDate first, LocalDate last) {
    if (begin == null || last.isBefore(first)) {
      return;
    }
    if (end.isBefore(first)) {
      out.add("no " + what + " after " + end);
    } else if (begin.isAfter(last)) {
      out.add("no " + what + " before " + begin);
    } else {
      if (begin.isAfter(first)) {
        out.add(what + " begin " + begin);
      }
      if (end.isBefore(last)) {
        out.add(what + " end " + end);
      }
    }
  }

  /**
   * {@code " (leads to 2026-03-01, stage changes to 2026-05-01)"} when the two streams end on
   * different days, else empty.
   */
  String ends() {
    if (lastLead == null || lastChange == null || lastLead.equals(lastChange)) {
      return "";
    }
    return " (leads to " + lastLead + ", stage changes to " + lastChange + ")";
  }
}
