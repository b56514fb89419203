package dev.funnel.io;

import static dev.funnel.io.Fixtures.dataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Dataset;
import dev.funnel.core.Money;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage amounts and touch costs read from files carry the dataset's currency: their tables have no
 * currency column (docs/spec/dataset.md, "Money": one currency per dataset), so they take the
 * currency the payments and spend settle, on every route (CSV into the columns, whole and in two
 * halves; CSV and NDJSON through the codecs), and no currency when none is known.
 */
class StageAndTouchMoneyTest {

  @TempDir Path dir;

  private static final String STAGES = "lead_id,stage,at,reason,amount,owner\n"
      + "L1,MQL,2026-01-02T00:00:00Z,,,\n"
      + "L1,WON,2026-02-01T00:00:00Z,,1200.50,bob\n";
  private static final String TOUCHES = "lead_id,at,channel,campaign,kind,cost\n"
      + "L1,2025-12-30T00:00:00Z,seo,,,\n"
      + "L1,2025-12-31T00:00:00Z,ads,a1,,0.85\n";

  private static List<DatasetReader> routes() {
    return List.of(DatasetReader.strict(), DatasetReader.builder().splitBytes(1).build(),
        DatasetReader.builder().direct(false).build(), DatasetReader.lenient());
  }

  private static void assertIn(String currency, Dataset d) {
    assertEquals(currency, d.currency());
    List<StageChange> stages = d.stagesOf("L1");
    assertNull(stages.get(0).amount(), "an empty amount stays absent");
    assertEquals(new Money(new BigDecimal("1200.50"), currency), stages.get(1).amount());
    assertEquals("1200.50", stages.get(1).amount().amount().toPlainString(), "the scale is kept");
    List<Touch> touches = d.touchesOf("L1");
    assertNull(touches.get(0).cost());
    assertEquals(new Money(new BigDecimal("0.85"), currency), touches.get(1).cost());
  }

  @Test
  void csvAmountsAndCostsTakeThePaymentsCurrency() {
    dataset(dir, "stages.csv", STAGES, "touches.csv", TOUCHES,
        "payments.csv", "customer_id,paid_at,amount,currency\nC1,2026-02-02T00:00:00Z,1200.50,eur\n");
    for (DatasetReader r : routes()) {
      assertIn("EUR", r.read(dir).dataset());
    }
  }

  @Test
  void ndjsonAmountsAndCostsTakeTheSpendCurrency() {
    dataset(dir,
        "stages.ndjson", "{\"lead_id\":\"L1\",\"stage\":\"MQL\",\"at\":\"2026-01-02T00:00:00Z\"}\n"
            + "{\"lead_id\":\"L1\",\"stage\":\"WON\",\"at\":\"2026-02-01T00:00:00Z\",\"amount\":1200.50}\n",
        "touches.ndjson", "{\"lead_id\":\"L1\",\"at\":\"2025-12-30T00:00:00Z\",\"channel\":\"seo\"}\n"
            + "{\"lead_id\":\"L1\",\"at\":\"2025-12-31T00:00:00Z\",\"channel\":\"ads\",\"cost\":0.85}\n",
        "spend.ndjson", "{\"date\":\"2026-01-01\",\"channel\":\"ads\",\"amount\":10,\"currency\":\"GBP\"}\n");
    assertIn("GBP", DatasetReader.strict().read(dir).dataset());
  }

  @Test
  void withoutPaymentsOrSpendTheyHaveNoCurrency() {
    dataset(dir, "stages.csv", STAGES, "touches.csv", TOUCHES);
    for (DatasetReader r : routes()) {
      assertIn(Money.UNSPECIFIED, r.read(dir).dataset());
    }
  }

  @Test
  void withRatesTheyAreInTheTargetCurrencyUnconverted() {
    // they are in the dataset's currency already: the rates convert the payments' USD, not them
    dataset(dir, "stages.csv", STAGES, "touches.csv", TOUCHES,
        "payments.csv", "customer_id,paid_at,amount,currency\nC1,2026-02-02T00:00:00Z,100,USD\n");
    CurrencyRates rates = CurrencyRates.of("EUR", Map.of("USD", new BigDecimal("0.9")));
    for (DatasetReader r : List.of(DatasetReader.builder().rates(rates).build(),
        DatasetReader.builder().rates(rates).direct(false).build())) {
      Dataset d = r.read(dir).dataset();
      assertIn("EUR", d);
      assertEquals(Money.of("90", "EUR"), d.payments().get(0).amount());
    }
  }

  @Test
  void leniencyGivesThemTheMajorityCurrency() {
    dataset(dir, "stages.csv", STAGES, "touches.csv", TOUCHES,
        "payments.csv", "customer_id,paid_at,amount,currency\n"
            + "C1,2026-02-02T00:00:00Z,10,USD\nC1,2026-02-03T00:00:00Z,20,EUR\n"
            + "C1,2026-02-04T00:00:00Z,30,EUR\n");
    DatasetRead read = DatasetReader.lenient().read(dir);
    assertEquals(1, read.rejected(), "the USD payment is the minority");
    assertIn("EUR", read.dataset());
  }
}
