package dev.funnel.core.columnar;

/**
 * Heap sizes of primitive arrays on a 64-bit HotSpot JVM with compressed class pointers: a 16-byte
 * header plus the elements, rounded up to a multiple of 8 bytes.
 */
final class ColumnBytes {
  private ColumnBytes() {}

  /** Bytes of an array of {@code length} elements of {@code elementBytes} each. */
  static long array(long length, int elementBytes) {
    long raw = 16 + length * elementBytes;
    return (raw + 7) & ~7L;
  }

  /** Bytes of a primitive array given as an Object ({@code long[]}, {@code int[]}, ...). */
  static long of(Object array) {
    if (array instanceof long[] a) {
      return array(a.length, 8);
    }
    if (array instanceof int[] a) {
      return array(a.length, 4);
    }
    if (array instanceof short[] a) {
      return array(a.length, 2);
    }
    if (array instanceof byte[] a) {
      return array(a.length, 1);
    }
    if (array instanceof java.math.BigDecimal[] a) {
      // reference + BigDecimal object (40) + its BigInteger (~40 for a small magnitude)
      return array(a.length, 4) + 80L * a.length;
    }
    throw new IllegalArgumentException("not a primitive column: " + array.getClass());
  }
}
