package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of lost and returned reasons, early and late. */
final class Exits {
  private Exits() {}

  static ExitReasons reasons(Dataset d, String boundaryStage, Instant from, Instant to) {
    d.require(DatasetTable.STAGES, "exit reasons");
    Stage boundary = progression(d.catalog(), boundaryStage);
    Map<String, Map<String, long[]>> byExit = new TreeMap<>();
    Map<String, Long> perExit = new TreeMap<>();
    long total = 0;
    // one sequential pass: the stage changes are sorted by lead, then time (the order of
    // Dataset.stagesOf), so each lead's furthest progression stage so far is a running maximum
    String lead = null;
    int furthest = 0;
    for (StageChange s : d.stages()) {
      if (!s.leadId().equals(lead)) {
        lead = s.leadId();
        furthest = 0;
      }
      if (!s.stage().exit()) {
        furthest = Math.max(furthest, s.stage().index());
        continue;
      }
      if (!DealHistory.inWindow(s.at(), from, to) || d.lead(lead) == null) {
        continue; // outside the window, or a lead the leads table does not have
      }
      String reason = s.reason() == null ? "(none)" : s.reason();
      long[] c = byExit.computeIfAbsent(s.stage().name(), x -> new TreeMap<>())
          .computeIfAbsent(reason, x -> new long[2]);
      c[furthest < boundary.index() ? 0 : 1]++;
      perExit.merge(s.stage().name(), 1L, Long::sum);
      total++;
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
}
