package dev.funnel.core.display;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An instant for people, in a time zone: {@code end of 2026-10-31} when it is the last
 * nanosecond of a local day (what "as of DATE" means throughout the library and the CLI), else
 * the local date and time to the second with the zone's offset ({@code 2026-10-31T14:05:09Z},
 * {@code 2026-10-31T17:05:09+03:00}; fractions of a second are dropped, not rounded).
 */
public final class InstantLabel {

  private static final DateTimeFormatter TO_SECOND = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private InstantLabel() {}

  /** The label of the instant in the zone. */
  public static String of(Instant at, ZoneId zone) {
    Objects.requireNonNull(at, "instant");
    Objects.requireNonNull(zone, "zone");
    ZonedDateTime next = at.plusNanos(1).atZone(zone);
    if (next.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return "end of " + next.toLocalDate().minusDays(1);
    }
    return at.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).format(TO_SECOND);
  }
}
