package example.embed;

import dev.funnel.attribution.*;
import dev.funnel.cohort.*;
import dev.funnel.core.*;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A CRM plugin's view of its own deals: build a Dataset from the host's objects, then ask. */
public final class Plugin {
  record Deal(String id, String source, String owner, Instant opened, Instant won, String paid) {}

  public static void main(String[] args) {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    List<Deal> crm = List.of(new Deal("D1", "seo", "ann", t, t.plusSeconds(86_400 * 9), "1200.00"),
        new Deal("D2", "paid_search", "bob", t.plusSeconds(3_600), null, null),
        new Deal("D3", "seo", "bob", t.plusSeconds(7_200), t.plusSeconds(86_400 * 20), "800.00"));
    StageCatalog stages = StageCatalog.DEFAULT;
    Dataset.Builder b = Dataset.builder().currency("EUR");
    for (Deal d : crm) {
      b.lead(Lead.builder(d.id(), d.opened()).channel(d.source()).owner(d.owner()).build());
      b.touch(Touch.builder(d.id(), d.opened().minusSeconds(600), d.source()).build());
      if (d.won() != null) {
        b.stageChange(StageChange.builder(d.id(), stages.stage("WON"), d.won()).owner(d.owner()).build());
        b.payment(Payment.builder(d.won(), Money.of(d.paid(), "EUR")).lead(d.id()).build());
      }
    }
    for (String channel : List.of("seo", "paid_search")) {
      b.spend(new Spend(LocalDate.of(2026, 3, 1), channel, null, Money.of("300", "EUR")));
    }
    Dataset data = b.build();
    System.out.println(StageFunnel.compute(data, FunnelQuery.event()));
    System.out.println(Attribution.attribute(JourneySet.fromDataset(data, JourneyOptions.DEFAULTS), Model.LINEAR));
    System.out.println(Cohorts.byFirstPayment(data, Granularity.MONTH));
    System.out.println(Cohorts.ltvToCac(data, LtvToCacQuery.monthly().margin(0.8).horizon(3)));
  }
}
