package dev.funnel.core.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The as-of instant for people: the end of a local day, else the local time to the second. */
class InstantLabelTest {

  @Test
  void theLastNanosecondOfALocalDayIsTheEndOfThatDay() {
    assertEquals("end of 2026-10-31", InstantLabel.of(Instant.parse("2026-10-31T23:59:59.999999999Z"), ZoneOffset.UTC));
    // the same instant is 01:59:59.999... on 2026-11-01 in Berlin (UTC+1 in November): not an end
    assertEquals("2026-11-01T00:59:59+01:00",
        InstantLabel.of(Instant.parse("2026-10-31T23:59:59.999999999Z"), ZoneId.of("Europe/Berlin")));
    assertEquals("end of 2026-10-31",
        InstantLabel.of(Instant.parse("2026-10-31T22:59:59.999999999Z"), ZoneId.of("Europe/Berlin")));
  }

  @Test
  void otherInstantsAreTheLocalTimeToTheSecond() {
    assertEquals("2026-05-31T09:30:15Z", InstantLabel.of(Instant.parse("2026-05-31T09:30:15.999Z"), ZoneOffset.UTC));
    assertEquals("2026-05-31T11:30:15+02:00",
        InstantLabel.of(Instant.parse("2026-05-31T09:30:15.5Z"), ZoneId.of("Europe/Berlin")));
    assertEquals("2026-06-01T00:00:00Z", InstantLabel.of(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
  }
}
