package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
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

/** The time split never lets a lead created after the cut, or any row after it, into training. */
class TimeSplitPropertyTest {

  static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
  static final String[] CHANNELS = {"paid_search", "seo", "referral", "webinar", "event"};
  static final String[] TYPES = {"call", "email", "meeting", "demo"};

  /** A random CRM: messy times (events before creation too), exits, reopenings, skipped stages. */
  static List<Object> rows(long seed) {
    Random r = new Random(seed);
    StageCatalog c = StageCatalog.DEFAULT;
    List<Object> out = new ArrayList<>();
    int n = 40 + r.nextInt(160);
    for (int i = 0; i < n; i++) {
      String id = "L" + i;
      Instant created = T0.plusSeconds(r.nextInt(240 * 86_400));
      out.add(new Lead(id, created, CHANNELS[r.nextInt(CHANNELS.length)],
          r.nextBoolean() ? null : "c" + r.nextInt(6), r.nextInt(4) == 0 ? null : "s" + r.nextInt(3),
          "o" + r.nextInt(3), null, Map.of()));
      Instant t = created.minusSeconds(r.nextInt(3 * 86_400));
      int stage = 0;
      while (r.nextDouble() < 0.6 && stage < 7) {
        t = t.plusSeconds(r.nextInt(40 * 86_400));
        if (r.nextDouble() < 0.15) {
          out.add(new StageChange(id, r.nextBoolean() ? c.stage("LOST") : c.stage("RETURNED"), t, "other", null, "o1"));
        } else {
          stage += 1 + (r.nextDouble() < 0.2 ? 1 : 0);
          stage = Math.min(stage, 7);
          out.add(new StageChange(id, c.progression().get(stage), t, null, null, "o2"));
        }
      }
      for (int k = r.nextInt(5); k > 0; k--) {
        out.add(new Activity(id, created.plusSeconds(r.nextInt(90 * 86_400) - 86_400L), TYPES[r.nextInt(4)], "o0", null));
      }
      for (int k = r.nextInt(5); k > 0; k--) {
        out.add(new Touch(id, created.plusSeconds(r.nextInt(90 * 86_400) - 20 * 86_400L),
            CHANNELS[r.nextInt(CHANNELS.length)], null, r.nextBoolean() ? TouchKind.OFFLINE : TouchKind.ONLINE, null));
      }
    }
    Collections.shuffle(out, r);
    return out;
  }

  /** The dataset of the rows; with a cut, only leads created by it and rows at or before it. */
  static Dataset dataset(List<Object> rows, Instant cut) {
    Set<String> kept = new HashSet<>();
    for (Object o : rows) {
      if (o instanceof Lead l && (cut == null || !l.createdAt().isAfter(cut))) {
        kept.add(l.id());
      }
    }
    Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES).table(DatasetTable.ACTIVITIES)
        .table(DatasetTable.TOUCHES);
    for (Object o : rows) {
      if (o instanceof Lead l && kept.contains(l.id())) {
        b.lead(l);
      } else if (o instanceof StageChange s && kept.contains(s.leadId()) && (cut == null || !s.at().isAfter(cut))) {
        b.stageChange(s);
      } else if (o instanceof Activity a && kept.contains(a.leadId()) && (cut == null || !a.at().isAfter(cut))) {
        b.activity(a);
      } else if (o instanceof Touch t && kept.contains(t.leadId()) && (cut == null || !t.at().isAfter(cut))) {
        b.touch(t);
      }
    }
    return b.build();
  }

  static Object fitOrFailure(Dataset d, ScoreQuery q, Instant cut) {
    try {
      return LeadModel.fit(new Timeline(d), q, cut).card();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void trainingSeesNothingAfterTheCut() {
    qt().withExamples(60).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      Random r = new Random(seed);
      List<Object> rows = rows(seed);
      Instant cut = T0.plusSeconds(60 * 86_400L + r.nextInt(200 * 86_400));
      Instant asOf = cut.plusSeconds(r.nextInt(120 * 86_400));
      ScoreQuery q = ScoreQuery.of(asOf).target(r.nextBoolean() ? "SQL" : "OPPORTUNITY")
          .horizon(Duration.ofDays(10 + r.nextInt(30))).minLevelRows(1 + r.nextInt(5)).maxSnapshots(1 + r.nextInt(6));
      Dataset full = dataset(rows, null);
      Timeline tl = new Timeline(full);
      int target = LeadModel.targetIndex(tl, q.target());
      long h = q.horizon().toMillis();
      long delay = q.scoreDelay().toMillis();
      Panel train = Panel.training(tl, tl.state(), target, h, delay, q.maxSnapshots(), Timeline.millis(cut), 0);
      for (int i = 0; i < train.size; i++) {
        Instant created = tl.leads.created(train.lead[i]);
        assertTrue(created.isBefore(cut), "training lead created " + created + " at or after cut " + cut);
        assertTrue(train.ms[i] + h <= Timeline.millis(cut), "training label window ends after the cut");
      }
      Panel test = Panel.heldOut(tl, tl.state(), target, h, delay, Timeline.millis(cut), 0,
          Timeline.millis(asOf), 0);
      for (int i = 0; i < test.size; i++) {
        assertTrue(!tl.leads.created(test.lead[i]).isBefore(cut), "held-out lead created before the cut");
        assertTrue(test.ms[i] + h <= Timeline.millis(asOf), "held-out outcome not known by the as-of instant");
      }
      // the fit is the same when every lead created after the cut, and every row after it, is gone
      assertEquals(fitOrFailure(full, q, cut), fitOrFailure(dataset(rows, cut), q.asOf(cut), cut));
    });
  }
}
