package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The as-of rule every command and the report share.
 *
 * <ul>
 *   <li>The as-of instant is the moment a result describes: stage changes, activities, touches,
 *       payments and leads stamped after it do not count, and spend counts up to the local day
 *       that contains it.
 *   <li>{@code --as-of DATE} is the end of that local day in the dataset zone (its last
 *       nanosecond, shown {@code end of DATE}); {@code --as-of} with an offset
 *       ({@code 2026-03-16T09:00:00Z}) is that instant.
 *   <li>A command or report for a period P is as of the end of P; when the data ends inside P,
 *       as of the end of the data's last day (the period is then partial, and says so). An
 *       explicit {@code --as-of} overrides both.
 *   <li>Windows are half-open {@code [from, to)} on instants; a window that ends at the as-of
 *       instant includes it: it is {@code [from, asOf + 1 ns)} ({@link #until}), so the period's
 *       window {@code [start of P, end of P)} and "up to the end of P" are the same set of
 *       instants.
 * </ul>
 */
final class AsOf {

  private AsOf() {}

  /** The last nanosecond of a local day in the zone: what {@code --as-of DATE} means. */
  static Instant endOfDay(LocalDate day, ZoneId zone) {
    return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
  }

  /** Whether the instant is the last nanosecond of a local day in the zone. */
  static boolean isEndOfDay(Instant at, ZoneId zone) {
    return at.plusNanos(1).atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
  }

  /** The last nanosecond of the period in the zone. */
  static Instant endOf(Period p, ZoneId zone) {
    return p.endInstant(zone).minusNanos(1);
  }

  /**
   * The exclusive end of a window that ends at the as-of instant and includes it:
   * {@code asOf + 1 ns} (null for null).
   */
  static Instant until(Instant asOf) {
    return asOf == null ? null : asOf.plusNanos(1);
  }

  /**
   * The exclusive end of the window {@code [.., to)} cut at the as-of instant (included): the
   * earlier of {@code to} and {@link #until}{@code (asOf)}; a null side is open.
   */
  static Instant cap(Instant to, Instant asOf) {
    Instant u = until(asOf);
    if (to == null) {
      return u;
    }
    return u == null || to.isBefore(u) ? to : u;
  }

  /**
   * The default as-of instant for a period: the end of P, or the end of the last day of the data
   * ({@link TimedRows#endOfData}) when the data ends inside or before P; the end of P for a
   * dataset without timed rows.
   */
  static Instant ofPeriod(Dataset d, Period p) {
    Instant end = endOf(p, d.zone());
    Instant lastDay = endOfLastDay(d);
    return lastDay != null && lastDay.isBefore(end) ? lastDay : end;
  }

  /**
   * The end of the local day of the dataset's latest timed row ({@link TimedRows#endOfData}):
   * the default as-of instant of a command without a period; null without timed rows.
   */
  static Instant endOfLastDay(Dataset d) {
    Instant last = TimedRows.endOfData(d);
    return last == null ? null : endOfDay(LocalDate.ofInstant(last, d.zone()), d.zone());
  }

  /**
   * {@code --as-of} when given, else the end of the data's last day; null when neither exists
   * (a dataset without timed rows).
   */
  static Instant orEndOfData(Arguments args, Option o, Dataset d) {
    Instant explicit = parse(args, o, d.zone());
    return explicit != null ? explicit : endOfLastDay(d);
  }

  /**
   * The value of an {@code --as-of} option: a date is the end of that day in the zone, a
   * timestamp with an offset that instant; null when the option is absent.
   */
  static Instant parse(Arguments args, Option o, ZoneId zone) {
    String v = args.value(o);
    if (v == null) {
      return null;
    }
    String s = v.trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // not a timestamp; a date?
    }
    try {
      return endOfDay(LocalDate.parse(s), zone);
    } catch (DateTimeParseException e) {
      throw args.usage("bad --" + o.name() + " '" + v
          + "': expected a date such as 2026-03-31 (the end of that day) or an instant such as"
          + " 2026-03-16T09:00:00Z");
    }
  }
}
