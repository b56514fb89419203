package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A table of cells keyed by their coordinates ({@code "group | period | stage | column"}), and the
 * comparison of the library's table with the SQL one that fails with the first differing cell.
 *
 * <p>Equality: integers exactly; decimals exactly ({@link BigDecimal#compareTo}, so 1.5 equals
 * 1.50); doubles within a relative tolerance; null (SQL) and NaN (Java) both mean "undefined" and
 * equal each other. A cell present on one side only is a difference, except that with
 * {@link #dropZeros()} zero counts are absent (a count the SQL side never produces is 0).
 */
final class Cells {

  private final TreeMap<String, Object> cells = new TreeMap<>();

  /** Adds a cell; a key added twice is a bug in the test. */
  Cells put(Object value, Object... key) {
    String k = key(key);
    if (cells.put(k, normal(value)) != null) {
      throw new IllegalStateException("cell added twice: " + k);
    }
    return this;
  }

  /** Each SQL row as cells: the first {@code keys} columns are the key, the rest named columns. */
  static Cells of(List<Object[]> rows, int keys, String... columns) {
    Cells c = new Cells();
    for (Object[] r : rows) {
      if (r.length != keys + columns.length) {
        throw new IllegalStateException("row has " + r.length + " columns, expected "
            + (keys + columns.length));
      }
      for (int i = 0; i < columns.length; i++) {
        Object[] key = new Object[keys + 1];
        System.arraycopy(r, 0, key, 0, keys);
        key[keys] = columns[i];
        c.put(r[keys + i], key);
      }
    }
    return c;
  }

  /** This table without the cells whose value is the integer 0. */
  Cells dropZeros() {
    cells.values().removeIf(v -> v instanceof Long l && l == 0L);
    return this;
  }

  int size() {
    return cells.size();
  }

  Map<String, Object> asMap() {
    return java.util.Collections.unmodifiableMap(cells);
  }

  /**
   * Fails naming the first differing cell (in key order) unless both tables hold the same cells;
   * also fails when the tables are empty (a comparison of nothing proves nothing).
   */
  static void assertSame(String what, Cells library, Cells sql, double relTolerance) {
    assertSame(what, library, sql, relTolerance, 0);
  }

  /**
   * As {@link #assertSame(String, Cells, Cells, double)}, doubles also equal when they differ by
   * at most {@code absTolerance} (for quantities such as 1 - p / q whose relative error grows as
   * they approach 0).
   */
  static void assertSame(String what, Cells library, Cells sql, double relTolerance,
      double absTolerance) {
    if (library.cells.isEmpty() && sql.cells.isEmpty()) {
      fail(what + ": both tables are empty, nothing was compared");
    }
    TreeSet<String> keys = new TreeSet<>(library.cells.keySet());
    keys.addAll(sql.cells.keySet());
    int differing = 0;
    String first = null;
    double worst = 0;
    String worstKey = "";
    for (String k : keys) {
      boolean inLib = library.cells.containsKey(k);
      boolean inSql = sql.cells.containsKey(k);
      Object a = library.cells.get(k);
      Object b = sql.cells.get(k);
      if (inLib && inSql && a instanceof Double x && b instanceof Number y && !undefined(a)
          && !undefined(b) && x != y.doubleValue()) {
        double rel = Math.abs(x - y.doubleValue()) / Math.max(Math.abs(x), Math.abs(y.doubleValue()));
        if (rel > worst) {
          worst = rel;
          worstKey = " at [" + k + "]";
        }
      }
      if (!inLib || !inSql || !same(a, b, relTolerance, absTolerance)) {
        differing++;
        if (first == null) {
          first = "[" + k + "] library=" + (inLib ? show(a) : "(absent)") + " sql="
              + (inSql ? show(b) : "(absent)");
        }
      }
    }
    if (first != null) {
      fail(what + ": " + differing + " of " + keys.size() + " cells differ; first differing cell "
          + first);
    }
    // the report of a passing check: how many cells, and how close the floating-point ones were
    System.out.printf(java.util.Locale.ROOT, "[crosscheck] %s: %d cells equal, max relative difference"
        + " of doubles %.3g%s%n", what, keys.size(), worst, worstKey);
  }

  private static boolean same(Object a, Object b, double tol, double abs) {
    if (undefined(a) || undefined(b)) {
      return undefined(a) && undefined(b);
    }
    if (a instanceof Long x && b instanceof Long y) {
      return x.longValue() == y.longValue();
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof String || b instanceof String) {
      return a.equals(b);
    }
    double x = ((Number) a).doubleValue();
    double y = ((Number) b).doubleValue();
    if (x == y) {
      return true;
    }
    double scale = Math.max(Math.abs(x), Math.abs(y));
    return Math.abs(x - y) <= Math.max(tol * scale, abs);
  }

  private static boolean undefined(Object v) {
    return v == null || (v instanceof Double d && d.isNaN());
  }

  private static Object normal(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }

  private static String show(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double d) {
      return String.format(java.util.Locale.ROOT, "%.17g", d);
    }
    return String.valueOf(v);
  }

  private static String key(Object... parts) {
    StringBuilder s = new StringBuilder();
    for (Object p : parts) {
      if (s.length() > 0) {
        s.append(" | ");
      }
      s.append(p instanceof Long || p instanceof Integer ? String.format("%04d", ((Number) p).longValue())
          : String.valueOf(p));
    }
    return s.toString();
  }
}
