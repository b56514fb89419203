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
    if (perRow == null && !codes.isEmpty() && codes.get(0) == currency) {
      size++; // the one currency so far, as the same string (a reader's canonical code)
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

  /**
   * Appends the rows of another table's currencies, in order; {@code absent} tells which of its
   * rows have no amount (and so name no currency). While both name at most one currency, and the
   * same one, nothing is done per row.
   */
  void addAll(Currencies other, java.util.function.IntPredicate absent) {
    if (perRow == null && other.perRow == null) {
      if (other.codes.isEmpty()) {
        size += other.size;
        return;
      }
      String c = other.codes.get(0);
      if (codes.isEmpty() || codes.get(0).equals(c)) {
        if (codes.isEmpty()) {
          codes.add(c);
        }
        size += other.size;
        return;
      }
    }
    for (int r = 0; r < other.size; r++) {
      add(absent.test(r) ? null : other.of(r));
    }
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
