package dev.funnel.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the ISO-8601 timestamps of spec/dataset.md without regular expressions or formatter
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
    int n = s.length();
    if (n < 10) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || s.charAt(4) != '-' || s.charAt(7) != '-'
        || day > lengthOfMonth(year, month)) {
      return null;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nano = 0;
    int p = 10;
    if (n > 10) {
      char t = s.charAt(10);
      if (t != 'T' && t != 't' && t != ' ') {
        return null;
      }
      if (n < 16 || s.charAt(13) != ':') {
        return null;
      }
      hour = digits(s, 11, 2);
      minute = digits(s, 14, 2);
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
        return null;
      }
      p = 16;
      if (p < n && s.charAt(p) == ':') {
        if (n < 19) {
          return null;
        }
        second = digits(s, 17, 2);
        if (second < 0 || second > 59) {
          return null;
        }
        p = 19;
        if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
          p++;
          int start = p;
          while (p < n && p - start < 9 && isDigit(s.charAt(p))) {
            nano = nano * 10 + (s.charAt(p) - '0');
            p++;
          }
          if (p == start) {
            return null;
          }
          for (int k = p - start; k < 9; k++) {
            nano *= 10;
          }
        }
      }
    }
    long local = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    if (p == n) {
      if (fixedOffset != null) {
        return Instant.ofEpochSecond(local - fixedOffset.getTotalSeconds(), nano);
      }
      try {
        return LocalDateTime.of(year, month, day, hour, minute, second, nano).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        return null;
      }
    }
    if (n == 10) {
      return null;
    }
    char z = s.charAt(p);
    if ((z == 'Z' || z == 'z') && p + 1 == n) {
      return Instant.ofEpochSecond(local, nano);
    }
    if (z != '+' && z != '-') {
      return null;
    }
    int oh;
    int om = 0;
    int rest = n - p - 1;
    if (rest == 2) {
      oh = digits(s, p + 1, 2);
    } else if (rest == 4) {
      oh = digits(s, p + 1, 2);
      om = digits(s, p + 3, 2);
    } else if (rest == 5 && s.charAt(p + 3) == ':') {
      oh = digits(s, p + 1, 2);
      om = digits(s, p + 4, 2);
    } else {
      return null;
    }
    if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
      return null;
    }
    int offset = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
    return Instant.ofEpochSecond(local - offset, nano);
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

  private static boolean isDigit(char c) {
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

  private static int lengthOfMonth(int year, int month) {
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
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    int mp = month > 2 ? month - 3 : month + 9;
    long doy = (153L * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
