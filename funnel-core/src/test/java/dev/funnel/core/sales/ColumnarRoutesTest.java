package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-lead record route ({@link OwnerTally#add(Dataset, Lead)}) and the batch pass over the
 * columns ({@link Sales#ownerTally}) are one route and agree on random CRMs, and times compare
 * exactly where a sub-millisecond part decides.
 */
class ColumnarRoutesTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Random rows with sub-millisecond parts on some times, so millisecond ties need the exact instant. */
  static List<Object> rows(long seed) {
    List<Object> rows = OwnerInvariantTest.rows(seed);
    Random r = new Random(seed * 31 + 7);
    List<Object> out = new ArrayList<>();
    for (Object o : rows) {
      long ns = r.nextInt(3) == 0 ? r.nextInt(1_000_000) : 0;
      if (o instanceof Lead l) {
        out.add(new Lead(l.id(), l.createdAt().plusNanos(ns), l.channel(), l.campaign(), l.segment(),
            l.owner(), l.customerId(), l.attributes()));
      } else if (o instanceof StageChange s) {
        out.add(new StageChange(s.leadId(), s.stage(), s.at().plusNanos(ns), s.reason(), s.amount(),
            s.owner()));
      } else if (o instanceof Activity a) {
        out.add(new Activity(a.leadId(), a.at().plusNanos(ns), a.type(), a.owner(), a.outcome()));
      } else if (o instanceof Payment p) {
        out.add(new Payment(p.paymentId(), p.customerId(), p.leadId(), p.paidAt().plusNanos(ns),
            p.amount(), p.product()));
      }
    }
    return out;
  }

  @Test
  void theRecordRouteOfOwnerTallyIsTheBatchPass() {
    qt().withExamples(40).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      List<Object> rows = seed % 2 == 0 ? rows(seed) : OwnerInvariantTest.rows(seed);
      Dataset d = OwnerInvariantTest.build(rows, OwnerInvariantTest.ids(rows));
      Random r = new Random(seed);
      Instant asOf = T0.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 90))).plusNanos(r.nextInt(1_000_000));
      Instant from = r.nextBoolean() ? null : T0.plus(Duration.ofDays(r.nextInt(30)));
      Instant to = r.nextBoolean() ? null : T0.plus(Duration.ofDays(31 + r.nextInt(60)));
      for (OwnerRule rule : OwnerRule.values()) {
        OwnerTally one = OwnerTally.empty(asOf, from, to, rule);
        for (Lead l : d.leads()) {
          one.add(d, l);
        }
        assertEquals(Sales.ownerTally(d, asOf, from, to, rule).result(), one.result(), rule.label());
      }
    });
  }

  @Test
  void subMillisecondPartsDecideTiesWithTheAsOfInstantAndTheWindow() {
    Instant sql = T0.plusMillis(5_000).plusNanos(500_000); // 5.0005 s after T0
    Dataset d = Dataset.builder()
        .lead(Lead.of("L1", T0, "seo"))
        .stageChange(new StageChange("L1", C.stage("SQL"), sql, null, Money.of("10.50"), null))
        .stageChange(new StageChange("L1", C.stage("WON"), sql.plusSeconds(60), null, null, null))
        .payment(new Payment(null, "L1", null, sql.plusSeconds(86_400).plusNanos(1), Money.of("10.50"), null))
        .build();
    Instant before = sql.minusNanos(200_000); // same millisecond, earlier
    Instant after = sql.plusNanos(200_000); // same millisecond, later
    assertEquals(0, Sales.winRate(d, "SQL", null, null, before).reached());
    assertEquals(1, Sales.winRate(d, "SQL", null, null, after).reached());
    assertEquals(1, Sales.winRate(d, "SQL", before, null, after).reached());
    assertEquals(0, Sales.winRate(d, "SQL", after, null, null).reached());
    assertEquals(0, Sales.winRate(d, "SQL", null, before, null).reached());
    WinRate won = Sales.winRate(d, "SQL", null, null, sql.plusSeconds(61));
    assertEquals(1, won.won());
    assertEquals(new BigDecimal("10.50"), won.wonValue());
    SalesCycle c = Sales.cycle(d, sql.plusSeconds(2 * 86_400));
    assertEquals(1, c.paid());
    // 86 400 s + 1 ns elapsed: the whole milliseconds of the Duration, as before
    assertEquals(Duration.ofSeconds(86_400).toMillis() / 86_400_000.0, c.medianDays());
    assertEquals(0, Sales.cycle(d, sql.plusSeconds(86_400)).paid()); // paid 1 ns after asOf
  }
}
