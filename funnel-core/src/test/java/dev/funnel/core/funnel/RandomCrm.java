package dev.funnel.core.funnel;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small random CRM (leads with messy stage histories) from a seed, for oracles and laws. */
final class RandomCrm {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String[] CHANNELS = {"seo", "paid_search", "referral", null};
  static final String[] SEGMENTS = {"smb", "mid", null};

  final List<Lead> leads = new ArrayList<>();
  final List<StageChange> changes = new ArrayList<>();

  RandomCrm(long seed, int n) {
    Random r = new Random(seed);
    StageCatalog c = StageCatalog.DEFAULT;
    List<Stage> prog = c.progression();
    for (int i = 0; i < n; i++) {
      String id = "L" + i;
      Instant created = T0.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 120)));
      leads.add(new Lead(id, created, CHANNELS[r.nextInt(CHANNELS.length)],
          r.nextBoolean() ? "cmp" + r.nextInt(3) : null, SEGMENTS[r.nextInt(SEGMENTS.length)],
          r.nextBoolean() ? "ann" : "bob", null, Map.of()));
      int moves = r.nextInt(6);
      Instant t = created;
      for (int m = 0; m < moves; m++) {
        t = t.plus(Duration.ofHours(r.nextInt(24 * 20)));
        // out-of-order and skipped stages, repeated stages and exits on purpose
        Stage s = r.nextInt(6) == 0 ? c.exits().get(r.nextInt(c.exits().size()))
            : prog.get(1 + r.nextInt(prog.size() - 1));
        Instant at = r.nextInt(10) == 0 ? t.minus(Duration.ofDays(3)) : t;
        changes.add(new StageChange(id, s, at, s.exit() ? "other" : null,
            r.nextBoolean() ? Money.of(BigDecimal.valueOf(r.nextInt(5000))) : null, null));
      }
    }
  }

  Dataset dataset(ZoneId zone, long shuffleSeed) {
    List<Lead> l = new ArrayList<>(leads);
    List<StageChange> s = new ArrayList<>(changes);
    if (shuffleSeed != 0) {
      Collections.shuffle(l, new Random(shuffleSeed));
      Collections.shuffle(s, new Random(shuffleSeed + 1));
    }
    Dataset.Builder b = Dataset.builder().zone(zone);
    l.forEach(b::lead);
    s.forEach(b::stageChange);
    return b.build();
  }
}
