package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.core.StageChange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The funnel against a naive recount, and its properties on random messy CRMs. */
class FunnelOracleTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Instant FROM = Instant.parse("2026-01-20T00:00:00Z");
  static final Instant TO = Instant.parse("2026-04-10T00:00:00Z");

  /** Reach time by definition: scan every stage row of the dataset for this lead. */
  static Instant naiveReach(Dataset d, Lead l, int k) {
    if (k == 0) {
      return l.createdAt();
    }
    Instant best = null;
    for (StageChange c : d.stages()) {
      if (c.leadId().equals(l.id()) && !c.stage().exit() && c.stage().index() >= k
          && (best == null || c.at().isBefore(best))) {
        best = c.at();
      }
    }
    return best;
  }

  static boolean in(Instant t) {
    return t != null && !t.isBefore(FROM) && t.isBefore(TO);
  }

  @Test
  void eventAndCohortCountsEqualANaiveRecountPerChannelAndWeek() {
    qt().withExamples(25).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      Dataset d = new RandomCrm(seed, 40).dataset(ZONE, 0);
      FunnelReport ev = StageFunnel.compute(d,
          FunnelQuery.event().between(FROM, TO).per(Granularity.WEEK).by(Dimension.CHANNEL));
      FunnelReport co = StageFunnel.compute(d, FunnelQuery.cohort().between(FROM, TO)
          .per(Granularity.WEEK).by(Dimension.CHANNEL).within(Duration.ofDays(15)));
      int n = d.catalog().progression().size();
      Map<String, Instant[]> reach = new HashMap<>();
      for (Lead l : d.leads()) {
        Instant[] r = new Instant[n];
        for (int k = 0; k < n; k++) {
          r[k] = naiveReach(d, l, k);
        }
        reach.put(l.id(), r);
      }
      for (GroupFunnel g : ev.groups()) {
        for (PeriodFunnel p : g.periods()) {
          for (int k = 0; k < n; k++) {
            long expect = 0;
            for (Lead l : d.leads()) {
              Instant t = reach.get(l.id())[k];
              if (l.channel().equals(g.key()) && in(t) && p.calendarPeriod().contains(t, ZONE)) {
                expect++;
              }
            }
            assertEquals(expect, p.stages().get(k).count(), g.key() + " " + p.period() + " " + k);
          }
        }
      }
      for (GroupFunnel g : co.groups()) {
        for (PeriodFunnel p : g.periods()) {
          for (int k = 0; k < n; k++) {
            long expect = 0;
            for (Lead l : d.leads()) {
              Instant t = reach.get(l.id())[k];
              if (l.channel().equals(g.key()) && in(l.createdAt())
                  && p.calendarPeriod().contains(l.createdAt(), ZONE) && t != null
                  && Duration.between(l.createdAt(), t).compareTo(Duration.ofDays(15)) <= 0) {
                expect++;
              }
            }
            assertEquals(expect, p.stages().get(k).count(), g.key() + " " + p.period() + " " + k);
          }
        }
      }
    });
  }

  @Test
  void totalsAreTheSumsOfPeriodsAndOfGroupsOnTheEventBasis() {
    qt().withExamples(30).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      Dataset d = new RandomCrm(seed, 60).dataset(ZONE, 0);
      FunnelReport r = StageFunnel.compute(d,
          FunnelQuery.event().per(Granularity.MONTH).by(Dimension.SEGMENT, Dimension.CAMPAIGN));
      for (int k = 0; k < r.stages().size(); k++) {
        long byPeriod = 0;
        long byGroup = 0;
        for (PeriodFunnel p : r.periods()) {
          byPeriod += p.stages().get(k).count();
        }
        for (GroupFunnel g : r.groups()) {
          byGroup += g.stages().get(k).count();
        }
        assertEquals(r.stages().get(k).count(), byPeriod);
        assertEquals(r.stages().get(k).count(), byGroup);
      }
      // every lead reaches the first stage exactly once
      assertEquals(d.leads().size(), r.count("LEAD"));
    });
  }

  @Test
  void cohortCountsNeverIncreaseAlongTheCatalogAndConversionsAreShares() {
    qt().withExamples(40).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      Dataset d = new RandomCrm(seed, 50).dataset(ZONE, 0);
      FunnelReport r = StageFunnel.compute(d,
          FunnelQuery.cohort().per(Granularity.MONTH).by(Dimension.OWNER));
      List<List<StageCount>> all = new ArrayList<>();
      all.add(r.stages());
      r.periods().forEach(p -> all.add(p.stages()));
      r.groups().forEach(g -> {
        all.add(g.stages());
        g.periods().forEach(p -> all.add(p.stages()));
      });
      for (List<StageCount> rows : all) {
        for (int k = 1; k < rows.size(); k++) {
          assertTrue(rows.get(k).count() <= rows.get(k - 1).count());
          double c = rows.get(k).conversionFromPrevious();
          double f = rows.get(k).conversionFromFirst();
          assertTrue(Double.isNaN(c) || (c >= 0 && c <= 1), "conversion " + c);
          assertTrue(Double.isNaN(f) || (f >= 0 && f <= 1), "conversion " + f);
        }
      }
    });
  }

  @Test
  void rowOrderDoesNotMatter() {
    qt().withExamples(20).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      RandomCrm crm = new RandomCrm(seed, 40);
      for (FunnelQuery q : List.of(
          FunnelQuery.event().per(Granularity.DAY).by(Dimension.CHANNEL, Dimension.OWNER),
          FunnelQuery.cohort().per(Granularity.WEEK).by(Dimension.SEGMENT))) {
        assertEquals(StageFunnel.compute(crm.dataset(ZONE, 0), q),
            StageFunnel.compute(crm.dataset(ZONE, seed), q));
      }
    });
  }

  @Test
  void tallyLawsIdentityAssociativitySplitAndOrder() {
    qt().withExamples(20).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      Dataset d = new RandomCrm(seed, 45).dataset(ZONE, 0);
      FunnelQuery q = FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL);
      FunnelState whole = StageFunnel.tally(d, q);
      FunnelState[] parts = new FunnelState[3];
      for (int i = 0; i < 3; i++) {
        parts[i] = FunnelState.empty(d.catalog(), ZONE, q);
      }
      List<Lead> leads = new ArrayList<>(d.leads());
      java.util.Collections.shuffle(leads, new java.util.Random(seed));
      for (int i = 0; i < leads.size(); i++) {
        parts[Math.floorMod(seed + i * 7L, 3)].add(LeadReach.of(d, leads.get(i)));
      }
      FunnelState empty = FunnelState.empty(d.catalog(), ZONE, q);
      FunnelReport expect = whole.result();
      assertEquals(expect, parts[0].merge(parts[1]).merge(parts[2]).result());
      assertEquals(expect, parts[0].merge(parts[1].merge(parts[2])).result());
      assertEquals(expect, parts[2].merge(parts[0]).merge(parts[1]).result());
      assertEquals(expect, whole.merge(empty).result());
      assertEquals(expect, empty.merge(whole).result());
      // merge leaves its inputs alone
      assertEquals(expect, whole.result());
    });
  }

  @Test
  void periodFunnelsCoverThePeriodsInOrder() {
    Dataset d = new RandomCrm(7, 80).dataset(ZONE, 0);
    FunnelReport r = StageFunnel.compute(d, FunnelQuery.event().per(Granularity.WEEK));
    Period prev = null;
    for (PeriodFunnel p : r.periods()) {
      if (prev != null) {
        assertEquals(prev.next(), p.calendarPeriod());
      }
      prev = p.calendarPeriod();
    }
  }
}
