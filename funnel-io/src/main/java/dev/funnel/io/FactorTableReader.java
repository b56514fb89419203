package dev.funnel.io;

import dev.funnel.core.bridge.FactorRow;
import dev.funnel.core.bridge.FactorTable;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the factor file of a bridge ({@code funnel bridge --factors FILE.csv}, docs/spec/cli.md): the
 * identity V = sum over segments of the product of their factors, one row per cell,
 * {@code segment,factor,base,current}, into a {@link FactorTable} for
 * {@link dev.funnel.core.bridge.Bridge#decompose}.
 *
 * <p>The rows go through the same machinery as a dataset table: the CSV tokenizer (RFC 4180
 * quoting, a UTF-8 byte order mark skipped, the delimiter {@code ,}, {@code ;} or tab detected
 * from the header unless set), columns matched by name in any order and case (unknown columns
 * ignored; {@code segment} may be left out for a single segment), NDJSON for {@code .ndjson}
 * files, and the strict/lenient policy: strict reading stops at the first invalid row with an
 * {@link InvalidDataException} naming the file, line, column, field, value and reason; lenient
 * reading skips it and counts it by reason code ({@link FactorRead}). Reason codes are those of
 * the dataset tables ({@code missing_value}, {@code unparsable_number}, {@code wrong_column_count},
 * {@code unclosed_quote}, ...) plus {@code out_of_range} for a number beyond a double. A file
 * that cannot be read at all fails in both modes: no header ({@code empty_file}), a header without
 * {@code factor}, {@code base} or {@code current} ({@code missing_column}), and no accepted row
 * ({@code no_rows}: there is nothing to decompose). Numbers are plain decimals ({@code .} as the
 * decimal point, no grouping, no exponent), as everywhere in a dataset.
 */
public final class FactorTableReader {

  private final boolean lenient;
  private final char delimiter;
  private final int examplesPerCode;

  private FactorTableReader(boolean lenient, char delimiter, int examplesPerCode) {
    this.lenient = lenient;
    this.delimiter = delimiter;
    this.examplesPerCode = examplesPerCode;
  }

  /** Stops at the first invalid row. */
  public static FactorTableReader strict() {
    return new FactorTableReader(false, (char) 0, 5);
  }

  /** Skips invalid rows and counts them by reason. */
  public static FactorTableReader lenient() {
    return new FactorTableReader(true, (char) 0, 5);
  }

  /**
   * The CSV delimiter: {@code ','}, {@code ';'} or {@code '\t'} (by default detected from the
   * header line).
   *
   * @throws IllegalArgumentException for another character
   */
  public FactorTableReader delimiter(char c) {
    if (c != ',' && c != ';' && c != '\t') {
      throw new IllegalArgumentException("delimiter must be ',', ';' or tab, got '" + c + "'");
    }
    return new FactorTableReader(lenient, c, examplesPerCode);
  }

  /**
   * Reads a factor file, CSV or NDJSON by its extension ({@link FileFormat#of(Path)}).
   *
   * @throws IllegalArgumentException when the extension is neither
   * @throws InvalidDataException as described in the class comment
   * @throws UncheckedIOException when the file cannot be read
   */
  public FactorRead read(Path file) {
    Objects.requireNonNull(file, "file");
    FileFormat format = FileFormat.of(file);
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, format, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a factor table from text; the reader is not closed.
   *
   * @param name the file name used in messages
   */
  public FactorRead read(Reader in, FileFormat format, String name) {
    return read(new Utf8Stream(Objects.requireNonNull(in, "in")), format, name);
  }

  private FactorRead read(InputStream in, FileFormat format, String name) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(name, "name");
    List<FactorRow> rows = new ArrayList<>();
    ReadContext ctx = new ReadContext(ZoneOffset.UTC, null, null, false);
    TableRead r = TableReader.read(FactorCodec.INSTANCE, ctx, !lenient, examplesPerCode, in,
        format, name, delimiter, (row, line, cells) -> rows.add(row));
    if (rows.isEmpty()) {
      throw new InvalidDataException(new Rejection(name, r.read() == 0 ? 2 : 0, 0, null, null, "no_rows",
          r.read() == 0 ? "the factor file has a header and no rows; it needs one row per"
              + " segment and factor (segment,factor,base,current)"
              : "no row of the factor file is valid (" + r.rejected() + " rejected)"));
    }
    return new FactorRead(FactorTable.of(rows), name, r.read(), r.accepted(), r.rejectedByCode(),
        r.examples());
  }
}
