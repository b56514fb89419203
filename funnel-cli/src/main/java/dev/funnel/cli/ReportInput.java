package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.quality.TableRead;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report section draws on.
 *
 * @param source  where the dataset came from, for people ({@code d/}, {@code built-in demo})
 * @param dataset the dataset, already cut to the window
 * @param reads   what reading each table did; empty for a dataset built in memory
 * @param window  the {@code --from}/{@code --to} window the dataset was cut to
 * @param asOf    "now" for the report: timestamps after it are in the future
 * @param scope   the period reported, its comparison period, and what the sections share
 */
record ReportInput(String source, Dataset dataset, List<TableRead> reads, Window window, Instant asOf,
    ReportScope scope) {

  /** The input reporting the last complete month of the data against the month before. */
  ReportInput(String source, Dataset dataset, List<TableRead> reads, Window window, Instant asOf) {
    this(source, dataset, reads, window, asOf,
        ReportScope.of(dataset, asOf, null, null, ReportScope.DEFAULT_BANNER_SHARE));
  }

  ReportInput {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dataset, "dataset");
    reads = List.copyOf(reads);
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(scope, "scope");
  }
}
