package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts of one table being read: rows read, accepted, rejected per code, first examples. */
final class Tally {
  final DatasetTable table;
  final String file;
  private final int examplesPerCode;
  long read;
  long accepted;
  private final Map<String, long[]> byCode = new HashMap<>();
  private final List<Rejection> examples = new ArrayList<>();

  Tally(DatasetTable table, String file, int examplesPerCode) {
    this.table = table;
    this.file = file;
    this.examplesPerCode = examplesPerCode;
  }

  /** Whether a rejection with this code would still be kept as an example. */
  boolean wantsExample(String code) {
    long[] n = byCode.get(code);
    return n == null || n[0] < examplesPerCode;
  }

  /** Counts a rejected row; {@code example} may be null when {@link #wantsExample} was false. */
  void reject(String code, Rejection example) {
    long[] n = byCode.computeIfAbsent(code, k -> new long[1]);
    if (example != null && n[0] < examplesPerCode) {
      examples.add(example);
    }
    n[0]++;
  }

  /** A row counted as accepted turned out invalid (a dataset-wide check after reading). */
  void unaccept(Rejection r) {
    accepted--;
    reject(r.code(), r);
  }

  /** The line of a last row with no line break after it (a file cut short?), or -1. */
  long unterminatedLine = -1;

  /** What reading noticed in this file but read anyway: a line for {@code DatasetRead.warnings}. */
  List<String> warnings() {
    return unterminatedLine < 0 ? List.of() : List.of(file + ": the last row (line "
        + unterminatedLine + ") has no line break after it; if the file was cut short, its last"
        + " value may be incomplete");
  }

  /** Whether no row was rejected. */
  boolean clean() {
    return byCode.isEmpty();
  }

  TableRead result() {
    Map<String, Long> counts = new HashMap<>();
    byCode.forEach((k, v) -> counts.put(k, v[0]));
    return new TableRead(table, file, read, accepted, counts, examples);
  }
}
