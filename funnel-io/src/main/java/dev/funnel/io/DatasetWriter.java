package dev.funnel.io;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes datasets in the canonical layout of docs/spec/dataset.md, one file per table, as CSV or
 * NDJSON, so that {@link DatasetReader} reads back exactly what was written.
 *
 * <p>CSV: UTF-8 without BOM, comma, LF line ends, a header row with every column of the table
 * (lead attributes as extra columns, sorted by name), quoting only where RFC 4180 needs it.
 * Absent values are empty cells. Timestamps are ISO-8601 instants in UTC ({@code
 * 2026-03-01T09:15:00Z}), days {@code 2026-03-01}, money and numbers plain decimals with their
 * scale ({@code 1200.50}, {@code -20}). Text cells that a spreadsheet would run as a formula get a
 * leading {@code '} (the exact, reversible rule is in the package documentation); numeric
 * cells never do.
 *
 * <p>NDJSON: one object per line with the same field names; absent values are left out; numbers
 * are JSON numbers written with their scale; no formula guard.
 */
public final class DatasetWriter {
  private DatasetWriter() {}

  /**
   * Writes every table the dataset has (an empty table as a header-only CSV or an empty NDJSON
   * file) into {@code dir}, created if needed; existing files of these tables are replaced.
   *
   * @throws IllegalArgumentException when {@code dir} already holds a table in the other format
   *     (reading the directory would then be ambiguous)
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Dataset dataset, Path dir, FileFormat format) {
    for (DatasetTable t : dataset.tables()) {
      write(dataset, t, prepare(dir, format, dataset.tables()).get(t), format);
    }
  }

  /**
   * Creates {@code dir} if needed and gives the file of each table in it, for writing tables one
   * by one (with {@link TableWriter}).
   *
   * @throws IllegalArgumentException when {@code dir} already holds one of the tables in the other
   *     format (reading the directory would then be ambiguous)
   * @throws UncheckedIOException when the directory cannot be created
   */
  public static Map<DatasetTable, Path> prepare(Path dir, FileFormat format, Set<DatasetTable> tables) {
    Objects.requireNonNull(format, "format");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dataset to " + dir, e);
    }
    Map<DatasetTable, Path> files = new EnumMap<>(DatasetTable.class);
    FileFormat other = format == FileFormat.CSV ? FileFormat.NDJSON : FileFormat.CSV;
    for (DatasetTable t : tables) {
      Path clash = dir.resolve(t.fileName() + "." + other.extension());
      if (Files.exists(clash)) {
        throw new IllegalArgumentException(
            clash + " exists; writing " + t.fileName() + "." + format.extension()
                + " next to it would make the dataset ambiguous");
      }
      files.put(t, dir.resolve(t.fileName() + "." + format.extension()));
    }
    return files;
  }

  private static void write(Dataset d, DatasetTable t, Path file, FileFormat format) {
    switch (t) {
      case LEADS: write(Rows.LEADS, d.leads(), file, format); break;
      case STAGES: write(Rows.STAGES, d.stages(), file, format); break;
      case ACTIVITIES: write(Rows.ACTIVITIES, d.activities(), file, format); break;
      case TOUCHES: write(Rows.TOUCHES, d.touches(), file, format); break;
      case PAYMENTS: write(Rows.PAYMENTS, d.payments(), file, format); break;
      case SPEND: write(Rows.SPEND, d.spend(), file, format); break;
      case PLAN: write(Rows.PLAN, d.plan(), file, format); break;
      case PATHS: write(Rows.PATHS, d.paths(), file, format); break;
      default: throw new AssertionError(t);
    }
  }

  /** Writes rows of one table to a file, replacing it. */
  public static <T> void write(Rows<T> rows, Iterable<? extends T> values, Path file, FileFormat format) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(rows, values, w, format);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes rows of one table as UTF-8; the stream is flushed, not closed. */
  public static <T> void write(Rows<T> rows, Iterable<? extends T> values, OutputStream out, FileFormat format) {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    write(rows, values, w, format);
    try {
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes rows of one table; the writer is flushed, not closed.
   *
   * @throws IllegalArgumentException for a value the layout cannot hold (a path channel containing
   *     {@code >}, a lead attribute named like a column)
   */
  public static <T> void write(Rows<T> rows, Iterable<? extends T> values, Writer out, FileFormat format) {
    Codec<T> codec = rows.codec;
    try (TableWriter<T> w = TableWriter.onto(codec, extraColumns(codec, values), out, format)) {
      for (T v : values) {
        w.write(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every attribute name of the rows, sorted: the extra columns of a CSV file. */
  private static <T> List<String> extraColumns(Codec<T> codec, Iterable<? extends T> values) {
    if (!codec.keepsExtras()) {
      return List.of();
    }
    TreeSet<String> names = new TreeSet<>();
    for (T v : values) {
      names.addAll(codec.extras(v).keySet());
    }
    return new ArrayList<>(names);
  }
}
