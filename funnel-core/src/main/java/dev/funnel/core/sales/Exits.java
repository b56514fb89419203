package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.StageColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of lost and returned reasons, early and late, from one pass over the stage rows. */
final class Exits {
  private Exits() {}

  static ExitReasons reasons(Dataset d, String boundaryStage, Instant from, Instant to) {
    d.require(DatasetTable.STAGES, "exit reasons");
    Stage boundary = progression(d.catalog(), boundaryStage);
    StageCatalog c = d.catalog();
    Columns cols = Columns.of(d);
    StageColumns sc = cols.stages();
    LeadColumns lc = cols.leads();
    int n = c.progression().size();
    int reasons = cols.reasons().size();
    // counts[stage - n][reason code + 1] = {early, late}: one sequential pass over the stage rows,
    // sorted by lead, then time, so each lead's furthest progression stage so far is a running
    // maximum
    long[][][] counts = new long[c.size() - n][][];
    long fromMs = from == null ? Long.MIN_VALUE : DealHistory.millis(from);
    long toMs = to == null ? Long.MAX_VALUE : DealHistory.millis(to);
    for (int lead = 0; lead < lc.size(); lead++) {
      int furthest = 0;
      boolean known = lc.hasRow(lead); // a lead the leads table does not have is not counted
      for (int r = sc.from(lead); r < sc.to(lead); r++) {
        int k = sc.stage(r);
        if (k < n) {
          furthest = Math.max(furthest, k);
          continue;
        }
        if (!known || !inWindow(sc, r, from, fromMs, to, toMs)) {
          continue;
        }
        if (counts[k - n] == null) {
          counts[k - n] = new long[reasons + 1][];
        }
        long[][] byReason = counts[k - n];
        int reason = sc.reason(r) + 1;
        if (byReason[reason] == null) {
          byReason[reason] = new long[2];
        }
        byReason[reason][furthest < boundary.index() ? 0 : 1]++;
      }
    }
    Map<String, Map<String, long[]>> byExit = new TreeMap<>();
    Map<String, Long> perExit = new TreeMap<>();
    long total = 0;
    for (int e = 0; e < counts.length; e++) {
      if (counts[e] == null) {
        continue;
      }
      String exit = c.get(n + e).name();
      for (int reason = 0; reason < counts[e].length; reason++) {
        long[] x = counts[e][reason];
        if (x == null) {
          continue;
        }
        String name = reason == 0 ? "(none)" : cols.reasons().value(reason - 1);
        long[] acc = byExit.computeIfAbsent(exit, k -> new TreeMap<>())
            .computeIfAbsent(name, k -> new long[2]);
        acc[0] += x[0];
        acc[1] += x[1];
        perExit.merge(exit, x[0] + x[1], Long::sum);
        total += x[0] + x[1];
      }
    }
    List<ReasonCount> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, long[]>> e : byExit.entrySet()) {
      long all = perExit.get(e.getKey());
      List<ReasonCount> part = new ArrayList<>();
      for (Map.Entry<String, long[]> r : e.getValue().entrySet()) {
        long cnt = r.getValue()[0] + r.getValue()[1];
        part.add(new ReasonCount(e.getKey(), r.getKey(), cnt, (double) cnt / all,
            r.getValue()[0], r.getValue()[1]));
      }
      part.sort(Comparator.comparingLong(ReasonCount::count).reversed()
          .thenComparing(ReasonCount::reason));
      rows.addAll(part);
    }
    return new ExitReasons(boundary.name(), total, rows);
  }

  /** Whether stage row {@code r} is in {@code [from, to)} (null bounds: open), exactly. */
  private static boolean inWindow(
      StageColumns sc, int r, Instant from, long fromMs, Instant to, long toMs) {
    long m = sc.at(r);
    if (from != null && (m < fromMs || (m == fromMs && sc.instant(r).isBefore(from)))) {
      return false;
    }
    return to == null || m < toMs || (m == toMs && sc.instant(r).isBefore(to));
  }
}
