package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * How one table of docs/spec/dataset.md maps to and from rows of text cells: its columns (in the
 * order written), which are required and which are numeric, and the conversion of one row.
 * Stateless; cross-row state lives in {@link ReadContext}.
 */
abstract class Codec<T> {
  final DatasetTable table;
  final String[] columns;
  private final boolean[] required;
  private final boolean[] numeric;

  Codec(DatasetTable table, String[] columns, String[] required, String[] numeric) {
    this.table = table;
    this.columns = columns;
    this.required = flags(required);
    this.numeric = flags(numeric);
  }

  private boolean[] flags(String[] names) {
    boolean[] f = new boolean[columns.length];
    for (String n : names) {
      f[index(n)] = true;
    }
    return f;
  }

  /** The column's index, or -1. */
  final int index(String name) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  final boolean numeric(int col) {
    return numeric[col];
  }

  /** The first required column missing from a header, or null when the header has them all. */
  String missingColumn(boolean[] present) {
    for (int i = 0; i < columns.length; i++) {
      if (required[i] && !present[i]) {
        return columns[i];
      }
    }
    return null;
  }

  /** Whether unknown columns are kept (leads keep them as attributes). */
  boolean keepsExtras() {
    return false;
  }

  /**
   * The row as a record.
   *
   * @throws Reject when the row is invalid
   */
  abstract T decode(RowCells r, ReadContext ctx);

  /** The record as cells in column order; null for absent values. */
  abstract void encode(T value, String[] out);

  /** Extra named cells of a record (lead attributes); empty for other tables. */
  Map<String, String> extras(T value) {
    return Map.of();
  }

  // ---- cell conversions shared by the tables; each throws Reject with a stable code ----

  final String need(RowCells r, int col) {
    String v = r.text(col);
    if (v == null) {
      throw missing(col);
    }
    return v;
  }

  final Reject missing(int col) {
    return new Reject("missing_value", col, null, columns[col] + " is required but empty");
  }

  final Instant time(RowCells r, int col, ReadContext ctx) {
    String v = r.raw(col);
    if (v == null) {
      throw missing(col);
    }
    Instant t = Timestamps.parse(v, ctx.zone, ctx.fixedOffset);
    if (t == null) {
      throw new Reject("unparsable_time", col, v,
          "not an ISO-8601 timestamp (2026-03-01T09:15:00Z, 2026-03-01T09:15:00 or 2026-03-01)");
    }
    if (t.getEpochSecond() < ctx.minSecond || t.getEpochSecond() > ctx.maxSecond) {
      throw implausible(col, v, ctx);
    }
    return t;
  }

  final LocalDate date(RowCells r, int col, ReadContext ctx) {
    String v = r.raw(col);
    if (v == null) {
      throw missing(col);
    }
    LocalDate d = Timestamps.parseDate(v, ctx.zone, ctx.fixedOffset);
    if (d == null) {
      throw new Reject("unparsable_time", col, v, "not an ISO-8601 date (2026-03-01)");
    }
    if (d.isBefore(ctx.earliest) || d.isAfter(ctx.latest)) {
      throw implausible(col, v, ctx);
    }
    return d;
  }

  /** A time outside the reader's plausible window of dates (a mistyped year, most often). */
  final Reject implausible(int col, String v, ReadContext ctx) {
    return new Reject("implausible_time", col, v, "outside the plausible dates " + ctx.earliest
        + " to " + ctx.latest + " (a mistyped year?); DatasetReader.Builder.dates sets the window");
  }

  /** A plain decimal, or null when absent and not required. */
  final BigDecimal decimal(RowCells r, int col, boolean isRequired) {
    String v = r.raw(col);
    if (v == null) {
      if (isRequired) {
        throw missing(col);
      }
      return null;
    }
    if (Decimals.tooLong(v)) {
      throw new Reject("unparsable_number", col, v.substring(0, 40) + "... (" + v.length()
          + " characters)", "an amount has at most " + Decimals.MAX_DIGITS + " digits");
    }
    BigDecimal d = Decimals.parse(v);
    if (d == null) {
      throw new Reject("unparsable_number", col, v,
          "not a plain decimal number ('.' as decimal separator, no grouping, no exponent)");
    }
    return d;
  }

  /** A non-negative whole count; {@code absent} when the cell is empty. */
  final long count(RowCells r, int col, long absent) {
    String v = r.raw(col);
    if (v == null) {
      return absent;
    }
    long n = Decimals.count(v);
    if (n < 0) {
      if (v.startsWith("-") && Decimals.parse(v) != null) {
        throw new Reject("negative_count", col, v, "a count must not be negative");
      }
      throw new Reject("unparsable_number", col, v, "not a whole non-negative number");
    }
    return n;
  }

  /**
   * An amount with the row's currency, checked against the dataset's currency rule: with rates,
   * the currency must be convertible; without, under the first-currency rule, it must equal the
   * first currency seen in the read.
   */
  final Money money(RowCells r, int amountCol, int currencyCol, ReadContext ctx) {
    BigDecimal amount = decimal(r, amountCol, true);
    String cur = currencyCol < 0 ? null : r.text(currencyCol);
    if (cur == null) {
      return new Money(amount, Money.UNSPECIFIED);
    }
    if (cur.equals(ctx.lastCurrencyText)) {
      cur = ctx.lastCurrency;
    } else {
      if (cur.length() != 3 || !letters(cur)) {
        throw new Reject("invalid_currency", currencyCol, cur, "not a three-letter ISO 4217 code");
      }
      ctx.lastCurrencyText = cur;
      cur = cur.toUpperCase(Locale.ROOT);
      ctx.lastCurrency = cur;
    }
    checkCurrency(cur, currencyCol, ctx);
    return new Money(amount, cur);
  }

  /**
   * The dataset's currency rule for a checked, upper-case currency code: with rates it must be
   * convertible; under the first-currency rule it must be the first one read (which it becomes
   * when it is the first).
   *
   * @throws Reject when the rule refuses it
   */
  static void checkCurrency(String cur, int currencyCol, ReadContext ctx) {
    if (ctx.rates != null) {
      if (!ctx.rates.knows(cur)) {
        throw new Reject("unknown_currency", currencyCol, cur,
            "no conversion rate from " + cur + " to " + ctx.rates.target());
      }
    } else if (ctx.firstCurrencyRule && !Money.UNSPECIFIED.equals(cur)) {
      if (ctx.currency == null) {
        ctx.currency = cur;
      } else if (!ctx.currency.equals(cur)) {
        throw new Reject("mixed_currency", currencyCol, cur,
            "the dataset is in " + ctx.currency + " (the first currency read); mixing currencies"
                + " needs conversion rates (CurrencyRates)");
      }
    }
  }

  private static boolean letters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  static String text(BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }

  static String text(Money m) {
    return m == null ? null : m.amount().toPlainString();
  }

  /**
   * An optional amount of a table without a currency column (stage amounts, touch costs): in the
   * dataset's currency, so without one of its own ({@link Money#UNSPECIFIED}); null when absent.
   */
  static Money unstated(BigDecimal amount) {
    return amount == null ? null : new Money(amount, Money.UNSPECIFIED);
  }

  static String currency(Money m) {
    return m.hasCurrency() ? m.currency() : null;
  }
}
