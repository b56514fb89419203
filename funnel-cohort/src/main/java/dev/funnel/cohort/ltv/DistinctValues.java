package dev.funnel.cohort.ltv;

import java.util.Arrays;

/**
 * Numbers the distinct values of a large array of doubles in ascending order, in linear time: an
 * open-addressing hash set on the bit patterns finds the distinct values, only those are sorted.
 * Used to compress millions of customers whose ages take a few hundred distinct values.
 */
final class DistinctValues {

  /** The distinct values, ascending. */
  final double[] values;

  /** For each input position, the number of its value in {@link #values}. */
  final int[] index;

  DistinctValues(double[] data) {
    int capacity = Integer.highestOneBit(Math.max(16, data.length) * 2 - 1) << 1;
    long[] keys = new long[capacity];
    int[] slotId = new int[capacity];
    Arrays.fill(slotId, -1);
    int mask = capacity - 1;
    int[] firstId = new int[data.length];
    double[] found = new double[Math.min(data.length, 1 << 16)];
    int count = 0;
    for (int i = 0; i < data.length; i++) {
      long bits = Double.doubleToLongBits(data[i] + 0.0); // -0.0 and 0.0 are one value
      int h = (int) (bits ^ (bits >>> 32)) * 0x9E3779B9;
      int slot = (h ^ (h >>> 16)) & mask;
      while (slotId[slot] >= 0 && keys[slot] != bits) {
        slot = (slot + 1) & mask;
      }
      if (slotId[slot] < 0) {
        keys[slot] = bits;
        slotId[slot] = count;
        if (count == found.length) {
          found = Arrays.copyOf(found, Math.min(data.length, found.length * 2));
        }
        found[count++] = data[i] + 0.0;
      }
      firstId[i] = slotId[slot];
    }
    // renumber in ascending order of value
    double[] sorted = Arrays.copyOf(found, count);
    Arrays.sort(sorted);
    int[] rank = new int[count];
    for (int id = 0; id < count; id++) {
      rank[id] = Arrays.binarySearch(sorted, found[id]);
    }
    for (int i = 0; i < data.length; i++) {
      firstId[i] = rank[firstId[i]];
    }
    this.values = sorted;
    this.index = firstId;
  }
}
