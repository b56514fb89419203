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
    TextTable t = TextTable.of("#", "row");
    for (int i = 0; i < rows.size(); i++) {
      t = t.plus(i + 1, rows.get(i));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
