package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.demo.DemoData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Ltv#summarize(Dataset, LocalDate, RfmUnit)} over the payment columns equals the summary
 * of the dataset's payments as {@link Purchase}s (customer, local day in the dataset zone, amount),
 * on demo data and on random payments around midnight and DST changes with sub-millisecond
 * times, refunds, zero amounts and mixed scales, for every unit and several ends.
 */
class RfmFromDatasetTest {

  static RfmSummary expected(Dataset d, LocalDate until, RfmUnit unit) {
    List<Purchase> purchases = new ArrayList<>();
    for (Payment p : d.payments()) {
      purchases.add(new Purchase(p.customerId(), LocalDate.ofInstant(p.paidAt(), d.zone()),
          p.amount().amount()));
    }
    return Ltv.summarize(purchases, until, unit);
  }

  @Test
  void equalsThePurchaseRouteOnDemoData() {
    Dataset d = DemoData.builder().seed(5).leads(3_000).zone(ZoneId.of("Europe/Berlin")).build()
        .dataset();
    for (String until : List.of("2024-06-30", "2025-12-31", "2030-01-01")) {
      for (RfmUnit unit : RfmUnit.values()) {
        LocalDate end = LocalDate.parse(until);
        RfmSummary s = Ltv.summarize(d, end, unit);
        assertEquals(expected(d, end, unit), s, until + " " + unit);
      }
    }
  }

  @Test
  void equalsThePurchaseRouteOnRandomPayments() {
    String[] amounts = {"10", "10.50", "0", "-3.25", "1250.125", "-10", "7.0"};
    int customers = 0;
    for (long seed = 0; seed < 80; seed++) {
      Random rnd = new Random(seed);
      ZoneId zone = seed % 3 == 0 ? ZoneId.of("UTC") : ZoneId.of("America/New_York");
      Dataset.Builder b = Dataset.builder().zone(zone).table(DatasetTable.PAYMENTS);
      Instant start = Instant.parse("2025-03-01T04:00:00Z"); // near the US DST change
      for (int i = rnd.nextInt(80); i > 0; i--) {
        Instant at = start.plusSeconds(rnd.nextInt(40) * 43_200L + (rnd.nextBoolean() ? 0 : rnd.nextInt(7200)))
            .plusNanos(rnd.nextInt(3) == 0 ? rnd.nextInt(1_000_000) : 0);
        b.payment(new Payment(null, "c" + rnd.nextInt(12), null, at,
            Money.of(amounts[rnd.nextInt(amounts.length)]), null));
      }
      Dataset d = b.build();
      for (int days : new int[] {-1, 5, 12, 30}) {
        LocalDate until = LocalDate.parse("2025-03-01").plusDays(days);
        for (RfmUnit unit : RfmUnit.values()) {
          RfmSummary s = Ltv.summarize(d, until, unit);
          assertEquals(expected(d, until, unit), s, seed + " " + until + " " + unit);
          customers += s.size();
        }
      }
    }
    assertTrue(customers > 1000, "customers " + customers);
  }

  @Test
  void refusesNullsAndAMissingTable() {
    Dataset none = Dataset.builder().build();
    assertThrows(IllegalStateException.class,
        () -> Ltv.summarize(none, LocalDate.parse("2025-01-01"), RfmUnit.DAY));
    assertThrows(IllegalArgumentException.class,
        () -> Ltv.summarize((Dataset) null, LocalDate.parse("2025-01-01"), RfmUnit.DAY));
    Dataset empty = Dataset.builder().table(DatasetTable.PAYMENTS).build();
    assertThrows(IllegalArgumentException.class, () -> Ltv.summarize(empty, null, RfmUnit.DAY));
    assertEquals(0, Ltv.summarize(empty, LocalDate.parse("2025-01-01"), RfmUnit.WEEK).size());
  }
}
