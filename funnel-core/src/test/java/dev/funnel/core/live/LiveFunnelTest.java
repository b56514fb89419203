package dev.funnel.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sla.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The live funnel: any order, batching, duplicates and corrections give the batch answers; the
 * triggers fire once at the right moments; the checkpoint restores the state exactly.
 */
class LiveFunnelTest {

  private static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS,
      DatasetTable.STAGES, DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS);
  private static final Dataset DEMO = DemoData.builder().seed(9).leads(400).build().dataset();

  /** The demo's rows as events with identities, in a fixed order. */
  private static List<LiveEvent> demoEvents() {
    List<LiveEvent> out = new ArrayList<>();
    DEMO.leads().forEach(l -> out.add(LiveEvent.of(l)));
    int[] n = {0};
    DEMO.stages().forEach(s -> out.add(LiveEvent.of("s" + n[0]++, s)));
    DEMO.activities().forEach(a -> out.add(LiveEvent.of("a" + n[0]++, a)));
    DEMO.touches().forEach(t -> out.add(LiveEvent.of("t" + n[0]++, t)));
    DEMO.payments().forEach(p -> out.add(LiveEvent.of("p" + n[0]++, p)));
    return out;
  }

  private static Dataset batch(List<LiveEvent> finals) {
    Dataset.Builder b = Dataset.builder().zone(DEMO.zone()).catalog(DEMO.catalog());
    TABLES.forEach(b::table);
    for (LiveEvent e : finals) {
      e.addTo(b);
    }
    return b.build();
  }

  private static LiveFunnel.Builder config() {
    return LiveFunnel.builder().zone(DEMO.zone()).catalog(DEMO.catalog()).tables(TABLES);
  }

  @Test
  void anyOrderBatchingDuplicatesAndCorrectionsGiveTheBatchAnswers() {
    List<LiveEvent> finals = demoEvents();
    Dataset expected = batch(finals);
    Instant asOf = Instant.parse("2026-06-01T00:00:00Z");
    var funnel = StageFunnel.compute(expected, FunnelQuery.event());
    var win = Sales.winRate(expected, "SQL", null, null, asOf);
    Random rnd = new Random(21);
    for (int round = 0; round < 5; round++) {
      List<LiveEvent> stream = new ArrayList<>();
      for (LiveEvent e : finals) {
        stream.add(e);
        if (rnd.nextInt(10) == 0) {
          stream.add(e); // a duplicate
        }
        if (rnd.nextInt(10) == 0 && e.row() instanceof Activity a) {
          // a wrong first version, corrected by the final one (version 1 wins in any order)
          stream.add(LiveEvent.of(e.id(), -1,
              new Activity(a.leadId(), a.at().minusSeconds(3600), "call", null, null)));
        }
      }
      // the finals go in as version 0; the wrong ones as version -1
      Collections.shuffle(stream, rnd);
      LiveFunnel live = config().build();
      for (int i = 0; i < stream.size(); ) {
        int k = 1 + rnd.nextInt(200);
        live.apply(stream.subList(i, Math.min(stream.size(), i + k)));
        i += k;
      }
      assertEquals(finals.size(), live.size());
      assertEquals(funnel, StageFunnel.compute(live.snapshot(), FunnelQuery.event()));
      assertEquals(win, Sales.winRate(live.snapshot(), "SQL", null, null, asOf));
    }
  }

  @Test
  void duplicatesAndCorrectionsAreCounted() {
    LiveFunnel live = config().build();
    Lead a = new Lead("A", Instant.parse("2026-01-01T00:00:00Z"), "seo", null, null, null, null,
        Map.of());
    assertEquals(new Applied(1, 0, 0), live.apply(LiveEvent.of(a)));
    assertEquals(new Applied(0, 0, 1), live.apply(LiveEvent.of(a)));
    Lead moved = new Lead("A", a.createdAt(), "ads", null, null, null, null, Map.of());
    assertEquals(new Applied(0, 1, 0), live.apply(LiveEvent.of(moved)));
    assertEquals("ads", live.snapshot().leads().get(0).channel());
    assertEquals(new Applied(0, 0, 1), live.apply(LiveEvent.of("lead:A", -5, a))); // older version
    assertThrows(IllegalArgumentException.class, () -> live.apply(LiveEvent.of("x",
        new StageChange("A", StageCatalog.of(List.of("NEW", "DONE"), List.of()).stage("DONE"),
            a.createdAt(), null, null, null))));
  }

  private static final Instant T0 = Instant.parse("2026-03-06T16:00:00Z"); // a Friday

  private static StageChange stage(String lead, String stage, Instant at, String reason) {
    return new StageChange(lead, StageCatalog.DEFAULT.stage(stage), at, reason, null, null);
  }

  @Test
  void triggersFireOnceAtTheMomentTheyBecameTrue() {
    BusinessCalendar office = BusinessCalendar.builder().zone(ZoneId.of("UTC"))
        .workingDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY).hours(LocalTime.of(9, 0), LocalTime.of(18, 0)).build();
    LiveFunnel live = LiveFunnel.builder()
        .rule(new TriggerRule.FirstResponse("first-response", "MQL", Duration.ofHours(4), office,
            "call the lead"))
        .rule(new TriggerRule.Stale("stale", Duration.ofDays(10), "try another channel"))
        .rule(new TriggerRule.EnteredStage("lost-price", "LOST", "price", "send value content"))
        .rule(new TriggerRule.TouchBurst("hot", 3, "pricing", Duration.ofDays(7),
            "personal offer"))
        .rule(new TriggerRule.PaymentAfterChurn("win-back", Duration.ofDays(90), "thank and upsell"))
        .build();
    live.apply(LiveEvent.of(new Lead("A", T0.minusSeconds(3600), "seo", null, null, null, null,
        Map.of())), LiveEvent.of("a1", stage("A", "MQL", T0, null)));
    // Friday 16:00 + 4 working hours (to 18:00, then Monday from 9:00) = Monday 11:00
    Instant due = Instant.parse("2026-03-09T11:00:00Z");
    assertEquals(List.of(), live.advanceTo(due.minusSeconds(1)));
    List<Firing> f = live.advanceTo(due.plusSeconds(60));
    assertEquals(List.of(new Firing("A", "first-response", due, "call the lead")), f);
    assertEquals(List.of(), live.advanceTo(due.plusSeconds(120))); // once
    // a late activity does not withdraw it; the lead goes stale 10 days after its last event
    live.apply(LiveEvent.of("a2", new Activity("A", due.plusSeconds(3600), "call", null, null)));
    assertEquals(List.of(), live.advanceTo(due.plus(Duration.ofDays(10))));
    List<Firing> stale = live.advanceTo(due.plus(Duration.ofDays(11)));
    assertEquals(List.of(new Firing("A", "stale", due.plusSeconds(3600).plus(Duration.ofDays(10)),
        "try another channel")), stale);
    // lost for price; a burst of three pricing touches in a week; a payment after 120 days
    Instant t = due.plus(Duration.ofDays(12));
    live.apply(LiveEvent.of("a3", stage("A", "LOST", t, "Price")),
        LiveEvent.of("t1", new Touch("A", t.plusSeconds(10), "web", "pricing", TouchKind.ONLINE, null)),
        LiveEvent.of("t2", new Touch("A", t.plusSeconds(20), "web", "pricing", TouchKind.ONLINE, null)),
        LiveEvent.of("t3", new Touch("A", t.plusSeconds(30), "web", "pricing", TouchKind.ONLINE, null)),
        LiveEvent.of("p1", new Payment("p1", "A", "A", t.plusSeconds(40), Money.of("10", "USD"), null)),
        LiveEvent.of("p2", new Payment("p2", "A", "A", t.plus(Duration.ofDays(120)),
            Money.of("10", "USD"), null)));
    List<Firing> later = live.advanceTo(t.plus(Duration.ofDays(121)));
    assertEquals(List.of(new Firing("A", "lost-price", t, "send value content"),
        new Firing("A", "hot", t.plusSeconds(30), "personal offer"),
        new Firing("A", "win-back", t.plus(Duration.ofDays(120)), "thank and upsell")), later);
    assertThrows(IllegalArgumentException.class, () -> live.advanceTo(t));
  }

  @Test
  void theSameEventsFireTheSameTriggersInAnyOrder() {
    List<LiveEvent> events = demoEvents();
    Instant end = Instant.parse("2026-12-31T00:00:00Z");
    List<Firing> first = null;
    Random rnd = new Random(4);
    for (int round = 0; round < 3; round++) {
      List<LiveEvent> s = new ArrayList<>(events);
      Collections.shuffle(s, rnd);
      LiveFunnel live = config()
          .rule(new TriggerRule.Stale("stale", Duration.ofDays(14), "nudge"))
          .rule(new TriggerRule.EnteredStage("lost", "LOST", null, "review"))
          .build();
      live.apply(s.subList(0, s.size() / 2));
      live.apply(s.subList(s.size() / 2, s.size()));
      List<Firing> f = live.advanceTo(end);
      if (first == null) {
        first = f;
        assertTrue(f.size() > 10, "the demo fires something: " + f.size());
      } else {
        assertEquals(first, f);
      }
    }
  }

  @Test
  void checkpointRestoresTheStateExactly() {
    LiveFunnel.Builder cfg = config().rule(new TriggerRule.Stale("stale", Duration.ofDays(14),
        "nudge"));
    LiveFunnel live = cfg.build();
    live.apply(demoEvents());
    List<Firing> before = live.advanceTo(Instant.parse("2026-04-01T00:00:00Z"));
    byte[] bytes = live.toBytes();
    LiveFunnel back = LiveFunnel.restore(bytes, cfg);
    assertTrue(java.util.Arrays.equals(bytes, back.toBytes()));
    assertEquals(StageFunnel.compute(live.snapshot(), FunnelQuery.event()),
        StageFunnel.compute(back.snapshot(), FunnelQuery.event()));
    Instant next = Instant.parse("2026-08-01T00:00:00Z");
    assertEquals(live.advanceTo(next), back.advanceTo(next)); // no firing twice, none lost
    assertTrue(before.size() > 0);
    // every truncation and a wrong version are refused with IllegalArgumentException
    for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 300)) {
      byte[] part = java.util.Arrays.copyOf(bytes, cut);
      assertThrows(IllegalArgumentException.class, () -> LiveFunnel.restore(part, cfg));
    }
    byte[] wrong = bytes.clone();
    wrong[4] = 9;
    assertThrows(IllegalArgumentException.class, () -> LiveFunnel.restore(wrong, cfg));
    Random rnd = new Random(3);
    for (int i = 0; i < 300; i++) {
      byte[] m = bytes.clone();
      m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
      try {
        LiveFunnel.restore(m, cfg);
      } catch (IllegalArgumentException expectedForSome) {
        // a documented refusal; anything else fails the test
      }
    }
  }

  @Test
  void aRowSentAheadOfTheClockFiresWhenTheClockPassesIt() {
    // a LOST stage change, a touch burst and a payment after a gap, all stamped after the clock:
    // each fires once the clock reaches its time, with no other event in between
    LiveFunnel live = LiveFunnel.builder()
        .rule(new TriggerRule.EnteredStage("lost", "LOST", null, "review"))
        .rule(new TriggerRule.TouchBurst("hot", 2, null, Duration.ofDays(1), "offer"))
        .rule(new TriggerRule.PaymentAfterChurn("back", Duration.ofDays(30), "thank"))
        .build();
    live.advanceTo(T0);
    live.apply(LiveEvent.of(new Lead("A", T0.minusSeconds(60), "seo", null, null, null, null,
            Map.of())),
        LiveEvent.of("p1", new Payment("p1", "A", "A", T0.minusSeconds(30), Money.of("5", "USD"),
            null)),
        LiveEvent.of("l", stage("A", "LOST", T0.plusSeconds(3600), "price")),
        LiveEvent.of("t1", new Touch("A", T0.plusSeconds(7200), "web", null, TouchKind.ONLINE,
            null)),
        LiveEvent.of("t2", new Touch("A", T0.plusSeconds(7300), "web", null, TouchKind.ONLINE,
            null)),
        LiveEvent.of("p2", new Payment("p2", "A", "A", T0.plus(Duration.ofDays(40)),
            Money.of("5", "USD"), null)));
    assertEquals(List.of(), live.advanceTo(T0.plusSeconds(60))); // nothing due yet
    assertEquals(List.of(new Firing("A", "lost", T0.plusSeconds(3600), "review")),
        live.advanceTo(T0.plusSeconds(3600)));
    assertEquals(List.of(new Firing("A", "hot", T0.plusSeconds(7300), "offer")),
        live.advanceTo(T0.plus(Duration.ofDays(1))));
    assertEquals(List.of(new Firing("A", "back", T0.plus(Duration.ofDays(40)), "thank")),
        live.advanceTo(T0.plus(Duration.ofDays(50))));
    assertEquals(3, live.firings().size());
  }

  @Test
  void aBatchWithAnEventNoDatasetCouldHoldIsRefusedWhole() {
    LiveFunnel live = config().build();
    Lead a = new Lead("A", T0, "seo", null, null, null, null, Map.of());
    LiveEvent usd = LiveEvent.of("p1", new Payment("p1", "A", "A", T0, Money.of("5", "USD"), null));
    LiveEvent eur = LiveEvent.of("p2", new Payment("p2", "A", "A", T0, Money.of("5", "EUR"), null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> live.apply(LiveEvent.of(a), usd, eur));
    assertEquals("event p2: money in EUR; this funnel's money is in USD (one currency per funnel)",
        e.getMessage());
    assertEquals(0, live.size()); // nothing of the batch was applied
    live.apply(LiveEvent.of(a), usd);
    assertThrows(IllegalArgumentException.class, () -> live.apply(eur)); // USD is held
    // a payment without a currency adopts the funnel's
    live.apply(LiveEvent.of("p3", new Payment("p3", "A", "A", T0, Money.of("1", null), null)));
    e = assertThrows(IllegalArgumentException.class, () -> live.apply(LiveEvent.of("crm-17", a)));
    assertEquals("event crm-17: a lead's identity is lead:A (one lead row per lead; a new version"
        + " replaces it)", e.getMessage());
    assertEquals(3, live.size());
    assertEquals("USD", live.snapshot().currency()); // the snapshot is built: one currency
  }
}
