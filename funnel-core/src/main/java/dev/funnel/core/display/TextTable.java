package dev.funnel.core.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A small immutable table of figures for JShell, terminals, logs and files: a header and rows of
 * {@link Cell}s, rendered for people as aligned text ({@link #render()}: numbers right-aligned,
 * text left-aligned, every figure formatted by {@link Formats}) and for machines as CSV
 * ({@link #csv()}: full-precision values, fractions for shares, empty cells for undefined
 * figures). The same table gives the HTML page its cells ({@link #textRows()}).
 *
 * <p>Cells are {@link Cell}s or plain values ({@link Cell#of}): {@code null} is undefined
 * ({@code -}), a {@code long} a count ({@code 12,345}), a {@code double} a measured value
 * ({@link Formats#number(double)}; NaN and infinities undefined), a {@link java.math.BigDecimal} a
 * money amount ({@code 1,234.50}), anything else its {@code toString()}. {@link #render(int)} cuts
 * to a number of rows and says how many were left out; {@link #render()} prints them all.
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
  private final List<Cell[]> store;
  private final int count;

  private TextTable(List<String> header, boolean[] numeric, List<Cell[]> store, int count) {
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
    List<Cell[]> added = new ArrayList<>(cellRows.size());
    for (Object[] cells : cellRows) {
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            "row has " + cells.length + " cells, the table has " + header.size() + " columns");
      }
      Cell[] row = new Cell[cells.length];
      for (int i = 0; i < cells.length; i++) {
        Cell c = Cell.of(cells[i]);
        row[i] = c;
        num[i] |= c.numeric() || (c.kind() == Cell.Kind.TEXT && c.defined()
            && NUMBER_TEXT.matcher(c.text()).matches());
      }
      added.add(row);
    }
    synchronized (store) {
      if (store.size() == count) {
        store.addAll(added);
        return new TextTable(header, num, store, store.size());
      }
      List<Cell[]> copy = new ArrayList<>(count + added.size());
      copy.addAll(store.subList(0, count));
      copy.addAll(added);
      return new TextTable(header, num, copy, copy.size());
    }
  }

  private Cell[] row(int i) {
    synchronized (store) {
      return store.get(i);
    }
  }

  /**
   * A figure already formatted as text ({@code 51.8%}, {@code +3.6%}, {@code 12,345},
   * {@code 8.19x}, {@code 48%*}) aligns like a number.
   */
  private static final java.util.regex.Pattern NUMBER_TEXT =
      java.util.regex.Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(%|x| pts)?\\*?");

  /** The column names. */
  public List<String> header() {
    return header;
  }

  /** The cells of the rows, in order. */
  public List<List<Cell>> rows() {
    List<List<Cell>> out = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      out.add(List.of(row(r)));
    }
    return out;
  }

  /** Every cell as people read it ({@link Cell#text()}): the rows of an HTML table. */
  public List<List<String>> textRows() {
    List<List<String>> out = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      Cell[] row = row(r);
      List<String> cells = new ArrayList<>(row.length);
      for (Cell c : row) {
        cells.add(c.text());
      }
      out.add(cells);
    }
    return out;
  }

  /**
   * The table as CSV (RFC 4180, {@code ,} between cells, a line break after each row): the header,
   * then each row's {@link Cell#raw()} values, full precision, undefined figures empty. A text
   * cell is quoted when it holds a comma, quote or line break, and a text cell starting with
   * {@code = + - @} gets a leading {@code '} so that a spreadsheet does not run it as a formula.
   */
  public String csv() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < header.size(); i++) {
      b.append(i == 0 ? "" : ",").append(csvText(header.get(i)));
    }
    b.append('\n');
    for (int r = 0; r < count; r++) {
      Cell[] row = row(r);
      for (int i = 0; i < row.length; i++) {
        Cell c = row[i];
        b.append(i == 0 ? "" : ",").append(c.kind() == Cell.Kind.TEXT ? csvText(c.raw()) : c.raw());
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** A text value as one CSV cell: guarded against formulas and quoted when needed. */
  public static String csvText(String s) {
    String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /**
   * A measured value as a table shows it: {@link Formats#number(double)}, the one formatter's
   * convention ({@code -} for NaN and infinities).
   */
  public static String number(double v) {
    return Formats.number(v);
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
    String[][] text = new String[shown][];
    for (int r = 0; r < shown; r++) {
      Cell[] row = row(r);
      text[r] = new String[cols];
      for (int i = 0; i < cols; i++) {
        text[r][i] = row[i].text();
        w[i] = Math.max(w[i], text[r][i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, header.toArray(new String[0]), w);
    for (int i = 0; i < cols; i++) {
      b.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    }
    b.append('\n');
    for (int r = 0; r < shown; r++) {
      line(b, text[r], w);
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
