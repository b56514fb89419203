package dev.funnel.scoring;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Leads whose true probability of reaching SQL within 30 days of their first snapshot (a day
 * after creation) is known: logit p = -1.6 + channel effect + segment effect + 0.7 log(1 +
 * touches), where the touches happen before creation. A lead that converts does so at a uniform
 * time inside its window; of the others half are lost right after the window and half stay open
 * for good. Nothing else happens, so at the first snapshot every lead is a fresh LEAD whose
 * features are exactly those of the true model.
 */
final class SimulatedLeads {

  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final String[] CHANNELS = {"paid_search", "seo", "referral", "webinar"};
  static final double[] CHANNEL_EFFECT = {0, -0.4, 0.9, 0.5};
  static final String[] SEGMENTS = {"smb", "mid", "enterprise"};
  static final double[] SEGMENT_EFFECT = {0, 0.3, 0.8};

  final Dataset dataset;
  final Map<String, Double> truth = new HashMap<>();
  final Instant end;

  SimulatedLeads(long seed, int leads, int days) {
    Random rnd = new Random(seed);
    Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES).table(DatasetTable.TOUCHES)
        .table(DatasetTable.ACTIVITIES);
    StageCatalog cat = StageCatalog.DEFAULT;
    for (int i = 0; i < leads; i++) {
      String id = String.format("S%06d", i);
      Instant created = START.plusSeconds((long) (rnd.nextDouble() * days * 86_400L));
      int c = rnd.nextInt(CHANNELS.length);
      int s = rnd.nextDouble() < 0.6 ? 0 : rnd.nextDouble() < 0.7 ? 1 : 2;
      int touches = 0;
      while (touches < 8 && rnd.nextDouble() < 0.5) {
        touches++;
      }
      double eta = -1.6 + CHANNEL_EFFECT[c] + SEGMENT_EFFECT[s] + 0.7 * Math.log1p(touches);
      double p = 1 / (1 + Math.exp(-eta));
      truth.put(id, p);
      b.lead(new Lead(id, created, CHANNELS[c], null, SEGMENTS[s], "owner" + (i % 3), null, Map.of()));
      for (int t = 0; t < touches; t++) {
        b.touch(new Touch(id, created.minusSeconds(3_600 + rnd.nextInt(20 * 86_400)), CHANNELS[rnd.nextInt(4)],
            null, TouchKind.ONLINE, null));
      }
      Instant snapshot = created.plus(Duration.ofDays(1));
      if (rnd.nextDouble() < p) {
        Instant at = snapshot.plusSeconds(1 + (long) (rnd.nextDouble() * (30 * 86_400L - 2)));
        b.stageChange(new StageChange(id, cat.stage("SQL"), at, null, null, "ae"));
      } else if (rnd.nextBoolean()) {
        b.stageChange(new StageChange(id, cat.stage("LOST"), snapshot.plus(Duration.ofDays(30)).plusSeconds(3_600),
            "no_budget", null, "sdr"));
      }
    }
    this.dataset = b.build();
    this.end = START.plus(Duration.ofDays(days + 45));
  }
}
