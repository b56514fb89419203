package dev.funnel.core.columnar;

import dev.funnel.core.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The currency of each money row while a dataset is built, until {@link ColumnsBuilder#build}
 * settles one currency: nothing per row while every row names the same currency (the usual
 * export), one byte per row from the first row that names another. A row without an amount
 * names none. Not thread-safe.
 */
final class Currencies {
  private final List<String> codes = new ArrayList<>();
  private byte[] perRow; // code per row, from the first mixed row on; null while one currency
  private int size;

  /**
   * Appends a row's currency; null for a row without an amount, which keeps no currency (its
   * {@link #of} is then any code: callers skip absent amounts).
   */
  void add(String currency) {
    if (currency == null) {
      if (perRow != null) {
        if (size == perRow.length) {
          perRow = Arrays.copyOf(perRow, size + (size >> 1));
        }
        perRow[size] = 0;
      }
      size++;
      return;
    }
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

  /** Whether every row so far names the same currency (or there is no row). */
  boolean single() {
    return perRow == null;
  }

  /** Every currency named, in order of first appearance. */
  List<String> named() {
    return codes;
  }

  /** The currency of a row ({@code XXX} while no row named one). */
  String of(int row) {
    return codes.isEmpty() ? Money.UNSPECIFIED : codes.get(perRow == null ? 0 : perRow[row]);
  }
}
