package dev.funnel.core.columnar;

import java.util.Arrays;

/** A growable {@code int} array for columns under construction; not thread-safe. */
final class Ints implements Growable {
  private int[] a = new int[16];
  private int size;

  void add(int v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, size + (size >> 1));
    }
    a[size++] = v;
  }

  /** Makes room for {@code n} elements in all (a size hint; never shrinks). */
  @Override
  public void reserve(int n) {
    if (n > a.length) {
      a = Arrays.copyOf(a, n);
    }
  }

  /**
   * Appends every element of {@code other}, each non-negative one through {@code codes} (a part's
   * provisional codes to this builder's: {@link Interner#absorb}); negative ones as they are.
   */
  void addAll(Ints other, int[] codes) {
    int n = other.size;
    reserve(size + n);
    int[] src = other.a;
    int[] dst = a;
    int at = size;
    for (int i = 0; i < n; i++) {
      int c = src[i];
      dst[at + i] = c < 0 ? c : codes[c];
    }
    size += n;
  }

  int get(int i) {
    return a[i];
  }

  int size() {
    return size;
  }

  /** The backing array (length at least {@link #size()}), for in-place rewriting of codes. */
  int[] raw() {
    return a;
  }

  /** Elements in the order {@code perm} (null: as added), trimmed; the builder's array is dropped. */
  int[] take(int[] perm) {
    int[] out = permuted(perm);
    a = null;
    return out;
  }

  /**
   * Elements in the order {@code perm} as dictionary codes of the narrowest width
   * ({@link Codes}); the builder's array is dropped.
   */
  Codes takeCodes(int[] perm, int dictionarySize) {
    Codes c = Codes.permuted(a, size, perm, dictionarySize);
    a = null;
    return c;
  }

  /** Elements in the order {@code perm} (null: as added), trimmed. */
  int[] permuted(int[] perm) {
    if (perm == null) {
      return Arrays.copyOf(a, size);
    }
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = a[perm[i]];
    }
    return out;
  }
}
