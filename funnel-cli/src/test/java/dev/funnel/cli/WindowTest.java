package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A dataset with rows of every timed table spread over 2026, reproducible from the seed. */
  static Dataset sample(long seed) {
    Random r = new Random(seed);
    Dataset.Builder b = Dataset.builder().zone(BERLIN).currency("EUR");
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 300; i++) {
      Instant at = start.plusSeconds(r.nextInt(365 * 86400));
      String id = "L" + i;
      b.lead(Lead.of(id, at, r.nextBoolean() ? "seo" : "direct"));
      b.stageChange(StageChange.of(id, StageCatalog.DEFAULT.stage("MQL"), at.plusSeconds(r.nextInt(20 * 86400))));
      b.touch(Touch.of(id, at.minusSeconds(r.nextInt(5 * 86400)), "seo"));
      b.activity(new Activity(id, at.plusSeconds(3600), "call", null, null));
      b.payment(new Payment(null, id, id, at.plusSeconds(r.nextInt(60 * 86400)), Money.of("10.5"), null));
      b.spend(new Spend(LocalDate.ofInstant(at, BERLIN), "seo", null, Money.of("3")));
    }
    b.planTarget(new PlanTarget(Period.parse("2026-03"), "leads", BigDecimal.TEN, null));
    b.planTarget(new PlanTarget(Period.parse("2026-Q2"), "leads", BigDecimal.TEN, null));
    return b.build();
  }

  @Test
  void theOpenWindowIsTheDatasetItself() {
    Dataset d = sample(1);
    assertSame(d, Window.ALL.slice(d));
  }

  @Test
  void adjacentWindowsPartitionEveryTimedTable() {
    Dataset d = sample(2);
    LocalDate cut = LocalDate.of(2026, 3, 29); // the day Berlin moves to summer time
    Dataset before = new Window(null, cut).slice(d);
    Dataset after = new Window(cut, null).slice(d);
    for (DatasetTable t : new DatasetTable[] {DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS, DatasetTable.SPEND}) {
      assertEquals(d.size(t), before.size(t) + after.size(t), t.fileName());
    }
    assertEquals(d.tables(), before.tables());
    assertEquals("EUR", after.currency());
    assertEquals(BERLIN, after.zone());
  }

  @Test
  void boundsAreLocalMidnightsInTheDatasetZone() {
    Dataset d = Dataset.builder().zone(BERLIN)
        .lead(Lead.of("a", Instant.parse("2026-02-28T22:59:59Z"), "seo")) // 23:59:59 Feb 28 in Berlin
        .lead(Lead.of("b", Instant.parse("2026-02-28T23:00:00Z"), "seo")) // 00:00 Mar 1 in Berlin
        .lead(Lead.of("c", Instant.parse("2026-03-31T21:59:59Z"), "seo")) // 23:59:59 Mar 31 (CEST)
        .lead(Lead.of("d", Instant.parse("2026-03-31T22:00:00Z"), "seo")) // 00:00 Apr 1 (CEST)
        .build();
    Dataset march = new Window(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)).slice(d);
    assertEquals(2, march.size(DatasetTable.LEADS));
    assertEquals("b", march.leads().get(0).id());
    assertEquals("c", march.leads().get(1).id());
  }

  @Test
  void planTargetsOverlappingTheWindowStay() {
    Dataset d = sample(3);
    assertEquals(2, new Window(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 2)).slice(d).size(DatasetTable.PLAN));
    assertEquals(1, new Window(LocalDate.of(2026, 4, 1), null).slice(d).size(DatasetTable.PLAN));
    assertEquals(0, new Window(null, LocalDate.of(2026, 3, 1)).slice(d).size(DatasetTable.PLAN));
  }

  @Test
  void anEmptyWindowIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Window(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)));
  }
}
