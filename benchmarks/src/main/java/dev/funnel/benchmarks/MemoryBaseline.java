package dev.funnel.benchmarks;

/**
 * The hardware reference for every benchmark: summing a {@code long[]} of the same byte size as
 * the data a benchmark reads. A result stated as a ratio to this baseline says how far the work is
 * from the machine's sequential memory bandwidth, whatever machine ran it.
 */
final class MemoryBaseline {

  private final long[] words;

  MemoryBaseline(long bytes) {
    words = new long[(int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, bytes / Long.BYTES))];
    for (int i = 0; i < words.length; i++) {
      words[i] = i * 0x9E3779B97F4A7C15L;
    }
  }

  /** Sums every word; four accumulators so the loop is bound by memory, not by one add chain. */
  long sum() {
    long a = 0;
    long b = 0;
    long c = 0;
    long d = 0;
    long[] w = words;
    int n = w.length & ~3;
    for (int i = 0; i < n; i += 4) {
      a += w[i];
      b += w[i + 1];
      c += w[i + 2];
      d += w[i + 3];
    }
    for (int i = n; i < w.length; i++) {
      a += w[i];
    }
    return a + b + c + d;
  }

  long bytes() {
    return (long) words.length * Long.BYTES;
  }
}
