package dev.funnel.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;

/**
 * Parses the ISO-8601 timestamps of docs/spec/dataset.md without regular expressions or formatter
 * objects: {@code 2026-03-01}, {@code 2026-03-01T09:15}, {@code 2026-03-01T09:15:00},
 * {@code 2026-03-01T09:15:00.123}, each optionally followed by {@code Z} or an offset
 * ({@code +03:00}, {@code +0300}, {@code +03}). A space may stand for the {@code T}.
 *
 * <p>With {@code Z} or an offset the text is an instant. Without, it is local time in the dataset
 * time zone; a local time that falls into a daylight-saving gap is moved forward by the gap and
 * one in an overlap takes the earlier offset (the rules of {@link java.time.ZonedDateTime#of}).
 * Years are four digits (0000-9999); leap seconds are refused.
 */
final class Timestamps {
  private Timestamps() {}

  /** The instant, or null when the text is not such a timestamp. */
  static Instant parse(String s, ZoneId zone, ZoneOffset fixedOffset) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // other characters become '?': never valid
    int[] nano = new int[1];
    long sec = parse(b, 0, b.length, zone, fixedOffset, nano);
    return sec == INVALID ? null : Instant.ofEpochSecond(sec, nano[0]);
  }

  /** What {@link #parse(byte[], int, int, ZoneId, ZoneOffset, int[])} returns for invalid text. */
  static final long INVALID = Long.MIN_VALUE;

  /**
   * The instant of the ASCII text {@code b[off, off+n)} as epoch seconds, its nanoseconds in
   * {@code nano[0]}; {@link #INVALID} when the text is not such a timestamp. The same rules as
   * {@link #parse(String, ZoneId, ZoneOffset)}, without making objects for the usual forms.
   */
  static long parse(byte[] s, int off, int n, ZoneId zone, ZoneOffset fixedOffset, int[] nano) {
    if (n == 20 && (s[off + 19] == 'Z' || s[off + 19] == 'z')) {
      long t = utcSeconds(s, off);
      if (t != INVALID) {
        nano[0] = 0;
        return t;
      }
    }
    if (n < 10) {
      return INVALID;
    }
    int year = digits(s, off, 4);
    int month = digits(s, off + 5, 2);
    int day = digits(s, off + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || s[off + 4] != '-' || s[off + 7] != '-'
        || day > lengthOfMonth(year, month)) {
      return INVALID;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int ns = 0;
    int p = 10;
    if (n > 10) {
      byte t = s[off + 10];
      if (t != 'T' && t != 't' && t != ' ') {
        return INVALID;
      }
      if (n < 16 || s[off + 13] != ':') {
        return INVALID;
      }
      hour = digits(s, off + 11, 2);
      minute = digits(s, off + 14, 2);
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
        return INVALID;
      }
      p = 16;
      if (p < n && s[off + p] == ':') {
        if (n < 19) {
          return INVALID;
        }
        second = digits(s, off + 17, 2);
        if (second < 0 || second > 59) {
          return INVALID;
        }
        p = 19;
        if (p < n && (s[off + p] == '.' || s[off + p] == ',')) {
          p++;
          int start = p;
          while (p < n && p - start < 9 && isDigit(s[off + p])) {
            ns = ns * 10 + (s[off + p] - '0');
            p++;
          }
          if (p == start) {
            return INVALID;
          }
          for (int k = p - start; k < 9; k++) {
            ns *= 10;
          }
        }
      }
    }
    long local = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    nano[0] = ns;
    if (p == n) {
      if (fixedOffset != null) {
        return local - fixedOffset.getTotalSeconds();
      }
      try {
        return LocalDateTime.of(year, month, day, hour, minute, second, ns).atZone(zone)
            .toEpochSecond();
      } catch (DateTimeException e) {
        return INVALID;
      }
    }
    if (n == 10) {
      return INVALID;
    }
    byte z = s[off + p];
    if ((z == 'Z' || z == 'z') && p + 1 == n) {
      return local;
    }
    if (z != '+' && z != '-') {
      return INVALID;
    }
    int oh;
    int om = 0;
    int rest = n - p - 1;
    if (rest == 2) {
      oh = digits(s, off + p + 1, 2);
    } else if (rest == 4) {
      oh = digits(s, off + p + 1, 2);
      om = digits(s, off + p + 3, 2);
    } else if (rest == 5 && s[off + p + 3] == ':') {
      oh = digits(s, off + p + 1, 2);
      om = digits(s, off + p + 4, 2);
    } else {
      return INVALID;
    }
    if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
      return INVALID;
    }
    int offset = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
    return local - offset;
  }

  /**
   * A day: a bare date as is, or the local date of a timestamp in the zone; null when the text is
   * neither.
   */
  static LocalDate parseDate(String s, ZoneId zone, ZoneOffset fixedOffset) {
    if (s.length() == 10) {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      if (year < 0 || month < 1 || month > 12 || day < 1 || s.charAt(4) != '-'
          || s.charAt(7) != '-' || day > lengthOfMonth(year, month)) {
        return null;
      }
      return LocalDate.of(year, month, day);
    }
    Instant i = parse(s, zone, fixedOffset);
    return i == null ? null : LocalDate.ofInstant(i, zone);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** The unsigned decimal number in s[from, from+len), or -1 when a character is not a digit. */
  private static int digits(String s, int from, int len) {
    if (from + len > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The unsigned decimal number in s[from, from+len) (in bounds), or -1 when a byte is not a digit. */
  private static int digits(byte[] s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      int c = s[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  /** The days of a month (1-12) of a year. */
  private static int lengthOfMonth(int year, int month) {
    if (year >= TABLE_FROM && year < TABLE_TO) {
      return MONTH_LENGTH[(year - TABLE_FROM) * 12 + month - 1];
    }
    return computeLengthOfMonth(year, month);
  }

  private static int computeLengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date, by the era arithmetic of H. Hinnant,
   * "chrono-Compatible Low-Level Date Algorithms" (days_from_civil): eras of 400 years (146097
   * days) starting in March, so the leap day is the last day of the shifted year.
   */
  private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * The usual export form {@code yyyy-MM-ddTHH:mm:ss} (followed by {@code Z}) at {@code off}, as
   * epoch seconds in UTC; {@link #INVALID} when the 19 bytes are not exactly that form (the general
   * parser then decides). Eight bytes at a time: the bytes less their expected {@code '0'} or
   * separator must be digits 0-9 where digits are expected and zero at the separators.
   */
  private static long utcSeconds(byte[] s, int off) {
    long date = (long) LONG_LE.get(s, off) - 0x2D30302D30303030L; // "yyyy-MM-" less "0000-00-"
    long time = (long) LONG_LE.get(s, off + 11) - 0x30303A30303A3030L; // "HH:mm:ss" less "00:00:00"
    if (((date | (date + 0x7676767676767676L)) & 0x8080808080808080L) != 0
        || ((time | (time + 0x7676767676767676L)) & 0x8080808080808080L) != 0
        || (date & 0xFF0000FF00000000L) != 0 || (time & 0x0000FF0000FF0000L) != 0) {
      return INVALID; // a byte that is not a digit where one is expected, or another separator
    }
    byte t = s[off + 10];
    int d1 = s[off + 8] - '0';
    int d2 = s[off + 9] - '0';
    if ((t != 'T' && t != 't' && t != ' ') || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
      return INVALID;
    }
    int year = (int) (date & 0xF) * 1000 + (int) (date >>> 8 & 0xF) * 100
        + (int) (date >>> 16 & 0xF) * 10 + (int) (date >>> 24 & 0xF);
    int month = (int) (date >>> 40 & 0xF) * 10 + (int) (date >>> 48 & 0xF);
    int day = d1 * 10 + d2;
    int hour = (int) (time & 0xF) * 10 + (int) (time >>> 8 & 0xF);
    int minute = (int) (time >>> 24 & 0xF) * 10 + (int) (time >>> 32 & 0xF);
    int second = (int) (time >>> 48 & 0xF) * 10 + (int) (time >>> 56 & 0xF);
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23
        || minute > 59 || second > 59) {
      return INVALID;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
  }

  // the epoch day of the first of each month, and its length, for the years [TABLE_FROM,
  // TABLE_TO): those of the default plausible window (ReadContext), where nearly every time lies;
  // a table lookup instead of the divisions of the calendar arithmetic, which C1 does not remove
  private static final int TABLE_FROM = 1900;
  private static final int TABLE_TO = 2200;
  private static final int[] MONTH_START = new int[(TABLE_TO - TABLE_FROM) * 12];
  private static final byte[] MONTH_LENGTH = new byte[MONTH_START.length];

  static {
    for (int y = TABLE_FROM; y < TABLE_TO; y++) {
      for (int m = 1; m <= 12; m++) {
        int k = (y - TABLE_FROM) * 12 + m - 1;
        MONTH_START[k] = (int) computeEpochDay(y, m, 1);
        MONTH_LENGTH[k] = (byte) computeLengthOfMonth(y, m);
      }
    }
  }

  /** The epoch day of a valid date (proleptic Gregorian). */
  static long epochDay(int year, int month, int day) {
    if (year >= TABLE_FROM && year < TABLE_TO) {
      return MONTH_START[(year - TABLE_FROM) * 12 + month - 1] + day - 1;
    }
    return computeEpochDay(year, month, day);
  }

  private static long computeEpochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    int mp = month > 2 ? month - 3 : month + 9;
    long doy = (153L * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
