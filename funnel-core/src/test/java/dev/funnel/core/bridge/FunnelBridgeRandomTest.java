package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.Dimension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random small CRMs: every configuration's effects add up to the change in revenue, the revenues
 * are the payments, and counting two halves of the customers and merging the counts gives the
 * counts of the whole (the partial-state invariant).
 */
class FunnelBridgeRandomTest {

  private static final StageCatalog CAT = StageCatalog.DEFAULT;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Period FEB = Period.parse("2026-02");
  private static final Period MAR = Period.parse("2026-03");
  private static final String[] CHANNELS = {"web", "ads", "events", null};

  /** Rows of one random CRM, partitioned by customer into two halves. */
  private record Crm(List<Object> half0, List<Object> half1) {
    List<Object> all() {
      List<Object> a = new ArrayList<>(half0);
      a.addAll(half1);
      return a;
    }
  }

  private static Crm crm(long seed) {
    Random r = new Random(seed);
    List<List<Object>> halves = List.of(new ArrayList<>(), new ArrayList<>());
    int n = 15 + r.nextInt(60);
    for (int i = 0; i < n; i++) {
      List<Object> rows = halves.get(r.nextInt(2));
      String id = "L" + i;
      Instant t = START.plus(Duration.ofMinutes(r.nextInt(90 * 24 * 60)));
      rows.add(Lead.of(id, t, CHANNELS[r.nextInt(CHANNELS.length)]));
      boolean won = false;
      for (Stage s : CAT.progression().subList(1, CAT.progression().size())) {
        if (r.nextDouble() < 0.25) {
          break;
        }
        t = t.plus(Duration.ofHours(1 + r.nextInt(24 * 20)));
        if (r.nextDouble() < 0.7 || s.equals(CAT.won())) { // others skipped now and then
          rows.add(StageChange.of(id, s, t));
          won = s.equals(CAT.won());
        }
      }
      int payments = won ? 1 + r.nextInt(3) : r.nextDouble() < 0.05 ? 1 : 0;
      for (int k = 0; k < payments; k++) {
        t = t.plus(Duration.ofDays(r.nextInt(40)));
        BigDecimal amount = BigDecimal.valueOf(r.nextInt(500_000), 2);
        if (r.nextDouble() < 0.1) {
          amount = amount.negate();
        }
        rows.add(new Payment("P" + i + "-" + k, id, id, t, Money.of(amount, "USD"), null));
      }
    }
    for (int k = 0; k < 3; k++) { // payments whose customer matches no lead
      halves.get(k % 2).add(new Payment("O" + k, "X" + k, null,
          START.plus(Duration.ofHours(r.nextInt(90 * 24))),
          Money.of(BigDecimal.valueOf(r.nextInt(100_000), 2), "USD"), null));
    }
    return new Crm(halves.get(0), halves.get(1));
  }

  private static Dataset dataset(List<Object> rows) {
    Dataset.Builder b = Dataset.builder();
    b.table(dev.funnel.core.DatasetTable.LEADS).table(dev.funnel.core.DatasetTable.PAYMENTS);
    for (Object o : rows) {
      if (o instanceof Lead l) {
        b.lead(l);
      } else if (o instanceof StageChange s) {
        b.stageChange(s);
      } else {
        b.payment((Payment) o);
      }
    }
    return b.build();
  }

  private static BigDecimal paid(Dataset d, Period p) {
    BigDecimal s = BigDecimal.ZERO;
    for (Payment pay : d.payments()) {
      if (p.contains(pay.paidAt(), d.zone())) {
        s = s.add(pay.amount().amount());
      }
    }
    return s;
  }

  @Test
  void effectsAddUpOnRandomCrms() {
    List<FunnelBridge> configs = List.of(
        FunnelBridge.builder().build(),
        FunnelBridge.builder().by(Dimension.CHANNEL).build(),
        FunnelBridge.builder().newVsExisting().build(),
        FunnelBridge.builder().by(Dimension.CHANNEL).newVsExisting().build(),
        FunnelBridge.builder().by(Dimension.CHANNEL)
            .bridge(Bridge.builder().method(Method.SHAPLEY).build()).build(),
        FunnelBridge.builder().stages().bridge(Bridge.builder().method(Method.CHAIN).build())
            .build());
    for (long seed = 1; seed <= 60; seed++) {
      Dataset d = dataset(crm(seed).all());
      for (FunnelBridge fb : configs) {
        FunnelBridgeResult r = fb.periods(d, FEB, MAR);
        assertEquals(0, paid(d, FEB).compareTo(r.baseRevenue()), "seed " + seed);
        assertEquals(0, paid(d, MAR).compareTo(r.currentRevenue()), "seed " + seed);
        FunnelBridgeTest.assertExact(r);
      }
    }
  }

  @Test
  void countsOfTwoHalvesMergeToTheWhole() {
    List<Stage> stages = List.of(CAT.first(), CAT.stage("MQL"), CAT.stage("SQL"), CAT.won());
    for (long seed = 1; seed <= 40; seed++) {
      Crm c = crm(seed);
      for (Dimension by : Arrays.asList(null, Dimension.CHANNEL)) {
        for (boolean split : List.of(false, true)) {
          for (Period p : List.of(FEB, MAR)) {
            Map<String, FunnelCounts> whole =
                new FunnelCounting(dataset(c.all()), stages, by, split).count(p);
            Map<String, FunnelCounts> a =
                new FunnelCounting(dataset(c.half0()), stages, by, split).count(p);
            Map<String, FunnelCounts> b =
                new FunnelCounting(dataset(c.half1()), stages, by, split).count(p);
            Map<String, FunnelCounts> merged = new TreeMap<>(a);
            b.forEach((s, x) -> merged.merge(s, x, FunnelCounts::plus));
            assertEquals(whole.keySet(), merged.keySet(), "seed " + seed);
            whole.forEach((s, w) -> {
              FunnelCounts m = merged.get(s);
              assertEquals(w.reached(), m.reached());
              assertEquals(0, w.revenue().compareTo(m.revenue()));
              assertEquals(0, w.existingRevenue().compareTo(m.existingRevenue()));
              assertEquals(w.customerBase(), m.customerBase());
              assertEquals(w.activeCustomers(), m.activeCustomers());
            });
          }
        }
      }
    }
  }
}
