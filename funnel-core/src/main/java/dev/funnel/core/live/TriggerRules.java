package dev.funnel.core.live;

import dev.funnel.core.sla.BusinessCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule set as data: a CSV table of {@link TriggerRule}s, one rule a row, that a CRM
 * administrator edits in a spreadsheet and a host loads at start ({@code read}), or writes from
 * rules built in Java ({@code write}). Reading the table a set was written to gives the same
 * rules, and so the same firings.
 *
 * <p>The table (RFC 4180: UTF-8, a leading BOM accepted, comma-separated, a header row, fields
 * with commas, quotes or line breaks quoted, quotes doubled; blank lines skipped): header names
 * are case-insensitive and in any order; {@code name}, {@code kind} and {@code action} are
 * required; an empty cell is an absent value. Columns:
 * <ul>
 *   <li>{@code name}: unique within the set; {@code action}: the suggested action, not empty;
 *   <li>{@code kind}, with its parameters (required unless marked optional; a parameter another
 *       kind takes is an error, not silently ignored):
 *     <ul>
 *       <li>{@code first_response}: {@code stage}, {@code within}; optional {@code hours}
 *           ({@code 09:00-18:00}: working hours, measured on a {@link BusinessCalendar} in the
 *           funnel's zone; absent: real time), with {@code hours} also optional {@code days}
 *           (working days, {@code mon-fri} by default, a range or names separated by blanks)
 *           and {@code holidays} (dates separated by blanks);
 *       <li>{@code stale}: {@code idle};
 *       <li>{@code entered_stage}: {@code stage}; optional {@code reason};
 *       <li>{@code touch_burst}: {@code count}, {@code within}; optional {@code match} (campaign
 *           or touch kind);
 *       <li>{@code payment_after_churn}: {@code gap}.
 *     </ul>
 * </ul>
 * Durations are {@code 30d}, {@code 48h}, {@code 90m}, {@code 45s} or ISO-8601 ({@code PT4H}), as
 * the command line's options take them; stage names are checked against the funnel's catalog
 * when the funnel is built ({@link LiveFunnel.Builder#build()}).
 *
 * <p>Every problem is an {@link IllegalArgumentException} naming the source, the line, the rule
 * and the column: {@code rules.csv:4: rule 'stale-3d', column idle: '3 days' is not a duration
 * (use 30d, 48h, 90m, 45s or ISO-8601 such as PT1H)}.
 */
public final class TriggerRules {
  private TriggerRules() {}

  /** The columns, in the order {@link #write} writes them. */
  public static final List<String> COLUMNS = List.of("name", "kind", "stage", "reason", "within",
      "idle", "count", "match", "gap", "hours", "days", "holidays", "action");

  private static final Map<String, Class<? extends TriggerRule>> KINDS = new LinkedHashMap<>();
  /** The parameter columns each kind takes (besides name, kind and action). */
  private static final Map<String, Set<String>> TAKES = new HashMap<>();

  static {
    kind("first_response", TriggerRule.FirstResponse.class, "stage", "within", "hours", "days",
        "holidays");
    kind("stale", TriggerRule.Stale.class, "idle");
    kind("entered_stage", TriggerRule.EnteredStage.class, "stage", "reason");
    kind("touch_burst", TriggerRule.TouchBurst.class, "count", "within", "match");
    kind("payment_after_churn", TriggerRule.PaymentAfterChurn.class, "gap");
  }

  private static void kind(String name, Class<? extends TriggerRule> type, String... takes) {
    KINDS.put(name, type);
    TAKES.put(name, Set.of(takes));
  }

  /** The kind's name in a rule table: {@code first_response}, {@code stale}, ... */
  public static String kindOf(TriggerRule rule) {
    for (Map.Entry<String, Class<? extends TriggerRule>> e : KINDS.entrySet()) {
      if (e.getValue().isInstance(rule)) {
        return e.getKey();
      }
    }
    throw new AssertionError(rule.getClass());
  }

  /**
   * The rules of a table file (UTF-8).
   *
   * @param file the table
   * @param zone the zone of the working hours ({@code hours}): the funnel's
   * @throws IllegalArgumentException when the file is missing, not UTF-8 or not a valid table
   * @throws UncheckedIOException     when it cannot be read
   */
  public static List<TriggerRule> read(Path file, ZoneId zone) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("rule table " + file + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rule table " + file, e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("rule table " + file + " is not UTF-8 text");
    }
    return parse(text, file.getFileName().toString(), zone);
  }

  /**
   * The rules of a table's text.
   *
   * @param text   the table
   * @param source the name errors give the table (a file name)
   * @param zone   the zone of the working hours ({@code hours}): the funnel's
   * @throws IllegalArgumentException when the table is not valid, naming line, rule and column
   */
  public static List<TriggerRule> parse(String text, String source, ZoneId zone) {
    if (text == null || source == null || zone == null) {
      throw new IllegalArgumentException("text, source and zone are required");
    }
    List<Record> records = CsvRecords.split(text, source);
    if (records.isEmpty()) {
      throw new IllegalArgumentException(source + ": empty; a rule table needs a header row "
          + "(" + String.join(",", COLUMNS) + ")");
    }
    Record head = records.get(0);
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < head.cells().size(); i++) {
      String h = head.cells().get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(h)) {
        throw new IllegalArgumentException(source + ":" + head.line() + ": unknown column '"
            + head.cells().get(i) + "'; a rule table has " + COLUMNS);
      }
      if (at.put(h, i) != null) {
        throw new IllegalArgumentException(source + ":" + head.line() + ": column " + h
            + " appears twice in the header");
      }
    }
    for (String required : List.of("name", "kind", "action")) {
      if (!at.containsKey(required)) {
        throw new IllegalArgumentException(source + ":" + head.line() + ": the header has no "
            + "column " + required + " (required); it has " + head.cells());
      }
    }
    List<TriggerRule> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (Record r : records.subList(1, records.size())) {
      if (r.cells().size() != head.cells().size()) {
        throw new IllegalArgumentException(source + ":" + r.line() + ": the row has "
            + r.cells().size() + " cells, the header " + head.cells().size());
      }
      Map<String, String> cells = new HashMap<>();
      at.forEach((col, i) -> {
        String v = r.cells().get(i).strip();
        if (!v.isEmpty()) {
          cells.put(col, v);
        }
      });
      Row row = new Row(source, r.line(), cells);
      TriggerRule rule = row.rule(zone);
      Integer first = names.putIfAbsent(rule.name(), r.line());
      if (first != null) {
        throw new IllegalArgumentException(source + ":" + r.line() + ": rule '" + rule.name()
            + "' is named twice (first on line " + first + "); names must be unique");
      }
      out.add(rule);
    }
    return List.copyOf(out);
  }

  /** One row's cells by column, with the place errors name. */
  private record Row(String source, int line, Map<String, String> cells) {

    IllegalArgumentException problem(String column, String message) {
      String name = cells.get("name");
      return new IllegalArgumentException(source + ":" + line
          + (name == null ? "" : ": rule '" + name + "'")
          + (column == null ? "" : ", column " + column) + ": " + message);
    }

    String required(String column, String kind) {
      String v = cells.get(column);
      if (v == null) {
        throw problem(column, "empty; " + (kind == null ? "every rule" : "a " + kind + " rule")
            + " needs one");
      }
      return v;
    }

    TriggerRule rule(ZoneId zone) {
      String name = required("name", null);
      String kind = required("kind", null).toLowerCase(Locale.ROOT).replace('-', '_');
      if (!KINDS.containsKey(kind)) {
        throw problem("kind", "unknown kind '" + cells.get("kind") + "'; the kinds are "
            + KINDS.keySet());
      }
      String action = required("action", null);
      Set<String> takes = TAKES.get(kind);
      for (String col : new TreeSet<>(cells.keySet())) {
        if (!col.equals("name") && !col.equals("kind") && !col.equals("action")
            && !takes.contains(col)) {
          throw problem(col, "a " + kind + " rule takes no " + col + " (it takes "
              + new TreeSet<>(takes) + "); leave the cell empty");
        }
      }
      try {
        return switch (kind) {
          case "first_response" -> new TriggerRule.FirstResponse(name, required("stage", kind),
              duration("within", kind), calendar(zone), action);
          case "stale" -> new TriggerRule.Stale(name, duration("idle", kind), action);
          case "entered_stage" -> new TriggerRule.EnteredStage(name, required("stage", kind),
              cells.get("reason"), action);
          case "touch_burst" -> new TriggerRule.TouchBurst(name, count(kind), cells.get("match"),
              duration("within", kind), action);
          case "payment_after_churn" ->
              new TriggerRule.PaymentAfterChurn(name, duration("gap", kind), action);
          default -> throw new AssertionError(kind);
        };
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
          throw e;
        }
        throw problem(null, e.getMessage());
      }
    }

    private int count(String kind) {
      String v = required("count", kind);
      try {
        int n = Integer.parseInt(v);
        if (n < 1) {
          throw problem("count", "'" + v + "' must be a whole number >= 1");
        }
        return n;
      } catch (NumberFormatException e) {
        throw problem("count", "'" + v + "' is not a whole number");
      }
    }

    private Duration duration(String column, String kind) {
      String v = required(column, kind);
      Duration d = parseDuration(v);
      if (d == null) {
        throw problem(column, "'" + v + "' is not a duration (use 30d, 48h, 90m, 45s or "
            + "ISO-8601 such as PT1H)");
      }
      if (d.isNegative() || d.isZero()) {
        throw problem(column, "'" + v + "' must be a positive duration");
      }
      return d;
    }

    private BusinessCalendar calendar(ZoneId zone) {
      String hours = cells.get("hours");
      if (hours == null) {
        for (String c : List.of("days", "holidays")) {
          if (cells.containsKey(c)) {
            throw problem(c, "applies with working hours only; give hours (e.g. 09:00-18:00)");
          }
        }
        return BusinessCalendar.continuous();
      }
      BusinessCalendar.Builder b = BusinessCalendar.builder().zone(zone);
      String[] parts = hours.split("-");
      try {
        if (parts.length != 2) {
          throw new DateTimeException("two times");
        }
        b.hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
      } catch (DateTimeException e) {
        throw problem("hours", "'" + hours + "' is not opening and closing times such as "
            + "09:00-18:00");
      } catch (IllegalArgumentException e) {
        throw problem("hours", "'" + hours + "': " + e.getMessage());
      }
      String days = cells.get("days");
      if (days != null) {
        b.workingDays(days(days));
      }
      String holidays = cells.get("holidays");
      if (holidays != null) {
        for (String d : holidays.split("[\\s;]+")) {
          try {
            b.holiday(LocalDate.parse(d));
          } catch (DateTimeParseException e) {
            throw problem("holidays", "'" + d + "' is not a date such as 2026-04-03");
          }
        }
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        throw problem("hours", e.getMessage());
      }
    }

    private Set<DayOfWeek> days(String v) {
      Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
      for (String part : v.strip().split("[\\s;]+")) {
        String[] range = part.split("-");
        if (range.length == 2) {
          DayOfWeek a = day(range[0], v);
          DayOfWeek z = day(range[1], v);
          for (DayOfWeek d = a; ; d = d.plus(1)) {
            out.add(d);
            if (d == z) {
              break;
            }
          }
        } else if (range.length == 1) {
          out.add(day(part, v));
        } else {
          throw problem("days", "'" + v + "' is not days such as mon-fri or mon tue wed");
        }
      }
      return out;
    }

    private DayOfWeek day(String s, String whole) {
      String d = s.strip().toUpperCase(Locale.ROOT);
      for (DayOfWeek w : DayOfWeek.values()) {
        if (d.length() >= 3 && w.name().startsWith(d)) {
          return w;
        }
      }
      throw problem("days", "'" + s + "' in '" + whole + "' is not a day (mon, tue, ... sun)");
    }
  }

  /** A duration as the command line takes it, or null when the text is not one. */
  static Duration parseDuration(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("p")) {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      }
      if (s.length() < 2) {
        return null;
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      return switch (s.charAt(s.length() - 1)) {
        case 'd' -> Duration.ofDays(n);
        case 'h' -> Duration.ofHours(n);
        case 'm' -> Duration.ofMinutes(n);
        case 's' -> Duration.ofSeconds(n);
        default -> null;
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /** The shortest text {@link #parseDuration} reads back as {@code d}. */
  static String formatDuration(Duration d) {
    if (d.getNano() != 0) {
      return d.toString();
    }
    long s = d.getSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /**
   * The rules as a table {@link #parse} reads back as the same rules.
   *
   * @param rules the rules, names unique
   * @param zone  the zone the table's working hours are read in: the funnel's
   * @throws IllegalArgumentException when two rules share a name, a first-response calendar is
   *     in another zone than {@code zone} (the table's hours are in the funnel's zone), or a text
   *     would not read back (blank, or with surrounding blanks)
   */
  public static String write(List<TriggerRule> rules, ZoneId zone) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    Set<String> names = new HashSet<>();
    for (TriggerRule r : rules) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("two trigger rules are named " + r.name());
      }
      Map<String, String> c = new HashMap<>();
      c.put("name", r.name());
      c.put("kind", kindOf(r));
      c.put("action", r.action());
      if (r instanceof TriggerRule.FirstResponse f) {
        c.put("stage", f.stage());
        c.put("within", formatDuration(f.within()));
        BusinessCalendar cal = f.calendar();
        if (!cal.isContinuous()) {
          if (!cal.zone().equals(zone)) {
            throw new IllegalArgumentException("rule " + r.name() + ": its working hours are in "
                + cal.zone() + ", the table's in " + zone);
          }
          c.put("hours", cal.opens() + "-" + cal.closes());
          StringBuilder days = new StringBuilder();
          for (DayOfWeek d : new TreeSet<>(cal.workingDays())) {
            days.append(days.length() == 0 ? "" : " ")
                .append(d.name().substring(0, 3).toLowerCase(Locale.ROOT));
          }
          c.put("days", days.toString());
          StringBuilder hol = new StringBuilder();
          for (LocalDate d : new TreeSet<>(cal.holidays())) {
            hol.append(hol.length() == 0 ? "" : " ").append(d);
          }
          c.put("holidays", hol.toString());
        }
      } else if (r instanceof TriggerRule.Stale s) {
        c.put("idle", formatDuration(s.idle()));
      } else if (r instanceof TriggerRule.EnteredStage e) {
        c.put("stage", e.stage());
        c.put("reason", e.reason());
      } else if (r instanceof TriggerRule.TouchBurst t) {
        c.put("count", Integer.toString(t.count()));
        c.put("match", t.match());
        c.put("within", formatDuration(t.within()));
      } else if (r instanceof TriggerRule.PaymentAfterChurn p) {
        c.put("gap", formatDuration(p.gap()));
      }
      for (String col : List.of("name", "action", "stage", "reason", "match")) {
        String v = c.get(col);
        if (v != null && (v.isBlank() || !v.equals(v.strip()))) {
          throw new IllegalArgumentException("rule " + r.name() + ", column " + col + ": '" + v
              + "' would not read back (a table strips blanks; an empty cell is absent)");
        }
      }
      for (int i = 0; i < COLUMNS.size(); i++) {
        out.append(i == 0 ? "" : ",").append(CsvRecords.quote(c.get(COLUMNS.get(i))));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  /** One record of a CSV text: its cells and the line it starts on. */
  record Record(int line, List<String> cells) {}
}
