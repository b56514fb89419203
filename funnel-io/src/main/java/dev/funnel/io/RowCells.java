package dev.funnel.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current row as seen by a {@link Codec}: cells by the table's column index, whatever the
 * file's column order or format. Reused from row to row.
 *
 * <p>Cells are trimmed; an empty or blank cell is absent (null). In CSV, {@link #text(int)} undoes
 * the writer's spreadsheet-formula guard ({@link CsvText#unguard(String)}).
 */
final class RowCells {
  private String[] cells;
  private final int[] map;
  private final int[] positions;
  private final boolean csv;
  private final String[] extraNames;
  private final int[] extraIndex;
  private Map<String, String> extras;

  private RowCells(int[] map, int[] positions, boolean csv, String[] extraNames, int[] extraIndex) {
    this.map = map;
    this.positions = positions;
    this.csv = csv;
    this.extraNames = extraNames;
    this.extraIndex = extraIndex;
  }

  /** A CSV view: {@code map[col]} is the file column of the table column, -1 when absent. */
  static RowCells csv(int[] map, String[] extraNames, int[] extraIndex) {
    int[] pos = new int[map.length];
    for (int i = 0; i < map.length; i++) {
      pos[i] = map[i] + 1;
    }
    return new RowCells(map, pos, true, extraNames, extraIndex);
  }

  /** An NDJSON view over {@code cells} in table column order; positions filled per row. */
  static RowCells json(String[] cells, int[] positions) {
    int[] map = new int[cells.length];
    for (int i = 0; i < map.length; i++) {
      map[i] = i;
    }
    RowCells r = new RowCells(map, positions, false, null, null);
    r.cells = cells;
    return r;
  }

  void row(String[] cells) {
    this.cells = cells;
    this.extras = null;
  }

  void extras(Map<String, String> extras) {
    this.extras = extras;
  }

  /** The trimmed cell, or null when absent or blank. */
  String raw(int col) {
    int i = map[col];
    if (i < 0) {
      return null;
    }
    String v = cells[i];
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.charAt(0) <= ' ' || v.charAt(v.length() - 1) <= ' ') {
      v = v.strip();
      return v.isEmpty() ? null : v;
    }
    return v;
  }

  /** A text cell: trimmed, with the CSV formula guard removed. */
  String text(int col) {
    String v = raw(col);
    if (csv && v != null && v.charAt(0) == '\'') {
      return CsvText.unguard(v);
    }
    return v;
  }

  /** The cell as it was read, untrimmed, for messages. */
  String value(int col) {
    int i = col < 0 ? -1 : map[col];
    return i < 0 ? null : cells[i];
  }

  /** 1-based position of the column in the row (file column in CSV, key order in NDJSON). */
  int position(int col) {
    return col < 0 ? 0 : positions[col];
  }

  /** Cells of columns the table does not know, by lower-case column name (non-blank only). */
  Map<String, String> extras() {
    if (extras != null) {
      return extras;
    }
    if (extraNames == null || extraNames.length == 0) {
      return Map.of();
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0; k < extraNames.length; k++) {
      String v = cells[extraIndex[k]];
      if (v != null && !v.isBlank()) {
        v = v.strip();
        m.put(extraNames[k], v.charAt(0) == '\'' ? CsvText.unguard(v) : v);
      }
    }
    extras = m;
    return m;
  }
}
