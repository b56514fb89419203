package dev.funnel.core.bridge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The input of a bridge: segments by factors, each cell a base and a current value, for the
 * identity V = sum over segments of the product of that segment's factors.
 *
 * <p>A table is an immutable, mergeable partial state: {@link #empty()}, {@link #plus(FactorRow)}
 * and {@link #merge(FactorTable)}. Cells that meet (same segment and factor) add their base and
 * their current values, so a table can be accumulated from parts whose factor values are sums
 * and counts; merging tables with disjoint segments gives the table of all segments. Ratios
 * (conversion rates, average prices) are not additive: build them after merging the sums and
 * counts they come from.
 *
 * <p>Segments are kept in name order, so the same rows in any order give the same table and the
 * same results; factors keep the order of their first appearance (the order of the effects in a
 * waterfall). Completeness (every segment has every factor) is checked when the table is
 * decomposed, because a partial state may legitimately be incomplete.
 */
public final class FactorTable {

  private static final FactorTable EMPTY = new FactorTable(new TreeMap<>(), List.of());

  /** segment -> factor -> {base, current}; never mutated after construction. */
  private final TreeMap<String, Map<String, double[]>> cells;
  private final List<String> factors;

  private FactorTable(TreeMap<String, Map<String, double[]>> cells, List<String> factors) {
    this.cells = cells;
    this.factors = List.copyOf(factors);
  }

  /** The table with no rows. */
  public static FactorTable empty() {
    return EMPTY;
  }

  /** A table of these rows; rows for the same segment and factor add up. */
  public static FactorTable of(Collection<FactorRow> rows) {
    Objects.requireNonNull(rows, "rows are required");
    TreeMap<String, Map<String, double[]>> cells = new TreeMap<>();
    LinkedHashSet<String> factors = new LinkedHashSet<>();
    for (FactorRow r : rows) {
      add(cells, factors, Objects.requireNonNull(r, "a factor row is null"));
    }
    return new FactorTable(cells, new ArrayList<>(factors));
  }

  /** A table of these rows; rows for the same segment and factor add up. */
  public static FactorTable of(FactorRow... rows) {
    return of(List.of(rows));
  }

  /** This table plus one row (added to the cell when it exists). */
  public FactorTable plus(FactorRow row) {
    Objects.requireNonNull(row, "a factor row is null");
    TreeMap<String, Map<String, double[]>> c = copy(cells);
    LinkedHashSet<String> f = new LinkedHashSet<>(factors);
    add(c, f, row);
    return new FactorTable(c, new ArrayList<>(f));
  }

  /** This table plus one row (added to the cell when it exists). */
  public FactorTable plus(String segment, String factor, double base, double current) {
    return plus(new FactorRow(segment, factor, base, current));
  }

  /**
   * Both tables' cells; cells present in both add up. Factors of this table come first, then the
   * other table's new ones.
   */
  public FactorTable merge(FactorTable other) {
    Objects.requireNonNull(other, "the table to merge is null");
    TreeMap<String, Map<String, double[]>> c = copy(cells);
    LinkedHashSet<String> f = new LinkedHashSet<>(factors);
    for (FactorRow r : other.rows()) {
      add(c, f, r);
    }
    return new FactorTable(c, new ArrayList<>(f));
  }

  private static void add(
      TreeMap<String, Map<String, double[]>> cells, LinkedHashSet<String> factors, FactorRow r) {
    factors.add(r.factor());
    double[] cell = cells.computeIfAbsent(r.segment(), s -> new LinkedHashMap<>())
        .computeIfAbsent(r.factor(), f -> new double[2]);
    double base = cell[0] + r.base();
    double current = cell[1] + r.current();
    if (!Double.isFinite(base) || !Double.isFinite(current)) {
      throw new IllegalArgumentException("factor '" + r.factor() + "' of segment '" + r.segment()
          + "' overflows when added up");
    }
    cell[0] = base;
    cell[1] = current;
  }

  private static TreeMap<String, Map<String, double[]>> copy(
      TreeMap<String, Map<String, double[]>> cells) {
    TreeMap<String, Map<String, double[]>> c = new TreeMap<>();
    cells.forEach((s, m) -> {
      Map<String, double[]> row = new LinkedHashMap<>();
      m.forEach((f, v) -> row.put(f, v.clone()));
      c.put(s, row);
    });
    return c;
  }

  /** Segment names in name order. */
  public List<String> segments() {
    return List.copyOf(cells.keySet());
  }

  /** Factor names in the order of their first appearance. */
  public List<String> factors() {
    return factors;
  }

  /** True when the table has no rows. */
  public boolean isEmpty() {
    return cells.isEmpty();
  }

  /** Base value of a cell, NaN when the table has no such cell. */
  public double base(String segment, String factor) {
    double[] c = cell(segment, factor);
    return c == null ? Double.NaN : c[0];
  }

  /** Current value of a cell, NaN when the table has no such cell. */
  public double current(String segment, String factor) {
    double[] c = cell(segment, factor);
    return c == null ? Double.NaN : c[1];
  }

  private double[] cell(String segment, String factor) {
    Map<String, double[]> m = cells.get(segment == null ? "" : segment.trim());
    return m == null ? null : m.get(factor == null ? null : factor.trim());
  }

  /** The cells as rows: segments in name order, factors in table order. */
  public List<FactorRow> rows() {
    List<FactorRow> out = new ArrayList<>();
    cells.forEach((s, m) -> {
      for (String f : factors) {
        double[] v = m.get(f);
        if (v != null) {
          out.add(new FactorRow(s, f, v[0], v[1]));
        }
      }
    });
    return Collections.unmodifiableList(out);
  }

  /**
   * The table as a dense grid, checked for decomposition. The grid's factors are in name order,
   * so that the arithmetic (and its rounding) does not depend on the order rows arrived in.
   *
   * @throws IllegalArgumentException when the table is empty or a segment lacks a factor
   */
  Grid grid() {
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("the factor table has no rows");
    }
    List<String> segs = segments();
    List<String> names = factors.stream().sorted().toList();
    int n = segs.size();
    int k = names.size();
    double[][] base = new double[n][k];
    double[][] current = new double[n][k];
    for (int i = 0; i < n; i++) {
      Map<String, double[]> m = cells.get(segs.get(i));
      for (int j = 0; j < k; j++) {
        double[] v = m.get(names.get(j));
        if (v == null) {
          throw new IllegalArgumentException("segment '" + segs.get(i) + "' has no value for factor '"
              + names.get(j) + "'; every segment needs every factor");
        }
        base[i][j] = v[0];
        current[i][j] = v[1];
      }
    }
    return new Grid(segs, names, base, current);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FactorTable t && factors.equals(t.factors) && rows().equals(t.rows());
  }

  @Override
  public int hashCode() {
    return rows().hashCode();
  }

  @Override
  public String toString() {
    return "FactorTable[" + cells.size() + " segments x " + factors.size() + " factors "
        + factors + "]";
  }
}
