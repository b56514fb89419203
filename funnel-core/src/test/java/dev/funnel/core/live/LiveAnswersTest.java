package dev.funnel.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.sla.BusinessCalendar;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The answers kept current equal the batch calculators on a dataset of the same rows, after
 * every batch of random streams: a demo's rows with duplicates, late and out-of-order arrival,
 * corrections that move a lead to another channel, customer or day, a stage change to another
 * stage or time, an activity to another time or owner, a payment to another customer or amount
 * (of another scale), a spend row to another day or amount, an identity that changes kind (a
 * spend row corrected into an activity), stage changes and payments of leads that have no lead
 * row yet; and after a checkpoint's restore.
 */
class LiveAnswersTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");
  private static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS,
      DatasetTable.STAGES, DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS,
      DatasetTable.SPEND, DatasetTable.PLAN);
  private static final Instant A = Instant.parse("2025-11-01T00:00:00Z");
  private static final Instant B = Instant.parse("2026-02-15T00:00:00Z");
  private static final List<FunnelQuery> FUNNELS = List.of(
      FunnelQuery.event(),
      FunnelQuery.cohort(),
      FunnelQuery.event().between(A, B).per(Granularity.MONTH).by(Dimension.CHANNEL),
      FunnelQuery.cohort().per(Granularity.WEEK).by(Dimension.CHANNEL, Dimension.SEGMENT),
      FunnelQuery.cohort().between(A, null).within(Duration.ofDays(30)).by(Dimension.OWNER));
  private static final LocalDate[][] UNITS = {{null, null},
      {LocalDate.of(2025, 11, 1), LocalDate.of(2026, 2, 1)}};
  private static final BusinessCalendar OFFICE = BusinessCalendar.builder().zone(ZONE)
      .workingDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY).hours(LocalTime.of(9, 0), LocalTime.of(18, 0)).build();
  private static final List<SlaQuery> SLAS = List.of(
      SlaQuery.of("MQL", Duration.ofHours(2), A).on(OFFICE).staleAfter(Duration.ofDays(3)),
      SlaQuery.of("SQL", Duration.ofHours(4), A).between(A, B),
      SlaQuery.of("LEAD", Duration.ofMinutes(30), A));
  private static final List<Instant> AS_OF = List.of(Instant.parse("2025-12-10T12:00:00Z"),
      Instant.parse("2026-05-01T00:00:00Z"));

  private static LiveFunnel.Builder config() {
    LiveFunnel.Builder b = LiveFunnel.builder().zone(ZONE).tables(TABLES);
    FUNNELS.forEach(b::funnel);
    for (LocalDate[] w : UNITS) {
      b.unit(w[0], w[1]);
    }
    SLAS.forEach(b::sla);
    return b;
  }

  /** The demo's rows as final events (version 1). */
  private static List<LiveEvent> finals(Dataset demo) {
    List<LiveEvent> out = new ArrayList<>();
    demo.leads().forEach(l -> out.add(LiveEvent.of("lead:" + l.id(), 1, l)));
    int[] n = {0};
    demo.stages().forEach(s -> out.add(LiveEvent.of("s" + n[0]++, 1, s)));
    demo.activities().forEach(a -> out.add(LiveEvent.of("a" + n[0]++, 1, a)));
    demo.payments().forEach(p -> out.add(LiveEvent.of("p" + n[0]++, 1, p)));
    demo.spend().forEach(s -> out.add(LiveEvent.of("m" + n[0]++, 1, s)));
    return out;
  }

  /** A wrong earlier version (0) of an event, or null: what a source sends before correcting. */
  private static LiveEvent wrong(LiveEvent e, List<Lead> leads, Random rnd) {
    Object r = e.row();
    Object w = null;
    if (r instanceof Lead l) {
      Lead other = leads.get(rnd.nextInt(leads.size()));
      w = new Lead(l.id(), l.createdAt().minus(Duration.ofDays(rnd.nextInt(60))),
          rnd.nextBoolean() ? "wrong_channel" : null, other.campaign(), "smb", "zed",
          rnd.nextBoolean() ? other.customerId() : null, Map.of());
    } else if (r instanceof StageChange s) {
      w = new StageChange(s.leadId(), StageCatalog.DEFAULT.progression().get(
          rnd.nextInt(StageCatalog.DEFAULT.progression().size())),
          s.at().minus(Duration.ofHours(rnd.nextInt(400))), null, null, null);
    } else if (r instanceof Activity a) {
      w = new Activity(a.leadId(), a.at().minusSeconds(rnd.nextInt(100_000)), a.type(),
          rnd.nextBoolean() ? "someone" : null, null);
    } else if (r instanceof Payment p) {
      Lead other = leads.get(rnd.nextInt(leads.size()));
      w = new Payment(p.paymentId(), rnd.nextBoolean() ? other.customerId() : p.customerId(),
          null, p.paidAt().minus(Duration.ofDays(rnd.nextInt(40))),
          Money.of(p.amount().amount().add(new BigDecimal("0.005")), p.amount().currency()), null);
    } else if (r instanceof Spend s) {
      w = rnd.nextInt(4) == 0
          ? new Activity(leads.get(0).id(), Instant.parse("2026-01-05T10:00:00Z"), "email", null,
              null) // the identity is another kind of row in its wrong version
          : new Spend(s.date().minusDays(rnd.nextInt(50)), s.channel(), s.campaign(),
              Money.of(s.amount().amount().add(new BigDecimal("1.125")), s.amount().currency()));
    }
    return w == null ? null : LiveEvent.of(e.id(), 0, w);
  }

  private static Dataset batch(Map<String, LiveEvent> current) {
    Dataset.Builder b = Dataset.builder().zone(ZONE);
    TABLES.forEach(b::table);
    for (LiveEvent e : current.values()) {
      e.addTo(b);
    }
    return b.build();
  }

  private static void assertAnswers(Dataset d, LiveFunnel live, String where) {
    for (FunnelQuery q : FUNNELS) {
      assertEquals(StageFunnel.compute(d, q), live.funnel(q), where + " " + q);
    }
    for (LocalDate[] w : UNITS) {
      for (BigDecimal margin : new BigDecimal[] {null, new BigDecimal("0.35")}) {
        UnitReport expected = UnitEconomics.compute(d, w[0], w[1], margin);
        assertEquals(expected, live.unit(w[0], w[1], margin), where + " unit " + w[0]);
      }
    }
    for (SlaQuery q : SLAS) {
      for (Instant asOf : AS_OF) {
        assertEquals(Sla.compute(d, q.asOf(asOf)), live.sla(q.asOf(asOf)),
            where + " " + q.stage() + " as of " + asOf);
      }
    }
  }

  @Test
  void randomStreamsGiveTheBatchAnswersAfterEveryBatch() {
    Dataset demo = DemoData.builder().seed(3).leads(160).months(6).zone(ZONE).defectRate(0)
        .build().dataset();
    List<LiveEvent> finals = finals(demo);
    for (int round = 0; round < 4; round++) {
      Random rnd = new Random(100 + round);
      List<LiveEvent> stream = new ArrayList<>();
      for (LiveEvent e : finals) {
        stream.add(e);
        if (rnd.nextInt(8) == 0) {
          stream.add(e); // a duplicate
        }
        if (rnd.nextInt(4) == 0) {
          LiveEvent w = wrong(e, demo.leads(), rnd);
          if (w != null) {
            stream.add(w);
          }
        }
      }
      Collections.shuffle(stream, rnd); // late and out of order: lead rows after their stages
      LiveFunnel live = config().build();
      Map<String, LiveEvent> current = new HashMap<>();
      int checks = 0;
      for (int i = 0; i < stream.size(); ) {
        int k = 1 + rnd.nextInt(stream.size() / 6);
        List<LiveEvent> part = stream.subList(i, Math.min(stream.size(), i + k));
        live.apply(part);
        for (LiveEvent e : part) {
          current.merge(e.id(), e, (old, x) -> x.version() >= old.version() ? x : old);
        }
        i += k;
        if (rnd.nextInt(3) > 0 || i >= stream.size()) { // not after every batch: changes pile up
          assertAnswers(batch(current), live, "round " + round + " after " + i + " events");
          checks++;
        }
      }
      assertEquals(finals.size(), live.size());
      assertTrue(checks >= 3);
      // a restored checkpoint keeps the same answers
      LiveFunnel back = LiveFunnel.restore(live.toBytes(), config());
      assertAnswers(batch(current), back, "restored, round " + round);
    }
  }

  @Test
  void aQueryNotKeptIsRefusedWithTheWayToAskForIt() {
    LiveFunnel live = config().build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> live.funnel(FunnelQuery.event().per(Granularity.DAY)));
    assertTrue(e.getMessage().startsWith("this live funnel keeps no funnel of"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> live.unit(LocalDate.of(2026, 1, 1), null, null));
    assertThrows(IllegalArgumentException.class,
        () -> live.sla(SlaQuery.of("MQL", Duration.ofHours(3), A)));
    // an SLA that starts at an exit, or at no stage of the catalog, is refused when built
    assertThrows(IllegalArgumentException.class,
        () -> LiveFunnel.builder().sla(SlaQuery.of("LOST", Duration.ofHours(1), A)).build());
    assertThrows(IllegalArgumentException.class,
        () -> LiveFunnel.builder().sla(SlaQuery.of("NOPE", Duration.ofHours(1), A)).build());
    // without the tables, the same refusal as the batch calculators on the snapshot
    LiveFunnel bare = LiveFunnel.builder().tables(EnumSet.of(DatasetTable.LEADS))
        .funnel(FunnelQuery.event()).build();
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> bare.funnel(FunnelQuery.event()));
    IllegalStateException b = assertThrows(IllegalStateException.class,
        () -> StageFunnel.compute(bare.snapshot(), FunnelQuery.event()));
    assertEquals(b.getMessage(), s.getMessage());
  }

  @Test
  void anEmptyFunnelAnswersAsAnEmptyDataset() {
    LiveFunnel live = config().build();
    Dataset empty = batch(Map.of());
    assertAnswers(empty, live, "empty");
  }
}
