package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random CRMs with SDR and AE owners scattered over leads, stage changes and activities (some
 * missing): whatever the rule, every counted lead lands on exactly one owner per side, so the
 * per-owner counts add up to the funnel's and the win rate's totals; row order and splitting the
 * leads change nothing.
 */
class OwnerInvariantTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant END = T0.plus(Duration.ofDays(400)); // after every generated row
  static final String[] PEOPLE = {null, "sdr.a", "sdr.b", "ae.c", "ae.d"};

  static List<Object> rows(long seed) {
    Random r = new Random(seed);
    List<Object> rows = new ArrayList<>();
    List<Stage> all = C.all();
    for (int i = 0; i < 50; i++) {
      String id = "L" + i;
      Instant created = T0.plus(Duration.ofHours(r.nextInt(24 * 60)));
      rows.add(new Lead(id, created, "seo", null, null, PEOPLE[r.nextInt(PEOPLE.length)], null, Map.of()));
      Instant t = created;
      int moves = r.nextInt(7);
      for (int m = 0; m < moves; m++) {
        t = t.plus(Duration.ofMinutes(r.nextInt(6000))); // ties possible
        Stage s = all.get(1 + r.nextInt(all.size() - 1));
        rows.add(new StageChange(id, s, t, null,
            r.nextBoolean() ? null : Money.of(BigDecimal.valueOf(r.nextInt(100_000), 2)),
            PEOPLE[r.nextInt(PEOPLE.length)]));
      }
      int acts = r.nextInt(5);
      for (int a = 0; a < acts; a++) {
        rows.add(new Activity(id, created.plus(Duration.ofMinutes(r.nextInt(20_000))),
            r.nextBoolean() ? "call" : "email", PEOPLE[r.nextInt(PEOPLE.length)],
            r.nextInt(3) == 0 ? "reached" : null));
      }
      if (r.nextInt(3) == 0) {
        rows.add(new Payment(null, id, null, created.plus(Duration.ofMinutes(r.nextInt(40_000))),
            Money.of(String.valueOf(1 + r.nextInt(5000))), null));
      }
    }
    return rows;
  }

  static Dataset build(List<Object> rows, Set<String> leads) {
    return OwnerAttributionTest.build(rows, leads);
  }

  static Set<String> ids(List<Object> rows) {
    Set<String> s = new HashSet<>();
    rows.forEach(o -> {
      if (o instanceof Lead l) {
        s.add(l.id());
      }
    });
    return s;
  }

  @Test
  void perOwnerCountsAddUpToTheFunnelAndWinRateTotals() {
    qt().withExamples(40).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      List<Object> rows = rows(seed);
      Dataset d = build(rows, ids(rows));
      Random r = new Random(seed ^ 0x5DEECE66DL);
      Instant from = r.nextBoolean() ? null : T0.plus(Duration.ofDays(r.nextInt(30)));
      Instant to = r.nextBoolean() ? null : T0.plus(Duration.ofDays(31 + r.nextInt(60)));
      Instant mid = T0.plus(Duration.ofDays(10 + r.nextInt(80)));
      long mqlInWindow = StageFunnel.compute(d, FunnelQuery.event().between(from, to)).count("MQL");
      long qualified = -1;
      for (OwnerRule rule : OwnerRule.values()) {
        OwnerKpis late = Sales.owners(d, END, from, to, rule);
        assertEquals(mqlInWindow, late.owners().stream().mapToLong(OwnerKpi::mqls).sum(), rule.label());
        long q = late.owners().stream().mapToLong(OwnerKpi::qualified).sum();
        if (qualified >= 0) {
          assertEquals(qualified, q, "MQLs reaching SQL do not depend on the rule");
        }
        qualified = q;
        for (Instant asOf : List.of(mid, END)) {
          OwnerKpis k = Sales.owners(d, asOf, from, to, rule);
          WinRate w = Sales.winRate(d, "SQL", from, to, asOf);
          String what = rule.label() + " as of " + asOf;
          assertEquals(w.reached(), k.owners().stream().mapToLong(OwnerKpi::sqls).sum(), what);
          assertEquals(w.won(), k.owners().stream().mapToLong(OwnerKpi::won).sum(), what);
          assertEquals(w.lost(), k.owners().stream().mapToLong(OwnerKpi::lost).sum(), what);
        }
      }
    });
  }

  @Test
  void rowOrderAndSplittingTheLeadsChangeNothing() {
    qt().withExamples(25).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      List<Object> rows = rows(seed);
      Set<String> all = ids(rows);
      Dataset d = build(rows, all);
      Random r = new Random(seed);
      List<Object> shuffled = new ArrayList<>(rows);
      Collections.shuffle(shuffled, r);
      Dataset again = build(shuffled, all);
      Set<String> part = new HashSet<>();
      all.forEach(id -> {
        if (r.nextBoolean()) {
          part.add(id);
        }
      });
      Set<String> rest = new HashSet<>(all);
      rest.removeAll(part);
      Instant asOf = T0.plus(Duration.ofDays(20 + r.nextInt(80)));
      for (OwnerRule rule : OwnerRule.values()) {
        OwnerKpis whole = Sales.owners(d, asOf, null, null, rule);
        assertEquals(whole, Sales.owners(again, asOf, null, null, rule));
        OwnerTally a = Sales.ownerTally(build(rows, part), asOf, null, null, rule);
        OwnerTally b = Sales.ownerTally(build(rows, rest), asOf, null, null, rule);
        assertEquals(whole, b.merge(a).result());
      }
    });
  }
}
