package dev.funnel.benchmarks;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbers one job produced, by name: the common form in which the end-to-end benchmark
 * compares funnel's JSON with the DuckDB peer's output before timing either.
 *
 * <p>A figure's name is its key parts joined by {@code " | "} (for example {@code paid_search |
 * 2026-03 | MQL | count}); its last part names the metric, which decides how it is compared.
 * Values are kept as text: decimal numbers, {@code null} for an undefined ratio, or a label.
 * The peer process prints figures one per line as {@code name TAB value}.
 */
final class EndToEndFigures {

  /** Relative tolerance for figures that are floating-point ratios or fractional credits. */
  static final double RELATIVE = 1e-9;

  /**
   * Metrics computed in floating point on both sides (division, fractional attribution credit):
   * compared within {@link #RELATIVE}. Every other metric (counts, exact money sums, labels) must
   * be equal.
   */
  private static final Set<String> APPROXIMATE = Set.of("credit", "creditValue", "cpl", "cac",
      "romi", "drr", "share", "retention", "cumulativePerCustomer");

  private static final String SEPARATOR = " | ";

  private final SortedMap<String, String> values = new TreeMap<>();

  /** Adds a figure; {@code value} null (JSON null, SQL NULL) is stored as {@code null}. */
  EndToEndFigures put(Object value, Object... key) {
    List<String> parts = new ArrayList<>();
    for (Object k : key) {
      parts.add(String.valueOf(k));
    }
    String name = String.join(SEPARATOR, parts);
    String text = text(value);
    String old = values.put(name, text);
    if (old != null && !old.equals(text)) {
      throw new IllegalStateException("figure " + name + " given twice: " + old + ", " + text);
    }
    return this;
  }

  /** How many figures there are. */
  int size() {
    return values.size();
  }

  /** Writes the figures one per line, {@code name TAB value}. */
  void print(PrintStream out) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      out.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
  }

  /** Reads what {@link #print} wrote. */
  static EndToEndFigures parse(List<String> lines) {
    EndToEndFigures f = new EndToEndFigures();
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException("not a figure line (name TAB value): " + line);
      }
      f.values.put(line.substring(0, tab), line.substring(tab + 1));
    }
    return f;
  }

  /**
   * Every difference between these figures (funnel's) and {@code other} (the peer's): names
   * present on one side only, and values that differ beyond their metric's tolerance. Empty when
   * they agree.
   */
  List<String> differences(EndToEndFigures other) {
    List<String> out = new ArrayList<>();
    Set<String> names = new TreeSet<>(values.keySet());
    names.addAll(other.values.keySet());
    for (String name : names) {
      String a = values.get(name);
      String b = other.values.get(name);
      if (a == null || b == null || !same(metric(name), a, b)) {
        out.add(name + ": funnel " + a + ", peer " + b);
      }
    }
    return out;
  }

  /** The distinct metric names (last key parts), to say which figures were compared. */
  Set<String> metrics() {
    Set<String> out = new TreeSet<>();
    for (String name : values.keySet()) {
      out.add(metric(name));
    }
    return out;
  }

  private static String metric(String name) {
    int at = name.lastIndexOf(SEPARATOR);
    return at < 0 ? name : name.substring(at + SEPARATOR.length());
  }

  private static boolean same(String metric, String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    if (x == null || y == null) {
      return false;
    }
    if (!APPROXIMATE.contains(metric)) {
      return x.compareTo(y) == 0;
    }
    double dx = x.doubleValue();
    double dy = y.doubleValue();
    return Math.abs(dx - dy) <= RELATIVE * Math.max(Math.abs(dx), Math.abs(dy));
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    return value.toString();
  }
}
