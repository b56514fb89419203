package dev.funnel.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * A streaming RFC 4180 tokenizer that reports physical line numbers and recovers from broken
 * quoting, so lenient reading can reject one row and carry on.
 *
 * <p>Why not Jackson's CSV parser: it counts records rather than physical lines and cannot resume
 * after a structural error, and both are needed here (spec/dataset.md, strict and lenient reading).
 *
 * <p>Rules: a field is quoted when its first character is {@code "}; inside quotes {@code ""} is a
 * quote and line breaks are data. A quote inside an unquoted field is an ordinary character. Line
 * breaks are LF, CRLF or CR. Lines with no characters at all are not records. A leading byte order
 * mark is skipped. Broken quoting ends the record with an error code:
 *
 * <ul>
 *   <li>{@link #UNCLOSED_QUOTE}: the input ended inside a quoted field, or a quoted field grew past
 *       {@link #MAX_QUOTED} characters;
 *   <li>{@link #INVALID_QUOTE}: a closing quote was followed by something other than a delimiter
 *       or a line break.
 * </ul>
 *
 * When the broken field had spanned line breaks, the text after its first line break is read
 * again as ordinary lines (a stray quote then costs one rejected row, not the rest of the file);
 * otherwise the rest of the physical line is skipped.
 */
final class CsvTokenizer {

  static final int OK = 0;
  static final int UNCLOSED_QUOTE = 1;
  static final int INVALID_QUOTE = 2;

  /** Longest quoted field accepted; longer ones are taken for a quote that was never closed. */
  static final int MAX_QUOTED = 1 << 20;

  private static final int DELIM = 0;
  private static final int EOL = 1;
  private static final int EOF = 2;

  private final Reader in;
  private char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private final char delimiter;
  private long line = 1;
  private long recordLine;
  private String[] fields = new String[16];
  private int count;
  private int error;
  private int errorField;
  private final StringBuilder sb = new StringBuilder();

  /**
   * @param delimiter the field delimiter, or 0 to detect it from the first line among {@code ,}
   *     {@code ;} and tab (the most frequent outside quotes; comma when none occurs)
   */
  CsvTokenizer(Reader in, char delimiter) {
    this.in = in;
    prime();
    if (limit > 0 && buf[0] == '\uFEFF') {
      pos = 1;
    }
    this.delimiter = delimiter != 0 ? delimiter : detect();
  }

  char delimiter() {
    return delimiter;
  }

  private char detect() {
    int comma = 0;
    int semi = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = pos; i < limit; i++) {
      char c = buf[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n' || c == '\r') {
          break;
        }
        if (c == ',') {
          comma++;
        } else if (c == ';') {
          semi++;
        } else if (c == '\t') {
          tab++;
        }
      }
    }
    if (semi > comma && semi >= tab) {
      return ';';
    }
    if (tab > comma && tab > semi) {
      return '\t';
    }
    return ',';
  }

  /** First fill: reads until the first line is complete (or the buffer is full), for detection. */
  private void prime() {
    fill();
    try {
      while (!eof && limit < buf.length && !hasLineBreak()) {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
          eof = true;
        } else {
          limit += n;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean hasLineBreak() {
    for (int i = 0; i < limit; i++) {
      if (buf[i] == '\n' || buf[i] == '\r') {
        return true;
      }
    }
    return false;
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      pos = 0;
      if (n < 0) {
        eof = true;
        limit = 0;
        return false;
      }
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the next record; false at the end of the input. */
  boolean next() {
    count = 0;
    error = OK;
    while (true) {
      if (pos >= limit && !fill()) {
        return false;
      }
      char c = buf[pos];
      if (c == '\n' || c == '\r') {
        consumeEol();
        continue;
      }
      break;
    }
    recordLine = line;
    while (readField() == DELIM) {
      // next field
    }
    return true;
  }

  /** Physical line (1-based) where the current record starts. */
  long line() {
    return recordLine;
  }

  /** Number of fields of the current record. */
  int count() {
    return count;
  }

  /** The fields of the current record; entries at {@code count()} and beyond are stale. */
  String[] fields() {
    return fields;
  }

  /** {@link #OK}, {@link #UNCLOSED_QUOTE} or {@link #INVALID_QUOTE}. */
  int error() {
    return error;
  }

  /** 0-based index of the field with broken quoting. */
  int errorField() {
    return errorField;
  }

  private void add(String s) {
    if (count == fields.length) {
      fields = java.util.Arrays.copyOf(fields, count * 2);
    }
    fields[count++] = s;
  }

  private void consumeEol() {
    char c = buf[pos++];
    line++;
    if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
      pos++;
    }
  }

  private int readField() {
    if (pos >= limit && !fill()) {
      add("");
      return EOF;
    }
    if (buf[pos] == '"') {
      pos++;
      return readQuoted();
    }
    final char d = delimiter;
    boolean spilled = false;
    while (true) {
      char[] b = buf;
      int p = pos;
      int lim = limit;
      int start = p;
      while (p < lim) {
        char c = b[p];
        if (c == d || c == '\n' || c == '\r') {
          break;
        }
        p++;
      }
      pos = p;
      if (p < lim) {
        String v;
        if (spilled) {
          sb.append(b, start, p - start);
          v = sb.toString();
        } else {
          v = p == start ? "" : new String(b, start, p - start);
        }
        add(v);
        if (b[p] == d) {
          pos = p + 1;
          return DELIM;
        }
        consumeEol();
        return EOL;
      }
      if (!spilled) {
        sb.setLength(0);
        spilled = true;
      }
      sb.append(b, start, p - start);
      if (!fill()) {
        add(sb.toString());
        return EOF;
      }
    }
  }

  private int readQuoted() {
    sb.setLength(0);
    StringBuilder raw = null;
    long quoteLine = line;
    while (true) {
      if (pos >= limit && !fill()) {
        return quoteError(UNCLOSED_QUOTE, raw, quoteLine);
      }
      char c = buf[pos++];
      if (c == '"') {
        if (pos >= limit && !fill()) {
          add(sb.toString());
          return EOF;
        }
        char n = buf[pos];
        if (n == '"') {
          pos++;
          sb.append('"');
          if (raw != null) {
            raw.append("\"\"");
          }
          continue;
        }
        if (n == delimiter) {
          pos++;
          add(sb.toString());
          return DELIM;
        }
        if (n == '\n' || n == '\r') {
          add(sb.toString());
          consumeEol();
          return EOL;
        }
        if (raw != null) {
          raw.append('"');
        }
        return quoteError(INVALID_QUOTE, raw, quoteLine);
      }
      if (c == '\n' || c == '\r') {
        line++;
        String br = "" + c;
        if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
          pos++;
          br = "\r\n";
        }
        sb.append(br);
        if (raw == null) {
          raw = new StringBuilder();
        } else {
          raw.append(br);
        }
      } else {
        sb.append(c);
        if (raw != null) {
          raw.append(c);
        }
      }
      if (sb.length() > MAX_QUOTED) {
        return quoteError(UNCLOSED_QUOTE, raw, quoteLine);
      }
    }
  }

  private int quoteError(int code, StringBuilder raw, long quoteLine) {
    error = code;
    errorField = count;
    add(sb.toString());
    if (raw != null) {
      // the field swallowed line breaks: read what followed its first one again, as lines
      int rest = limit - pos;
      char[] nb = new char[Math.max(raw.length() + rest, 1 << 16)];
      raw.getChars(0, raw.length(), nb, 0);
      System.arraycopy(buf, pos, nb, raw.length(), rest);
      buf = nb;
      pos = 0;
      limit = raw.length() + rest;
      line = quoteLine + 1;
      return EOL;
    }
    while (pos < limit || fill()) {
      char c = buf[pos];
      if (c == '\n' || c == '\r') {
        consumeEol();
        return EOL;
      }
      pos++;
    }
    return EOF;
  }
}
