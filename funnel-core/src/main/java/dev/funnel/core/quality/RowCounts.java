package dev.funnel.core.quality;

/**
 * Rows of one table: read from the source, accepted into the dataset, rejected by the reader.
 * For a table built in memory (no reader involved), read and accepted are its size and nothing
 * was rejected.
 *
 * @param read     data rows read
 * @param accepted rows in the dataset
 * @param rejected rows refused ({@code read - accepted})
 */
public record RowCounts(long read, long accepted, long rejected) {

  public RowCounts {
    if (read < 0 || accepted < 0 || rejected < 0 || read != accepted + rejected) {
      throw new IllegalArgumentException(
          "rows must satisfy read = accepted + rejected >= 0, got read " + read + ", accepted "
              + accepted + ", rejected " + rejected);
    }
  }

  RowCounts plus(RowCounts o) {
    return new RowCounts(read + o.read, accepted + o.accepted, rejected + o.rejected);
  }
}
