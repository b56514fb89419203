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
 *
 * <p>Exports usually list ids in order. While every new key has come after the previous one in
 * unsigned byte order ({@code ascending}), the codes are in key order, so a key is found by a
 * galloping search from the last code (a table grouped by lead in the order of another finds each
 * lead a step or two ahead) and a key after the last one is new without a lookup: no hash table is
 * built. The hash table indexes the codes lazily, when a search would have to go far or once the
 * keys stop arriving in order, so a large dictionary read in order costs no random memory access,
 * and {@link #finish} needs no sort when the byte order is also the text order.
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
  private int indexed; // codes [0, indexed) are in slots
  private int expected; // reserve()'s hint, for the first index of many keys
  // true while the keys arrived in strictly increasing unsigned byte order: code order is key order
  private boolean ascending = true;
  private static final int GALLOP_LIMIT = 64; // a search farther than this from the last code is far
  // far searches bisect (a part read from the middle of a file starts far from the last code) until
  // there have been this many; then the keys are read out of order and the hash table answers
  private static final int FAR_SEARCHES = 1024;
  private int farSearches;
  private int lastCode = -1; // exports repeat a key on consecutive rows (a lead's stage changes)
  // once the keys are out of order: the codes of recently seen keys, direct-mapped by their first
  // word and length, asked before the hash table (a column of a few labels, such as channels,
  // finds nearly every key here with one multiply and one comparison)
  private int[] recent = noneRecent();

  /**
   * Makes room for about {@code n} keys in all (a size hint: no rehashing on the way there);
   * only while empty.
   */
  void reserve(int n) {
    if (size > 0 || n <= values.length) {
      return;
    }
    expected = n; // the hash table is sized when it is first needed (see the class comment)
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
    int c;
    if (ascending) {
      c = seek(b, off, len, w, lc);
      if (c == -1 - size) { // after every key: new, without a lookup
        if (text == null && !wellFormedAscii(b, off, len)) {
          c = codeOfDecoded(b, off, len);
        } else {
          c = add(b, off, len, text);
        }
        lastCode = c;
        return c;
      }
      if (c < -1 - size) { // too far to search: the hash table answers
        c = lookup(b, off, len, text);
      } else if (c < 0) { // between keys: from now on the keys are not in order
        ascending = false;
        c = lookup(b, off, len, text);
      }
    } else {
      int slot = recentSlot(w, len);
      int rc = recent[slot];
      if (rc >= 0 && same(rc, b, off, len, w)) {
        lastCode = rc;
        return rc;
      }
      c = lookup(b, off, len, text);
      recent[slot] = c;
    }
    lastCode = c;
    return c;
  }

  private static final int RECENT = 64;

  private static int[] noneRecent() {
    int[] r = new int[RECENT];
    Arrays.fill(r, -1);
    return r;
  }

  /** The slot of {@link #recent} for a key whose first word is {@code w}. */
  private static int recentSlot(long w, int len) {
    return (int) ((w * 0x9E3779B97F4A7C15L) >>> 58) ^ (len & (RECENT - 1));
  }

  /**
   * While {@code ascending}: the code of the key when present; {@code -1 - i} when absent, {@code i}
   * being the code it would take in key order ({@code size}: after every key); below
   * {@code -1 - size} when the key is farther than {@link #GALLOP_LIMIT} codes from {@code lc + 1}
   * and far searches are many (then unknown). Gallops from {@code lc + 1} (a table read in the
   * order of another names the next lead or one a few codes ahead), then bisects.
   */
  private int seek(byte[] b, int off, int len, long w, int lc) {
    int n = size;
    if (n == 0) {
      return -1;
    }
    long key = Long.reverseBytes(w) ^ Long.MIN_VALUE; // signed order of this is unsigned byte order
    int p = Math.min(Math.max(lc + 1, 0), n - 1);
    int cmp = compare(p, b, off, len, key);
    if (cmp == 0) {
      return p;
    }
    int lo;
    int hi;
    if (cmp > 0) { // the key is after p
      lo = p + 1;
      hi = n;
      for (int step = 1; lo < n; step <<= 1) {
        if (step > GALLOP_LIMIT) {
          if (++farSearches > FAR_SEARCHES) {
            return -2 - n;
          }
          break; // bisect [lo, n)
        }
        int q = Math.min(lo + step - 1, n - 1);
        cmp = compare(q, b, off, len, key);
        if (cmp == 0) {
          return q;
        }
        if (cmp < 0) {
          hi = q;
          break;
        }
        lo = q + 1;
      }
    } else { // before p
      lo = 0;
      hi = p;
      for (int step = 1; hi > 0; step <<= 1) {
        if (step > GALLOP_LIMIT) {
          if (++farSearches > FAR_SEARCHES) {
            return -2 - n;
          }
          break; // bisect [0, hi)
        }
        int q = Math.max(hi - step, 0);
        cmp = compare(q, b, off, len, key);
        if (cmp == 0) {
          return q;
        }
        if (cmp > 0) {
          lo = q + 1;
          break;
        }
        hi = q;
      }
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      cmp = compare(mid, b, off, len, key);
      if (cmp == 0) {
        return mid;
      }
      if (cmp > 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return -1 - lo;
  }

  /**
   * The unsigned byte order of the bytes {@code b[off, off+len)} (whose first 8, big-endian with
   * the sign flipped, are {@code key}) against key {@code code}: positive when the bytes come after.
   */
  private int compare(int code, byte[] b, int off, int len, long key) {
    long k = Long.reverseBytes(words[code]) ^ Long.MIN_VALUE;
    if (k != key) {
      return key < k ? -1 : 1;
    }
    int s = starts[code];
    return Arrays.compareUnsigned(b, off, off + len, pool, s, starts[code + 1]);
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
    // the last 8 bytes (overlapping the first when len < 16): with the first word and the length
    // they settle a key of up to 16 bytes without a loop
    if ((long) LONG_LE.get(pool, s + len - 8) != (long) LONG_LE.get(b, off + len - 8)) {
      return false;
    }
    return len <= 16 || Arrays.equals(pool, s + 8, s + len - 8, b, off + 8, off + len - 8);
  }

  /**
   * A hash of the key's bytes, read 8 at a time: the first and last words and the length settle
   * keys of up to 16 bytes (most ids and labels) without a loop over bytes.
   */
  private static int hash(byte[] b, int off, int len) {
    long h;
    if (len < 8) {
      h = word(b, off, len) ^ ((long) len << 59);
    } else {
      h = (long) LONG_LE.get(b, off);
      int i = off + 8;
      for (int end = off + len - 8; i < end; i += 8) { // middle words of a key longer than 16
        h = (h ^ (long) LONG_LE.get(b, i)) * 0x9E3779B97F4A7C15L;
      }
      h = (h ^ Long.rotateLeft((long) LONG_LE.get(b, off + len - 8), 29) ^ len) * 0x9E3779B97F4A7C15L;
    }
    h *= 0xBF58476D1CE4E5B9L; // a 64-bit finalizer (SplitMix64's multipliers)
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 32));
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
    index();
    int hash = hash(b, off, len);
    int at = probe(b, off, len, hash);
    if (at >= 0) {
      return at;
    }
    if (text == null && !wellFormedAscii(b, off, len)) {
      return codeOfDecoded(b, off, len);
    }
    if (ascending && size > 0 && compare(size - 1, b, off, len,
        Long.reverseBytes(word(b, off, len)) ^ Long.MIN_VALUE) <= 0) {
      ascending = false;
    }
    int c = add(b, off, len, text);
    slot(c, hash, -1 - at);
    return c;
  }

  /**
   * The code of bytes that are not plain ASCII: well-formed UTF-8 is its own key; other bytes are
   * keyed by the text they decode to (with U+FFFD), as a string of them would be.
   */
  private int codeOfDecoded(byte[] b, int off, int len) {
    String text = new String(b, off, len, StandardCharsets.UTF_8);
    byte[] canonical = text.getBytes(StandardCharsets.UTF_8);
    if (!Arrays.equals(canonical, 0, canonical.length, b, off, off + len)) {
      return code(canonical, 0, canonical.length, text); // malformed: key by what it reads as
    }
    return code(b, off, len, text);
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

  /** Stores a new key and returns its code; the hash table indexes it later ({@link #index}). */
  private int add(byte[] b, int off, int len, String text) {
    if (text == null) {
      text = new String(b, off, len, StandardCharsets.UTF_8);
    }
    if (size + 1 >= starts.length) {
      int cap = Math.max(16, size * 2);
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
    words[size] = word(b, off, len);
    return size++;
  }

  /** Puts code {@code c}, of hash {@code hash}, in empty slot {@code slot}; grows the table. */
  private void slot(int c, int hash, int slot) {
    int s0 = starts[c];
    slots[2 * slot] = tag(hash, starts[c + 1] - s0) << 32 | (c + 1);
    slots[2 * slot + 1] = words[c];
    indexed = c + 1;
    if (indexed * 2 > mask) {
      rehash((mask + 1) * 2);
    }
  }

  /** Brings the hash table up to date with every key (codes {@code [indexed, size)}). */
  private void index() {
    if (indexed == size) {
      return;
    }
    int need = Math.max(size, Math.min(expected, size * 2));
    if (need * 2 > mask) {
      rehash(Integer.highestOneBit(Math.max(need, 8) - 1) << 2); // load at most 1/2
    }
    for (int c = indexed; c < size; c++) {
      put(slots, mask, c);
    }
    indexed = size;
  }

  /** Puts key {@code c} into table {@code t} of {@code m + 1} slots, at its first empty slot. */
  private void put(long[] t, int m, int c) {
    int s0 = starts[c];
    int len = starts[c + 1] - s0;
    int hash = hash(pool, s0, len);
    int h = hash & m;
    while (t[2 * h] != 0) {
      h = (h + 1) & m;
    }
    t[2 * h] = tag(hash, len) << 32 | (c + 1);
    t[2 * h + 1] = words[c];
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
    c.indexed = indexed;
    c.ascending = ascending;
    c.farSearches = farSearches;
    c.size = size;
    c.lastCode = lastCode;
    c.recent = recent.clone();
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
    return find(other.pool, s, other.starts[c + 1] - s);
  }

  /** The provisional code of a value already seen, or ABSENT. */
  int find(String value) {
    if (value == null) {
      return Dictionary.ABSENT;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    return find(b, 0, b.length);
  }

  private int find(byte[] b, int off, int len) {
    if (ascending) {
      int c = seek(b, off, len, word(b, off, len), lastCode);
      if (c >= -1 - size) {
        return c < 0 ? Dictionary.ABSENT : c;
      }
    }
    index();
    int k = probe(b, off, len, hash(b, off, len));
    return k < 0 ? Dictionary.ABSENT : k;
  }

  /** The value of a provisional code. */
  String value(int code) {
    return code == Dictionary.ABSENT ? null : values[code];
  }

  int size() {
    return size;
  }

  /** Rebuilds the hash table with {@code cap} slots over the indexed codes. */
  private void rehash(int cap) {
    long[] t = new long[2 * cap];
    int m = cap - 1;
    for (int c = 0; c < indexed; c++) {
      put(t, m, c);
    }
    slots = t;
    mask = m;
  }

  /** The dictionary in sorted order and {@link Coded#remap} from provisional to final codes. */
  Coded finish(String name) {
    String[] v = values;
    int[] order;
    if (ascending && bytesInTextOrder) {
      order = new int[size]; // code order is already text order
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
    } else if (bytesInTextOrder) {
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
    recent = null;
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
