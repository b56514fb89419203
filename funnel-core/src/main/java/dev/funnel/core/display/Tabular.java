package dev.funnel.core.display;

/**
 * A result that shows itself as a one-line summary followed by a table.
 *
 * <p>Result records implement it and define {@code toString()} as {@link #preview(Tabular)}: the
 * summary line (kept short, JShell cuts at 80 characters) and the first rows of the table;
 * {@link #print()} writes the whole table to standard output.
 */
public interface Tabular {

  /** Rows shown by {@code toString()}. */
  int PREVIEW_ROWS = 12;

  /** One line that says what the result is and its headline number. */
  String summary();

  /** The whole result as a table. */
  TextTable table();

  /**
   * The whole result as text: the summary line and the whole table, or more (notes, further
   * tables) where a result has more to say. What {@link #print()} writes, and the body of the
   * command line's text output.
   */
  default String text() {
    return summary() + "\n" + table().render();
  }

  /** Prints {@link #text()} to standard output. */
  default void print() {
    System.out.print(text());
  }

  /** The summary line and the first {@link #PREVIEW_ROWS} rows: the body of {@code toString()}. */
  static String preview(Tabular t) {
    return t.summary() + "\n" + t.table().render(PREVIEW_ROWS);
  }
}
