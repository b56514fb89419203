package dev.funnel.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one table file row by row: header checks, row shape, decoding by the table's
 * {@link Codec}, and the strict/lenient policy (throw at the first invalid row, or count it by
 * reason code and go on). Every data row is counted: {@code read == accepted + rejected}.
 */
final class TableReader<T> {

  /** Receives accepted rows with where they came from. */
  interface Sink<T> {
    void accept(T value, long line, RowCells cells);
  }

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Codec<T> codec;
  private final ReadContext ctx;
  private final boolean strict;
  private final Tally tally;
  private final Sink<T> sink;
  private final Direct direct;

  /** Makes the fast route of a CSV table from its header ({@link DirectRows#of}), or null. */
  interface Direct {
    DirectRows of(int[] map, int[] extraIndex);
  }

  /** Where a CSV read pauses, and whether it goes on from there. */
  interface Pause {
    /** The input offset before which the read pauses (a record boundary is expected there). */
    long at();

    /**
     * Called when the read paused at {@code stoppedAt} (the first record boundary at or after
     * {@link #at()}, or -1 when the input ended first), where the physical line {@code nextLine}
     * starts.
     *
     * @return true to read on to the end, false to end the read here
     */
    boolean paused(long stoppedAt, long nextLine);
  }

  private Pause pause;
  private boolean[] leftOut; // per codec column: read as if the file did not have it

  /**
   * Reads the optional codec columns marked in {@code columns} (null: none) as if the file did not
   * have them (set before {@link #read}): their cells are never decoded, on any route.
   */
  TableReader<T> leaveOut(boolean[] columns) {
    this.leftOut = columns;
    return this;
  }

  /** Pauses a CSV read (set before {@link #read}). */
  TableReader<T> pause(Pause p) {
    this.pause = p;
    return this;
  }

  TableReader(Codec<T> codec, ReadContext ctx, boolean strict, Tally tally, Sink<T> sink) {
    this(codec, ctx, strict, tally, sink, null);
  }

  /**
   * @param direct the fast route of CSV records into columns, or null; records it does not take
   *     go through the codec to {@code sink}, which may throw {@link Reject} to refuse one
   */
  TableReader(Codec<T> codec, ReadContext ctx, boolean strict, Tally tally, Sink<T> sink,
      Direct direct) {
    this.codec = codec;
    this.ctx = ctx;
    this.strict = strict;
    this.tally = tally;
    this.sink = sink;
    this.direct = direct;
  }

  static <T> TableRead read(Codec<T> codec, ReadContext ctx, boolean strict, int examples,
      InputStream in, FileFormat format, String file, char delimiter, Sink<T> sink) {
    Tally t = new Tally(codec.table, file, examples);
    new TableReader<>(codec, ctx, strict, t, sink).read(in, format, delimiter);
    return t.result();
  }

