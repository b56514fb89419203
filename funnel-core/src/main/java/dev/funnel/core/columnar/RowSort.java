package dev.funnel.core.columnar;

/**
 * Sorting of row indexes on primitive keys, for laying out a table in its canonical order: a
 * stable counting sort by a dense key (the lead or customer code), then each key's rows by a
 * comparison of row indexes ({@link Order}) that reads primitive columns. Linear for rows that
 * arrive in order (the usual export), {@code O(n log g)} otherwise, g the rows per key.
 */
final class RowSort {

  /** A comparison of two row indexes. */
  @FunctionalInterface
  interface Order {
    int compare(int a, int b);
  }

  private RowSort() {}

  /**
   * The rows {@code 0..n-1} ordered by {@code key} (each in {@code 0..keys-1}), then by
   * {@code within}; {@code offsets} (length {@code keys + 1}) receives each key's range. When
   * {@code within} orders rows first by {@code first[row]} (null: no such key is given), a key's
   * rows already in that order are recognized from the longs, and {@code within} is asked only
   * about rows that tie on them.
   */
  static int[] byKey(int[] key, int n, int keys, long[] first, Order within, int[] offsets) {
    for (int i = 0; i < n; i++) {
      offsets[key[i] + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      offsets[k + 1] += offsets[k];
    }
    int[] next = new int[keys];
    System.arraycopy(offsets, 0, next, 0, keys);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[next[key[i]]++] = i;
    }
    next = null;
    int[] tmp = null;
    Order byFirst = first == null ? within : (a, b) -> {
      long x = first[a];
      long y = first[b];
      return x != y ? (x < y ? -1 : 1) : within.compare(a, b);
    };
    for (int k = 0; k < keys; k++) {
      int from = offsets[k];
      int to = offsets[k + 1];
      if (to - from > 1 && !(first != null ? ordered(perm, from, to, first, within)
          : ordered(perm, from, to, within))) {
        if (tmp == null || tmp.length < to - from) {
          tmp = new int[Math.max(to - from, 64)];
        }
        sort(perm, from, to, byFirst, tmp);
      }
    }
    return perm;
  }

  /** {@link #ordered(int[], int, int, Order)} for an order whose first key is {@code first}. */
  private static boolean ordered(int[] p, int from, int to, long[] first, Order o) {
    for (int i = from + 1; i < to; i++) {
      long a = first[p[i - 1]];
      long b = first[p[i]];
      if (a > b || (a == b && o.compare(p[i - 1], p[i]) > 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Null when {@code perm} leaves every row where it is (an export already in the table's order),
   * so that laying out copies the columns whole instead of gathering row by row (the column
   * builders read a null order as the order of arrival); {@code perm} otherwise.
   */
  static int[] unlessIdentity(int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return perm;
      }
    }
    return null;
  }

  /** All rows {@code 0..n-1} in {@code order}. */
  static int[] all(int n, Order order) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    if (!ordered(perm, 0, n, order)) {
      sort(perm, 0, n, order, new int[Math.max(n, 1)]);
    }
    return perm;
  }

  /**
   * The rows {@code 0..n-1} ordered by {@code key[row]} (signed), rows of equal keys then by
   * {@code ties} (null: by row index). A stable least-significant-digit radix sort on the key's
   * bytes, skipping the bytes that all keys share (times of one year vary in 5 of 8), so it
   * reads and writes the arrays in passes instead of chasing a comparator; only runs of equal
   * keys go through {@code ties}.
   */
  static int[] byLong(long[] key, int n, Order ties) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    long and = -1L;
    long or = 0L;
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      and &= key[i];
      or |= key[i];
      if (i > 0 && key[i] < key[i - 1]) {
        sorted = false;
      }
    }
    if (!sorted) {
      long varying = and ^ or; // bits that differ between some keys
      long[] k = java.util.Arrays.copyOf(key, n);
      long[] k2 = new long[n];
      int[] p2 = new int[n];
      int[] count = new int[257];
      for (int shift = 0; shift < 64; shift += 8) {
        if (((varying >>> shift) & 0xFF) == 0) {
          continue;
        }
        java.util.Arrays.fill(count, 0);
        long flip = shift == 56 ? 0x80L : 0L; // the sign byte: negative keys first
        for (int i = 0; i < n; i++) {
          count[(int) (((k[i] >>> shift) & 0xFF) ^ flip) + 1]++;
        }
        for (int d = 0; d < 256; d++) {
          count[d + 1] += count[d];
        }
        for (int i = 0; i < n; i++) {
          int at = count[(int) (((k[i] >>> shift) & 0xFF) ^ flip)]++;
          k2[at] = k[i];
          p2[at] = perm[i];
        }
        long[] tk = k;
        k = k2;
        k2 = tk;
        int[] tp = perm;
        perm = p2;
        p2 = tp;
      }
      key = k;
    }
    if (ties != null) {
      int[] tmp = null;
      for (int from = 0; from < n; ) {
        int to = from + 1;
        while (to < n && key[to] == key[from]) { // key is in sorted order here
          to++;
        }
        if (to - from > 1 && !ordered(perm, from, to, ties)) {
          if (tmp == null || tmp.length < to - from) {
            tmp = new int[Math.max(to - from, 64)];
          }
          sort(perm, from, to, ties, tmp);
        }
        from = to;
      }
    }
    return perm;
  }

  private static boolean ordered(int[] p, int from, int to, Order o) {
    for (int i = from + 1; i < to; i++) {
      if (o.compare(p[i - 1], p[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Stable merge sort of {@code p[from, to)}; {@code tmp} holds at least {@code to - from}. */
  private static void sort(int[] p, int from, int to, Order o, int[] tmp) {
    int n = to - from;
    if (n <= 24) {
      for (int i = from + 1; i < to; i++) {
        int v = p[i];
        int j = i - 1;
        while (j >= from && o.compare(p[j], v) > 0) {
          p[j + 1] = p[j];
          j--;
        }
        p[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(p, from, mid, o, tmp);
    sort(p, mid, to, o, tmp);
    if (o.compare(p[mid - 1], p[mid]) <= 0) {
      return;
    }
    System.arraycopy(p, from, tmp, 0, mid - from);
    int i = 0;
    int iEnd = mid - from;
    int j = mid;
    int k = from;
    while (i < iEnd && j < to) {
      p[k++] = o.compare(p[j], tmp[i]) < 0 ? p[j++] : tmp[i++];
    }
    while (i < iEnd) {
      p[k++] = tmp[i++];
    }
  }
}
