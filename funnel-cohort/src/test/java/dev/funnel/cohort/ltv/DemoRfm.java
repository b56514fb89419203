package dev.funnel.cohort.ltv;

import dev.funnel.core.Dataset;
import dev.funnel.core.Payment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The RFM summary of the built-in demo dataset's payments, as {@code funnel ltv --demo} makes it. */
final class DemoRfm {
  private DemoRfm() {}

  static RfmSummary summary(long leads) {
    Dataset d = dev.funnel.core.demo.DemoData.builder().seed(42).leads(leads).build().dataset();
    List<Purchase> purchases = new ArrayList<>();
    LocalDate last = null;
    for (Payment p : d.payments()) {
      LocalDate day = LocalDate.ofInstant(p.paidAt(), d.zone());
      purchases.add(new Purchase(p.customerId(), day, p.amount().amount()));
      if (last == null || day.isAfter(last)) {
        last = day;
      }
    }
    return Ltv.summarize(purchases, last, RfmUnit.WEEK);
  }
}
