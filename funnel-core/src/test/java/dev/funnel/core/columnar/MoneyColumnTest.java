package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyColumnTest {

  private static List<BigDecimal> list(String... amounts) {
    List<BigDecimal> out = new ArrayList<>();
    for (String a : amounts) {
      out.add(a == null ? null : new BigDecimal(a));
    }
    return out;
  }

  @Test
  void scaleIsTheMostDecimalsAnyAmountNeeds() {
    MoneyColumn c = MoneyColumn.of("x", list("74802.9716", "10.50", null, "3", "1E+3", "0.000"));
    assertEquals(4, c.scale());
    assertEquals(748029716L, c.unscaled(0));
    assertEquals(105000L, c.unscaled(1));
    assertFalse(c.present(2));
    assertEquals(MoneyColumn.ABSENT, c.unscaled(2));
    assertNull(c.value(2));
    assertEquals(30000L, c.unscaled(3));
    assertEquals(10_000_000L, c.unscaled(4));
    assertEquals(0L, c.unscaled(5));
    assertEquals(new BigDecimal("75816.4716"), c.sum());
    assertEquals(new BigDecimal("10.5000"), c.sum(1, 3));
    assertEquals(5, c.count(0, 6));
    assertEquals(0, MoneyColumn.of("x", list("10.50", "2")).scale() - 1);
    assertEquals(0, MoneyColumn.of("x", list("100", "2E+2")).scale());
  }

  @Test
  void sumsBeyondTheLongRangeStayExact() {
    long big = Long.MAX_VALUE - 5;
    MoneyColumn c = MoneyColumn.of("x", list(
        Long.toString(big), Long.toString(big), "-" + big, Long.toString(big), "-" + big, "-" + big, "7"));
    assertEquals(BigDecimal.valueOf(7), c.sum());
    assertEquals(new BigDecimal(Long.toString(big)).multiply(BigDecimal.valueOf(3)), c.sum(0, 2).add(c.sum(3, 4)));
    assertThrows(IndexOutOfBoundsException.class, () -> c.sum(2, 1));
  }

  @Test
  void theSentinelValueIsKeptExactly() {
    MoneyColumn c = MoneyColumn.of("spend amount", list(Long.toString(Long.MIN_VALUE), "1.5"));
    assertFalse(c.scaled());
    assertTrue(c.present(0));
    assertEquals(new BigDecimal(Long.toString(Long.MIN_VALUE)), c.value(0));
    assertEquals(new BigDecimal("-9223372036854775806.5"), c.sum());
  }

  @Test
  void amountsThatFitAnIntAreKeptInFourBytesAndEveryValueComesBack() {
    List<BigDecimal> small = list("2147483647", "-2147483647", null, "0", "12.5");
    MoneyColumn c = MoneyColumn.of("x", small);
    // 12.5 sets the scale to 1: 2147483647 then needs 21474836470, beyond an int
    assertTrue(c.scaled());
    for (int i = 0; i < small.size(); i++) {
      assertEquals(small.get(i), c.value(i));
    }
    List<BigDecimal> ints = list("2147483647", "-2147483647", null, "0");
    MoneyColumn d = MoneyColumn.of("x", ints);
    assertTrue(d.storage()[0] instanceof int[]);
    assertEquals(MoneyColumn.ABSENT, d.unscaled(2));
    assertEquals(-2147483647L, d.unscaled(1));
    assertEquals(new BigDecimal("0"), d.sum(0, 1).add(d.sum(1, 2)));
    // Integer.MIN_VALUE is the int form's absent marker: a column holding it stays in longs
    MoneyColumn e = MoneyColumn.of("x", list("-2147483648", null));
    assertTrue(e.storage()[0] instanceof long[]);
    assertEquals(new BigDecimal("-2147483648"), e.value(0));
    assertFalse(e.present(1));
  }

  /**
   * A builder laid out in a random row order gives back every amount exactly, with its scale,
   * whichever storage it settles on (ints, longs from some row on, or BigDecimals).
   */
  @Test
  void aLayoutInAnyOrderGivesBackEveryAmount() {
    String[] pool = {"2147483647", "-2147483647", "-2147483648", "0", "12.5", "1E+3", "0.000",
        "19.63", "34.00", "999999999999999999", "-0.01", "21474836.48", "7", "1234567890123456789012"};
    Random rnd = new Random(11);
    for (int c = 0; c < 500; c++) {
      int n = 1 + rnd.nextInt(30);
      List<BigDecimal> given = new ArrayList<>();
      MoneyColumn.Builder b = new MoneyColumn.Builder();
      int kinds = 1 + rnd.nextInt(pool.length);
      for (int i = 0; i < n; i++) {
        BigDecimal a = rnd.nextInt(5) == 0 ? null : new BigDecimal(pool[rnd.nextInt(kinds)]);
        given.add(a);
        if (a != null && a.precision() <= 18 && rnd.nextBoolean()) {
          b.add(a.unscaledValue().longValue(), a.scale()); // as a reader appends
        } else {
          b.add(a);
        }
      }
      int[] perm = SampleRows.orderOrNull(rnd, n);
      MoneyColumn col = b.build(perm);
      for (int i = 0; i < n; i++) {
        BigDecimal want = given.get(perm == null ? i : perm[i]);
        assertEquals(want, col.value(i), "case " + c + " row " + i + " of " + given);
      }
    }
  }

  @Test
  void valuesComeBackWithTheScaleTheyWereGiven() {
    MoneyColumn c = MoneyColumn.of("x", list("10.50", "3", "1E+3", "0.000", "2.25"));
    assertTrue(c.scaled());
    assertEquals(2, c.scale());
    for (String s : new String[] {"10.50", "3", "1E+3", "0.000", "2.25"}) {
      assertEquals(new BigDecimal(s), c.value(java.util.Arrays.asList("10.50", "3", "1E+3", "0.000", "2.25").indexOf(s)));
    }
  }

  @Test
  void exactSumsEqualBigDecimalSumsInAnyOrder() {
    qt().withExamples(200)
        .forAll(longs().all(), integers().between(0, 200))
        .checkAssert((seed, n) -> {
          Random r = new Random(seed);
          List<BigDecimal> amounts = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            // large magnitudes so that partial sums leave the long range
            amounts.add(r.nextInt(8) == 0 ? null
                : BigDecimal.valueOf(r.nextLong() / 128, r.nextInt(3))); // fits at scale 2
          }
          BigDecimal expected = amounts.stream().filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
          MoneyColumn c = MoneyColumn.of("x", amounts);
          assertEquals(0, expected.compareTo(c.sum()), expected + " vs " + c.sum());
          int cut = n == 0 ? 0 : r.nextInt(n + 1);
          assertEquals(0, c.sum(0, cut).add(c.sum(cut, n)).compareTo(expected));
          for (int i = 0; i < n; i++) {
            BigDecimal a = amounts.get(i);
            assertTrue(a == null ? c.value(i) == null : a.compareTo(c.value(i)) == 0);
          }
        });
  }

  @Test
  void codesUseTheNarrowestWidth() {
    int[] codes = {-1, 0, 5, 126};
    assertTrue(Codes.of(codes, 127).array() instanceof byte[]);
    assertTrue(Codes.of(codes, 128).array() instanceof short[]);
    assertTrue(Codes.of(codes, 40_000).array() instanceof int[]);
    for (int size : new int[] {127, 128, 40_000}) {
      Codes c = Codes.of(codes, size);
      int[] back = new int[codes.length];
      for (int i = 0; i < codes.length; i++) {
        back[i] = c.get(i);
      }
      assertTrue(Arrays.equals(codes, back));
      assertEquals(4, c.size());
    }
    int[] wide = {-1, 32766, 40_000 - 1};
    Codes c = Codes.of(wide, 40_000);
    assertEquals(39_999, c.get(2));
  }

  @Test
  void dictionaryCodesFollowStringOrder() {
    Dictionary d = Dictionary.of("channels", Arrays.asList("seo", null, "direct", "Seo", "seo", "émail"));
    assertEquals(List.of("Seo", "direct", "seo", "émail"), d.values());
    assertEquals(2, d.code("seo"));
    assertEquals(Dictionary.ABSENT, d.code(null));
    assertNull(d.value(Dictionary.ABSENT));
    assertEquals(Dictionary.ABSENT, d.find("paid"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.code("paid"));
    assertEquals("'paid' is not among the 4 channels", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> d.value(4));
    // 4-byte reference array (16 + 16) and per string 24 + pad(16 + length)
    assertEquals(32 + 4 * 24 + 24 + 24 + 24 + 24, d.bytes());
  }
}
