package dev.funnel.core.columnar;

import java.util.Arrays;

/**
 * Builder-time coding of one kind of text: each distinct string gets a provisional code in order of
 * first arrival (open addressing, no boxing), and {@link #finish(String)} turns them into a
 * {@link Dictionary} in sorted order with the table that maps provisional to final codes. Null is
 * {@link Dictionary#ABSENT} throughout. Not thread-safe; used by {@link ColumnsBuilder} only.
 */
final class Interner {
  private String[] values = new String[16];
  private int[] hashes = new int[16]; // of each value, so probing and rehashing stay in this array
  private int size;
  private int[] slots = new int[32]; // provisional code + 1; 0 = empty
  private int mask = 31;
  private String last; // exports repeat a key on consecutive rows (a lead's stage changes)
  private int lastCode;

  /** The provisional code of a value, assigning the next one when it is new; ABSENT for null. */
  int code(String value) {
    if (value == null) {
      return Dictionary.ABSENT;
    }
    if (value.equals(last)) {
      return lastCode;
    }
    // a table grouped by lead in the order of another (stages after leads) names the keys in
    // the order they were first seen: try the next code before hashing
    int next = lastCode + 1;
    int c = next < size && next > 0 && values[next].equals(value) ? next : lookup(value);
    last = value;
    lastCode = c;
    return c;
  }

  private int lookup(String value) {
    int hash = mix(value.hashCode());
    int h = hash & mask;
    while (true) {
      int s = slots[h];
      if (s == 0) {
        break;
      }
      if (hashes[s - 1] == hash && values[s - 1].equals(value)) {
        return s - 1;
      }
      h = (h + 1) & mask;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    values[size] = value;
    hashes[size] = hash;
    slots[h] = ++size;
    if (size * 2 > mask) {
      rehash();
    }
    return size - 1;
  }

  /** The provisional code of a value already seen, or ABSENT. */
  int find(String value) {
    if (value == null) {
      return Dictionary.ABSENT;
    }
    int hash = mix(value.hashCode());
    int h = hash & mask;
    for (int s; (s = slots[h]) != 0; h = (h + 1) & mask) {
      if (hashes[s - 1] == hash && values[s - 1].equals(value)) {
        return s - 1;
      }
    }
    return Dictionary.ABSENT;
  }

  /** The value of a provisional code. */
  String value(int code) {
    return code == Dictionary.ABSENT ? null : values[code];
  }

  int size() {
    return size;
  }

  private void rehash() {
    int cap = slots.length * 2;
    int[] s = new int[cap];
    int m = cap - 1;
    for (int c = 0; c < size; c++) {
      int h = hashes[c] & m;
      while (s[h] != 0) {
        h = (h + 1) & m;
      }
      s[h] = c + 1;
    }
    slots = s;
    mask = m;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The dictionary in sorted order and {@link Coded#remap} from provisional to final codes. */
  Coded finish(String name) {
    String[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int[] remap = new int[size];
    for (int i = 0; i < size; i++) {
      remap[find(sorted[i])] = i;
    }
    values = null;
    hashes = null;
    slots = null;
    last = null;
    return new Coded(Dictionary.sorted(name, sorted), remap);
  }

  /** A finished dictionary and the provisional-to-final code table. */
  static final class Coded {
    final Dictionary dictionary;
    final int[] remap;

    Coded(Dictionary dictionary, int[] remap) {
      this.dictionary = dictionary;
      this.remap = remap;
    }

    /** Final code of a provisional code; ABSENT stays ABSENT. */
    int map(int provisional) {
      return provisional < 0 ? provisional : remap[provisional];
    }

    /** Rewrites provisional codes to final codes in place, for the first {@code n} entries. */
    void mapInPlace(int[] codes, int n) {
      for (int i = 0; i < n; i++) {
        int c = codes[i];
        if (c >= 0) {
          codes[i] = remap[c];
        }
      }
    }
  }
}
