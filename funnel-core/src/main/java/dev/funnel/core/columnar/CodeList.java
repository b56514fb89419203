package dev.funnel.core.columnar;

import java.util.Arrays;

/**
 * A growable column of dictionary codes for a dictionary still being filled: one byte per row
 * while every code fits a byte, widened to two and then four bytes only when a code needs it, so
 * the usual small dictionaries (channels, stages, reasons, owners, products) cost a byte per row
 * while a table is read, not four. {@link Dictionary#ABSENT} (-1) fits every width. Not
 * thread-safe.
 */
final class CodeList implements Growable {
  private byte[] bytes = new byte[16];
  private short[] shorts;
  private int[] ints;
  private int size;
  private int max = -1; // the largest code added: -1 while every code is absent

  int size() {
    return size;
  }

  /** Makes room for {@code n} codes in all (a size hint; never shrinks). */
  @Override
  public void reserve(int n) {
    if (ints != null) {
      if (n > ints.length) {
        ints = Arrays.copyOf(ints, n);
      }
    } else if (shorts != null) {
      if (n > shorts.length) {
        shorts = Arrays.copyOf(shorts, n);
      }
    } else if (n > bytes.length) {
      bytes = Arrays.copyOf(bytes, n);
    }
  }

  void add(int code) {
    int cap = capacity();
    if (size == cap) {
      reserve(Math.max(16, size + (size >> 1)));
    }
    if (code > max) {
      max = code;
      if (ints == null && (code > Short.MAX_VALUE || (shorts == null && code > Byte.MAX_VALUE))) {
        widen(code);
      }
    }
    set(size++, code);
  }

  /**
   * Appends every code of {@code other}, each non-negative one through {@code codes} (a part's
   * provisional codes to this list's: {@link Interner#absorb}; null: as they are), widened once
   * for the largest.
   */
  void addAll(CodeList other, int[] codes) {
    int n = other.size;
    int most = other.max; // the largest code the rows will hold here
    if (codes != null && most >= 0) {
      most = 0;
      for (int k = 0; k <= other.max && k < codes.length; k++) {
        most = Math.max(most, codes[k]);
      }
    }
    reserve(size + n);
    if (most > max) {
      max = most;
      if (ints == null && (most > Short.MAX_VALUE || (shorts == null && most > Byte.MAX_VALUE))) {
        widen(most);
      }
    }
    int at = size;
    if (other.max < 0) { // every row absent
      for (int i = 0; i < n; i++) {
        set(at + i, Dictionary.ABSENT);
      }
    } else if (bytes != null && other.bytes != null) { // the usual small dictionaries
      byte[] src = other.bytes;
      byte[] dst = bytes;
      for (int i = 0; i < n; i++) {
        int c = src[i];
        dst[at + i] = (byte) (c < 0 || codes == null ? c : codes[c]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        int c = other.get(i);
        set(at + i, c < 0 || codes == null ? c : codes[c]);
      }
    }
    size += n;
  }

  private int capacity() {
    return ints != null ? ints.length : shorts != null ? shorts.length : bytes.length;
  }

  private void widen(int code) {
    int cap = capacity();
    if (code > Short.MAX_VALUE) {
      int[] w = new int[cap];
      for (int i = 0; i < size; i++) {
        w[i] = get(i);
      }
      ints = w;
      shorts = null;
    } else {
      short[] w = new short[cap];
      for (int i = 0; i < size; i++) {
        w[i] = (short) get(i);
      }
      shorts = w;
    }
    bytes = null;
  }

  int get(int i) {
    return ints != null ? ints[i] : shorts != null ? shorts[i] : bytes[i];
  }

  private void set(int i, int code) {
    if (ints != null) {
      ints[i] = code;
    } else if (shorts != null) {
      shorts[i] = (short) code;
    } else {
      bytes[i] = (byte) code;
    }
  }

  /**
   * Rewrites provisional codes to final ones in place, first widened to hold every code of the
   * dictionary.
   */
  void map(Interner.Coded dictionary) {
    if (max < 0) {
      return; // every code absent (a column left out, or never given)
    }
    // a final code may not fit the width the provisional codes needed: the dictionary is shared
    // with other columns, and sorting it gives this column's texts codes up to its size
    int most = dictionary.dictionary.size() - 1;
    if (ints == null && (most > Short.MAX_VALUE || (shorts == null && most > Byte.MAX_VALUE))) {
      widen(most);
    }
    max = Math.max(max, most);
    int[] remap = dictionary.remap;
    if (bytes != null) {
      byte[] a = bytes;
      for (int i = 0; i < size; i++) {
        int c = a[i];
        if (c >= 0) {
          a[i] = (byte) remap[c];
        }
      }
    } else {
      for (int i = 0; i < size; i++) {
        int c = get(i);
        if (c >= 0) {
          set(i, remap[c]);
        }
      }
    }
  }

  /**
   * Final codes in the order {@code perm}: {@code dict}'s code of row {@code perm[i]}, ABSENT for
   * a negative entry (no row) or an absent code. One loop per width, no call per row.
   */
  int[] mapped(int[] perm, Interner.Coded dict) {
    int[] out = new int[perm.length];
    int[] remap = dict.remap;
    if (bytes != null) {
      byte[] a = bytes;
      for (int i = 0; i < out.length; i++) {
        int r = perm[i];
        int c = r < 0 ? Dictionary.ABSENT : a[r];
        out[i] = c < 0 ? c : remap[c];
      }
    } else if (shorts != null) {
      short[] a = shorts;
      for (int i = 0; i < out.length; i++) {
        int r = perm[i];
        int c = r < 0 ? Dictionary.ABSENT : a[r];
        out[i] = c < 0 ? c : remap[c];
      }
    } else {
      int[] a = ints;
      for (int i = 0; i < out.length; i++) {
        int r = perm[i];
        int c = r < 0 ? Dictionary.ABSENT : a[r];
        out[i] = c < 0 ? c : remap[c];
      }
    }
    return out;
  }

  /** Drops the codes (after they were read another way). */
  void release() {
    bytes = null;
    shorts = null;
    ints = null;
  }

  /** The codes in the order {@code perm} (null: as added) at the narrowest width; this is spent. */
  Codes take(int[] perm, int dictionarySize) {
    int n = perm == null ? size : perm.length;
    Codes c;
    if (dictionarySize <= Byte.MAX_VALUE) {
      byte[] b;
      if (perm == null && bytes != null) {
        b = Arrays.copyOf(bytes, n);
      } else {
        b = new byte[n];
        for (int i = 0; i < n; i++) {
          b[i] = (byte) get(perm == null ? i : perm[i]);
        }
      }
      c = Codes.ofBytes(b);
    } else {
      int[] x = new int[n];
      for (int i = 0; i < n; i++) {
        x[i] = get(perm == null ? i : perm[i]);
      }
      c = Codes.of(x, dictionarySize);
    }
    bytes = null;
    shorts = null;
    ints = null;
    return c;
  }
}
