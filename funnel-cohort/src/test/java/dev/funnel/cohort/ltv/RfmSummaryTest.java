package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed RFM summaries. */
class RfmSummaryTest {

  static Purchase p(String c, String day, String amount) {
    return new Purchase(c, LocalDate.parse(day), new BigDecimal(amount));
  }

  static final List<Purchase> PURCHASES =
      List.of(
          p("a", "2024-01-01", "10"),
          p("a", "2024-01-01", "5"), // same day: merges into a 15 first purchase
          p("a", "2024-01-08", "20"),
          p("a", "2024-01-08", "-4"), // refund netted into the same day: 16
          p("a", "2024-01-15", "30"),
          p("a", "2024-01-20", "-7"), // refund-only day: no purchase
          p("a", "2024-01-29", "99"), // on until: counts
          p("a", "2024-01-30", "50"), // after until: ignored
          p("b", "2024-01-22", "12"),
          p("c", "2024-02-01", "8")); // first purchase after until: not in the summary

  @Test
  void handComputedWeeks() {
    RfmSummary s = Ltv.summarize(PURCHASES, LocalDate.parse("2024-01-29"), RfmUnit.WEEK);
    assertEquals(2, s.size());
    RfmCustomer a = s.customers().get(0);
    assertEquals("a", a.customerId());
    assertEquals(3, a.x()); // 01-08, 01-15, 01-29
    assertEquals(4.0, a.tx(), 1e-12); // 28 days
    assertEquals(4.0, a.T(), 1e-12);
    assertEquals((16 + 30 + 99) / 3.0, a.meanRepeatSpend(), 1e-12);
    RfmCustomer b = s.customers().get(1);
    assertEquals(0, b.x());
    assertEquals(0.0, b.tx());
    assertEquals(1.0, b.T(), 1e-12); // 7 days
    assertEquals(0.0, b.meanRepeatSpend());
  }

  @Test
  void unitsDivideWholeDays() {
    LocalDate until = LocalDate.parse("2024-01-29");
    RfmCustomer d = Ltv.summarize(PURCHASES, until, RfmUnit.DAY).customers().get(0);
    assertEquals(28.0, d.T());
    RfmCustomer m = Ltv.summarize(PURCHASES, until, RfmUnit.MONTH).customers().get(0);
    assertEquals(28 / 30.4375, m.T(), 1e-12);
  }

  @Test
  void orderOfPurchasesDoesNotMatter() {
    List<Purchase> shuffled = new ArrayList<>(PURCHASES);
    Collections.shuffle(shuffled, new Random(11));
    LocalDate until = LocalDate.parse("2024-01-29");
    assertEquals(
        Ltv.summarize(PURCHASES, until, RfmUnit.WEEK),
        Ltv.summarize(shuffled, until, RfmUnit.WEEK));
  }

  @Test
  void previewEqualsTheTabularPreviewAndStaysCheapForLargeSummaries() {
    List<RfmCustomer> cs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      cs.add(new RfmCustomer("c" + i, i % 3, i % 3 == 0 ? 0 : 1.5, 2 + i, i % 3 == 0 ? 0 : 9.5));
    }
    RfmSummary small = new RfmSummary(RfmUnit.WEEK, cs);
    assertEquals(dev.funnel.core.display.Tabular.preview(small), small.toString());
    for (int i = 50; i < 300_000; i++) {
      cs.add(new RfmCustomer("c" + i, 0, 0, 3, 0));
    }
    String big = new RfmSummary(RfmUnit.WEEK, cs).toString();
    assertTrue(big.endsWith("... 299988 more rows; print() shows all\n"), big);
  }

  @Test
  void badInputIsExplained() {
    assertThrows(IllegalArgumentException.class, () -> Ltv.summarize(PURCHASES, null, RfmUnit.WEEK));
    assertThrows(IllegalArgumentException.class, () -> p("", "2024-01-01", "1"));
    assertThrows(IllegalArgumentException.class, () -> new RfmCustomer("z", 1, 5, 4, 1));
    assertEquals(RfmUnit.MONTH, RfmUnit.parse(" Month "));
    assertThrows(IllegalArgumentException.class, () -> RfmUnit.parse("year"));
  }
}
