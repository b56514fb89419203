package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MoneyTest {

  /** Amounts with 0 to 6 decimals, up to about 10^12 in magnitude, either sign. */
  private static final Gen<BigDecimal> AMOUNTS =
      longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L)
          .zip(integers().between(0, 6), BigDecimal::valueOf);

  private static final Gen<String> CURRENCIES = Generate.pick(List.of("EUR", Money.UNSPECIFIED));

  @Test
  void sumsInAnyOrderAreExactAndEqual() {
    qt().withExamples(200).forAll(longs().all(), integers().between(0, 300)).checkAssert((seed, n) -> {
      Random r = new Random(seed);
      List<Money> amounts = new ArrayList<>();
      BigDecimal expected = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        BigDecimal a = BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), r.nextInt(8));
        amounts.add(Money.of(a, r.nextBoolean() ? "EUR" : null));
        expected = expected.add(a);
      }
      Money forward = Money.zero();
      for (Money m : amounts) {
        forward = forward.plus(m);
      }
      Collections.shuffle(amounts, r);
      Money shuffled = Money.zero();
      for (Money m : amounts) {
        shuffled = shuffled.plus(m);
      }
      assertEquals(forward, shuffled);
      assertEquals(0, expected.compareTo(shuffled.amount()));
      if (amounts.stream().anyMatch(Money::hasCurrency)) {
        assertEquals("EUR", shuffled.currency());
      } else {
        assertFalse(shuffled.hasCurrency());
      }
    });
    // the classic floating-point drift: 0.1 added ten times
    Money m = Money.zero("USD");
    for (int i = 0; i < 10; i++) {
      m = m.plus(Money.of("0.1", "USD"));
    }
    assertEquals(Money.of("1", "USD"), m);
  }

  @Test
  void plusIsAssociativeAndCommutative() {
    qt().forAll(AMOUNTS, AMOUNTS, AMOUNTS, CURRENCIES).checkAssert((a, b, c, cur) -> {
      Money x = Money.of(a, cur);
      Money y = Money.of(b, "EUR");
      Money z = Money.of(c, null);
      assertEquals(x.plus(y), y.plus(x));
      assertEquals(x.plus(y).plus(z), x.plus(y.plus(z)));
      assertEquals(x.plus(y).hashCode(), y.plus(x).hashCode());
      assertEquals(Money.of(a, "EUR"), x.plus(y).minus(y)); // an unspecified x adopts EUR
      assertEquals(Money.zero(x.currency()), x.plus(x.negate()));
      assertEquals(x.plus(x), x.times(BigDecimal.valueOf(2)));
    });
  }

  @Test
  void equalityIgnoresTrailingZerosButNotCurrency() {
    assertEquals(Money.of("1.5", "USD"), Money.of("1.50", "USD"));
    assertEquals(Money.of("1.5", "USD").hashCode(), Money.of("1.50", "USD").hashCode());
    assertEquals(Money.of("0", "USD").hashCode(), Money.of("0.000", "USD").hashCode());
    assertNotEquals(Money.of("1.5", "USD"), Money.of("1.5", "EUR"));
    assertNotEquals(Money.of("1.5", "USD"), Money.of("1.5"));
    assertEquals("1.50 USD", Money.of("1.50", "usd").toString());
    assertEquals("-20", Money.of("-20").toString());
    assertEquals(0, Money.of("2", "EUR").compareTo(Money.of("2.00")));
    assertTrue(Money.of("-3", "EUR").compareTo(Money.of("2", "EUR")) < 0);
  }

  @Test
  void mixingCurrenciesFailsWithAClearMessage() {
    Money eur = Money.of("10", "EUR");
    Money usd = Money.of("5", "USD");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> eur.plus(usd));
    assertEquals(
        "cannot combine EUR and USD amounts; supply conversion rates (CurrencyRates) to convert to one currency",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> eur.minus(usd));
    assertThrows(IllegalArgumentException.class, () -> eur.compareTo(usd));
    // an unspecified amount in between does not hide the mix
    Money none = Money.of("1");
    assertThrows(IllegalArgumentException.class, () -> eur.plus(none).plus(usd));
    assertThrows(IllegalArgumentException.class, () -> eur.plus(none.plus(usd)));
  }

  @Test
  void unspecifiedAdoptsTheOtherCurrency() {
    Money none = Money.of("2.5");
    assertFalse(none.hasCurrency());
    assertEquals(Money.UNSPECIFIED, none.currency());
    assertEquals(Money.of("12.5", "EUR"), none.plus(Money.of("10", "EUR")));
    assertEquals(Money.of("12.5", "EUR"), Money.of("10", "EUR").plus(none));
    assertEquals(Money.of("7.5", "EUR"), Money.of("10", "EUR").minus(none));
    assertEquals(Money.of("-7.5", "EUR"), none.minus(Money.of("10", "EUR")));
    assertEquals(Money.of("5"), none.plus(none));
    assertEquals(Money.of("10", "EUR"), Money.zero().plus(Money.of("10", "EUR")));
    assertEquals(Money.UNSPECIFIED, new Money(BigDecimal.ONE, "  ").currency());
    assertEquals(Money.UNSPECIFIED, new Money(BigDecimal.ONE, null).currency());
  }

  @Test
  void parsingPlainDecimals() {
    assertEquals(new BigDecimal("1234.50"), Money.parseAmount("1234.50"));
    assertEquals(new BigDecimal("-20"), Money.parseAmount(" -20 "));
    assertEquals(new BigDecimal("5"), Money.parseAmount("+5"));
    assertEquals(new BigDecimal("0.5"), Money.parseAmount(".5"));
    assertEquals(new BigDecimal("74802.9716"), Money.parseAmount("74802.9716"));
    for (String bad : List.of("1,234.50", "1 234", "1e3", "12,5", "abc", "", "--1", "1.2.3", "NaN")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parseAmount(bad), bad);
      assertEquals(
          "not a plain decimal amount: '" + bad + "' (use '.' as decimal separator, no grouping)",
          e.getMessage());
    }
    assertEquals("amount must not be empty",
        assertThrows(IllegalArgumentException.class, () -> Money.parseAmount(null)).getMessage());
  }

  @Test
  void currencyCodesAreValidated() {
    assertEquals("EUR", Money.of("1", " eur ").currency());
    for (String bad : List.of("EURO", "E1R", "€", "US")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of("1", bad), bad);
      assertTrue(e.getMessage().startsWith("currency must be a three-letter ISO 4217 code"), e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> new Money(null, "EUR"));
  }

  @Test
  void currencyRatesConvertExactly() {
    CurrencyRates rates = CurrencyRates.of("eur", Map.of("usd", new BigDecimal("0.9"), "GBP", new BigDecimal("1.17")));
    assertEquals("EUR", rates.target());
    assertEquals(Money.of("9.0", "EUR"), rates.convert(Money.of("10", "USD")));
    assertEquals(Money.of("10", "EUR"), rates.convert(Money.of("10", "EUR")));
    assertEquals(Money.of("10", "EUR"), rates.convert(Money.of("10")));
    assertTrue(rates.knows("GBP") && rates.knows("EUR") && rates.knows(Money.UNSPECIFIED));
    assertFalse(rates.knows("JPY"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rates.convert(Money.of("1", "JPY")));
    assertEquals("no conversion rate from JPY to EUR; known: [GBP, USD]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CurrencyRates.of("EUR", Map.of("USD", BigDecimal.ZERO)));
    assertEquals("rate for USD must be positive, got 0", e.getMessage());
  }
}
