package dev.funnel.core.columnar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A column of free text that is (nearly) unique per row, such as payment ids, where a dictionary
 * would cost a String object per row: the UTF-8 bytes of all rows in one array with an end offset
 * per row (about the text's length plus 4 bytes a row); absent values cost nothing when every row
 * is absent. Immutable and thread-safe.
 */
final class TextColumn {
  private final byte[] bytes;
  private final int[] ends;
  private final BitSet absent;
  private final int size;

  private TextColumn(byte[] bytes, int[] ends, BitSet absent, int size) {
    this.bytes = bytes;
    this.ends = ends;
    this.absent = absent;
    this.size = size;
  }

  int size() {
    return size;
  }

  /** The row's text, null when absent. */
  String get(int row) {
    java.util.Objects.checkIndex(row, size);
    if (ends == null || absent.get(row)) {
      return null;
    }
    int from = row == 0 ? 0 : ends[row - 1];
    return new String(bytes, from, ends[row] - from, StandardCharsets.UTF_8);
  }

  /** The backing arrays, for byte accounting. */
  Object[] arrays() {
    return ends == null ? new Object[0] : new Object[] {bytes, ends};
  }

  /**
   * Collects text row by row; not thread-safe. While every row is absent (a column the file does
   * not have, or one left out) nothing is kept per row but the count: the offsets and the absent
   * marks are made at the first value.
   */
  static final class Builder implements Growable {
    private byte[] bytes = new byte[64];
    private int used;
    private int[] ends = new int[16];
    private final BitSet absent = new BitSet();
    private int size;
    private boolean any;
    private int hint;

    /**
     * Makes room for {@code n} values in all (a hint); the offsets and text bytes are sized at the
     * first value, so a column that stays absent costs nothing per row.
     */
    @Override
    public void reserve(int n) {
      if (any && n > ends.length) {
        ends = Arrays.copyOf(ends, n);
      }
      hint = Math.max(hint, n);
    }

    /** Makes the offsets and absent marks of the rows so far, all absent, before a first value. */
    private void firstValue() {
      ends = new int[Math.max(Math.max(hint, size + 1), 16)]; // every offset 0: no bytes yet
      absent.set(0, size);
      any = true;
    }

    void add(String s) {
      if (s == null && !any) {
        size++;
        return;
      }
      if (s == null) {
        if (size == ends.length) {
          ends = Arrays.copyOf(ends, size + (size >> 1));
        }
        absent.set(size);
        ends[size++] = used;
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      add(b, 0, b.length);
    }

    /** Appends every row of another builder, in its order. */
    void addAll(Builder other) {
      int n = other.size;
      if (!other.any) { // rows all absent
        if (!any) {
          size += n;
          return;
        }
        if (size + n > ends.length) {
          ends = Arrays.copyOf(ends, Math.max(size + n, ends.length + (ends.length >> 1)));
        }
        Arrays.fill(ends, size, size + n, used);
        absent.set(size, size + n);
        size += n;
        return;
      }
      if (!any) {
        firstValue();
      }
      if (size + n > ends.length) {
        ends = Arrays.copyOf(ends, Math.max(size + n, ends.length + (ends.length >> 1)));
      }
      if (used + other.used > bytes.length) {
        bytes = Arrays.copyOf(bytes, used + other.used);
      }
      System.arraycopy(other.bytes, 0, bytes, used, other.used);
      for (int i = 0; i < n; i++) {
        ends[size + i] = used + other.ends[i];
      }
      for (int r = other.absent.nextSetBit(0); r >= 0 && r < n; r = other.absent.nextSetBit(r + 1)) {
        absent.set(size + r);
      }
      used += other.used;
      size += n;
      any |= other.any;
    }

    /** Appends the text of UTF-8 bytes {@code b[off, off+len)}. */
    void add(byte[] b, int off, int len) {
      if (!any) {
        firstValue();
      }
      if (size == ends.length) {
        ends = Arrays.copyOf(ends, size + (size >> 1));
      }
      if (used == 0 && hint > size) { // the first bytes: sized from the first value's length
        long want = (long) (hint - size) * (len + 2) + used;
        if (want > bytes.length && want < Integer.MAX_VALUE - 8) {
          bytes = Arrays.copyOf(bytes, (int) want);
        }
      }
      if (used + len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(used + len, bytes.length + (bytes.length >> 1)));
      }
      System.arraycopy(b, off, bytes, used, len);
      used += len;
      ends[size++] = used;
    }

    String get(int row) {
      if (!any || absent.get(row)) {
        return null;
      }
      int from = row == 0 ? 0 : ends[row - 1];
      return new String(bytes, from, ends[row] - from, StandardCharsets.UTF_8);
    }

    /** The column in the order {@code perm} (null: as added); the builder is spent afterwards. */
    TextColumn build(int[] perm) {
      TextColumn c = layout(perm);
      bytes = null;
      ends = null;
      return c;
    }

    private TextColumn layout(int[] perm) {
      if (!any) {
        return new TextColumn(null, null, null, size);
      }
      if (perm == null) {
        return new TextColumn(Arrays.copyOf(bytes, used), Arrays.copyOf(ends, size), absent, size);
      }
      byte[] b = new byte[used];
      int[] e = new int[size];
      BitSet a = new BitSet();
      int at = 0;
      for (int i = 0; i < size; i++) {
        int r = perm[i];
        if (absent.get(r)) {
          a.set(i);
        } else {
          int from = r == 0 ? 0 : ends[r - 1];
          int len = ends[r] - from;
          System.arraycopy(bytes, from, b, at, len);
          at += len;
        }
        e[i] = at;
      }
      return new TextColumn(b, e, a, size);
    }
  }
}
