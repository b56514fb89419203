package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.demo.DemoData;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lead state as of an instant: moving a loaded state forward gives what a fresh load gives,
 * and loading only the leads at risk agrees with the full load; scoring a base with bare
 * probabilities gives the probabilities of the scores with reasons.
 */
class TimelineTest {

  static final Dataset D = DemoData.builder().seed(3).leads(1_500).build().dataset();

  private static void same(Timeline.State a, Timeline.State b, String where) {
    assertEquals(a.lead, b.lead, where);
    assertEquals(a.tMs, b.tMs, where);
    assertEquals(a.stage, b.stage, where);
    assertEquals(a.stageSinceMs, b.stageSinceMs, where);
    assertEquals(a.closed, b.closed, where);
    assertEquals(a.lastChangeMs, b.lastChangeMs, where);
    assertEquals(a.lastOwner, b.lastOwner, where);
    assertEquals(Double.doubleToLongBits(a.amount), Double.doubleToLongBits(b.amount), where);
    assertEquals(a.activities, b.activities, where);
    assertArrayEquals(a.types, b.types, where);
    assertEquals(a.lastActivityMs, b.lastActivityMs, where);
    assertEquals(a.touches, b.touches, where);
    assertEquals(a.offline, b.offline, where);
    assertEquals(a.lastTouchMs, b.lastTouchMs, where);
    assertEquals(a.targetMs, b.targetMs, where);
    assertEquals(a.targetSub, b.targetSub, where);
  }

  @Test
  void aStateMovedForwardIsTheFreshStateAtTheLaterInstant() {
    Timeline tl = new Timeline(D);
    Random rnd = new Random(5);
    long lo = tl.leads.createdAt(tl.leads.byCreated(0));
    long hi = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();
    int target = tl.catalog.stage("SQL").index();
    int checked = 0;
    for (int k = 0; k < tl.leads.withRow(); k += 3) {
      int l = tl.leads.byCreated(k);
      Timeline.State moving = tl.state();
      long[] times = new long[4];
      for (int j = 0; j < times.length; j++) {
        times[j] = lo + (long) (rnd.nextDouble() * (hi - lo));
      }
      java.util.Arrays.sort(times);
      for (long t : times) {
        tl.load(moving, l, t, 0, target);
        Timeline.State fresh = tl.state();
        tl.load(fresh, l, t, 0, target);
        same(fresh, moving, "lead " + l + " at " + t);
        checked++;
      }
      // going back in time, or to another lead, starts afresh
      tl.load(moving, l, times[0], 0, target);
      Timeline.State fresh = tl.state();
      tl.load(fresh, l, times[0], 0, target);
      same(fresh, moving, "lead " + l + " back at " + times[0]);
    }
    assertTrue(checked > 1_500, "states checked: " + checked);
  }

  @Test
  void loadingOnlyTheLeadsAtRiskAgreesWithTheFullLoad() {
    Timeline tl = new Timeline(D);
    long t = Instant.parse("2026-09-15T12:00:00Z").toEpochMilli();
    int target = tl.catalog.stage("SQL").index();
    Timeline.State partial = tl.state();
    int atRisk = 0;
    for (int k = 0; k < tl.leads.withRow(); k++) {
      int l = tl.leads.byCreated(k);
      Timeline.State full = tl.state();
      tl.load(full, l, t, 0, target);
      boolean expected = !(full.targetReached() || full.closed || full.stage >= tl.wonIndex);
      assertEquals(expected, tl.loadAtRisk(partial, l, t, 0, target), "lead " + l);
      if (expected) {
        same(full, partial, "lead " + l);
        atRisk++;
      }
    }
    assertTrue(atRisk > 100 && atRisk < tl.leads.withRow(), "at risk: " + atRisk);
  }

  @Test
  void bareProbabilitiesAreTheScoresProbabilities() {
    Instant at = Instant.parse("2026-10-01T00:00:00Z");
    LeadModel m = LeadModel.fit(D, ScoreQuery.of(at));
    LeadProbabilities p = m.probabilities(D, at);
    LeadScores s = m.score(D, at);
    assertEquals(s.leads().size(), p.size());
    for (int i = 0; i < p.size(); i++) {
      LeadScore l = s.lead(p.leadIds().get(i));
      assertEquals(l.probability(), p.probability(i), 0, l.leadId());
    }
    assertEquals(s.expected(), p.expected(), 1e-9);
    List<String> ids = p.leadIds();
    LeadColumns leads = Columns.of(D).leads();
    for (int i = 1; i < ids.size(); i++) {
      int a = leads.index(ids.get(i - 1));
      int b = leads.index(ids.get(i));
      assertTrue(leads.createdAt(a) <= leads.createdAt(b),
          "creation order");
    }
    assertTrue(p.toString().startsWith(String.format(java.util.Locale.ROOT, "%,d leads scored for SQL within 30d",
        p.size())), p.toString());
  }
}
