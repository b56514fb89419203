package dev.funnel.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The limits {@link StateBytes} puts on decimals and strings (issue 15, item 5): a forged scale or
 * a run of digits is refused on read, and the writer refuses what the reader would, so a byte form
 * written is one that can be read back.
 */
class StateBytesLimitsTest {

  private static byte[] decimal(int scale, byte[] unscaled) {
    StateBytes.Writer w = new StateBytes.Writer(1);
    w.writeInt(scale).writeInt(unscaled.length);
    byte[] head = w.toByteArray();
    byte[] out = java.util.Arrays.copyOf(head, head.length + unscaled.length);
    System.arraycopy(unscaled, 0, out, head.length, unscaled.length);
    return out;
  }

  private static BigDecimal read(byte[] data) {
    StateBytes.Reader r = new StateBytes.Reader(data, "test state", 1);
    BigDecimal d = r.readDecimal("amount");
    r.end();
    return d;
  }

  @Test
  void scalesUpToTheLimitAreRead() {
    assertEquals(new BigDecimal(BigInteger.ONE, 1_000), read(decimal(1_000, new byte[] {1})));
    assertEquals(new BigDecimal(BigInteger.ONE, -1_000), read(decimal(-1_000, new byte[] {1})));
    byte[] digits = new byte[StateBytes.MAX_DECIMAL_BYTES];
    digits[1] = 1;
    assertEquals(new BigDecimal(new BigInteger(digits), 2), read(decimal(2, digits)));
  }

  @Test
  void aForgedScaleOrRunOfDigitsIsRefusedOnRead() {
    assertEquals("test state bytes are malformed: amount has scale 16777216, beyond the limit of 1000",
        assertThrows(IllegalArgumentException.class, () -> read(decimal(16_777_216, new byte[] {1})))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> read(decimal(-1_001, new byte[] {1})));
    assertThrows(IllegalArgumentException.class, () -> read(decimal(Integer.MIN_VALUE, new byte[] {1})));
    assertEquals("test state bytes are malformed: amount has 1025 bytes of digits, beyond the limit of 1024",
        assertThrows(IllegalArgumentException.class,
            () -> read(decimal(0, new byte[StateBytes.MAX_DECIMAL_BYTES + 1]))).getMessage());
  }

  @Test
  void theWriterRefusesWhatTheReaderWould() {
    StateBytes.Writer w = new StateBytes.Writer(1);
    assertThrows(IllegalArgumentException.class, () -> w.writeDecimal(new BigDecimal(BigInteger.ONE, 1_001)));
    assertThrows(IllegalArgumentException.class,
        () -> w.writeDecimal(new BigDecimal(BigInteger.ONE.shiftLeft(8 * StateBytes.MAX_DECIMAL_BYTES))));
    w.writeDecimal(new BigDecimal(BigInteger.ONE, 1_000));
    assertEquals(new BigDecimal(BigInteger.ONE, 1_000), read(w.toByteArray()));
  }

  @Test
  void stringsMustBeUtf8() {
    StateBytes.Writer w = new StateBytes.Writer(1);
    w.writeInt(2).writeByte(0xC3).writeByte(0x28); // a lead byte followed by no continuation
    StateBytes.Reader r = new StateBytes.Reader(w.toByteArray(), "test state", 1);
    assertEquals("test state bytes are malformed: channel is not UTF-8",
        assertThrows(IllegalArgumentException.class, () -> r.readString("channel")).getMessage());
    StateBytes.Writer ok = new StateBytes.Writer(1).writeString("Köln ✓");
    assertEquals("Köln ✓", new StateBytes.Reader(ok.toByteArray(), "t", 1).readString("s"));
  }
}
