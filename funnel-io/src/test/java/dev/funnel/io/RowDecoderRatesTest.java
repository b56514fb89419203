package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RowDecoder}'s currency rule is {@link DatasetReader}'s, with and without rates. */
class RowDecoderRatesTest {

  static final List<String> HEADER = List.of("customer_id", "paid_at", "amount", "currency");
  static final CurrencyRates RATES = CurrencyRates.of("USD", Map.of("EUR", new BigDecimal("1.1")));

  @Test
  void withRatesCurrenciesMixAndKeepTheirCode() {
    RowDecoder<Payment> d = RowDecoder.of(Rows.PAYMENTS, HEADER, ZoneOffset.UTC, StageCatalog.DEFAULT, RATES);
    Payment eur = d.decode(new String[] {"c1", "2026-01-01", "10.00", "eur"});
    Payment usd = d.decode(new String[] {"c2", "2026-01-02", "5", "USD"});
    assertEquals(Money.of(new BigDecimal("10.00"), "EUR"), eur.amount());
    assertEquals(Money.of(new BigDecimal("11.000"), "USD"), RATES.convert(eur.amount()));
    assertEquals("USD", usd.amount().currency());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.decode(new String[] {"c3", "2026-01-03", "1", "GBP"}));
    assertTrue(e.getMessage().contains("unknown_currency"), e.getMessage());
  }

  @Test
  void withoutRatesTheFirstCurrencyRules() {
    RowDecoder<Payment> d = RowDecoder.of(Rows.PAYMENTS, HEADER, ZoneOffset.UTC, StageCatalog.DEFAULT, null);
    d.decode(new String[] {"c1", "2026-01-01", "10.00", "EUR"});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.decode(new String[] {"c2", "2026-01-02", "5", "USD"}));
    assertTrue(e.getMessage().contains("mixed_currency"), e.getMessage());
  }
}
