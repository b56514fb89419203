package dev.funnel.cli;

import dev.funnel.core.sla.BusinessCalendar;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reading the time-valued options of the analysis commands: durations ({@code --within},
 * {@code --target}), instants ({@code --as-of}) and business hours ({@code --business-hours}).
 * Malformed values are usage errors naming the option.
 */
final class TimeOptions {

  /** {@code --business-hours HH:MM-HH:MM}: measure time on Monday-Friday working hours. */
  static final Option BUSINESS_HOURS = new Option("business-hours", "HH:MM-HH:MM",
      "measure time in working hours, Monday to Friday in the dataset zone (e.g. 09:00-18:00)");
  /** {@code --holidays DATE,...}: days without working hours. */
  static final Option HOLIDAYS =
      new Option("holidays", "DATE,...", "with --business-hours: dates without working hours");

  private TimeOptions() {}

  /**
   * A non-negative duration: {@code 30d}, {@code 48h}, {@code 90m}, {@code 45s}, a bare number of
   * days, or ISO-8601 ({@code P30D}, {@code PT1H}); null when the option is absent.
   */
  static Duration duration(Arguments args, Option o) {
    String v = args.value(o);
    if (v == null) {
      return null;
    }
    String s = v.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    try {
      if (s.startsWith("p")) {
        d = Duration.parse(s.toUpperCase(Locale.ROOT));
      } else if (!s.isEmpty()) {
        char unit = s.charAt(s.length() - 1);
        boolean bare = Character.isDigit(unit);
        long n = Long.parseLong(bare ? s : s.substring(0, s.length() - 1));
        d = switch (bare ? 'd' : unit) {
          case 'd' -> Duration.ofDays(n);
          case 'h' -> Duration.ofHours(n);
          case 'm' -> Duration.ofMinutes(n);
          case 's' -> Duration.ofSeconds(n);
          default -> null;
        };
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      d = null;
    }
    if (d == null) {
      throw args.usage("bad --" + o.name() + " '" + v + "': use 30d, 48h, 90m, 45s or ISO-8601 such as PT1H");
    }
    if (d.isNegative()) {
      throw args.usage("--" + o.name() + " must not be negative, got " + v);
    }
    return d;
  }

  /**
   * An instant: ISO-8601 with an offset ({@code 2026-03-16T09:00:00Z}) or a date, meaning the
   * start of that day in the dataset zone; null when the option is absent.
   */
  static Instant instant(Arguments args, Option o, ZoneId zone) {
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
      return LocalDate.parse(s).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw args.usage("bad --" + o.name() + " '" + v
          + "': expected an instant such as 2026-03-16T09:00:00Z or a date such as 2026-03-16");
    }
  }

  /**
   * The business calendar of {@code --business-hours} and {@code --holidays} in the zone, or null
   * when {@code --business-hours} is absent.
   */
  static BusinessCalendar calendar(Arguments args, ZoneId zone) {
    String v = args.value(BUSINESS_HOURS);
    if (v == null) {
      if (args.has(HOLIDAYS)) {
        throw args.usage("--holidays applies with --business-hours only");
      }
      return null;
    }
    String[] parts = v.trim().split("-");
    BusinessCalendar.Builder b = BusinessCalendar.builder().zone(zone);
    try {
      if (parts.length != 2) {
        throw new DateTimeException("two times expected");
      }
      b.hours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    } catch (DateTimeException e) {
      throw args.usage("bad --business-hours '" + v + "': expected opening and closing times such as 09:00-18:00");
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --business-hours: " + e.getMessage());
    }
    String h = args.value(HOLIDAYS);
    if (h != null) {
      for (String d : h.split(",")) {
        if (d.isBlank()) {
          continue;
        }
        try {
          b.holiday(LocalDate.parse(d.trim()));
        } catch (DateTimeParseException e) {
          throw args.usage("bad --holidays date '" + d.trim() + "': expected a date such as 2026-04-03");
        }
      }
    }
    return b.build();
  }
}
