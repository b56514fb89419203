package dev.funnel.core.quality;

import dev.funnel.core.DatasetTable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading one table did: rows read, accepted and rejected, the rejections counted by reason
 * code, and the first few rejections kept as examples.
 *
 * <p>Invariant: {@code read == accepted + rejected}, and {@code rejected} is the sum of
 * {@code rejectedByCode}. Nothing is dropped without being counted here.
 *
 * @param table          the table
 * @param file           the file it came from
 * @param read           data rows read (header excluded)
 * @param accepted       rows that became part of the dataset
 * @param rejectedByCode rejected rows per reason code
 * @param examples       the first rejections (a few per code)
 */
public record TableRead(
    DatasetTable table,
    String file,
    long read,
    long accepted,
    Map<String, Long> rejectedByCode,
    List<Rejection> examples) {

  public TableRead {
    rejectedByCode = Collections.unmodifiableMap(new TreeMap<>(rejectedByCode));
    examples = List.copyOf(examples);
    long rejected = 0;
    for (long n : rejectedByCode.values()) {
      rejected += n;
    }
    if (read != accepted + rejected) {
      throw new IllegalArgumentException(
          table + ": read " + read + " != accepted " + accepted + " + rejected " + rejected);
    }
  }

  /** Rows rejected, all reasons. */
  public long rejected() {
    return read - accepted;
  }
}
