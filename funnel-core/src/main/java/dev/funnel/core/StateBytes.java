package dev.funnel.core;

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
 * The shared vocabulary of the library's stable byte forms of mergeable states (the funnel tally,
 * the unit-economics tally, the cohort state): a leading version byte, then big-endian fields in
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
 * bytes left or bytes after the end are {@link IllegalArgumentException}s that name the state and
 * the reason, never another exception.
 */
public final class StateBytes {
  private StateBytes() {}

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

    /** An optional string: byte 0, or byte 1 and the string. */
    public Writer writeOptionalString(String s) {
      if (s == null) {
        return writeByte(0);
      }
      writeByte(1);
      return writeString(s);
    }

    /** A decimal: int scale, int length, unscaled two's-complement bytes. */
    public Writer writeDecimal(BigDecimal d) {
      writeInt(d.scale());
      byte[] unscaled = d.unscaledValue().toByteArray();
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

    /** A string written by {@link Writer#writeString}. */
    public String readString(String field) {
      return new String(readBytes(readSize(field + " length")), StandardCharsets.UTF_8);
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

    /** A decimal written by {@link Writer#writeDecimal}. */
    public BigDecimal readDecimal(String field) {
      int scale = readInt();
      int n = readSize(field + " length");
      if (n == 0) {
        throw malformed(field + " has no digits");
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
