package dev.funnel.io;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.quality.TableRead;
import java.util.List;

/**
 * All rows of one table read into memory, with what the read accepted and rejected.
 *
 * @param rows the accepted rows in file order
 * @param read the counts of the read
 * @param <T>  the row record
 */
public record TableRows<T>(List<T> rows, TableRead read) implements Tabular {

  public TableRows {
    rows = List.copyOf(rows);
  }

  @Override
  public String summary() {
    return read.table().fileName() + ": " + rows.size() + " rows, " + read.rejected() + " rejected";
  }

  @Override
  public TextTable table() {
    return table(rows.size());
  }

  private TextTable table(int limit) {
    TextTable t = TextTable.of("#", "row");
    for (int i = 0; i < Math.min(limit, rows.size()); i++) {
      t = t.plus(i + 1, rows.get(i));
    }
    return t;
  }

  /**
   * The summary and the first {@link Tabular#PREVIEW_ROWS} rows, as {@link Tabular#preview}
   * shows them, built without tabulating every row (a table may have millions).
   */
  @Override
  public String toString() {
    String s = summary() + "\n" + table(PREVIEW_ROWS).render();
    if (rows.size() > PREVIEW_ROWS) {
      s += "... " + (rows.size() - PREVIEW_ROWS) + " more rows; print() shows all\n";
    }
    return s;
  }
}
