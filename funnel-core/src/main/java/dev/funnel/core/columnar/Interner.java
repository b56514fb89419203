package dev.funnel.core.columnar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builder-time coding of one kind of text: each distinct text gets a provisional code in order of
 * first arrival (open addressing on the text's UTF-8 bytes, no boxing), and {@link #finish(String)}
 * turns them into a {@link Dictionary} in sorted order with the table that maps provisional to final
 * codes. Null is {@link Dictionary#ABSENT} throughout. Not thread-safe; used by
 * {@link ColumnsBuilder} only.
 *
 * <p>Keys are the UTF-8 bytes of the text, so a reader codes a cell from the bytes it read
 * ({@link #code(byte[], int, int)}) and makes a string only for a text not seen before. Bytes that
 * are not well-formed UTF-8 stand for the text they decode to (with U+FFFD), as a string would:
 * their key is that text's encoding.
 */
final class Interner {
  private String[] values = new String[16];
  private int[] starts = new int[17]; // key c is pool[starts[c], starts[c + 1])
  private long[] words = new long[16]; // key c's first 8 bytes (word()), to compare without the pool
  // true while every key's UTF-8 byte order is its text's String order (no character at or above
  // U+E000, where UTF-8 and UTF-16 orders part): finish() then sorts on 8-byte prefixes
  private boolean bytesInTextOrder = true;
  private byte[] pool = new byte[256];
  private int size;
  // two longs a slot, side by side: tag << 32 | (provisional code + 1), 0 = empty, where the tag
  // is 24 bits of the hash and the key's length (255: longer); then the key's first 8 bytes. A key
  // of up to 8 bytes is found from its slot alone, so a probe touches one cache line.
  private long[] slots = new long[64];
  private int mask = 31; // slots: mask + 1
  private int lastCode = -1; // exports repeat a key on consecutive rows (a lead's stage changes)
  private static final int LOOKAHEAD = 4;
  private static final int LOOKAHEAD_FROM = 1024; // keys

  /**
   * Makes room for about {@code n} keys in all (a size hint: no rehashing on the way there);
   * only while empty.
   */
  void reserve(int n) {
    if (size > 0 || n <= (mask + 1) / 2) {
      return;
    }
    int cap = Integer.highestOneBit(Math.max(n, 8) - 1) << 2; // load at most 1/2
    if (cap <= 0 || cap > 1 << 29) {
      return;
    }
    slots = new long[2 * cap];
    mask = cap - 1;
    values = new String[n + 1];
    starts = new int[n + 2];
    words = new long[n + 1];
  }

  /** The provisional code of a value, assigning the next one when it is new; ABSENT for null. */
  int code(String value) {
    if (value == null) {
      return Dictionary.ABSENT;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    return code(b, 0, b.length, value);
  }

  /** The provisional code of the text of UTF-8 bytes {@code b[off, off+len)}. */
  int code(byte[] b, int off, int len) {
    return code(b, off, len, null);
  }

  private int code(byte[] b, int off, int len, String text) {
    int lc = lastCode;
    long w = word(b, off, len);
    if (lc >= 0 && same(lc, b, off, len, w)) {
      return lc;
    }
    // a table grouped by lead in the order of another (stages after leads) names the keys in
    // the order they were first seen, skipping the leads it has no row of: try the next few codes
    // (adjacent in the pool, so cheap) before hashing
    int c = -1;
    // (only for large dictionaries: a small one's table is in cache, one probe is cheaper)
    int end = size < LOOKAHEAD_FROM ? 0 : Math.min(size, lc + 1 + LOOKAHEAD);
    for (int next = lc + 1; next < end; next++) {
      if (same(next, b, off, len, w)) {
        c = next;
        break;
      }
    }
    if (c < 0) {
      c = lookup(b, off, len, text);
    }
    lastCode = c;
    return c;
  }

  /** Whether key {@code code} is the bytes {@code b[off, off+len)}, whose first 8 are {@code w}. */
  private boolean same(int code, byte[] b, int off, int len, long w) {
    int s = starts[code];
    if (words[code] != w || starts[code + 1] - s != len) {
      return false;
    }
    if (len <= 8) {
      return true;
    }
    if (len > 32) {
      return Arrays.equals(pool, s + 8, s + len, b, off + 8, off + len);
    }
    for (int i = 8; i < len; i++) { // short keys: a loop beats the range checks of Arrays.equals
      if (pool[s + i] != b[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(byte[] b, int off, int len) {
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + b[i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The code of the key, or {@code -1 - slot} of the empty slot where it would go. */
  private int probe(byte[] b, int off, int len, int hash) {
    long tag = tag(hash, len);
    long word = word(b, off, len);
    long[] t = slots;
    int h = hash & mask;
    for (long e; (e = t[2 * h]) != 0; h = (h + 1) & mask) {
      if (e >>> 32 == tag && t[2 * h + 1] == word
          && (len <= 8 || same((int) e - 1, b, off, len, word))) {
        return (int) e - 1;
      }
    }
    return -1 - h;
  }

  private static long tag(int hash, int len) {
    return (hash & 0xFF_FFFFL) | ((long) Math.min(len, 255) << 24);
  }

  private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** The first 8 bytes of a key, little-endian, zero-padded. */
  private static long word(byte[] b, int off, int len) {
    if (len >= 8) {
      return (long) LONG_LE.get(b, off);
    }
    long w = 0;
    for (int i = 0; i < len; i++) {
      w |= (b[off + i] & 0xFFL) << (8 * i);
    }
    return w;
  }

  private int lookup(byte[] b, int off, int len, String text) {
    int hash = hash(b, off, len);
    int c = probe(b, off, len, hash);
    if (c >= 0) {
      return c;
    }
    if (text == null) {
      text = new String(b, off, len, StandardCharsets.UTF_8);
      if (!wellFormedAscii(b, off, len)) {
        byte[] canonical = text.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(canonical, 0, canonical.length, b, off, off + len)) {
          return lookup(canonical, 0, canonical.length, text); // malformed: key by what it reads as
        }
      }
    }
    return insert(b, off, len, hash, -1 - c, text);
  }

  /** Whether every byte of {@code b[off, off+len)} is below {@code limit} (unsigned). */
  private static boolean below(byte[] b, int off, int len, int limit) {
    for (int i = off, end = off + len; i < end; i++) {
      if ((b[i] & 0xFF) >= limit) {
        return false;
      }
    }
    return true;
  }

  private static boolean wellFormedAscii(byte[] b, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private int insert(byte[] b, int off, int len, int hash, int slot, String text) {
    if (size + 1 == starts.length) {
      int cap = size * 2;
      values = Arrays.copyOf(values, cap);
      starts = Arrays.copyOf(starts, cap + 1);
      words = Arrays.copyOf(words, cap);
    }
    if (bytesInTextOrder && !wellFormedAscii(b, off, len)) {
      bytesInTextOrder = below(b, off, len, 0xEE) && text.equals(new String(b, off, len, StandardCharsets.UTF_8));
    }
    int used = starts[size];
    if (used + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(used + len, pool.length * 2));
    }
    System.arraycopy(b, off, pool, used, len);
    starts[size + 1] = used + len;
    values[size] = text;
    long w = word(b, off, len);
    words[size] = w;
    slots[2 * slot] = tag(hash, len) << 32 | ++size;
    slots[2 * slot + 1] = w;
    if (size * 2 > mask) {
      rehash();
    }
    return size - 1;
  }

  // a snapshot: the interner it copies and how many of its keys it copied (their codes are the same)
  private Interner origin;
  private int base;

  /**
   * A copy of this interner as it is now, to code the rows of a part read on another thread: the
   * keys known now keep their codes there, so joining the part back ({@link #absorb}) looks up
   * only the keys it added.
   */
  Interner snapshot() {
    Interner c = new Interner();
    c.values = Arrays.copyOf(values, values.length);
    c.starts = Arrays.copyOf(starts, starts.length);
    c.words = Arrays.copyOf(words, words.length);
    c.bytesInTextOrder = bytesInTextOrder;
    c.pool = Arrays.copyOf(pool, starts[size]);
    c.slots = Arrays.copyOf(slots, slots.length);
    c.mask = mask;
    c.size = size;
    c.lastCode = lastCode;
    c.origin = this;
    c.base = size;
    return c;
  }

  /**
   * This interner's codes of every key of {@code other}, in {@code other}'s code order, assigning
   * codes to keys not seen before (how a part read on another thread joins the whole). The keys
   * of a {@link #snapshot} of this interner that it copied keep their codes.
   */
  int[] absorb(Interner other) {
    int[] map = new int[other.size];
    int known = other.origin == this ? other.base : 0;
    for (int c = 0; c < known; c++) {
      map[c] = c;
    }
    for (int c = known; c < other.size; c++) {
      int s = other.starts[c];
      map[c] = code(other.pool, s, other.starts[c + 1] - s, other.values[c]);
    }
    return map;
  }

  /** The code of {@code other}'s key {@code c} in this interner, or ABSENT when it is not here. */
  int find(Interner other, int c) {
    if (other.origin == this && c < other.base) {
      return c;
    }
    int s = other.starts[c];
    int len = other.starts[c + 1] - s;
    int k = probe(other.pool, s, len, hash(other.pool, s, len));
    return k < 0 ? Dictionary.ABSENT : k;
  }

  /** The provisional code of a value already seen, or ABSENT. */
  int find(String value) {
    if (value == null) {
      return Dictionary.ABSENT;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    int c = probe(b, 0, b.length, hash(b, 0, b.length));
    return c < 0 ? Dictionary.ABSENT : c;
  }

  /** The value of a provisional code. */
  String value(int code) {
    return code == Dictionary.ABSENT ? null : values[code];
  }

  int size() {
    return size;
  }

  private void rehash() {
    int cap = (mask + 1) * 2;
    long[] t = new long[2 * cap];
    int m = cap - 1;
    for (int c = 0; c < size; c++) {
      int s0 = starts[c];
      int len = starts[c + 1] - s0;
      int hash = hash(pool, s0, len);
      int h = hash & m;
      while (t[2 * h] != 0) {
        h = (h + 1) & m;
      }
      t[2 * h] = tag(hash, len) << 32 | (c + 1);
      t[2 * h + 1] = word(pool, s0, len);
    }
    slots = t;
    mask = m;
  }

  /** The dictionary in sorted order and {@link Coded#remap} from provisional to final codes. */
  Coded finish(String name) {
    String[] v = values;
    int[] order;
    if (bytesInTextOrder) {
      // unsigned big-endian prefixes order the keys as their texts do, up to ties of equal prefixes
      long[] prefix = new long[size];
      for (int c = 0; c < size; c++) {
        prefix[c] = Long.reverseBytes(words[c]) ^ Long.MIN_VALUE;
      }
      order = RowSort.byLong(prefix, size, (a, b) -> v[a].compareTo(v[b]));
    } else {
      order = RowSort.all(size, (a, b) -> v[a].compareTo(v[b]));
    }
    String[] sorted = new String[size];
    int[] remap = new int[size];
    for (int i = 0; i < size; i++) {
      sorted[i] = v[order[i]];
      remap[order[i]] = i;
    }
    values = null;
    slots = null;
    pool = null;
    starts = null;
    words = null;
    origin = null;
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
