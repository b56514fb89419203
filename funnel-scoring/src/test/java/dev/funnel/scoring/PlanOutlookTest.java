package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlanOutlookTest {

  /** The Poisson-binomial distribution by enumerating every outcome (2^n), as an independent route. */
  static double[] enumerate(double[] q) {
    int n = q.length;
    double[] dist = new double[n + 1];
    for (int mask = 0; mask < (1 << n); mask++) {
      double p = 1;
      for (int i = 0; i < n; i++) {
        p *= (mask >> i & 1) == 1 ? q[i] : 1 - q[i];
      }
      dist[Integer.bitCount(mask)] += p;
    }
    return dist;
  }

  @Test
  void poissonBinomialIntervalIsTheExactCentralInterval() {
    Random r = new Random(9);
    for (int t = 0; t < 30; t++) {
      double[] q = new double[1 + r.nextInt(14)];
      for (int i = 0; i < q.length; i++) {
        q[i] = r.nextDouble() * (r.nextBoolean() ? 1 : 0.2);
      }
      double[] dist = enumerate(q);
      double cum = 0;
      int lo = -1;
      int hi = -1;
      for (int k = 0; k < dist.length; k++) {
        cum += dist[k];
        if (lo < 0 && cum >= 0.05 - 1e-12) {
          lo = k;
        }
        if (hi < 0 && cum >= 0.95 - 1e-12) {
          hi = k;
        }
      }
      double[] iv = PlanOutlook.interval(q, 0.9);
      assertEquals(lo, iv[0], 0, "lower, trial " + t);
      assertEquals(hi, iv[1], 0, "upper, trial " + t);
    }
    // beyond the exact limit: mean +- z sd
    double[] many = new double[PlanOutlook.EXACT_LIMIT + 1];
    java.util.Arrays.fill(many, 0.5);
    double[] iv = PlanOutlook.interval(many, 0.9);
    double sd = Math.sqrt(many.length * 0.25);
    assertEquals(many.length * 0.5 - 1.6448536269514722 * sd, iv[0], 1e-6);
  }

  @Test
  void outlookRowsCountWhatHappenedAndAddWhatIsExpected() {
    Dataset d = DemoData.builder().seed(11).leads(3_000).build().dataset();
    Instant asOf = Instant.parse("2026-09-15T00:00:00Z");
    PlanOutlook o = PlanOutlook.compute(d, ScoreQuery.of(asOf));
    OutlookRow sql = o.rows().get(0);
    assertEquals("sql", sql.metric());
    assertEquals("2026-09", sql.period());
    Instant start = Period.containing(asOf, Granularity.MONTH, d.zone()).startInstant(d.zone());
    long reached = StageFunnel.compute(d, FunnelQuery.event().between(start, asOf.plusNanos(1))).count("SQL");
    assertEquals(reached, sql.actual(), "actual so far is the event-basis SQL count of the period");
    assertTrue(sql.expected() > 0 && sql.lower() <= sql.expected() && sql.expected() <= sql.upper() + 1, sql.toString());
    assertEquals(sql.actual() + sql.expected(), sql.projected(), 1e-9);
    assertTrue(!Double.isNaN(sql.plan()), "the demo has a monthly plan: " + sql);
    assertTrue(o.rows().stream().anyMatch(r -> r.metric().equals("won")), o.toString());
    // the month after: nothing has happened yet
    OutlookRow next = o.rows().get(1);
    assertEquals("2026-10", next.period());
    assertEquals(0, next.actual());
    assertTrue(o.toString().startsWith("Plan outlook as of 2026-09-15T00:00:00Z: sql 2026-09 projected"), o.toString());
  }
}
