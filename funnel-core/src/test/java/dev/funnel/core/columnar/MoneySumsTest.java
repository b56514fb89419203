package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MoneySumsTest {

  /** One payment per customer a, b, c, ...: rows in that order. */
  private static MoneyColumn amounts(String... amounts) {
    Dataset.Builder b = Dataset.builder();
    for (int i = 0; i < amounts.length; i++) {
      b.payment(new Payment(null, String.valueOf((char) ('a' + i)), null,
          Instant.parse("2026-03-01T10:00:00Z"), Money.of(new BigDecimal(amounts[i]), null), null));
    }
    return Columns.of(b.build()).payments().amount();
  }

  private static void assertExact(String expected, BigDecimal actual) {
    assertEquals(new BigDecimal(expected), actual); // equals: value and scale
  }

  @Test
  void sumStartsFromZeroAndMergedFromTheFirstAmount() {
    MoneyColumn col = amounts("1E+3", "2.50", "7");
    MoneySums sums = new MoneySums(col, 1);
    sums.ensure(3);
    sums.add(0, 0);
    sums.add(1, 1);
    sums.add(1, 2);
    assertExact("1000", sums.sum(0));
    assertExact("1E+3", sums.merged(0));
    assertExact("9.50", sums.sum(1));
    assertExact("9.50", sums.merged(1));
    assertFalse(sums.any(2));
    assertExact("0", sums.sum(2));
    assertEquals(0, sums.merged(2).signum());
  }

  @Test
  void longOverflowAndExactColumnsStayExact() {
    MoneySums big = new MoneySums(amounts("9223372036854775807", "9223372036854775807", "1"), 1);
    for (int r = 0; r < 3; r++) {
      big.add(0, r);
    }
    assertTrue(big.any(0));
    assertExact("18446744073709551615", big.sum(0));
    MoneyColumn exact = amounts("123456789012345678901234.5", "0.25");
    assertFalse(exact.scaled());
    MoneySums e = new MoneySums(exact, 1);
    e.add(0, 0);
    e.add(0, 1);
    assertExact("123456789012345678901234.75", e.sum(0));
    assertExact("123456789012345678901234.75", e.merged(0));
  }
}
