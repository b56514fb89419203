package dev.funnel.core.display;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A figure of a table together with what it is, so that every rendering of the table formats it
 * by the same convention: for people ({@link #text()}, through {@link Formats}) a share as
 * {@code 47.6%} and money as {@code 1,234.50}; for machines ({@link #raw()}, CSV) the full-precision
 * value, a fraction for a share, and an empty cell for an undefined figure, the value JSON has.
 *
 * <p>{@link TextTable#plus} takes cells as well as plain values: a {@code long} is a count, a
 * {@code double} a measured value, a {@link BigDecimal} a money amount, anything else text.
 */
public final class Cell {

  /** What a figure is, hence how it reads. */
  public enum Kind {
    /** A whole count: {@code 12,345}. */
    COUNT,
    /** A measured value: {@link Formats#number(double)}. */
    NUMBER,
    /** Money: {@link Formats#amount(BigDecimal)}. */
    AMOUNT,
    /** A share, rate or ratio read as a percentage: {@link Formats#percent}. */
    PERCENT,
    /** A signed change read as a percentage: {@link Formats#change}. */
    CHANGE,
    /** A difference of rates in percentage points: {@link Formats#points}. */
    POINTS,
    /** A multiple: {@link Formats#multiple}. */
    MULTIPLE,
    /** One decimal, the unit in the column header: {@link Formats#decimal}. */
    DECIMAL,
    /** Text, left-aligned. */
    TEXT
  }

  private final Kind kind;
  private final double number;
  private final BigDecimal amount;
  private final String text;
  private final String mark;

  private Cell(Kind kind, double number, BigDecimal amount, String text) {
    this(kind, number, amount, text, "");
  }

  private Cell(Kind kind, double number, BigDecimal amount, String text, String mark) {
    this.kind = kind;
    this.number = number;
    this.amount = amount;
    this.text = text;
    this.mark = mark;
  }

  /**
   * This figure with a mark after its text, e.g. {@code *} for a partial period ({@code 27.4%*});
   * the raw value is unchanged (the mark is said in another column or member).
   */
  public Cell marked(String m) {
    return new Cell(kind, number, amount, text, Objects.requireNonNull(m, "mark"));
  }

  /** A count. */
  public static Cell count(long n) {
    return new Cell(Kind.COUNT, n, null, null);
  }

  /** A measured value (NaN: undefined). */
  public static Cell number(double v) {
    return new Cell(Kind.NUMBER, v, null, null);
  }

  /** An exact money amount (null: undefined). */
  public static Cell amount(BigDecimal v) {
    return new Cell(Kind.AMOUNT, v == null ? Double.NaN : v.doubleValue(), v, null);
  }

  /** A computed money amount such as CPL or CAC (NaN: undefined). */
  public static Cell amount(double v) {
    return new Cell(Kind.AMOUNT, v, null, null);
  }

  /** A share or ratio shown as a percentage, given as a fraction (NaN: undefined). */
  public static Cell percent(double fraction) {
    return new Cell(Kind.PERCENT, fraction, null, null);
  }

  /** A change shown as a signed percentage, given as a fraction (NaN: undefined). */
  public static Cell change(double fraction) {
    return new Cell(Kind.CHANGE, fraction, null, null);
  }

  /** A difference of two rates, shown in percentage points, given as a fraction. */
  public static Cell points(double difference) {
    return new Cell(Kind.POINTS, difference, null, null);
  }

  /** A multiple such as coverage or LTV/CAC (NaN: undefined). */
  public static Cell multiple(double v) {
    return new Cell(Kind.MULTIPLE, v, null, null);
  }

  /** A value with one decimal whose unit the column header names (days, hours, minutes). */
  public static Cell decimal(double v) {
    return new Cell(Kind.DECIMAL, v, null, null);
  }

  /** Text; null is the undefined symbol. */
  public static Cell text(String s) {
    return new Cell(Kind.TEXT, Double.NaN, null, s);
  }

  /**
   * The cell of a plain value: a {@code Cell} itself; {@code Long}, {@code Integer},
   * {@code Short} and {@code Byte} as counts; {@code Double} and {@code Float} as measured values;
   * {@link BigDecimal} as money; null as undefined text; anything else as its {@code toString()}.
   */
  public static Cell of(Object v) {
    if (v instanceof Cell c) {
      return c;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return count(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      return number(((Number) v).doubleValue());
    }
    if (v instanceof BigDecimal d) {
      return amount(d);
    }
    return text(v == null ? null : v.toString());
  }

  /** What the figure is. */
  public Kind kind() {
    return kind;
  }

  /** Whether the figure is a number (right-aligned), defined or not. */
  public boolean numeric() {
    return kind != Kind.TEXT;
  }

  /** Whether the figure is defined: a finite number, an amount or non-null text. */
  public boolean defined() {
    return kind == Kind.TEXT ? text != null : amount != null || Double.isFinite(number);
  }

  /** The value as a double (NaN for text and undefined figures); a fraction for shares. */
  public double value() {
    return number;
  }

  /** The figure for people, by {@link Formats}, with its mark. */
  public String text() {
    return plainText() + mark;
  }

  private String plainText() {
    return switch (kind) {
      case COUNT -> Formats.count((long) number);
      case NUMBER -> Formats.number(number);
      case AMOUNT -> amount != null ? Formats.amount(amount) : Formats.amount(number);
      case PERCENT -> Formats.percent(number);
      case CHANGE -> Formats.change(number);
      case POINTS -> Formats.points(number);
      case MULTIPLE -> Formats.multiple(number);
      case DECIMAL -> Formats.decimal(number);
      case TEXT -> text == null ? Formats.UNDEFINED : text;
    };
  }

  /**
   * The figure for machines (a CSV cell): counts as whole numbers, exact amounts as plain
   * decimals, other numbers at full precision ({@link Double#toString(double)}, fractions for
   * shares and changes), text as it is; an empty string for an undefined figure.
   */
  public String raw() {
    if (!defined()) {
      return "";
    }
    return switch (kind) {
      case COUNT -> Long.toString((long) number);
      case AMOUNT -> amount != null ? amount.toPlainString() : Double.toString(number);
      case TEXT -> text;
      default -> Double.toString(number);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cell c && kind == c.kind && text().equals(c.text()) && raw().equals(c.raw());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, raw());
  }

  @Override
  public String toString() {
    return text();
  }
}
