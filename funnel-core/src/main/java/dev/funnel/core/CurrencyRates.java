package dev.funnel.core;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Conversion rates into one target currency, supplied by the caller when a dataset mixes
 * currencies (docs/spec/dataset.md: mixing is an error unless rates are supplied).
 *
 * <p>A rate is the number of target units per one unit of the source currency. Conversion is an
 * exact {@link BigDecimal} product (no rounding), so sums of converted amounts stay exact.
 *
 * @param target the currency every amount is converted to
 * @param rates  source currency code to rate; the target itself need not be listed
 */
public record CurrencyRates(String target, Map<String, BigDecimal> rates) {

  public CurrencyRates {
    Objects.requireNonNull(target, "target currency");
    target = new Money(BigDecimal.ZERO, target).currency();
    TreeMap<String, BigDecimal> copy = new TreeMap<>();
    for (Map.Entry<String, BigDecimal> e : rates.entrySet()) {
      String code = new Money(BigDecimal.ZERO, e.getKey()).currency();
      if (e.getValue() == null || e.getValue().signum() <= 0) {
        throw new IllegalArgumentException("rate for " + code + " must be positive, got " + e.getValue());
      }
      copy.put(code, e.getValue());
    }
    rates = java.util.Collections.unmodifiableMap(copy);
  }

  /** Rates into {@code target}. */
  public static CurrencyRates of(String target, Map<String, BigDecimal> rates) {
    return new CurrencyRates(target, rates);
  }

  /** Whether an amount in this currency can be converted. */
  public boolean knows(String currency) {
    return currency.equals(target) || Money.UNSPECIFIED.equals(currency) || rates.containsKey(currency);
  }

  /**
   * The amount in the target currency; an amount without a currency is taken to be in the target.
   *
   * @throws IllegalArgumentException when there is no rate for the amount's currency
   */
  public Money convert(Money m) {
    if (m.currency().equals(target) || !m.hasCurrency()) {
      return new Money(m.amount(), target);
    }
    BigDecimal r = rates.get(m.currency());
    if (r == null) {
      throw new IllegalArgumentException(
          "no conversion rate from " + m.currency() + " to " + target + "; known: " + rates.keySet());
    }
    return new Money(m.amount().multiply(r), target);
  }
}
