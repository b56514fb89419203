package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written parser against java.time as the oracle. */
class TimestampsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void epochDayMatchesLocalDate() {
    Random rnd = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(rnd.nextInt(3_000_000) - 700_000);
      if (d.getYear() < 0 || d.getYear() > 9999) {
        continue;
      }
      assertEquals(d.toEpochDay(), Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
    }
  }

  /**
   * Every month's first and last days and the day after its last, in the years of the month table
   * (1900-2199), at its edges and far outside it, in the UTC form and with an offset: valid dates
   * give java.time's instant, the others no instant.
   */
  @Test
  void everyMonthEdgeInAndAroundTheTable() {
    java.util.List<Integer> years = new java.util.ArrayList<>();
    for (int y = 1890; y <= 2210; y++) {
      years.add(y);
    }
    years.addAll(List.of(0, 1, 4, 100, 400, 1600, 1700, 2400, 9996, 9999));
    for (int y : years) {
      for (int m = 1; m <= 12; m++) {
        for (int d : new int[] {1, 28, 29, 30, 31, 32}) {
          String date = String.format("%04d-%02d-%02d", y, m, d);
          Instant want;
          try {
            want = LocalDate.of(y, m, d).atTime(13, 45, 7).toInstant(ZoneOffset.UTC);
          } catch (java.time.DateTimeException e) {
            want = null;
          }
          assertEquals(want, Timestamps.parse(date + "T13:45:07Z", ZoneOffset.UTC, ZoneOffset.UTC), date);
          assertEquals(want == null ? null : want.minusSeconds(3 * 3600),
              Timestamps.parse(date + "T13:45:07+03:00", ZoneOffset.UTC, ZoneOffset.UTC), date);
        }
      }
    }
  }

  @Test
  void agreesWithJavaTimeOnRandomTimestamps() {
    Random rnd = new Random(2);
    for (int i = 0; i < 20_000; i++) {
      LocalDateTime t = LocalDateTime.of(1900 + rnd.nextInt(200), 1 + rnd.nextInt(12), 1, 0, 0)
          .plusDays(rnd.nextInt(31)).plusSeconds(rnd.nextInt(86_400)).plusNanos(rnd.nextInt(1000) * 1_000_000L);
      int offsetMinutes = (rnd.nextInt(37) - 18) * 30;
      ZoneOffset off = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
      String iso = OffsetDateTime.of(t, off).toString();
      assertEquals(OffsetDateTime.parse(iso).toInstant(), Timestamps.parse(iso, ZoneOffset.UTC, ZoneOffset.UTC), iso);
      String local = t.toString();
      assertEquals(t.atZone(BERLIN).toInstant(), Timestamps.parse(local, BERLIN, null), local);
      assertEquals(t.toInstant(ZoneOffset.ofHours(3)),
          Timestamps.parse(local, ZoneOffset.ofHours(3), ZoneOffset.ofHours(3)), local);
    }
  }

  @Test
  void acceptedForms() {
    Instant t = Instant.parse("2026-03-01T09:15:00Z");
    for (String s : List.of("2026-03-01T09:15:00Z", "2026-03-01T09:15Z", "2026-03-01 09:15:00z",
        "2026-03-01T12:15:00+03:00", "2026-03-01T12:15:00+0300", "2026-03-01T12:15+03",
        "2026-03-01T06:15:00.000-03:00", "2026-03-01T09:15:00")) {
      assertEquals(t, Timestamps.parse(s, ZoneOffset.UTC, ZoneOffset.UTC), s);
    }
    assertEquals(Instant.parse("2026-03-01T09:15:00.123456789Z"),
        Timestamps.parse("2026-03-01T09:15:00.123456789Z", ZoneOffset.UTC, ZoneOffset.UTC));
    assertEquals(Instant.parse("2026-02-28T23:00:00Z"), Timestamps.parse("2026-03-01", BERLIN, null));
    assertEquals(LocalDate.of(2026, 3, 1), Timestamps.parseDate("2026-02-28T23:30:00Z", BERLIN, null));
  }

  @Test
  void refusedForms() {
    for (String s : List.of("", "2026", "2026-3-01", "2026-02-29", "2026-13-01", "2026-00-10",
        "2026-01-32", "2026-01-01T24:00", "2026-01-01T10:60", "2026-01-01T10:00:60",
        "2026-01-01T10", "2026-01-01X10:00", "2026-01-01T10:00:00.", "2026-01-01T10:00:00+19:00",
        "2026-01-01T10:00:00+03:0", "2026-01-01T10:00:00Zx", "01/02/2026", "2026-01-01T10:00:00.1234567890Z",
        "-026-01-01")) {
      assertNull(Timestamps.parse(s, ZoneOffset.UTC, ZoneOffset.UTC), s);
    }
    assertNull(Timestamps.parseDate("2026-02-30", ZoneOffset.UTC, ZoneOffset.UTC));
  }

  /**
   * The export form {@code yyyy-MM-ddTHH:mm:ssZ}, read eight bytes at a time, against a regular
   * expression and java.time on valid stamps and on stamps with one byte changed.
   */
  @Test
  void theUsualUtcFormAgreesWithJavaTimeWhateverByteChanges() {
    java.util.regex.Pattern form = java.util.regex.Pattern.compile(
        "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})[Zz]");
    byte[] alphabet = "0123456789-: TtZz/.+x\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Random rnd = new Random(3);
    for (int i = 0; i < 50_000; i++) {
      LocalDateTime t = LocalDateTime.of(rnd.nextInt(10_000), 1 + rnd.nextInt(12), 1, 0, 0)
          .plusDays(rnd.nextInt(31)).plusSeconds(rnd.nextInt(86_400));
      byte[] b = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", t.getYear(), t.getMonthValue(),
          t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond())
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      if (i % 2 == 1) {
        b[rnd.nextInt(b.length)] = rnd.nextInt(8) == 0 ? (byte) (0x80 + rnd.nextInt(128))
            : alphabet[rnd.nextInt(alphabet.length)];
      }
      String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
      Instant expected = null;
      java.util.regex.Matcher m = form.matcher(text);
      if (m.matches()) {
        try {
          expected = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
          expected = null;
        }
      }
      byte[] padded = new byte[b.length + 6]; // the field inside a record
      System.arraycopy(b, 0, padded, 3, b.length);
      int[] nano = {-1};
      long sec = Timestamps.parse(padded, 3, b.length, BERLIN, null, nano);
      Instant got = sec == Timestamps.INVALID ? null : Instant.ofEpochSecond(sec, nano[0]);
      assertEquals(expected, got, text);
    }
  }
}
