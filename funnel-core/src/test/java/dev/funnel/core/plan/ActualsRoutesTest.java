package dev.funnel.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.demo.DemoData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Actuals} over the columnar form against the record route it replaced
 * ({@link RecordActuals}): the same quantities for every window and channel, on random datasets
 * with messy stage histories (skips, exits before and after WON, RETURNED), sub-millisecond times
 * and window bounds, customers without a lead, a catalog whose first stage is MQL, and the demo.
 */
class ActualsRoutesTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String[] CHANNELS = {"seo", "ads", null, "(none)"};

  static Dataset random(long seed, ZoneId zone, StageCatalog catalog) {
    Random r = new Random(seed);
    Dataset.Builder b = Dataset.builder().zone(zone).catalog(catalog);
    int n = 1 + r.nextInt(50);
    for (int i = 0; i < n; i++) {
      Instant created = T0.plus(Duration.ofHours(r.nextInt(24 * 90))).plusNanos(r.nextInt(3) * 400_000L);
      b.lead(new Lead("L" + i, created, CHANNELS[r.nextInt(CHANNELS.length)], null, null, null,
          r.nextInt(4) == 0 ? "C" + r.nextInt(4) : null, Map.of()));
      Instant t = created;
      for (int m = r.nextInt(6); m > 0; m--) {
        t = t.plus(Duration.ofHours(r.nextInt(24 * 15))).plusNanos(r.nextInt(2) * 300_000L);
        Stage s = catalog.all().get(r.nextInt(catalog.size()));
        b.stageChange(new StageChange("L" + i, s, r.nextInt(8) == 0 ? t.minus(Duration.ofDays(2)) : t,
            null, null, null));
      }
    }
    for (int i = r.nextInt(40); i > 0; i--) {
      b.payment(new Payment(null, r.nextInt(3) == 0 ? "C" + r.nextInt(6) : "L" + r.nextInt(n + 3),
          null, T0.plus(Duration.ofHours(r.nextInt(24 * 100))).plusNanos(r.nextInt(2) * 500_000L),
          Money.of((r.nextInt(5) == 0 ? "-" : "") + r.nextInt(300) + ".5", "EUR"), null));
    }
    for (int i = r.nextInt(30); i > 0; i--) {
      b.spend(new Spend(LocalDate.of(2026, 1, 1).plusDays(r.nextInt(100)),
          CHANNELS[r.nextInt(2)], null, Money.of(r.nextInt(100) + ".25", "EUR")));
    }
    return b.build();
  }

  static void same(Dataset d, Instant from, Instant to, List<String> channels) {
    same(d, from, to, channels, new Actuals(d, from, to));
    // counting only the channels asked about (as plan vs actual does) changes nothing
    List<String> named = channels.stream().filter(java.util.Objects::nonNull).toList();
    same(d, from, to, channels, new Actuals(d, from, to, named));
  }

  static void same(Dataset d, Instant from, Instant to, List<String> channels, Actuals a) {
    RecordActuals o = new RecordActuals(d, from, to);
    for (String ch : channels) {
      Base expected = o.base(from, to, ch);
      Base actual = a.base(from, to, ch);
      assertEquals(expected.leads(), actual.leads());
      assertEquals(expected.mql(), actual.mql(), "mql " + ch);
      assertEquals(expected.sql(), actual.sql(), "sql " + ch);
      assertEquals(expected.won(), actual.won(), "won " + ch);
      assertEquals(expected.lost(), actual.lost(), "lost " + ch);
      assertEquals(0, expected.revenue().compareTo(actual.revenue()), "revenue " + ch);
      assertEquals(0, expected.spend().compareTo(actual.spend()), "spend " + ch);
      assertEquals(expected.newCustomers(), actual.newCustomers(), "customers " + ch);
    }
  }

  @Test
  void columnarActualsEqualTheRecordRoute() {
    List<String> channels = java.util.Arrays.asList(null, "seo", "ads", "(none)", "nowhere");
    StageCatalog mqlFirst = StageCatalog.of(List.of("MQL", "SQL", "WON"), List.of("LOST"));
    for (long seed = 1; seed <= 50; seed++) {
      for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"))) {
        for (StageCatalog cat : List.of(StageCatalog.DEFAULT, mqlFirst)) {
          Dataset d = random(seed, zone, cat);
          Random r = new Random(seed);
          for (int k = 0; k < 6; k++) {
            Instant from = T0.plus(Duration.ofHours(r.nextInt(24 * 60))).plusNanos(r.nextInt(3) * 300_000L);
            Instant to = from.plus(Duration.ofHours(1 + r.nextInt(24 * 40))).plusNanos(r.nextInt(3) * 700_000L);
            same(d, from, to, channels);
          }
        }
      }
    }
  }

  @Test
  void demoActualsEqualTheRecordRoute() {
    Dataset d = DemoData.builder().leads(1_500).seed(3).zone(ZoneId.of("Europe/Berlin")).build().dataset();
    List<String> channels = java.util.Arrays.asList(null, "seo", "paid_search", "(none)");
    Instant from = Instant.parse("2026-02-01T00:00:00Z");
    for (int days : new int[] {1, 10, 45, 200}) {
      same(d, from, from.plus(Duration.ofDays(days)).plusNanos(250_000), channels);
    }
  }
}
