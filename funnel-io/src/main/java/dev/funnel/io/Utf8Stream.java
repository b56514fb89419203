package dev.funnel.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a {@link Reader} as UTF-8 bytes, so that text handed to the public {@code Reader}
 * overloads is read by the same byte tokenizer as files ({@link CsvTokenizer}). An unpaired
 * surrogate becomes {@code ?}. Does not close the reader.
 */
final class Utf8Stream extends InputStream {
  private final Reader in;
  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final CharBuffer chars = CharBuffer.allocate(1 << 13);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 15);
  private boolean eof;
  private boolean flushed;

  Utf8Stream(Reader in) {
    this.in = in;
    chars.flip();
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!bytes.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      bytes.clear();
      if (!eof) {
        chars.compact();
        int n = in.read(chars);
        chars.flip();
        if (n < 0) {
          eof = true;
        }
      }
      CoderResult r = encoder.encode(chars, bytes, eof);
      if (eof && r.isUnderflow()) {
        encoder.flush(bytes);
        flushed = true;
      }
      bytes.flip();
    }
    int n = Math.min(len, bytes.remaining());
    bytes.get(b, off, n);
    return n;
  }
}
