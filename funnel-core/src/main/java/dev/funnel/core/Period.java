package dev.funnel.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period: a day, an ISO-8601 week (Monday to Sunday, weeks numbered in the week-based
 * year), a month, a quarter or a year.
 *
 * <p>A period is a calendar label; it becomes a half-open interval of instants
 * {@code [startInstant(zone), endInstant(zone))} in a time zone, at local midnight, so a period
 * in a zone with a daylight-saving change is 23 or 25 hours longer or shorter than the nominal
 * length. Labels: {@code 2026} (year), {@code 2026-Q1}, {@code 2026-03} (month), {@code 2026-W10}
 * (ISO week; the year is the week-based year, so {@code 2020-W53} ends on 2021-01-03) and
 * {@code 2026-03-01} (day).
 *
 * <p>Period arithmetic counts calendar periods: {@link #until(Period)} of two months is the
 * difference of {@code year*12+month}, never a count of elapsed 30-day blocks.
 *
 * @param granularity the period length
 * @param start       the first day (Monday for weeks, the 1st for months, quarters and years)
 */
public record Period(Granularity granularity, LocalDate start) implements Comparable<Period> {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-[Ww](\\d{2})");

  public Period {
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(start, "start");
    if (!floor(granularity, start).equals(start)) {
      throw new IllegalArgumentException(
          start + " is not the first day of a " + granularity.label() + "; use Period.of");
    }
  }

  /** The period of this granularity that contains the day. */
  public static Period of(Granularity granularity, LocalDate day) {
    return new Period(granularity, floor(granularity, day));
  }

  /** The period of this granularity that contains the instant, in the zone. */
  public static Period containing(Instant at, Granularity granularity, ZoneId zone) {
    return of(granularity, LocalDate.ofInstant(at, zone));
  }

  /**
   * The last period of this granularity that is complete at an instant: every instant of it is
   * at or before {@code at}. That is the period containing {@code at} when {@code at} is its last
   * nanosecond (the end of its last local day), else the period before it: as of the end of
   * 2026-03-31 the last complete month is 2026-03, as of 2026-03-31T18:00 it is 2026-02.
   */
  public static Period lastComplete(Instant at, Granularity granularity, ZoneId zone) {
    return containing(at.plusNanos(1), granularity, zone).previous();
  }

  /**
   * Parses a label: {@code 2026}, {@code 2026-Q1}, {@code 2026-03}, {@code 2026-W10},
   * {@code 2026-03-01}.
   *
   * @throws IllegalArgumentException with the accepted forms when the text is none of them
   */
  public static Period parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("period must not be null");
    }
    String s = text.trim();
    Matcher m;
    try {
      if ((m = YEAR.matcher(s)).matches()) {
        return new Period(Granularity.YEAR, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
      }
      if ((m = QUARTER.matcher(s)).matches()) {
        int q = Integer.parseInt(m.group(2));
        return new Period(
            Granularity.QUARTER, LocalDate.of(Integer.parseInt(m.group(1)), 3 * q - 2, 1));
      }
      if ((m = MONTH.matcher(s)).matches()) {
        return new Period(
            Granularity.MONTH,
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1));
      }
      if ((m = WEEK.matcher(s)).matches()) {
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).getMaximum();
        if (week < 1 || week > weeks) {
          throw new IllegalArgumentException(
              "ISO week-based year " + year + " has weeks 1.." + weeks + ", got '" + text + "'");
        }
        LocalDate monday =
            jan4.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(week - 1L);
        return new Period(Granularity.WEEK, monday);
      }
      return new Period(Granularity.DAY, LocalDate.parse(s));
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "cannot parse period '" + text + "': expected 2026, 2026-Q1, 2026-03, 2026-W10 or"
              + " 2026-03-01 (" + e.getMessage() + ")",
          e);
    }
  }

  private static LocalDate floor(Granularity g, LocalDate d) {
    switch (g) {
      case DAY:
        return d;
      case WEEK:
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return d.withDayOfMonth(1);
      case QUARTER:
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
      case YEAR:
        return LocalDate.of(d.getYear(), 1, 1);
      default:
        throw new AssertionError(g);
    }
  }

  /** The first day after the period. */
  public LocalDate endExclusive() {
    return plus(1).start;
  }

  /** The last day of the period. */
  public LocalDate endInclusive() {
    return endExclusive().minusDays(1);
  }

  /** Local midnight at the start of the period, in the zone. */
  public Instant startInstant(ZoneId zone) {
    return start.atStartOfDay(zone).toInstant();
  }

  /** Local midnight at the start of the next period, in the zone (exclusive end). */
  public Instant endInstant(ZoneId zone) {
    return endExclusive().atStartOfDay(zone).toInstant();
  }

  /** Whether the day falls in the period. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(endExclusive());
  }

  /** Whether the instant falls in the period in the zone (half-open). */
  public boolean contains(Instant at, ZoneId zone) {
    // the local day as LocalDate.ofInstant gives it; a fixed offset needs no zone rules
    long day = zone instanceof ZoneOffset o
        ? Math.floorDiv(at.getEpochSecond() + o.getTotalSeconds(), 86_400L)
        : LocalDate.ofInstant(at, zone).toEpochDay();
    return day >= start.toEpochDay() && day < endExclusive().toEpochDay();
  }

  /** Number of calendar days in the period. */
  public int lengthInDays() {
    return (int) ChronoUnit.DAYS.between(start, endExclusive());
  }

  /** The period {@code n} periods later (earlier for negative n). */
  public Period plus(long n) {
    switch (granularity) {
      case DAY:
        return new Period(granularity, start.plusDays(n));
      case WEEK:
        return new Period(granularity, start.plusWeeks(n));
      case MONTH:
        return new Period(granularity, start.plusMonths(n));
      case QUARTER:
        return new Period(granularity, start.plusMonths(3 * n));
      case YEAR:
        return new Period(granularity, start.plusYears(n));
      default:
        throw new AssertionError(granularity);
    }
  }

  /** The next period. */
  public Period next() {
    return plus(1);
  }

  /** The previous period. */
  public Period previous() {
    return plus(-1);
  }

  /**
   * Number of whole calendar periods from this one to {@code other} ({@code this.plus(n)} equals
   * {@code other}).
   *
   * @throws IllegalArgumentException when the granularities differ
   */
  public long until(Period other) {
    if (other.granularity != granularity) {
      throw new IllegalArgumentException(
          "cannot count from a " + granularity.label() + " to a " + other.granularity.label());
    }
    long months =
        (other.start.getYear() * 12L + other.start.getMonthValue())
            - (start.getYear() * 12L + start.getMonthValue());
    switch (granularity) {
      case DAY:
        return ChronoUnit.DAYS.between(start, other.start);
      case WEEK:
        return ChronoUnit.DAYS.between(start, other.start) / 7;
      case MONTH:
        return months;
      case QUARTER:
        return months / 3;
      case YEAR:
        return other.start.getYear() - (long) start.getYear();
      default:
        throw new AssertionError(granularity);
    }
  }

  /**
   * The period of a coarser (or equal) granularity containing this one's first day. A week that
   * spans two months belongs to the month of its Monday.
   *
   * @throws IllegalArgumentException when {@code coarser} is finer than this period
   */
  public Period within(Granularity coarser) {
    if (coarser.compareTo(granularity) < 0) {
      throw new IllegalArgumentException(
          "a " + granularity.label() + " is not within a " + coarser.label() + "; use a coarser granularity");
    }
    return of(coarser, start);
  }

  /** The canonical label, parseable by {@link #parse(String)}. */
  public String label() {
    switch (granularity) {
      case DAY:
        return start.toString();
      case WEEK:
        return String.format(
            "%04d-W%02d",
            start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH:
        return String.format("%04d-%02d", start.getYear(), start.getMonthValue());
      case QUARTER:
        return String.format("%04d-Q%d", start.getYear(), (start.getMonthValue() + 2) / 3);
      case YEAR:
        return String.format("%04d", start.getYear());
      default:
        throw new AssertionError(granularity);
    }
  }

  /** Orders by start day, then by granularity. */
  @Override
  public int compareTo(Period o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : granularity.compareTo(o.granularity);
  }

  @Override
  public String toString() {
    return label();
  }
}
