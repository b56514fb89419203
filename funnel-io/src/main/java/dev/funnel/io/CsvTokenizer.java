package dev.funnel.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 tokenizer over UTF-8 bytes that reports physical line numbers and recovers
 * from broken quoting, so lenient reading can reject one row and carry on.
 *
 * <p>Why bytes and not characters: every character with a meaning in CSV (quote, delimiters, line
 * breaks) is ASCII, and in UTF-8 an ASCII byte never occurs inside a multi-byte character; so the
 * fields can be found without decoding, and a reader that wants numbers, times or dictionary keys
 * parses them straight from the bytes ({@link #start}, {@link #end}) without making a string per
 * cell. {@link #field(int)} decodes a field when text is wanted (malformed UTF-8 becomes U+FFFD).
 * Why not Jackson's CSV parser: it counts records rather than physical lines and cannot resume
 * after a structural error, and both are needed here (docs/spec/dataset.md, strict and lenient reading).
 *
 * <p>Rules: a field is quoted when its first byte is {@code "}; inside quotes {@code ""} is a
 * quote and line breaks are data. A quote inside an unquoted field is an ordinary character. Line
 * breaks are LF, CRLF or CR. Lines with no characters at all are not records. A leading UTF-8 byte
 * order mark is skipped. Broken records end with an error code:
 *
 * <ul>
 *   <li>{@link #UNCLOSED_QUOTE}: the input ended inside a quoted field, or a quoted field grew past
 *       {@link #MAX_QUOTED} bytes;
 *   <li>{@link #INVALID_QUOTE}: a closing quote was followed by something other than a delimiter
 *       or a line break;
 *   <li>{@link #TOO_LONG}: a record (outside quotes) grew past {@link #MAX_RECORD} bytes; its first
 *       bytes are field 0 and the rest of the physical line is skipped, so memory stays bounded
 *       whatever the input.
 * </ul>
 *
 * When a broken quoted field had spanned line breaks, the text after its first line break is read
 * again as ordinary lines (a stray quote then costs one rejected row, not the rest of the file);
 * otherwise the rest of the physical line is skipped.
 *
 * <p>A record is always whole in the buffer while it is looked at: when one runs past the end of
 * the bytes read so far, the buffer is compacted or grown and the record is scanned again from its
 * start. Not thread-safe.
 */
final class CsvTokenizer {

  static final int OK = 0;
  static final int UNCLOSED_QUOTE = 1;
  static final int INVALID_QUOTE = 2;
  static final int TOO_LONG = 3;

  /** Longest quoted field accepted, in bytes; longer ones are taken for a quote never closed. */
  static final int MAX_QUOTED = 1 << 20;

  /** Longest record accepted, in bytes: the bound on this tokenizer's memory. */
  static final int MAX_RECORD = 1 << 23;

  /** Bytes of a too long record kept as its field 0, for the message. */
  private static final int TOO_LONG_SHOWN = 64;

  private static final int DONE = 0;
  private static final int MORE = 1;

  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long base; // input offset of buf[0]
  private long stopAt = -1; // next() stops before a record starting at or after this offset
  private long stoppedAt = -1;
  private boolean unterminated;
  private final byte delimiter;
  private long line = 1;
  private long recordLine;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private byte[] flags = new byte[16];
  private int fieldFlags; // of the field being scanned
  private int count;
  private int error;
  private int errorField;
  private byte[] scratch = new byte[64];
  private String[] strings = new String[16];
  private boolean stringsMade;

  /**
   * @param delimiter the field delimiter, or 0 to detect it from the first line among {@code ,}
   *     {@code ;} and tab (the most frequent outside quotes; comma when none occurs)
   */
  CsvTokenizer(InputStream in, char delimiter) {
    this.in = in;
    prime();
    if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
      pos = 3;
    }
    this.delimiter = (byte) (delimiter != 0 ? delimiter : detect());
  }

  char delimiter() {
    return (char) delimiter;
  }

  private char detect() {
    int comma = 0;
    int semi = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = pos; i < limit; i++) {
      byte c = buf[i];
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
    while (!eof && limit < buf.length && !hasLineBreak()) {
      read();
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

  /** Reads more bytes after {@code limit}; sets eof at the end of the input. */
  private void read() {
    try {
      int n;
      do {
        n = in.read(buf, limit, buf.length - limit);
      } while (n == 0);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes more input available after the bytes from {@code keep} on, which move to the start of
   * the buffer (the buffer grows when {@code keep} is already there and it is full).
   *
   * @return false at the end of the input
   */
  private boolean more(int keep) {
    if (eof) {
      return false;
    }
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      pos -= keep;
      base += keep;
    } else if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    read();
    return true;
  }

  /**
   * Makes {@link #next()} stop (answer false) before the first record, or blank line, that starts
   * at input offset {@code offset} or later; -1 reads to the end. Where it stopped is
   * {@link #stoppedAt()}.
   */
  void stopAt(long offset) {
    stopAt = offset;
    stoppedAt = -1;
  }

  /** The input offset where {@link #next()} stopped for {@link #stopAt}, or -1. */
  long stoppedAt() {
    return stoppedAt;
  }

  /** The physical line (1-based) where the next record or blank line would start. */
  long nextLine() {
    return line;
  }

  /** The input offset after the current record (and before any line after it). */
  long position() {
    return base + pos;
  }

  /** Reads the next record; false at the end of the input (or at {@link #stopAt}). */
  boolean next() {
    count = 0;
    error = OK;
    stringsMade = false;
    if (stopAt >= 0 && base + pos >= stopAt) {
      stoppedAt = base + pos;
      return false;
    }
    while (true) {
      if (pos >= limit) {
        if (!more(pos)) {
          return false;
        }
        continue;
      }
      byte c = buf[pos];
      if (c == '\n') {
        pos++;
        line++;
      } else if (c == '\r') {
        if (pos + 1 >= limit && more(pos)) {
          continue;
        }
        pos += pos + 1 < limit && buf[pos + 1] == '\n' ? 2 : 1;
        line++;
      } else {
        break;
      }
    }
    recordLine = line;
    unterminated = false;
    while (record() == MORE) {
      line = recordLine;
      count = 0;
      error = OK;
      if (limit - pos >= MAX_RECORD) {
        tooLong();
        return true;
      }
      more(pos);
    }
    unterminated = eof && pos >= limit && pos > 0 && buf[pos - 1] != '\n' && buf[pos - 1] != '\r';
    return true;
  }

  /**
   * Whether the current record ended at the end of the input without a line break after it: in a
   * file written line by line, the sign of a file cut short (its last value may be incomplete).
   */
  boolean unterminated() {
    return unterminated;
  }

  /** Physical line (1-based) where the current record starts. */
  long line() {
    return recordLine;
  }

  /** Number of fields of the current record. */
  int count() {
    return count;
  }

  /** {@link #OK}, {@link #UNCLOSED_QUOTE}, {@link #INVALID_QUOTE} or {@link #TOO_LONG}. */
  int error() {
    return error;
  }

  /** 0-based index of the broken field. */
  int errorField() {
    return errorField;
  }

  /** The buffer that {@link #start} and {@link #end} index; valid until the next record. */
  byte[] buffer() {
    return buf;
  }

  /**
   * Where the bytes of field {@code i} start; a field with doubled quotes ({@link #ESCAPED}) is
   * there in its raw form.
   */
  int start(int i) {
    return starts[i];
  }

  /** Where the bytes of field {@code i} end (exclusive). */
  int end(int i) {
    return ends[i];
  }

  /** Field flag: the field holds doubled quotes, so its raw bytes are not its value. */
  static final int ESCAPED = 1;
  /** Field flag: the field holds a control byte (below 0x20, tab excepted; line breaks too). */
  static final int CONTROL = 2;
  /** Field flag: the field holds a byte of a non-ASCII character (0x80 and above). */
  static final int NON_ASCII = 4;

  /** The {@link #ESCAPED}, {@link #CONTROL} and {@link #NON_ASCII} flags of field {@code i}. */
  int flags(int i) {
    return flags[i];
  }

  /** Field {@code i} decoded from UTF-8, quotes undoubled. */
  String field(int i) {
    int s = starts[i];
    int e = ends[i];
    if (s == e) {
      return "";
    }
    if ((flags[i] & ESCAPED) == 0) {
      return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }
    int n = unescape(s, e);
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  /** Copies buf[s, e) to the scratch array with {@code ""} as {@code "}; its length there. */
  private int unescape(int s, int e) {
    if (scratch.length < e - s) {
      scratch = new byte[e - s];
    }
    int n = 0;
    for (int k = s; k < e; k++) {
      byte c = buf[k];
      scratch[n++] = c;
      if (c == '"' && k + 1 < e && buf[k + 1] == '"') {
        k++;
      }
    }
    return n;
  }

  /** The fields of the current record as strings; entries at {@code count()} and beyond are stale. */
  String[] fields() {
    if (!stringsMade) {
      if (strings.length < count) {
        strings = new String[starts.length];
      }
      for (int i = 0; i < count; i++) {
        strings[i] = field(i);
      }
      stringsMade = true;
    }
    return strings;
  }

  private void add(int s, int e, int f) {
    if (count == starts.length) {
      int n = count * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      flags = Arrays.copyOf(flags, n);
    }
    starts[count] = s;
    ends[count] = e;
    flags[count++] = (byte) f;
  }

  /**
   * Scans the record that starts at {@code pos}; MORE when it runs past the bytes read so far (the
   * caller makes more available and calls again), DONE with {@code pos} after it otherwise.
   */
  private int record() {
    final byte[] b = buf;
    final int lim = limit;
    final byte d = delimiter;
    final long dd = (d & 0xFFL) * 0x0101010101010101L;
    int p = pos;
    while (true) {
      if (p >= lim) {
        if (!eof) {
          return MORE;
        }
        add(p, p, 0);
        pos = p;
        return DONE;
      }
      if (b[p] == '"') {
        int r = quoted(p + 1);
        if (r < 0) {
          return MORE;
        }
        if (r == Integer.MAX_VALUE) {
          return DONE; // the record ended (line break, end of input or broken quoting)
        }
        p = r;
        continue;
      }
      int s = p;
      int f = 0;
      while (p < lim) {
        if (p + 8 <= lim) { // eight bytes at a time while none is special
          long m = special((long) LONG_LE.get(b, p), dd);
          if (m == 0) {
            p += 8;
            continue;
          }
          p += Long.numberOfTrailingZeros(m) >>> 3;
        }
        byte c = b[p];
        if (c < 0x20) { // bytes of non-ASCII characters are negative
          if (c < 0) {
            f |= NON_ASCII;
          } else if (c == '\n' || c == '\r' || c == d) {
            break;
          } else if (c != '\t') {
            f |= CONTROL;
          }
        } else if (c == d) {
          break;
        }
        p++;
      }
      if (p >= lim) {
        if (!eof) {
          return MORE;
        }
        add(s, p, f);
        pos = p;
        return DONE;
      }
      add(s, p, f);
      if (b[p] == d) {
        p++;
        continue;
      }
      int after = lineBreak(p);
      if (after < 0) {
        return MORE;
      }
      pos = after;
      line++;
      return DONE;
    }
  }

  private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * A mask whose lowest set bit falls in the first byte of {@code x} (little-endian: the first in
   * the buffer) that the field scan must look at: a control byte (below 0x20: line breaks, tab),
   * a byte of a non-ASCII character (0x80 and up) or the delimiter ({@code dd}: it in every
   * byte); zero when the eight bytes are plain. Bits above the lowest may be spurious (borrows).
   */
  private static long special(long x, long dd) {
    long y = x ^ dd;
    long low = (x - 0x2020202020202020L) & ~x; // below 0x20 (bytes of 0x80 and up: see below)
    long delim = (y - 0x0101010101010101L) & ~y; // equal to the delimiter
    return (low | delim | x) & 0x8080808080808080L;
  }

  /** The position after the line break at {@code p}, or -1 when more input is needed to know. */
  private int lineBreak(int p) {
    if (buf[p] == '\n') {
      return p + 1;
    }
    if (p + 1 < limit) {
      return buf[p + 1] == '\n' ? p + 2 : p + 1;
    }
    return eof ? p + 1 : -1;
  }

  /**
   * Scans a quoted field whose content starts at {@code s}. Returns the position of the next field
   * when a delimiter follows it; {@code Integer.MAX_VALUE} when the record ends with it (pos set);
   * -1 when more input is needed.
   */
  private int quoted(int s) {
    final byte[] b = buf;
    final int lim = limit;
    int q = s;
    int esc = 0;
    int firstBreak = -1; // position after the first line break inside the quotes
    long quoteLine = line;
    while (true) {
      if (q >= lim) {
        if (!eof) {
          return -1;
        }
        return broken(UNCLOSED_QUOTE, s, q, esc, firstBreak, quoteLine);
      }
      byte c = b[q];
      if (c == '"') {
        if (q + 1 >= lim) {
          if (!eof) {
            return -1;
          }
          add(s, q, esc);
          pos = q + 1;
          return Integer.MAX_VALUE;
        }
        byte n = b[q + 1];
        if (n == '"') {
          esc |= ESCAPED;
          q += 2;
          continue;
        }
        if (n == delimiter) {
          add(s, q, esc);
          return q + 2;
        }
        if (n == '\n' || n == '\r') {
          int after = lineBreak(q + 1);
          if (after < 0) {
            return -1;
          }
          add(s, q, esc);
          pos = after;
          line++;
          return Integer.MAX_VALUE;
        }
        return broken(INVALID_QUOTE, s, q, esc, firstBreak, quoteLine);
      }
      if (c >= 0x20 || c == '\t') {
        q++;
      } else if (c < 0) {
        esc |= NON_ASCII;
        q++;
      } else if (c != '\n' && c != '\r') {
        esc |= CONTROL;
        q++;
      } else {
        esc |= CONTROL;
        int after = lineBreak(q);
        if (after < 0) {
          return -1;
        }
        line++;
        if (firstBreak < 0) {
          firstBreak = after;
        }
        q = after;
      }
      if (q - s > MAX_QUOTED) {
        return broken(UNCLOSED_QUOTE, s, q, esc, firstBreak, quoteLine);
      }
    }
  }

  /**
   * Ends the record at a broken quoted field whose content so far is buf[s, e): the text after its
   * first line break is read again, or, when it had none, the rest of the physical line is skipped.
   */
  private int broken(int code, int s, int e, int esc, int firstBreak, long quoteLine) {
    if (firstBreak < 0) {
      int p = e;
      while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
        p++;
      }
      int after = p;
      if (p < limit) {
        after = lineBreak(p);
        if (after < 0) {
          return -1;
        }
      } else if (!eof) {
        return -1;
      }
      error = code;
      errorField = count;
      add(s, e, esc);
      pos = after;
      if (p < limit) {
        line++;
      }
      return Integer.MAX_VALUE;
    }
    error = code;
    errorField = count;
    add(s, e, esc);
    pos = firstBreak;
    line = quoteLine + 1;
    return Integer.MAX_VALUE;
  }

  /**
   * Ends a record that outgrew {@link #MAX_RECORD}: its first bytes become field 0, and the input is
   * skipped up to and including the next line break (outside any quotes), without keeping it.
   */
  private void tooLong() {
    error = TOO_LONG;
    errorField = 0;
    int shown = Math.min(TOO_LONG_SHOWN, limit - pos);
    byte[] head = Arrays.copyOfRange(buf, pos, pos + shown);
    int p = pos;
    while (true) {
      while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
        p++;
      }
      if (p < limit) {
        if (buf[p] == '\r' && p + 1 >= limit && !eof) {
          pos = p;
          more(pos);
          p = pos;
          continue;
        }
        pos = lineBreak(p);
        line++;
        break;
      }
      pos = limit;
      if (!more(pos)) {
        break;
      }
      p = pos;
    }
    // the head goes to the start of a fresh buffer region: keep it in scratch-backed field 0
    scratchHead(head);
  }

  private void scratchHead(byte[] head) {
    // field 0 must index the buffer; put the head just before pos when there is room, else grow
    if (pos >= head.length) {
      System.arraycopy(head, 0, buf, pos - head.length, head.length);
      add(pos - head.length, pos, CONTROL);
    } else {
      byte[] nb = new byte[Math.max(buf.length, limit - pos + head.length)];
      System.arraycopy(head, 0, nb, 0, head.length);
      System.arraycopy(buf, pos, nb, head.length, limit - pos);
      limit = limit - pos + head.length;
      pos = head.length;
      buf = nb;
      add(0, head.length, CONTROL);
    }
  }
}
