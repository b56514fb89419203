package dev.funnel.attribution;

import java.util.Arrays;

/**
 * A small open-addressing hash table from non-negative long keys to long values, for the hot loops
 * of the Markov chain builder (no boxing; keys spread by the MurmurHash3 64-bit finaliser, so keys
 * that differ only in their high half do not collide). Not thread-safe.
 */
final class LongTable {
  private static final long EMPTY = -1L;

  private long[] keys;
  private long[] values;
  private int size;

  LongTable(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    values = new long[cap];
    Arrays.fill(keys, EMPTY);
  }

  private static int spread(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return (int) k;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = spread(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The value of {@code key}, or {@code missing}. */
  long get(long key, long missing) {
    int i = slot(key);
    return keys[i] == EMPTY ? missing : values[i];
  }

  /** Sets the value of {@code key}. */
  void put(long key, long value) {
    int i = slot(key);
    if (keys[i] == EMPTY) {
      keys[i] = key;
      size++;
      values[i] = value;
      grow();
    } else {
      values[i] = value;
    }
  }

  /** Adds {@code delta} to the value of {@code key} (absent counts as 0), exactly. */
  void add(long key, long delta) {
    int i = slot(key);
    if (keys[i] == EMPTY) {
      keys[i] = key;
      values[i] = delta;
      size++;
      grow();
    } else {
      values[i] = Math.addExact(values[i], delta);
    }
  }

  int size() {
    return size;
  }

  /** The keys, in no particular order. */
  long[] keys() {
    long[] out = new long[size];
    int k = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        out[k++] = key;
      }
    }
    return out;
  }

  private void grow() {
    if (size * 2 <= keys.length) {
      return;
    }
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int s = slot(oldKeys[i]);
        keys[s] = oldKeys[i];
        values[s] = oldValues[i];
      }
    }
  }
}
