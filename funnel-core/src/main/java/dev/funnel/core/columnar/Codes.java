package dev.funnel.core.columnar;

/**
 * A column of dictionary codes stored in the narrowest array that holds them: {@code byte} when the
 * dictionary has at most 127 values, {@code short} up to 32767, {@code int} beyond; {@link
 * Dictionary#ABSENT} (-1) fits every width. Keeps code columns at one or two bytes per row for the
 * usual small dictionaries (channels, owners, reasons) without limiting large ones (customers).
 */
final class Codes {
  private final byte[] bytes;
  private final short[] shorts;
  private final int[] ints;

  private Codes(byte[] bytes, short[] shorts, int[] ints) {
    this.bytes = bytes;
    this.shorts = shorts;
    this.ints = ints;
  }

  /** Codes already packed in bytes (a dictionary of at most 127 values); not copied. */
  static Codes ofBytes(byte[] codes) {
    return new Codes(codes, null, null);
  }

  /** Packs codes of a dictionary of {@code dictionarySize} values. */
  static Codes of(int[] codes, int dictionarySize) {
    if (dictionarySize <= Byte.MAX_VALUE) {
      byte[] b = new byte[codes.length];
      for (int i = 0; i < codes.length; i++) {
        b[i] = (byte) codes[i];
      }
      return new Codes(b, null, null);
    }
    if (dictionarySize <= Short.MAX_VALUE) {
      short[] s = new short[codes.length];
      for (int i = 0; i < codes.length; i++) {
        s[i] = (short) codes[i];
      }
      return new Codes(null, s, null);
    }
    return new Codes(null, null, codes.clone());
  }

  /**
   * Packs {@code codes[perm[i]]} for {@code i < n} (or {@code codes[i]} when {@code perm} is null)
   * straight into the narrowest array, without an intermediate {@code int[]}.
   */
  static Codes permuted(int[] codes, int n, int[] perm, int dictionarySize) {
    if (dictionarySize <= Byte.MAX_VALUE) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = (byte) codes[perm == null ? i : perm[i]];
      }
      return new Codes(b, null, null);
    }
    if (dictionarySize <= Short.MAX_VALUE) {
      short[] s = new short[n];
      for (int i = 0; i < n; i++) {
        s[i] = (short) codes[perm == null ? i : perm[i]];
      }
      return new Codes(null, s, null);
    }
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = codes[perm == null ? i : perm[i]];
    }
    return new Codes(null, null, x);
  }

  int get(int row) {
    if (bytes != null) {
      return bytes[row];
    }
    if (shorts != null) {
      return shorts[row];
    }
    return ints[row];
  }

  int size() {
    return bytes != null ? bytes.length : shorts != null ? shorts.length : ints.length;
  }

  /** The backing array, for byte accounting and tests. */
  Object array() {
    return bytes != null ? bytes : shorts != null ? shorts : ints;
  }
}
