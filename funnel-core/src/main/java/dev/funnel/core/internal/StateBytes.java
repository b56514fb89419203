package dev.funnel.core.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The shared vocabulary of the library's stable byte forms of mergeable states (the funnel state,
 * the unit-economics state, the cohort state): a leading version byte, then big-endian fields in
 * the layout of {@link DataOutputStream}. So a state can be shipped between processes (a Spark
 * buffer, a Flink or Beam accumulator coder) and read back by any later release that knows its
 * version.
 *
 * <p>Field encodings: {@code int} and {@code long} are 4 and 8 bytes, big-endian; a string is an
 * {@code int} length then that many UTF-8 bytes (not {@code writeUTF}, so no 64 KiB limit); an
 * optional value is a byte 0 (absent) or 1 (present) followed by the value; a decimal is its
 * {@code int} scale, then the {@code int} length and bytes of its unscaled value's two's-complement
 * big-endian form ({@link BigInteger#toByteArray()}), so scale is kept exactly.
 *
 * <p>Reading is strict: a wrong version, a truncated array, a negative length, a length beyond the
 * bytes left, a string that is not UTF-8, a decimal outside the limits below or bytes after the end
 * are {@link IllegalArgumentException}s that name the state and the reason, never another
 * exception. The limits bound the work a forged or corrupt array can cause: {@link BigDecimal}
 * arithmetic is linear in the digits but a scale of 16,777,216 makes adding two amounts raise ten
 * to that power (seconds per addition). The writer refuses what the reader would refuse, so every
 * byte form written can be read back.
 */
public final class StateBytes {
  private StateBytes() {}

  /**
   * The largest scale, in absolute value, of a decimal in a byte form: 1,000 decimal places. Money
   * read by this library has a plain decimal's scale (cents, or a few more places for rates), and a
   * sum has the largest scale of its terms; far beyond that is a corrupt array.
   */
  public static final int MAX_DECIMAL_SCALE = 1_000;

  /**
   * The most bytes of a decimal's unscaled value: 1,024 (about 2,466 decimal digits), far more than
   * the sum of 2^63 amounts of 1,000 digits each needs.
   */
  public static final int MAX_DECIMAL_BYTES = 1_024;

  /** Writes fields of one byte form. Not thread-safe; one per {@code toBytes} call. */
  public static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** A writer whose first byte is the version. */
    public Writer(int version) {
      writeByte(version);
    }

    /** One byte. */
    public Writer writeByte(int b) {
      try {
        out.writeByte(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** A 4-byte big-endian int. */
    public Writer writeInt(int v) {
      try {
        out.writeInt(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** An 8-byte big-endian long. */
    public Writer writeLong(long v) {
      try {
        out.writeLong(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** A string: int length, then UTF-8 bytes. */
    public Writer writeString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeInt(b.length);
      try {
        out.write(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /**
     * A string in {@link DataOutputStream#writeUTF(String)}'s form (a 2-byte length, then modified
     * UTF-8), the layout of the path and transition counts.
     *
     * @throws IllegalArgumentException when it takes more than 65,535 bytes in that form
     */
    public Writer writeModifiedUtf8(String s) {
      try {
        out.writeUTF(s);
      } catch (java.io.UTFDataFormatException e) {
        throw new IllegalArgumentException("a string of more than 65,535 bytes cannot be written"
            + " in this byte form: '" + s.substring(0, 40) + "...'");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** An optional string: byte 0, or byte 1 and the string. */
    public Writer writeOptionalString(String s) {
      if (s == null) {
        return writeByte(0);
      }
      writeByte(1);
      return writeString(s);
    }

    /**
     * A decimal: int scale, int length, unscaled two's-complement bytes.
     *
     * @throws IllegalArgumentException when its scale or digits exceed {@link #MAX_DECIMAL_SCALE}
     *     or {@link #MAX_DECIMAL_BYTES} (the reader would refuse it)
     */
    public Writer writeDecimal(BigDecimal d) {
      byte[] unscaled = d.unscaledValue().toByteArray();
      if (Math.abs((long) d.scale()) > MAX_DECIMAL_SCALE || unscaled.length > MAX_DECIMAL_BYTES) {
        throw new IllegalArgumentException("a decimal with scale " + d.scale() + " and "
            + unscaled.length + " bytes of digits cannot be written: a byte form holds scales up to "
            + MAX_DECIMAL_SCALE + " and up to " + MAX_DECIMAL_BYTES + " bytes of digits");
      }
      writeInt(d.scale());
      writeInt(unscaled.length);
      try {
        out.write(unscaled);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** The bytes written. */
    public byte[] toByteArray() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  /** Reads fields of one byte form, every failure an {@link IllegalArgumentException}. */
  public static final class Reader {
    private final String what;
    private final int length;
    private final DataInputStream in;

    /**
     * A reader of the byte form of {@code what} (used in messages); checks the version byte.
     *
     * @throws IllegalArgumentException on null or empty bytes or another version
     */
    public Reader(byte[] data, String what, int version) {
      this.what = what;
      if (data == null || data.length == 0) {
        throw new IllegalArgumentException(what + " bytes are empty");
      }
      if (data[0] != version) {
        throw new IllegalArgumentException(what + " bytes have version " + data[0]
            + ", this library reads version " + version);
      }
      this.length = data.length;
      this.in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1));
    }

    /** A malformed-bytes failure naming the state and the reason. */
    public IllegalArgumentException malformed(String reason) {
      return new IllegalArgumentException(what + " bytes are malformed: " + reason);
    }

    private IllegalArgumentException truncated(IOException e) {
      if (e instanceof EOFException) {
        return new IllegalArgumentException(what + " bytes are truncated", e);
      }
      return new IllegalArgumentException(what + " bytes cannot be read", e);
    }

    /** One unsigned byte (0..255). */
    public int readByte() {
      try {
        return in.readUnsignedByte();
      } catch (IOException e) {
        throw truncated(e);
      }
    }

    /** A 4-byte int. */
    public int readInt() {
      try {
        return in.readInt();
      } catch (IOException e) {
        throw truncated(e);
      }
    }

    /** A 4-byte count or length: not negative and not more than the bytes of the array. */
    public int readSize(String field) {
      int n = readInt();
      if (n < 0 || n > length) {
        throw malformed(field + " " + n + " is out of range");
      }
      return n;
    }

    /** An 8-byte long. */
    public long readLong() {
      try {
        return in.readLong();
      } catch (IOException e) {
        throw truncated(e);
      }
    }

    /** An 8-byte count that must not be negative. */
    public long readCount(String field) {
      long n = readLong();
      if (n < 0) {
        throw malformed(field + " is negative (" + n + ")");
      }
      return n;
    }

    private byte[] readBytes(int n) {
      byte[] b = new byte[n];
      try {
        in.readFully(b);
      } catch (IOException e) {
        throw truncated(e);
      }
      return b;
    }

    /**
     * A string written by {@link Writer#writeString}.
     *
     * @throws IllegalArgumentException also when its bytes are not UTF-8 (a writer never writes
     *     such bytes, and decoding them with replacement characters would change the state)
     */
    public String readString(String field) {
      byte[] b = readBytes(readSize(field + " length"));
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(b)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw malformed(field + " is not UTF-8");
      }
    }

    /**
     * A string in {@link DataInputStream#readUTF()}'s form (a 2-byte length, then modified UTF-8),
     * as the path and transition counts write them.
     */
    public String readModifiedUtf8(String field) {
      try {
        return in.readUTF();
      } catch (java.io.UTFDataFormatException e) {
        throw malformed(field + " is not modified UTF-8");
      } catch (IOException e) {
        throw truncated(e);
      }
    }

    /** An optional string written by {@link Writer#writeOptionalString}; null when absent. */
    public String readOptionalString(String field) {
      return readFlag(field) ? readString(field) : null;
    }

    /** A presence byte: 0 or 1. */
    public boolean readFlag(String field) {
      int f = readByte();
      if (f > 1) {
        throw malformed(field + " presence byte is " + f + ", expected 0 or 1");
      }
      return f == 1;
    }

    /**
     * A decimal written by {@link Writer#writeDecimal}.
     *
     * @throws IllegalArgumentException also when its scale or digits exceed {@link
     *     #MAX_DECIMAL_SCALE} or {@link #MAX_DECIMAL_BYTES}
     */
    public BigDecimal readDecimal(String field) {
      int scale = readInt();
      if (Math.abs((long) scale) > MAX_DECIMAL_SCALE) {
        throw malformed(field + " has scale " + scale + ", beyond the limit of " + MAX_DECIMAL_SCALE);
      }
      int n = readSize(field + " length");
      if (n == 0) {
        throw malformed(field + " has no digits");
      }
      if (n > MAX_DECIMAL_BYTES) {
        throw malformed(field + " has " + n + " bytes of digits, beyond the limit of " + MAX_DECIMAL_BYTES);
      }
      return new BigDecimal(new BigInteger(readBytes(n)), scale);
    }

    /**
     * Checks that every byte was read.
     *
     * @throws IllegalArgumentException when bytes are left over
     */
    public void end() {
      try {
        if (in.available() > 0) {
          throw new IllegalArgumentException(
              what + " bytes have " + in.available() + " trailing bytes after the state");
        }
      } catch (IOException e) {
        throw truncated(e);
      }
    }
  }
}
