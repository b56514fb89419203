package dev.funnel.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clock an SLA is measured on: either plain elapsed time ({@link #continuous()}) or business
 * hours — working days of the week, one daily window of working hours, a time zone and holidays.
 *
 * <p>{@link #between(Instant, Instant)} is exact: for every local day of the interval that is a
 * working day and not a holiday, the day's window {@code [open, close)} is turned into instants in
 * the zone (so a window that contains a daylight-saving change is an hour shorter or longer, as
 * the wall clock was) and intersected with the interval; the overlaps are summed. An interval
 * that starts outside the hours starts counting at the next opening; one that ends outside them
 * stops at the last closing. An opening or closing time that falls into a spring-forward gap is
 * moved forward by the length of the gap ({@link ZonedDateTime#of} rules); in an autumn overlap
 * the earlier offset is used. {@code close = 00:00} means the end of the day (midnight of the next
 * day), so {@code 00:00-00:00} on all seven days and no holidays measures real elapsed time.
 *
 * <p>Configuration is with {@link #builder()}; instances are immutable and thread-safe.
 */
public final class BusinessCalendar {

  private static final BusinessCalendar CONTINUOUS =
      new BusinessCalendar(true, ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class),
          LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());

  private final boolean continuous;
  private final ZoneId zone;
  private final Set<DayOfWeek> days;
  private final LocalTime open;
  private final LocalTime close;
  private final Set<LocalDate> holidays;

  private BusinessCalendar(boolean continuous, ZoneId zone, Set<DayOfWeek> days, LocalTime open,
      LocalTime close, Set<LocalDate> holidays) {
    this.continuous = continuous;
    this.zone = zone;
    this.days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    this.open = open;
    this.close = close;
    this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
  }

  /** Plain elapsed time: every instant counts (the default clock of an SLA). */
  public static BusinessCalendar continuous() {
    return CONTINUOUS;
  }

  /** A builder: Monday to Friday, 09:00-18:00, UTC, no holidays. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether this calendar counts every instant (no business hours). */
  public boolean isContinuous() {
    return continuous;
  }

  /** The zone the working hours are local to. */
  public ZoneId zone() {
    return zone;
  }

  /** Working days of the week. */
  public Set<DayOfWeek> workingDays() {
    return days;
  }

  /** Daily opening time. */
  public LocalTime opens() {
    return open;
  }

  /** Daily closing time ({@code 00:00} is the end of the day). */
  public LocalTime closes() {
    return close;
  }

  /** Holidays (local dates), sorted. */
  public Set<LocalDate> holidays() {
    return holidays;
  }

  /**
   * The nominal length of one working day (close - open on a day without a daylight-saving
   * change); 24 hours for the continuous clock. "One business day" as an SLA target is this.
   */
  public Duration dayLength() {
    if (continuous) {
      return Duration.ofDays(1);
    }
    return close.equals(LocalTime.MIDNIGHT)
        ? Duration.ofDays(1).minus(Duration.ofNanos(open.toNanoOfDay()))
        : Duration.between(open, close);
  }

  /** Whether the local date is a working day (its weekday works and it is not a holiday). */
  public boolean isWorkingDay(LocalDate day) {
    return continuous || (days.contains(day.getDayOfWeek()) && !holidays.contains(day));
  }

  /**
   * Number of working days in {@code [from, toExclusive)}; every day for the continuous clock.
   *
   * @throws IllegalArgumentException when {@code toExclusive} is before {@code from}
   */
  public long workingDays(LocalDate from, LocalDate toExclusive) {
    if (toExclusive.isBefore(from)) {
      throw new IllegalArgumentException("day range ends (" + toExclusive + ") before it starts (" + from + ")");
    }
    long n = 0;
    for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Business time from {@code from} to {@code to}, exactly (see the class description); zero when
   * {@code to} is not after {@code from}.
   */
  public Duration between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (continuous) {
      return Duration.between(from, to);
    }
    LocalDate last = LocalDate.ofInstant(to, zone);
    Duration total = Duration.ZERO;
    // the day before the start's local date is included so that a window ending at midnight of
    // the next day is never missed
    for (LocalDate d = LocalDate.ofInstant(from, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      Instant ws = ZonedDateTime.of(d, open, zone).toInstant();
      Instant we = close.equals(LocalTime.MIDNIGHT)
          ? d.plusDays(1).atStartOfDay(zone).toInstant()
          : ZonedDateTime.of(d, close, zone).toInstant();
      Instant s = ws.isAfter(from) ? ws : from;
      Instant e = we.isBefore(to) ? we : to;
      if (e.isAfter(s)) {
        total = total.plus(Duration.between(s, e));
      }
    }
    return total;
  }

  /** The share of {@code [start, end)} elapsed at {@code at} on this clock: 0 to 1, NaN when empty. */
  double elapsedFraction(Instant start, Instant end, Instant at) {
    Instant a = at.isBefore(start) ? start : at.isAfter(end) ? end : at;
    double whole = seconds(between(start, end));
    return whole == 0 ? Double.NaN : seconds(between(start, a)) / whole;
  }

  static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  @Override
  public String toString() {
    if (continuous) {
      return "continuous (24/7)";
    }
    return "business hours " + open + "-" + (close.equals(LocalTime.MIDNIGHT) ? "24:00" : close)
        + " " + days + " " + zone + (holidays.isEmpty() ? "" : ", " + holidays.size() + " holidays");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar c && c.continuous == continuous && c.zone.equals(zone)
        && c.days.equals(days) && c.open.equals(open) && c.close.equals(close)
        && c.holidays.equals(holidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(continuous, zone, days, open, close, holidays);
  }

  /** Settings of a business calendar; not thread-safe. */
  public static final class Builder {
    private ZoneId zone = ZoneOffset.UTC;
    private Set<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private LocalTime open = LocalTime.of(9, 0);
    private LocalTime close = LocalTime.of(18, 0);
    private final Set<LocalDate> holidays = new TreeSet<>();

    private Builder() {}

    /** The zone the hours are local to (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Working days of the week (default Monday to Friday); at least one. */
    public Builder workingDays(Collection<DayOfWeek> days) {
      if (days == null || days.isEmpty()) {
        throw new IllegalArgumentException("a business calendar needs at least one working day");
      }
      this.days = EnumSet.copyOf(days);
      return this;
    }

    /** Working days of the week. */
    public Builder workingDays(DayOfWeek... days) {
      return workingDays(List.of(days));
    }

    /**
     * Daily working hours {@code [open, close)}; {@code close = 00:00} is the end of the day.
     *
     * @throws IllegalArgumentException when the window is empty or reversed
     */
    public Builder hours(LocalTime open, LocalTime close) {
      Objects.requireNonNull(open, "open");
      Objects.requireNonNull(close, "close");
      if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
        throw new IllegalArgumentException(
            "working hours must close after they open (00:00 closes at midnight), got " + open + "-" + close);
      }
      this.open = open;
      this.close = close;
      return this;
    }

    /** One holiday (a local date without working hours). */
    public Builder holiday(LocalDate day) {
      holidays.add(Objects.requireNonNull(day, "holiday"));
      return this;
    }

    /** Several holidays. */
    public Builder holidays(Collection<LocalDate> days) {
      days.forEach(this::holiday);
      return this;
    }

    /** The calendar. */
    public BusinessCalendar build() {
      return new BusinessCalendar(false, zone, days, open, close, holidays);
    }
  }
}
