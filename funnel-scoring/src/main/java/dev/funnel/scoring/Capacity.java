package dev.funnel.scoring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many worklist actions each owner can take in a day, for the capacity-aware worklist
 * ({@link Worklist}): a capacity for every owner, capacities of named owners, or (the default)
 * each owner's own pace measured from the data.
 *
 * <p>The pace from the data: the owner's sales activities in the {@link #window} before the
 * instant divided by the days of that window on which the owner logged at least one (days in the
 * dataset zone), rounded to the nearest whole number, at least 1: what the owner does on a working
 * day. An owner without an activity in the window gets the median of the measured owners'
 * capacities; with no owner measured (no activities table, or none in the window) the capacity is
 * unknown and not applied.
 *
 * @param perDay  the capacity of every owner not named in {@code byOwner}; 0 = measured from the
 *                data
 * @param byOwner capacities of named owners (owner names as the data spells them)
 * @param window  how far back the pace is measured
 */
public record Capacity(int perDay, Map<String, Integer> byOwner, Duration window) {

  /** The default measuring window: 28 days (four weeks of any working pattern). */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(28);
  /** The columns of a capacity file. */
  public static final List<String> HEADER = List.of("owner", "capacity");

  /**
   * @throws IllegalArgumentException when a capacity is negative (or 0 for a named owner), or the
   *     window is not positive
   */
  public Capacity {
    if (perDay < 0) {
      throw new IllegalArgumentException("a capacity is a number of actions a day >= 1 (0: from the"
          + " data), got " + perDay);
    }
    Map<String, Integer> m = new TreeMap<>();
    for (Map.Entry<String, Integer> e : byOwner.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException("a capacity names its owner");
      }
      if (e.getValue() == null || e.getValue() < 1) {
        throw new IllegalArgumentException("the capacity of " + e.getKey()
            + " must be a number of actions a day >= 1, got " + e.getValue());
      }
      m.put(e.getKey().trim(), e.getValue());
    }
    byOwner = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the capacity window must be a positive duration, got "
          + window);
    }
  }

  /** Every owner's pace measured from the data (the default). */
  public static Capacity fromData() {
    return new Capacity(0, Map.of(), DEFAULT_WINDOW);
  }

  /**
   * The same capacity for every owner.
   *
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public static Capacity perDay(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a capacity is a number of actions a day >= 1, got " + n);
    }
    return new Capacity(n, Map.of(), DEFAULT_WINDOW);
  }

  /** This capacity with {@code owner}'s set to {@code n} a day. */
  public Capacity owner(String owner, int n) {
    Map<String, Integer> m = new LinkedHashMap<>(byOwner);
    m.put(owner, n);
    return new Capacity(perDay, m, window);
  }

  /** This capacity measuring the pace over another window. */
  public Capacity window(Duration w) {
    return new Capacity(perDay, byOwner, w);
  }

  /**
   * Reads a capacity file, {@code owner,capacity} with a whole number of actions a day per owner,
   * onto this capacity (the file's owners override; owners not in it keep this capacity). Read like
   * a rule file: header in any case, comma, {@code ;} or tab, quoting within a line, {@code #}
   * comments; an owner listed twice is refused.
   *
   * @param text   the file's text
   * @param source the file name, for messages
   * @throws RuleFileException naming source, line, column and reason of the first problem
   */
  public Capacity parse(String text, String source) {
    String src = source == null ? "capacities" : source;
    CsvLines.File file = CsvLines.read(text, src, HEADER, "capacity file");
    Map<String, Integer> m = new LinkedHashMap<>(byOwner);
    Map<String, Integer> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (CsvLines.Line l : file.lines()) {
      String owner = l.fields().get(0).trim();
      if (owner.isEmpty()) {
        throw new RuleFileException(src, l.number(), 1, "the owner is empty");
      }
      Integer before = seen.put(owner, l.number());
      if (before != null) {
        throw new RuleFileException(src, l.number(), 1, "owner '" + owner + "' is listed twice"
            + " (also on line " + before + ")");
      }
      String v = l.fields().get(1).trim();
      int n;
      try {
        n = Integer.parseInt(v);
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1) {
        throw new RuleFileException(src, l.number(), 2, "the capacity must be a whole number of"
            + " actions a day >= 1, got '" + v + "'");
      }
      m.put(owner, n);
    }
    if (file.lines().isEmpty()) {
      throw new RuleFileException(src, file.lastLine(), 0, "the capacity file has a header and no"
          + " owners");
    }
    return new Capacity(perDay, m, window);
  }

  /** What this capacity is, for people: {@code from the data (28 days)}, {@code 8 a day}. */
  public String label() {
    String base = perDay == 0 ? String.format(Locale.ROOT, "measured from the data (%d days)",
        window.toDays()) : perDay + " a day";
    return byOwner.isEmpty() ? base : base + ", " + byOwner.size() + " owners given";
  }
}
