package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RowSort#byKey against a brute-force oracle: a stable sort of the row indexes by (key, first
 * long, tie-breaker), on random rows with many ties, rows already in order, and rows in reverse.
 */
class RowSortTest {

  @Test
  void byKeyIsAStableSortByKeyThenTheOrderWithin() {
    Random rnd = new Random(5);
    for (int c = 0; c < 400; c++) {
      int n = rnd.nextInt(200);
      int keys = 1 + rnd.nextInt(12);
      int[] key = new int[n];
      long[] first = new long[n];
      int[] tie = new int[n];
      int shape = rnd.nextInt(3); // 0 random, 1 in order, 2 reversed
      for (int i = 0; i < n; i++) {
        key[i] = shape == 0 ? rnd.nextInt(keys) : shape == 1 ? i * keys / Math.max(n, 1)
            : keys - 1 - i * keys / Math.max(n, 1);
        first[i] = shape == 0 ? rnd.nextInt(5) - 2 : shape == 1 ? i / 3 : -i / 3;
        tie[i] = rnd.nextInt(3);
      }
      RowSort.Order within = (a, b) -> {
        int x = Long.compare(first[a], first[b]);
        return x != 0 ? x : Integer.compare(tie[a], tie[b]);
      };
      Integer[] rows = new Integer[n];
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
      Arrays.sort(rows, Comparator.<Integer>comparingInt(r -> key[r])
          .thenComparingLong(r -> first[r]).thenComparingInt(r -> tie[r]));
      int[] expected = Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
      int[] expectedOffsets = new int[keys + 1];
      for (int k : key) {
        expectedOffsets[k + 1]++;
      }
      for (int k = 0; k < keys; k++) {
        expectedOffsets[k + 1] += expectedOffsets[k];
      }
      for (long[] f : new long[][] {first, null}) {
        int[] offsets = new int[keys + 1];
        assertArrayEquals(expected, RowSort.byKey(key, n, keys, f, within, offsets), "case " + c);
        assertArrayEquals(expectedOffsets, offsets, "case " + c);
      }
    }
  }
}
