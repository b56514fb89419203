package dev.funnel.io;

import dev.funnel.core.bridge.FactorTable;
import dev.funnel.core.quality.Rejection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A factor file read ({@link FactorTableReader}): the factor table of its accepted rows and what
 * the read did, as for a dataset table ({@link dev.funnel.core.quality.TableRead}): rows read,
 * accepted and rejected by reason code, and the first rejections as examples. Invariant:
 * {@code read == accepted + rejected}.
 *
 * @param table          the factor table of the accepted rows (cells that meet add up)
 * @param file           the file name used in messages
 * @param read           data rows read (header and blank lines excluded)
 * @param accepted       rows in the table
 * @param rejectedByCode rejected rows per reason code (lenient reading only)
 * @param examples       the first rejections, a few per code
 */
public record FactorRead(FactorTable table, String file, long read, long accepted,
    Map<String, Long> rejectedByCode, List<Rejection> examples) {

  /** @throws IllegalArgumentException when the counts do not add up */
  public FactorRead {
    rejectedByCode = Collections.unmodifiableMap(new TreeMap<>(rejectedByCode));
    examples = List.copyOf(examples);
    long rejected = 0;
    for (long n : rejectedByCode.values()) {
      rejected += n;
    }
    if (read != accepted + rejected) {
      throw new IllegalArgumentException(
          file + ": read " + read + " != accepted " + accepted + " + rejected " + rejected);
    }
  }

  /** Rows rejected, all reasons. */
  public long rejected() {
    return read - accepted;
  }
}
