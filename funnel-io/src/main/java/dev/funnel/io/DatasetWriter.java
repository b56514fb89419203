package dev.funnel.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Writes datasets in the canonical layout of spec/dataset.md, one file per table, as CSV or
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

  private static final CsvFactory CSV = new CsvFactory();
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * Writes every table the dataset has (an empty table as a header-only CSV or an empty NDJSON
   * file) into {@code dir}, created if needed; existing files of these tables are replaced.
   *
   * @throws IllegalArgumentException when {@code dir} already holds a table in the other format
   *     (reading the directory would then be ambiguous)
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Dataset dataset, Path dir, FileFormat format) {
    Objects.requireNonNull(format, "format");
    try {
      Files.createDirectories(dir);
      for (DatasetTable t : dataset.tables()) {
        FileFormat other = format == FileFormat.CSV ? FileFormat.NDJSON : FileFormat.CSV;
        Path clash = dir.resolve(t.fileName() + "." + other.extension());
        if (Files.exists(clash)) {
          throw new IllegalArgumentException(
              clash + " exists; writing " + t.fileName() + "." + format.extension()
                  + " next to it would make the dataset ambiguous");
        }
      }
      for (DatasetTable t : dataset.tables()) {
        write(dataset, t, dir.resolve(t.fileName() + "." + format.extension()), format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dataset to " + dir, e);
    }
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
    List<String> extras = extraColumns(codec, values);
    try {
      if (Objects.requireNonNull(format, "format") == FileFormat.CSV) {
        writeCsv(codec, extras, values, out);
      } else {
        writeNdjson(codec, values, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> List<String> extraColumns(Codec<T> codec, Iterable<? extends T> values) {
    if (!codec.keepsExtras()) {
      return List.of();
    }
    TreeSet<String> names = new TreeSet<>();
    for (T v : values) {
      for (String k : codec.extras(v).keySet()) {
        if (codec.index(k.toLowerCase(java.util.Locale.ROOT)) >= 0) {
          throw new IllegalArgumentException(
              "attribute '" + k + "' has the name of a " + codec.table.fileName() + " column");
        }
        names.add(k);
      }
    }
    return new ArrayList<>(names);
  }

  private static <T> void writeCsv(Codec<T> codec, List<String> extras, Iterable<? extends T> values,
      Writer out) throws IOException {
    try (CsvGenerator g = CSV.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
      g.setSchema(CsvSchema.emptySchema().withoutHeader().withLineSeparator("\n"));
      int n = codec.columns.length;
      g.writeStartArray();
      for (String c : codec.columns) {
        g.writeString(c);
      }
      for (String e : extras) {
        g.writeString(CsvText.guard(e));
      }
      g.writeEndArray();
      String[] cells = new String[n];
      for (T v : values) {
        java.util.Arrays.fill(cells, null);
        codec.encode(v, cells);
        g.writeStartArray();
        for (int i = 0; i < n; i++) {
          String c = cells[i];
          if (c == null) {
            g.writeString("");
          } else if (codec.numeric(i)) {
            g.writeNumber(c);
          } else {
            g.writeString(CsvText.guard(c));
          }
        }
        if (!extras.isEmpty()) {
          Map<String, String> attrs = codec.extras(v);
          for (String e : extras) {
            String a = attrs.get(e);
            if (a == null) {
              g.writeString("");
            } else {
              g.writeString(CsvText.guard(a));
            }
          }
        }
        g.writeEndArray();
      }
      g.flush();
    }
  }

  private static <T> void writeNdjson(Codec<T> codec, Iterable<? extends T> values, Writer out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setRootValueSeparator(null);
      int n = codec.columns.length;
      String[] cells = new String[n];
      for (T v : values) {
        java.util.Arrays.fill(cells, null);
        codec.encode(v, cells);
        g.writeStartObject();
        for (int i = 0; i < n; i++) {
          String c = cells[i];
          if (c != null) {
            g.writeFieldName(codec.columns[i]);
            if (codec.numeric(i)) {
              g.writeNumber(c);
            } else {
              g.writeString(c);
            }
          }
        }
        for (Map.Entry<String, String> e : codec.extras(v).entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
      g.flush();
    }
  }
}
