package dev.funnel.core.columnar;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;

/**
 * The memory of a {@link Columns} form: per table the rows, the heap bytes of its primitive row
 * columns and those of its per-key index (the offsets by lead or customer, the creation order of
 * leads), and per dictionary the entries and approximate bytes of its strings.
 *
 * <p>Bytes per row count the row columns only: an index grows with the number of leads or
 * customers, not with the table's rows, and dictionaries are shared between tables; both are
 * reported apart.
 *
 * <p>Array bytes are exact for a 64-bit HotSpot JVM with compressed class pointers (16-byte
 * header, elements, padding to 8 bytes); string bytes assume compact strings. Object headers of the
 * column classes themselves (a few dozen bytes per table) are left out.
 *
 * @param tables       one row per table
 * @param dictionaries one row per dictionary
 */
public record Footprint(List<TableBytes> tables, List<DictionaryBytes> dictionaries)
    implements Tabular {

  public Footprint {
    tables = List.copyOf(tables);
    dictionaries = List.copyOf(dictionaries);
  }

  /**
   * The arrays of one table.
   *
   * @param table the table's file name ({@code stages}, {@code touches}, ...)
   * @param rows  number of rows (lead indexes for {@code leads})
   * @param bytes heap bytes of the table's primitive row columns
   * @param indexBytes heap bytes of its index arrays (offsets per lead or customer; 0 for none)
   */
  public record TableBytes(String table, int rows, long bytes, long indexBytes) {
    /** Bytes of row columns per row; NaN for an empty table. */
    public double bytesPerRow() {
      return rows == 0 ? Double.NaN : (double) bytes / rows;
    }
  }

  /**
   * One dictionary.
   *
   * @param dictionary its name ({@code channels}, {@code owners}, ...)
   * @param entries    distinct values
   * @param bytes      approximate heap bytes of the values and their references
   */
  public record DictionaryBytes(String dictionary, int entries, long bytes) {}

  /**
   * The row of a table.
   *
   * @throws IllegalArgumentException naming the tables when there is none of this name
   */
  public TableBytes table(String name) {
    for (TableBytes t : tables) {
      if (t.table().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "no table '" + name + "' in the footprint; tables: "
            + tables.stream().map(TableBytes::table).toList());
  }

  /** Bytes of all tables' arrays, row columns and indexes. */
  public long tableBytes() {
    return tables.stream().mapToLong(t -> t.bytes() + t.indexBytes()).sum();
  }

  /** Bytes of all dictionaries. */
  public long dictionaryBytes() {
    return dictionaries.stream().mapToLong(DictionaryBytes::bytes).sum();
  }

  @Override
  public String summary() {
    return String.format(
        "Columnar footprint: %,d B arrays, %,d B dictionaries", tableBytes(), dictionaryBytes());
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("part", "name", "rows", "bytes", "bytes/row", "index bytes");
    for (TableBytes b : tables) {
      t = t.plus("table", b.table(), b.rows(), b.bytes(), b.bytesPerRow(), b.indexBytes());
    }
    for (DictionaryBytes d : dictionaries) {
      t = t.plus("dictionary", d.dictionary(), d.entries(), d.bytes(), null, null);
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
