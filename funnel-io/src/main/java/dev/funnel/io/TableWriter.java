package dev.funnel.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the rows of one table one at a time, as {@link DatasetWriter} lays them out (CSV or
 * NDJSON, the same cells, guards and number forms), so that a producer of millions of rows (the
 * demo generator, an export from a CRM) streams them to disk without holding them. Extra columns
 * (lead attributes) are fixed when the writer opens. Not thread-safe; close it to flush.
 *
 * @param <T> the table's record type
 */
public final class TableWriter<T> implements AutoCloseable {

  private static final CsvFactory CSV = new CsvFactory();
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Codec<T> codec;
  private final List<String> extras;
  private final Writer out;
  private final boolean closeOut;
  private final JsonGenerator g;
  private final boolean csv;
  private final String[] cells;
  private long rows;

  private TableWriter(Codec<T> codec, List<String> extras, Writer out, boolean closeOut,
      FileFormat format) throws IOException {
    this.codec = codec;
    this.extras = List.copyOf(extras);
    for (String k : this.extras) {
      if (codec.index(k.toLowerCase(java.util.Locale.ROOT)) >= 0) {
        throw new IllegalArgumentException(
            "attribute '" + k + "' has the name of a " + codec.table.fileName() + " column");
      }
    }
    this.out = out;
    this.closeOut = closeOut;
    this.csv = Objects.requireNonNull(format, "format") == FileFormat.CSV;
    this.cells = new String[codec.columns.length];
    if (csv) {
      CsvGenerator c = CSV.createGenerator(out);
      c.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
      c.setSchema(CsvSchema.emptySchema().withoutHeader().withLineSeparator("\n"));
      g = c;
    } else {
      g = JSON.createGenerator(out);
      g.setRootValueSeparator(null);
    }
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (csv) {
      g.writeStartArray();
      for (String c : codec.columns) {
        g.writeString(c);
      }
      for (String e : this.extras) {
        g.writeString(CsvText.guard(e));
      }
      g.writeEndArray();
    }
  }

  /**
   * Opens a file (replacing it) for the rows of one table, UTF-8.
   *
   * @param extras extra column names after the table's own (lead attributes), in order
   * @throws IllegalArgumentException when an extra column has the name of a table column
   * @throws UncheckedIOException when the file cannot be created
   */
  public static <T> TableWriter<T> open(Rows<T> rows, Path file, FileFormat format, List<String> extras) {
    try {
      Writer w = new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
      try {
        return new TableWriter<>(rows.codec, extras, w, true, format);
      } catch (RuntimeException | IOException e) {
        w.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** A writer onto text the caller owns: flushed, not closed, by {@link #close()}. */
  static <T> TableWriter<T> onto(Codec<T> codec, List<String> extras, Writer out, FileFormat format)
      throws IOException {
    return new TableWriter<>(codec, extras, out, false, format);
  }

  /**
   * Writes one row.
   *
   * @throws IllegalArgumentException for a value the layout cannot hold (a path channel with
   *     {@code >})
   * @throws UncheckedIOException when writing fails
   */
  public void write(T value) {
    Arrays.fill(cells, null);
    codec.encode(value, cells);
    try {
      if (csv) {
        csvRow(value);
      } else {
        jsonRow(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows++;
  }

  private void csvRow(T v) throws IOException {
    g.writeStartArray();
    for (int i = 0; i < cells.length; i++) {
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
        g.writeString(a == null ? "" : CsvText.guard(a));
      }
    }
    g.writeEndArray();
  }

  private void jsonRow(T v) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < cells.length; i++) {
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

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  /** Flushes; closes the file when this writer opened it. */
  @Override
  public void close() {
    try {
      g.close();
      if (closeOut) {
        out.close();
      } else {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
