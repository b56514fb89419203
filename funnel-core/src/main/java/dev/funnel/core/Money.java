package dev.funnel.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of money in one currency.
 *
 * <p>Amounts are {@link BigDecimal}s: sums are exact, with no floating-point drift in totals
 * (docs/spec/dataset.md, "Money"). Equality ignores trailing zeros ({@code 1.5 USD == 1.50 USD}).
 * The currency is an ISO 4217 code; {@link #UNSPECIFIED} ({@code XXX}, the ISO code for "no
 * currency") marks an amount whose currency was not given and adopts the currency of the amount it
 * is added to. Adding two different specified currencies is an error: convert with
 * {@link CurrencyRates} first.
 *
 * @param amount   the exact amount (negative for refunds)
 * @param currency three upper-case letters
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

  /** ISO 4217 "no currency": the currency of an amount read without one. */
  public static final String UNSPECIFIED = "XXX";

  public Money {
    Objects.requireNonNull(amount, "amount");
    if (currency == null || currency.isBlank()) {
      currency = UNSPECIFIED;
    } else if (!isCode(currency)) { // a code already in canonical form needs no copy (every row read)
      currency = currency.trim().toUpperCase(Locale.ROOT);
    }
    if (!isCode(currency)) {
      throw new IllegalArgumentException(
          "currency must be a three-letter ISO 4217 code, got '" + currency + "'");
    }
  }

  /** Three upper-case ASCII letters; a hand check, as this runs once per amount read. */
  private static boolean isCode(String c) {
    return c.length() == 3
        && c.charAt(0) >= 'A' && c.charAt(0) <= 'Z'
        && c.charAt(1) >= 'A' && c.charAt(1) <= 'Z'
        && c.charAt(2) >= 'A' && c.charAt(2) <= 'Z';
  }

  /** An amount without a stated currency, parsed from plain decimal text ({@code 1234.50}). */
  public static Money of(String amount) {
    return of(amount, UNSPECIFIED);
  }

  /**
   * Parses plain decimal text ({@code 1234.50}, {@code -20}; {@code .} as decimal separator, no
   * thousands separators).
   *
   * @throws IllegalArgumentException when the text is not such a number
   */
  public static Money of(String amount, String currency) {
    return new Money(parseAmount(amount), currency);
  }

  /** An amount without a stated currency ({@link #UNSPECIFIED}). */
  public static Money of(BigDecimal amount) {
    return new Money(amount, UNSPECIFIED);
  }

  /** An amount in a currency. */
  public static Money of(BigDecimal amount, String currency) {
    return new Money(amount, currency);
  }

  /** Zero without a currency: the neutral start of a sum. */
  public static Money zero() {
    return new Money(BigDecimal.ZERO, UNSPECIFIED);
  }

  /** Zero in a currency. */
  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * Parses a plain decimal amount as written in the dataset: optional sign, digits, optional
   * {@code .} and digits; no exponent, no thousands separators.
   */
  public static BigDecimal parseAmount(String text) {
    if (text == null) {
      throw new IllegalArgumentException("amount must not be empty");
    }
    String s = text.trim();
    if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      throw new IllegalArgumentException(
          "not a plain decimal amount: '" + text + "' (use '.' as decimal separator, no grouping)");
    }
    return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
  }

  /** Whether the currency was stated. */
  public boolean hasCurrency() {
    return !UNSPECIFIED.equals(currency);
  }

  /**
   * The exact sum.
   *
   * @throws IllegalArgumentException when both currencies are stated and differ
   */
  public Money plus(Money other) {
    return new Money(amount.add(other.amount), common(other));
  }

  /** The exact difference; currencies as in {@link #plus}. */
  public Money minus(Money other) {
    return new Money(amount.subtract(other.amount), common(other));
  }

  /** The amount with the opposite sign. */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** The exact product with a factor (a margin, a share, a rate). */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  /** Sign of the amount: -1, 0 or 1. */
  public int signum() {
    return amount.signum();
  }

  /** The amount as a double, for ratios (the sum stays exact in {@link #amount()}). */
  public double toDouble() {
    return amount.doubleValue();
  }

  private String common(Money other) {
    if (currency.equals(other.currency) || !other.hasCurrency()) {
      return currency;
    }
    if (!hasCurrency()) {
      return other.currency;
    }
    throw new IllegalArgumentException(
        "cannot combine " + currency + " and " + other.currency
            + " amounts; supply conversion rates (CurrencyRates) to convert to one currency");
  }

  @Override
  public int compareTo(Money o) {
    common(o);
    return amount.compareTo(o.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && m.currency.equals(currency) && m.amount.compareTo(amount) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return amount.toPlainString() + (hasCurrency() ? " " + currency : "");
  }
}
