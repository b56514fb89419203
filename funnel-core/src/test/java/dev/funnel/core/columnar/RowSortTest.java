package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The radix sort on long keys orders rows as a stable comparison sort on the same keys does. */
class RowSortTest {

  /** The oracle: a stable sort of boxed row indexes by key, then ties, then index. */
  private static int[] oracle(long[] key, int[] tie) {
    Integer[] rows = new Integer[key.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    Comparator<Integer> c = Comparator.comparingLong(r -> key[r]);
    if (tie != null) {
      c = c.thenComparingInt(r -> tie[r]);
    }
    Arrays.sort(rows, c); // stable
    return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void byLongAgreesWithAStableComparisonSort() {
    Random rnd = new Random(7);
    for (int round = 0; round < 400; round++) {
      int n = rnd.nextInt(300);
      long[] key = new long[n];
      int[] tie = new int[n];
      int shape = round % 5;
      for (int i = 0; i < n; i++) {
        switch (shape) {
          case 0: key[i] = rnd.nextLong(); break; // every byte varies, negative keys too
          case 1: key[i] = rnd.nextInt(5) - 2; break; // many equal keys around zero
          case 2: key[i] = 1_767_225_600_000L + rnd.nextInt(1 << 30); break; // times of a year
          case 3: key[i] = i; break; // already in order
          default: key[i] = rnd.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE; break;
        }
        tie[i] = rnd.nextInt(3);
      }
      long[] before = key.clone();
      assertArrayEquals(oracle(key, null), RowSort.byLong(key, n, null), "round " + round);
      assertArrayEquals(oracle(key, tie),
          RowSort.byLong(key, n, (a, b) -> Integer.compare(tie[a], tie[b])), "round " + round);
      assertArrayEquals(before, key, "the keys are not modified");
    }
  }
}
