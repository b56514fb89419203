package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path against {@code new BigDecimal(String)} as the oracle, scale included. */
class DecimalsTest {

  @Test
  void agreesWithBigDecimalIncludingScale() {
    Random rnd = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      if (rnd.nextInt(3) == 0) {
        b.append('-');
      }
      int digits = 1 + rnd.nextInt(25);
      int point = rnd.nextInt(digits + 1);
      for (int k = 0; k < digits; k++) {
        if (k == point && rnd.nextBoolean()) {
          b.append('.');
        }
        b.append((char) ('0' + rnd.nextInt(10)));
      }
      String s = b.toString();
      BigDecimal want = new BigDecimal(s);
      BigDecimal got = Decimals.parse(s);
      assertEquals(want, got, s);
      assertEquals(want.scale(), got.scale(), s);
    }
  }

  @Test
  void edgeForms() {
    assertEquals(new BigDecimal("5"), Decimals.parse("5."));
    assertEquals(new BigDecimal("0.5"), Decimals.parse(".5"));
    assertEquals(new BigDecimal("12"), Decimals.parse("+12"));
    assertEquals(new BigDecimal("-20"), Decimals.parse("-20"));
    for (String s : List.of("", "-", ".", "1e3", "1,5", "1.2.3", "1 000", "0x10", "NaN")) {
      assertNull(Decimals.parse(s), s);
    }
    assertEquals(3, Decimals.count("3"));
    assertEquals(3, Decimals.count("3.00"));
    assertEquals(-1, Decimals.count("3.5"));
    assertEquals(-1, Decimals.count("-3"));
    assertEquals(-1, Decimals.count("99999999999999999999"));
  }
}