  /** Reads UTF-8 bytes in the format; the stream is not closed. */
  void read(InputStream in, FileFormat format, char delimiter) {
    if (format == FileFormat.CSV) {
      readCsv(in, delimiter);
    } else {
      readNdjson(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  private void reject(String code, long line, int position, String field, String value, String reason) {
    if (strict) {
      throw new InvalidDataException(new Rejection(tally.file, line, position, field, value, code, reason));
    }
    Rejection example = tally.wantsExample(code)
        ? new Rejection(tally.file, line, position, field, value, code, reason)
        : null;
    tally.reject(code, example);
  }

  private void row(RowCells cells, long line) {
    try {
      T value = codec.decode(cells, ctx);
      sink.accept(value, line, cells);
    } catch (Reject r) {
      reject(r.code, line, cells.position(r.column), r.column < 0 ? null : codec.columns[r.column],
          r.value != null ? r.value : cells.value(r.column), r.getMessage());
      return;
    } catch (IllegalArgumentException | NullPointerException e) {
      reject("invalid_value", line, 0, null, null, String.valueOf(e.getMessage()));
      return;
    }
    tally.accepted++;
  }

  // ---------------------------------------------------------------- CSV

  private void readCsv(InputStream in, char delimiter) {
    CsvTokenizer tok = new CsvTokenizer(in, delimiter);
    if (!tok.next()) {
      throw new InvalidDataException(new Rejection(tally.file, 1, 0, null, null, "empty_file",
          "the file is empty: a CSV table starts with its header line (a header alone is an empty"
              + " table)"));
    }
    int n = tok.count();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = CsvText.unguard(tok.fields()[i].strip()).toLowerCase(Locale.ROOT);
    }
    if (tok.error() != CsvTokenizer.OK) {
      throw new InvalidDataException(new Rejection(tally.file, tok.line(), tok.errorField() + 1, null,
          tok.fields()[tok.errorField()], "invalid_header", "the header row has broken quoting"));
    }
    int[] map = new int[codec.columns.length];
    Arrays.fill(map, -1);
    boolean[] present = new boolean[codec.columns.length];
    List<String> extraNames = new ArrayList<>();
    List<Integer> extraIndex = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      if (!names[i].isEmpty() && !seen.add(names[i])) {
        throw new InvalidDataException(new Rejection(tally.file, tok.line(), i + 1, names[i], names[i],
            "duplicate_column", "the header names column " + names[i] + " twice; which one holds"
                + " the values cannot be told"));
      }
      int c = codec.index(names[i]);
      if (c >= 0) {
        present[c] = true;
        map[c] = i;
      } else if (codec.keepsExtras() && !names[i].isEmpty()) {
        extraNames.add(names[i]);
        extraIndex.add(i);
      }
    }
    String missing = codec.missingColumn(present);
    if (missing != null) {
      throw new InvalidDataException(new Rejection(tally.file, tok.line(), 0, missing, null,
          "missing_column", "the header has no column " + missing + " (required); it has "
              + headerText(names) + cutShort(names, missing)));
    }
    if (leftOut != null) {
      for (int c = 0; c < map.length; c++) {
        if (leftOut[c]) {
          map[c] = -1;
        }
      }
    }
    int[] extraIdx = extraIndex.stream().mapToInt(Integer::intValue).toArray();
    RowCells cells = RowCells.csv(map, extraNames.toArray(new String[0]), extraIdx);
    DirectRows fast = direct == null ? null : direct.of(map, extraIdx);
    if (pause != null) {
      tok.stopAt(pause.at());
    }
    while (true) {
      if (!tok.next()) {
        if (pause != null) {
          Pause p = pause;
          pause = null;
          if (p.paused(tok.stoppedAt(), tok.nextLine()) && tok.stoppedAt() >= 0) {
            tok.stopAt(-1);
            continue;
          }
        }
        break;
      }
      tally.read++;
      long line = tok.line();
      lastRecord(tok, line);
      if (tok.error() == CsvTokenizer.TOO_LONG) {
        reject("line_too_long", line, 1, null, tok.field(0) + "...",
            "the record is longer than " + CsvTokenizer.MAX_RECORD + " bytes; the rest of its line is skipped");
      } else if (tok.error() != CsvTokenizer.OK) {
        int f = tok.errorField();
        boolean unclosed = tok.error() == CsvTokenizer.UNCLOSED_QUOTE;
        reject(unclosed ? "unclosed_quote" : "invalid_quote", line, f + 1, f < n ? names[f] : null,
            tok.field(f),
            unclosed
                ? "a quoted field is never closed (or is longer than " + CsvTokenizer.MAX_QUOTED + " bytes)"
                : "a closing quote is followed by text; quotes inside a quoted field are doubled (\"\")");
      } else if (tok.count() != n) {
        reject("wrong_column_count", line, 0, null, null,
            "the row has " + tok.count() + " fields, the header " + n
                + " (delimiter '" + printable(tok.delimiter()) + "')");
      } else if (fast != null && fast.append(tok)) {
        tally.accepted++;
      } else {
        cells.row(tok.fields());
        row(cells, line);
      }
    }
  }

  /** The header's names for a message: the first 20, then how many more. */
  private static String headerText(String[] names) {
    if (names.length <= 20) {
      return Arrays.toString(names);
    }
    return Arrays.toString(Arrays.copyOf(names, 20)).replace("]", ", ... " + (names.length - 20)
        + " more]");
  }

  /** A hint when a header name is the start of the missing column: the header was cut short. */
  private static String cutShort(String[] names, String missing) {
    for (String h : names) {
      if (!h.isEmpty() && h.length() < missing.length() && missing.startsWith(h)) {
        return "; '" + h + "' looks like " + missing + " cut short";
      }
    }
    return "";
  }

  /** Notes a last record with no line break after it (a file cut short, perhaps). */
  private void lastRecord(CsvTokenizer tok, long line) {
    if (tok.unterminated()) {
      tally.unterminatedLine = line;
    }
  }

  private static String printable(char c) {
    return c == '\t' ? "\\t" : String.valueOf(c);
  }

  // ---------------------------------------------------------------- NDJSON

  private void readNdjson(Reader in) {
    // a line is at most as long as a CSV record may be: memory stays bounded on any input
    BoundedLines br = new BoundedLines(in, CsvTokenizer.MAX_RECORD);
    int cols = codec.columns.length;
    String[] values = new String[cols];
    int[] positions = new int[cols];
    RowCells cells = RowCells.json(values, positions);
    long line = 0;
    try {
      String s;
      while ((s = br.next()) != null) {
        line++;
        if (line == 1 && s.startsWith("\uFEFF")) {
          s = s.substring(1);
        }
        if (br.tooLong()) {
          tally.read++;
          reject("line_too_long", line, 0, null, s + "...", "the line is longer than "
              + CsvTokenizer.MAX_RECORD + " characters; the rest of it is skipped");
          continue;
        }
        if (s.isBlank()) {
          continue;
        }
        tally.read++;
        Arrays.fill(values, null);
        Arrays.fill(positions, 0);
        Map<String, String> extras = codec.keepsExtras() ? new LinkedHashMap<>() : null;
        Reject problem = parseObject(s, values, positions, extras);
        if (problem != null) {
          boolean field = problem.code.equals("unsupported_value");
          reject(problem.code, line, 0, field ? problem.value : null, null, problem.getMessage());
          continue;
        }
        cells.row(values);
        cells.extras(extras);
        row(cells, line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reject malformed(String reason) {
    return new Reject("malformed_json", -1, null, reason);
  }

  /** Fills the cells from one JSON object; returns null, or why the line is not one. */
  private Reject parseObject(String s, String[] values, int[] positions, Map<String, String> extras) {
    try (JsonParser p = JSON.createParser(s)) {
      java.util.Set<String> extraNames = extras == null ? null : new java.util.HashSet<>();
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return malformed("each line must be one JSON object");
      }
      int k = 0;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        k++;
        String name = p.currentName().strip().toLowerCase(Locale.ROOT);
        t = p.nextToken();
        String v;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          return new Reject("unsupported_value", -1, name,
              "field " + name + " holds a JSON object or array; expected text, a number or null");
        } else if (t == JsonToken.VALUE_NULL) {
          v = null;
        } else {
          v = p.getText();
        }
        int c = codec.index(name);
        if (c >= 0) {
          if (positions[c] != 0) {
            return malformed("field " + name + " appears twice in the object");
          }
          values[c] = leftOut != null && leftOut[c] ? null : v;
          positions[c] = k;
        } else if (extras != null && !name.isEmpty()) {
          if (extraNames.contains(name)) {
            return malformed("field " + name + " appears twice in the object");
          }
          extraNames.add(name);
          if (v != null && !v.isBlank()) {
            extras.put(name, v.strip());
          }
        }
      }
      if (t != JsonToken.END_OBJECT) {
        return malformed("each line must be one JSON object");
      }
      if (p.nextToken() != null) {
        return malformed("text after the JSON object; one object per line");
      }
      return null;
    } catch (JsonProcessingException e) {
      return malformed("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
