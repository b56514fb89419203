package dev.funnel.core.display;

import dev.funnel.core.Money;
import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The one formatter of figures for people: text tables, summaries, the HTML page and chart labels
 * all format through it, so the same figure reads the same everywhere. Machine formats (JSON and
 * CSV) keep full precision instead: fractions for shares and ratios, plain decimals for money, and
 * {@code null} (JSON) or an empty cell (CSV) for an undefined figure.
 *
 * <p>Conventions (docs/presentation.md):
 * <ul>
 *   <li>Undefined (a ratio without a defined denominator, a figure without its input table, NaN or
 *       infinite): {@link #UNDEFINED}, {@code -}, with a footnote saying why where the result
 *       knows.
 *   <li>Counts: whole numbers with {@code ,} between thousands: {@code 12,345}.
 *   <li>Money: two decimals, rounded half-even to the cent, thousands grouped:
 *       {@code 2,552,484.88}; with its currency where it stands alone ({@code 7.40 USD}); a table
 *       names the currency once, in its summary or column header.
 *   <li>Shares, rates and ratios read as percentages (conversion, retention, win rate, ROMI, DRR,
 *       deviation): one decimal and {@code %}: {@code 47.6%}; a change signed: {@code +3.6%}; a
 *       difference of two rates in percentage points: {@code 6.7 pts}.
 *   <li>Multiples (coverage, LTV/CAC): two decimals and {@code x}: {@code 8.19x}.
 *   <li>Other measured values (model parameters, credited conversions, means): at most four
 *       decimals below 100 and two from 100 up, trailing zeros dropped, thousands grouped; an
 *       exponent only below 0.0001 or from 10^12 up.
 *   <li>Durations: days, hours or minutes with one decimal and the unit ({@code 12.5 days},
 *       {@code 45.4 min}); a configured duration in its shortest exact unit ({@code 1h},
 *       {@code 7d}, {@code 90m}); a number of months spelled out ({@code 12 months}).
 *   <li>Periods: their labels ({@code 2026-03}, {@code 2026-W10}, {@code 2026-Q1}); a window of
 *       days in words ({@code 2026-01-01 to 2026-03-31}, {@code from 2026-01-01}, {@code all
 *       dates}).
 * </ul>
 * Everything is formatted in {@link Locale#ROOT} ({@code .} as the decimal point), whatever the
 * default locale.
 */
public final class Formats {

  /** What an undefined figure shows: {@code -}. */
  public static final String UNDEFINED = "-";

  private Formats() {}

  /** A count: {@code 12,345}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * A measured value: at most four decimals below 100 and two from 100 up, trailing zeros dropped,
   * thousands grouped ({@code 0.4761}, {@code 12.5}, {@code 1,234.57}, {@code 3}); an exponent
   * below 0.0001 and from 10^12 up ({@code 2.500e-05}); {@link #UNDEFINED} when not finite.
   */
  public static String number(double v) {
    if (!Double.isFinite(v)) {
      return UNDEFINED;
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e12 || a < 1e-4)) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    if (v == Math.rint(v)) {
      return noNegativeZero(String.format(Locale.ROOT, "%,d", (long) v));
    }
    String s = String.format(Locale.ROOT, a >= 100 ? "%,.2f" : "%,.4f", v);
    return noNegativeZero(stripZeros(s));
  }

  /** An exact amount: {@link #number(double)} of its value, {@link #UNDEFINED} for null. */
  public static String number(BigDecimal v) {
    return v == null ? UNDEFINED : number(v.doubleValue());
  }

  /**
   * A money amount without its currency: two decimals, half-even to the cent, thousands grouped:
   * {@code 2,552,484.88}, {@code 3.00}; {@link #UNDEFINED} for null.
   */
  public static String amount(BigDecimal v) {
    if (v == null) {
      return UNDEFINED;
    }
    return noNegativeZero(String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN)));
  }

  /** {@link #amount(BigDecimal)} of a computed amount (CPL, CAC, LTV); {@link #UNDEFINED} when not finite. */
  public static String amount(double v) {
    return Double.isFinite(v) ? amount(BigDecimal.valueOf(v)) : UNDEFINED;
  }

  /**
   * A money amount with its currency, {@code 7.40 USD}; the amount alone when the currency is null,
   * blank or {@link Money#UNSPECIFIED}; {@link #UNDEFINED} for null.
   */
  public static String money(BigDecimal v, String currency) {
    return v == null ? UNDEFINED : withCurrency(amount(v), currency);
  }

  /** {@link #money(BigDecimal, String)} of a computed amount; {@link #UNDEFINED} when not finite. */
  public static String money(double v, String currency) {
    return Double.isFinite(v) ? withCurrency(amount(v), currency) : UNDEFINED;
  }

  /** {@link #money(BigDecimal, String)} of a {@link Money}. */
  public static String money(Money m) {
    return m == null ? UNDEFINED : money(m.amount(), m.currency());
  }

  private static String withCurrency(String amount, String currency) {
    return currency == null || currency.isBlank() || Money.UNSPECIFIED.equals(currency) ? amount
        : amount + " " + currency;
  }

  /** The heading of a money column: {@code revenue, USD}; the name alone without a currency. */
  public static String moneyColumn(String name, String currency) {
    return currency == null || currency.isBlank() || Money.UNSPECIFIED.equals(currency) ? name
        : name + ", " + currency;
  }

  /**
   * A share, rate or ratio read as a percentage, one decimal: 0.476 gives {@code 47.6%}, a ROMI of
   * 24.5 gives {@code 2,450.0%}; {@link #UNDEFINED} when not finite.
   */
  public static String percent(double fraction) {
    if (!Double.isFinite(fraction)) {
      return UNDEFINED;
    }
    return noNegativeZero(String.format(Locale.ROOT, "%,.1f%%", 100 * fraction));
  }

  /** A change as a signed percentage: {@code +3.6%}, {@code -2.0%}, {@code 0.0%}. */
  public static String change(double fraction) {
    String p = percent(fraction);
    return Double.isFinite(fraction) && !p.startsWith("-") && !p.equals("0.0%") ? "+" + p : p;
  }

  /** A whole percentage, for dense grids: {@code 48%}; {@link #UNDEFINED} when not finite. */
  public static String wholePercent(double fraction) {
    return Double.isFinite(fraction) ? Math.round(100 * fraction) + "%" : UNDEFINED;
  }

  /**
   * A difference of two rates in percentage points, one decimal: 0.067 gives {@code 6.7 pts};
   * {@link #UNDEFINED} when not finite.
   */
  public static String points(double difference) {
    return Double.isFinite(difference)
        ? noNegativeZero(String.format(Locale.ROOT, "%.1f", 100 * difference)) + " pts"
        : UNDEFINED;
  }

  /** A multiple such as coverage or LTV/CAC, two decimals: {@code 8.19x}. */
  public static String multiple(double v) {
    return Double.isFinite(v) ? noNegativeZero(String.format(Locale.ROOT, "%,.2fx", v)) : UNDEFINED;
  }

  /** A number of days, one decimal: {@code 12.5 days}. */
  public static String days(double d) {
    return unit(d, d == 1 ? "day" : "days");
  }

  /** A number of hours, one decimal: {@code 5.2 h}. */
  public static String hours(double h) {
    return unit(h, "h");
  }

  /** A number of minutes, one decimal: {@code 45.4 min}. */
  public static String minutes(double m) {
    return unit(m, "min");
  }

  /** One decimal with thousands grouped: the cell of a column whose header names the unit. */
  public static String decimal(double v) {
    return Double.isFinite(v) ? noNegativeZero(String.format(Locale.ROOT, "%,.1f", v)) : UNDEFINED;
  }

  private static String unit(double v, String unit) {
    return Double.isFinite(v) ? decimal(v) + " " + unit : UNDEFINED;
  }

  /**
   * A configured duration in its largest exact unit: {@code 7d}, {@code 1h}, {@code 90m},
   * {@code 45s}; {@link #UNDEFINED} for null.
   */
  public static String duration(Duration d) {
    if (d == null) {
      return UNDEFINED;
    }
    long s = d.toSeconds();
    if (d.toNanosPart() != 0) {
      return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
    if (s != 0 && s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s != 0 && s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** A number of months in words: {@code 1 month}, {@code 12 months}. */
  public static String months(long n) {
    return count(n) + (n == 1 ? " month" : " months");
  }

  /** A period's label: {@code 2026-03}; {@link #UNDEFINED} for null. */
  public static String period(Period p) {
    return p == null ? UNDEFINED : p.label();
  }

  /**
   * A half-open window of local days {@code [from, to)} in words, with the last day included:
   * {@code 2026-01-01 to 2026-03-31}, {@code from 2026-01-01}, {@code to 2026-03-31},
   * {@code all dates}; null sides are open.
   */
  public static String window(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return "all dates";
    }
    if (to == null) {
      return "from " + from;
    }
    LocalDate last = to.minusDays(1);
    return from == null ? "to " + last : from + " to " + last;
  }

  /**
   * A value label on a chart, rounded by magnitude for the space a bar gives it: no decimals
   * from 100 up ({@code 1,234,568}), two below ({@code 12.5}), three significant digits below
   * 0.01 ({@code 0.00123}); {@link #UNDEFINED} when not finite. The chart's table keeps every
   * figure in its full format.
   */
  public static String label(double v) {
    if (!Double.isFinite(v)) {
      return UNDEFINED;
    }
    double a = Math.abs(v);
    String s;
    if (a >= 100) {
      s = String.format(Locale.ROOT, "%,.0f", v);
    } else if (a >= 0.01 || a == 0) {
      s = stripZeros(String.format(Locale.ROOT, "%.2f", v));
    } else {
      String g = String.format(Locale.ROOT, "%.3g", v);
      int e = g.indexOf('e');
      s = e < 0 ? stripZeros(g) : stripZeros(g.substring(0, e)) + g.substring(e);
    }
    return noNegativeZero(s);
  }

  /** A signed chart label, {@code +1,200} or {@code -35}; {@link #UNDEFINED} when not finite. */
  public static String signedLabel(double v) {
    String s = label(v);
    return Double.isFinite(v) && !s.startsWith("-") && !s.equals("0") ? "+" + s : s;
  }

  /**
   * An axis tick: {@code 250k}, {@code 1.5M}, {@code 2B}; below 10,000 the value itself to six
   * significant digits ({@code 0.025}, {@code 7500}), as ticks are round numbers.
   */
  public static String tick(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return stripZeros(String.format(Locale.ROOT, "%.2f", v / 1e9)) + "B";
    }
    if (a >= 1e6) {
      return stripZeros(String.format(Locale.ROOT, "%.2f", v / 1e6)) + "M";
    }
    if (a >= 1e4) {
      return stripZeros(String.format(Locale.ROOT, "%.2f", v / 1e3)) + "k";
    }
    if (!Double.isFinite(v) || v == 0) {
      return label(v);
    }
    return noNegativeZero(new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
        .toPlainString());
  }

  /**
   * Footnotes under a table for its undefined figures: {@code "- = undefined:"} and one indented
   * line per reason; empty when there are none.
   */
  public static String footnotes(List<String> reasons) {
    if (reasons.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(UNDEFINED).append(" = undefined:\n");
    reasons.forEach(r -> b.append("  ").append(r).append('\n'));
    return b.toString();
  }

  /** The footnotes in one line, for a paragraph: {@code "- = undefined: a; b."}; empty without. */
  public static String footnoteLine(List<String> reasons) {
    return reasons.isEmpty() ? "" : UNDEFINED + " = undefined: " + String.join("; ", reasons) + ".";
  }

  private static String stripZeros(String s) {
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  private static String noNegativeZero(String s) {
    return s.matches("-0(\\.0*)?( .*|%|x)?") ? s.substring(1) : s;
  }
}
