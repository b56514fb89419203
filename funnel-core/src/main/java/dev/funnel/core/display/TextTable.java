package dev.funnel.core.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A small immutable text table for JShell, terminals and logs: a header, rows of cells, numbers
 * (and shares formatted as {@code 12.5%}) right-aligned and text left-aligned.
 *
 * <p>Cells are formatted once, when the row is added: {@code null} prints as {@code -}, doubles
 * with {@link #number(double)} ({@code NaN} and infinities as {@code -}), everything else with
 * {@code toString()}. {@link #render(int)} cuts to a number of rows and says how many were left
 * out; {@link #render()} prints them all.
 */
public final class TextTable {

  private final List<String> header;
  private final boolean[] numeric;
  /**
   * Rows, shared with the tables this one was built from and those built from it: a table sees
   * the first {@code count} rows; {@link #plusAll} appends in place when this table is the latest
   * one on the store and copies otherwise, so adding rows one by one stays linear. Every access
   * holds the store's lock.
   */
  private final List<String[]> store;
  private final int count;

  private TextTable(List<String> header, boolean[] numeric, List<String[]> store, int count) {
    this.header = header;
    this.numeric = numeric;
    this.store = store;
    this.count = count;
  }

  /** A table with these column names and no rows. */
  public static TextTable of(String... columns) {
    return new TextTable(List.of(columns), new boolean[columns.length], new ArrayList<>(), 0);
  }

  /**
   * This table plus one row.
   *
   * @throws IllegalArgumentException when the number of cells differs from the header's
   */
  public TextTable plus(Object... cells) {
    return plusAll(Collections.singletonList(cells));
  }

  /**
   * This table plus many rows.
   *
   * @throws IllegalArgumentException when a row's number of cells differs from the header's
   */
  public TextTable plusAll(List<Object[]> cellRows) {
    boolean[] num = Arrays.copyOf(numeric, numeric.length);
    List<String[]> added = new ArrayList<>(cellRows.size());
    for (Object[] cells : cellRows) {
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            "row has " + cells.length + " cells, the table has " + header.size() + " columns");
      }
      String[] text = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        Object c = cells[i];
        if (c instanceof Number n) {
          num[i] = true;
          text[i] = c instanceof Double || c instanceof Float ? number(n.doubleValue()) : format(n);
        } else {
          text[i] = c == null ? "-" : c.toString();
          num[i] |= c instanceof String t && PERCENT.matcher(t).matches();
        }
      }
      added.add(text);
    }
    synchronized (store) {
      if (store.size() == count) {
        store.addAll(added);
        return new TextTable(header, num, store, store.size());
      }
      List<String[]> copy = new ArrayList<>(count + added.size());
      copy.addAll(store.subList(0, count));
      copy.addAll(added);
      return new TextTable(header, num, copy, copy.size());
    }
  }

  private String[] row(int i) {
    synchronized (store) {
      return store.get(i);
    }
  }

  /** A share already formatted as text ({@code 51.8%}, {@code +3.6%}) aligns like a number. */
  private static final java.util.regex.Pattern PERCENT =
      java.util.regex.Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?%");

  private static String format(Number n) {
    if (n instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    return n.toString();
  }

  /**
   * A double for display: up to four significant decimals, no exponent for ordinary magnitudes,
   * {@code -} for NaN and infinities (undefined ratios).
   */
  public static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e12 || a < 1e-4)) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    if (v == Math.rint(v) && a < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    String s = String.format(Locale.ROOT, a >= 100 ? "%.2f" : "%.4f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Number of rows. */
  public int size() {
    return count;
  }

  /** The whole table. */
  public String render() {
    return render(Integer.MAX_VALUE);
  }

  /** At most {@code maxRows} rows, then a line saying how many more there are. */
  public String render(int maxRows) {
    int cols = header.size();
    int[] w = new int[cols];
    int shown = Math.min(maxRows, count);
    for (int i = 0; i < cols; i++) {
      w[i] = header.get(i).length();
    }
    for (int r = 0; r < shown; r++) {
      for (int i = 0; i < cols; i++) {
        w[i] = Math.max(w[i], row(r)[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, header.toArray(new String[0]), w);
    for (int i = 0; i < cols; i++) {
      b.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    }
    b.append('\n');
    for (int r = 0; r < shown; r++) {
      line(b, row(r), w);
    }
    if (shown < count) {
      b.append("... ").append(count - shown).append(" more rows; print() shows all\n");
    }
    return b.toString();
  }

  private void line(StringBuilder b, String[] cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        l.append("  ");
      }
      String c = cells[i];
      String pad = " ".repeat(w[i] - c.length());
      l.append(numeric[i] ? pad + c : c + pad);
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  @Override
  public String toString() {
    return render(20);
  }
}
