package dev.funnel.core.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one formatter's conventions (docs/presentation.md), each by hand. */
class FormatsTest {

  @Test
  void undefinedIsOneSymbolEverywhere() {
    assertEquals("-", Formats.UNDEFINED);
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertEquals("-", Formats.number(v));
      assertEquals("-", Formats.amount(v));
      assertEquals("-", Formats.money(v, "USD"));
      assertEquals("-", Formats.percent(v));
      assertEquals("-", Formats.change(v));
      assertEquals("-", Formats.points(v));
      assertEquals("-", Formats.multiple(v));
      assertEquals("-", Formats.days(v));
      assertEquals("-", Formats.minutes(v));
      assertEquals("-", Formats.decimal(v));
      assertEquals("-", Formats.label(v));
      assertEquals("-", Formats.wholePercent(v));
    }
    assertEquals("-", Formats.amount((BigDecimal) null));
    assertEquals("-", Formats.period(null));
    assertEquals("-", Formats.duration(null));
  }

  @Test
  void countsAndMoney() {
    assertEquals("0", Formats.count(0));
    assertEquals("12,345", Formats.count(12_345));
    assertEquals("-1,000,000", Formats.count(-1_000_000));
    assertEquals("3.00", Formats.amount(new BigDecimal("3")));
    assertEquals("7.40", Formats.amount(new BigDecimal("7.4")));
    assertEquals("2,552,484.88", Formats.amount(new BigDecimal("2552484.875"))); // half-even
    assertEquals("2,552,484.86", Formats.amount(new BigDecimal("2552484.865")));
    assertEquals("0.00", Formats.amount(new BigDecimal("-0.001")));
    assertEquals("42.69", Formats.amount(42.6916));
    assertEquals("7.40 USD", Formats.money(new BigDecimal("7.4"), "USD"));
    assertEquals("7.40", Formats.money(new BigDecimal("7.4"), null));
    assertEquals("7.40", Formats.money(new BigDecimal("7.4"), dev.funnel.core.Money.UNSPECIFIED));
    assertEquals("spend, EUR", Formats.moneyColumn("spend", "EUR"));
    assertEquals("spend", Formats.moneyColumn("spend", null));
  }

  @Test
  void sharesRatiosAndChanges() {
    assertEquals("47.6%", Formats.percent(0.4761));
    assertEquals("2,449.8%", Formats.percent(24.498)); // a ROMI of 24.498
    assertEquals("3.9%", Formats.percent(0.0392)); // a DRR
    assertEquals("0.0%", Formats.percent(-0.0001)); // no negative zero
    assertEquals("+3.6%", Formats.change(0.036));
    assertEquals("-2.0%", Formats.change(-0.02));
    assertEquals("0.0%", Formats.change(0));
    assertEquals("6.7 pts", Formats.points(0.067));
    assertEquals("8.19x", Formats.multiple(8.1949));
    assertEquals("48%", Formats.wholePercent(0.475));
  }

  @Test
  void measuredValues() {
    assertEquals("0.4761", Formats.number(0.47612));
    assertEquals("12.5", Formats.number(12.5));
    assertEquals("1,234.57", Formats.number(1234.5678));
    assertEquals("3", Formats.number(3.0));
    assertEquals("542,960", Formats.number(542_960));
    assertEquals("2.500e-05", Formats.number(0.000025));
    assertEquals("0", Formats.number(-0.0));
  }

  @Test
  void durationsPeriodsAndWindows() {
    assertEquals("12.5 days", Formats.days(12.5));
    assertEquals("1.0 day", Formats.days(1));
    assertEquals("5.2 h", Formats.hours(5.24));
    assertEquals("45.4 min", Formats.minutes(45.44));
    assertEquals("1h", Formats.duration(Duration.ofHours(1)));
    assertEquals("7d", Formats.duration(Duration.ofDays(7)));
    assertEquals("90m", Formats.duration(Duration.ofMinutes(90)));
    assertEquals("45s", Formats.duration(Duration.ofSeconds(45)));
    assertEquals("12 months", Formats.months(12));
    assertEquals("1 month", Formats.months(1));
    assertEquals("2026-W10", Formats.period(dev.funnel.core.Period.parse("2026-W10")));
    LocalDate jan = LocalDate.parse("2026-01-01");
    LocalDate apr = LocalDate.parse("2026-04-01");
    assertEquals("2026-01-01 to 2026-03-31", Formats.window(jan, apr));
    assertEquals("from 2026-01-01", Formats.window(jan, null));
    assertEquals("to 2026-03-31", Formats.window(null, apr));
    assertEquals("all dates", Formats.window(null, null));
  }

  @Test
  void chartLabelsAndFootnotes() {
    assertEquals("1,234,568", Formats.label(1_234_567.89));
    assertEquals("0.00123", Formats.label(0.001234));
    assertEquals("+12,000", Formats.signedLabel(12_000));
    assertEquals("250k", Formats.tick(250_000));
    assertEquals("- = undefined:\n  cac: no spend rows for seo\n",
        Formats.footnotes(List.of("cac: no spend rows for seo")));
    assertEquals("", Formats.footnotes(List.of()));
    assertEquals("- = undefined: a; b.", Formats.footnoteLine(List.of("a", "b")));
  }

  @Test
  void theDefaultLocaleChangesNothing() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("1,234.57", Formats.number(1234.5678));
      assertEquals("2,552,484.88", Formats.amount(new BigDecimal("2552484.875")));
      assertEquals("47.6%", Formats.percent(0.4761));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void tablesRenderTextAndCsvFromTheSameCells() {
    TextTable t = TextTable.of("channel", "leads", "CPL", "ROMI", "note")
        .plus("seo, organic", 1_234L, Cell.amount(7.4), Cell.percent(24.498), "=SUM(A1)")
        .plus("direct", 0L, Cell.amount(Double.NaN), Cell.percent(Double.NaN).marked("*"), null);
    assertEquals("""
        channel       leads   CPL      ROMI  note
        ------------  -----  ----  --------  --------
        seo, organic  1,234  7.40  2,449.8%  =SUM(A1)
        direct            0     -        -*  -
        """, t.render());
    assertEquals("""
        channel,leads,CPL,ROMI,note
        "seo, organic",1234,7.4,24.498,'=SUM(A1)
        direct,0,,,
        """, t.csv());
    assertEquals(List.of("seo, organic", "1,234", "7.40", "2,449.8%", "=SUM(A1)"),
        t.textRows().get(0));
  }
}
