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
   * {@code within}; {@code offsets} (length {@code keys + 1}) receives each key's range.
   */
  static int[] byKey(int[] key, int n, int keys, Order within, int[] offsets) {
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
    for (int k = 0; k < keys; k++) {
      int from = offsets[k];
      int to = offsets[k + 1];
      if (to - from > 1 && !ordered(perm, from, to, within)) {
        if (tmp == null || tmp.length < to - from) {
          tmp = new int[Math.max(to - from, 64)];
        }
        sort(perm, from, to, within, tmp);
      }
    }
    return perm;
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
