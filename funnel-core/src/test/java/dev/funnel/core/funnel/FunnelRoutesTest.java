package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.columnar.LocalDays;
import dev.funnel.core.demo.DemoData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one route of the stage funnel ({@link StageFunnel}, over the columnar form) against the
 * record route ({@link LeadReach#of(Lead, List, StageCatalog)} of each lead's stage changes added
 * to a {@link FunnelState}, the per-lead step Spark runs), which is the oracle: the same state and
 * report, to the last count and conversion, on both bases, every breakdown and granularity,
 * windows with sub-millisecond bounds and horizons, on random messy datasets.
 */
class FunnelRoutesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** The record route: every lead's reach from its stage change records, added one by one. */
  static FunnelState recordRoute(Dataset d, FunnelQuery q) {
    FunnelState t = FunnelState.empty(d.catalog(), d.zone(), q);
    for (Lead l : d.leads()) {
      t.add(LeadReach.of(l, new ArrayList<>(d.stagesOf(l.id())), d.catalog()));
    }
    return t;
  }

  static void same(Dataset d, FunnelQuery q) {
    FunnelState oracle = recordRoute(d, q);
    assertEquals(oracle, StageFunnel.tally(d, q), () -> "tally of " + q);
    FunnelReport expected = oracle.result();
    FunnelReport actual = StageFunnel.compute(d, q);
    assertEquals(expected, actual, () -> "query " + q + "\nrecords:\n" + expected.table()
        + "\ncolumnar:\n" + actual.table());
  }

  private static List<FunnelQuery> queries() {
    List<FunnelQuery> out = new ArrayList<>();
    for (FunnelQuery e : List.of(FunnelQuery.event(), FunnelQuery.cohort(),
        FunnelQuery.cohort().within(Duration.ofDays(9)))) {
      out.addAll(List.of(
          e.per(Granularity.MONTH).by(Dimension.CHANNEL),
          e.per(Granularity.WEEK).by(Dimension.CHANNEL),
          e.per(Granularity.DAY).by(Dimension.CHANNEL),
          e.per(Granularity.QUARTER),
          e.per(Granularity.YEAR).by(Dimension.CHANNEL),
          e.by(Dimension.CHANNEL),
          e.by(Dimension.CAMPAIGN),
          e.per(Granularity.MONTH).by(Dimension.SEGMENT, Dimension.OWNER),
          e.per(Granularity.WEEK).by(Dimension.OWNER, Dimension.CAMPAIGN),
          e));
    }
    return out;
  }

  @Test
  void demoDataMatchesObjectRoute() {
    for (ZoneId zone : List.of(ZoneOffset.UTC, BERLIN)) {
      for (long seed : new long[] {1, 42}) {
        for (int leads : new int[] {200, 1_500}) {
          Dataset d = DemoData.builder().seed(seed).leads(leads).zone(zone).build().dataset();
          FunnelReport r = StageFunnel.compute(d,
              FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL));
          assertTrue(r.stages().get(0).count() > 0, "the demo has leads to count");
          for (FunnelQuery q : queries()) {
            same(d, q);
          }
        }
      }
    }
  }

  @Test
  void messyDataMatchesObjectRoute() {
    for (long seed = 1; seed <= 24; seed++) {
      RandomCrm crm = new RandomCrm(seed, 1 + (int) (seed * 7 % 90));
      for (ZoneId zone : List.of(ZoneOffset.UTC, BERLIN)) {
        Dataset d = crm.dataset(zone, seed);
        for (FunnelQuery q : queries()) {
          same(d, q);
        }
        Instant from = RandomCrm.T0.plus(Duration.ofDays(20));
        same(d, FunnelQuery.event().between(from, from.plus(Duration.ofDays(45)))
            .per(Granularity.WEEK).by(Dimension.CHANNEL));
        same(d, FunnelQuery.event().between(null, from).per(Granularity.MONTH));
      }
    }
  }

  @Test
  void orphanChangesAndEarlyChangesAndSubMillisecondTimes() {
    StageCatalog c = StageCatalog.DEFAULT;
    Instant t0 = Instant.parse("2026-01-31T23:30:00.000700Z");
    Dataset d = Dataset.builder().zone(BERLIN)
        .lead(new Lead("a", t0, "seo", null, null, null, null, Map.of()))
        .lead(new Lead("b", t0.plusSeconds(3600), null, null, null, null, null, Map.of()))
        .lead(new Lead("c", t0.plusSeconds(7200), "seo", null, null, null, null, Map.of()))
        // a change before creation, a skipped stage, an exit, and a lead missing from leads
        .stageChange(new StageChange("a", c.progression().get(2), t0.minusSeconds(86_400 * 40),
            null, null, null))
        .stageChange(new StageChange("b", c.progression().get(3), t0.plusSeconds(90_000),
            null, null, null))
        .stageChange(new StageChange("b", c.exits().get(0), t0.plusSeconds(90_000),
            "other", null, null))
        .stageChange(new StageChange("zz", c.progression().get(1), t0, null, null, null))
        .build();
    for (FunnelQuery q : queries()) {
      same(d, q);
    }
    FunnelReport r = StageFunnel.compute(d, FunnelQuery.event().by(Dimension.CHANNEL));
    assertEquals(3, r.stages().get(0).count(), "every lead with a row, orphan zz not counted");
    assertEquals(2, r.stages().get(1).count(), "a via the earlier stage 2, b via stage 3");
  }

  @Test
  void subMillisecondTimesBoundsAndHorizonsAreDecidedExactly() {
    StageCatalog c = StageCatalog.DEFAULT;
    Instant t0 = Instant.parse("2026-03-01T00:00:00.000400Z");
    Dataset.Builder b = Dataset.builder().zone(BERLIN);
    java.util.Random r = new java.util.Random(5);
    String[] owners = {"ann", "bob", null};
    for (int i = 0; i < 60; i++) {
      Instant created = t0.plusNanos(r.nextInt(3) * 300_000L + r.nextInt(4) * 1_000_000L);
      b.lead(new Lead("L" + i, created, r.nextBoolean() ? "seo" : null,
          r.nextBoolean() ? "(none)" : null, null, owners[r.nextInt(3)], null, Map.of()));
      for (int m = 0; m < 4; m++) {
        Instant at = created.plusNanos(r.nextInt(5) * 300_000L + r.nextInt(3) * 1_000_000L
            + r.nextInt(2) * 86_400_000_000_000L);
        b.stageChange(new StageChange("L" + i, c.all().get(1 + r.nextInt(c.size() - 1)), at,
            null, null, null));
      }
    }
    Dataset d = b.build();
    for (long fromNs : new long[] {0, 300_000, 1_000_000, 1_300_000, 2_600_000}) {
      for (long toNs : new long[] {600_000, 1_000_000, 2_300_000, 86_401_300_000L}) {
        Instant from = t0.plusNanos(fromNs);
        Instant to = t0.plusNanos(toNs);
        if (!from.isBefore(to)) {
          continue;
        }
        same(d, FunnelQuery.event().between(from, to).by(Dimension.CHANNEL));
        same(d, FunnelQuery.cohort().between(from, to).per(Granularity.DAY));
        same(d, FunnelQuery.event().between(null, to).by(Dimension.OWNER, Dimension.CAMPAIGN));
        same(d, FunnelQuery.event().between(from, null).per(Granularity.WEEK));
      }
    }
    for (long h : new long[] {0, 100_000, 300_000, 1_000_000, 1_600_000, 2_000_000, 86_400_000_000_000L}) {
      same(d, FunnelQuery.cohort().within(Duration.ofNanos(h)).by(Dimension.CAMPAIGN));
    }
    same(d, FunnelQuery.cohort().within(Duration.ofSeconds(10_000_000_000_000_000L)).per(Granularity.YEAR));
    same(d, FunnelQuery.event().between(Instant.MIN, Instant.MAX).per(Granularity.DAY));
  }

  @Test
  void leadReachOfADatasetLeadAndTheCandidatesEqualTheRecordForms() {
    for (long seed = 1; seed <= 30; seed++) {
      Dataset d = new RandomCrm(seed, 1 + (int) (seed * 11 % 70)).dataset(BERLIN, seed);
      for (Lead l : d.leads()) {
        assertEquals(LeadReach.of(l, d.stagesOf(l.id()), d.catalog()).toString(),
            LeadReach.of(d, l).toString());
      }
      Lead stranger = Lead.of("not-in-the-dataset", RandomCrm.T0, "seo");
      assertEquals(LeadReach.of(stranger, List.of(), d.catalog()).toString(),
          LeadReach.of(d, stranger).toString());
      Instant from = RandomCrm.T0.plus(Duration.ofDays(seed));
      for (Instant[] w : new Instant[][] {{from, from.plus(Duration.ofDays(9))}, {null, from},
          {from, null}, {null, null}}) {
        List<Lead> expected = new ArrayList<>();
        for (Lead l : d.leads()) {
          boolean in = new FunnelQuery(Basis.EVENT, w[0], w[1], null, null, null)
              .inWindow(l.createdAt());
          for (StageChange s : d.stagesOf(l.id())) {
            in |= !s.stage().exit()
                && new FunnelQuery(Basis.EVENT, w[0], w[1], null, null, null).inWindow(s.at());
          }
          if (in) {
            expected.add(l);
          }
        }
        assertEquals(expected, LeadReach.candidates(d, w[0], w[1]));
      }
    }
  }

  @Test
  void aClockSetBackOverMidnightPlacesTimesByTheirLocalDate() {
    // America/Sao_Paulo: 2018-02-18 00:00 -02:00 became 2018-02-17 23:00 -03:00, and
    // 2018-11-04 00:00 -03:00 became 01:00 -02:00
    ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
    StageCatalog c = StageCatalog.DEFAULT;
    java.util.Random r = new java.util.Random(9);
    Dataset.Builder b = Dataset.builder().zone(saoPaulo);
    for (Instant around : new Instant[] {Instant.parse("2018-02-18T02:30:00Z"),
        Instant.parse("2018-11-04T03:00:00Z")}) {
      for (int i = 0; i < 80; i++) {
        String id = around.toString().substring(0, 10) + "-" + i;
        Instant created = around.plusSeconds(60L * (r.nextInt(600) - 300));
        b.lead(new Lead(id, created, r.nextBoolean() ? "seo" : "ads", null, null, null, null,
            Map.of()));
        b.stageChange(new StageChange(id, c.progression().get(1 + r.nextInt(7)),
            created.plusSeconds(60L * r.nextInt(240)), null, null, null));
      }
    }
    Dataset d = b.build();
    for (Granularity g : Granularity.values()) {
      same(d, FunnelQuery.event().per(g).by(Dimension.CHANNEL));
      same(d, FunnelQuery.cohort().per(g));
    }
    assertTrue(LocalDays.ascend(saoPaulo,
        Instant.parse("2018-01-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2018-12-01T00:00:00Z").toEpochMilli()), "set back at midnight: same date");
  }
}
