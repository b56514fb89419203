package dev.funnel.io;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, as {@link java.io.BufferedReader#readLine} splits them (at {@code \n},
 * {@code \r} or {@code \r\n}), with a bound on what one line may hold: a longer line is returned
 * cut to its first characters and marked {@link #tooLong()}, and the rest of it is skipped without
 * being kept, so memory stays bounded whatever the input. Not thread-safe.
 */
final class BoundedLines {

  /** Characters of a too long line kept, for the message. */
  static final int SHOWN = 64;

  private final Reader in;
  private final int max;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private boolean skipLf;
  private boolean tooLong;
  private final StringBuilder line = new StringBuilder();

  /**
   * @param max the most characters a line may hold
   */
  BoundedLines(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The characters held for the line being read, at most: the bound on this reader's memory. */
  int held() {
    return line.capacity();
  }

  /** Whether the last line returned was longer than the bound (and is its first characters). */
  boolean tooLong() {
    return tooLong;
  }

  /** The next line without its terminator, or null at the end of the text. */
  String next() throws IOException {
    line.setLength(0);
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return any ? line.toString() : null;
        }
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      keep(start, pos);
      if (pos < len) {
        skipLf = buf[pos] == '\r';
        pos++;
        return line.toString();
      }
    }
  }

  private void keep(int from, int to) {
    if (tooLong) {
      return;
    }
    if (line.length() + (to - from) > max) {
      tooLong = true;
      line.setLength(Math.min(line.length(), SHOWN));
      line.append(buf, from, Math.max(0, Math.min(to - from, SHOWN - line.length())));
      return;
    }
    line.append(buf, from, to - from);
  }
}
