package dev.funnel.core.columnar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The currency of each money row while a dataset is built, until {@link ColumnsBuilder#build}
 * settles one currency: nothing per row while every row names the same currency (the usual
 * export), one byte per row from the first row that names another. Not thread-safe.
 */
final class Currencies {
  private final List<String> codes = new ArrayList<>();
  private byte[] perRow; // code per row, from the first mixed row on; null while one currency
  private int size;

  void add(String currency) {
    int c = codes.indexOf(currency);
    if (c < 0) {
      if (codes.size() == Byte.MAX_VALUE) {
        throw new IllegalArgumentException(
            "more than " + Byte.MAX_VALUE + " currencies in one table");
      }
      codes.add(currency);
      c = codes.size() - 1;
    }
    if (perRow == null && c != 0) {
      perRow = new byte[Math.max(16, size + (size >> 1))];
    }
    if (perRow != null) {
      if (size == perRow.length) {
        perRow = Arrays.copyOf(perRow, size + (size >> 1));
      }
      perRow[size] = (byte) c;
    }
    size++;
  }

  /** Every currency named, in order of first appearance. */
  List<String> named() {
    return codes;
  }

  /** The currency of a row. */
  String of(int row) {
    return codes.get(perRow == null ? 0 : perRow[row]);
  }
}
