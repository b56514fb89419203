package dev.funnel.core.bridge;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Stage;
import dev.funnel.core.funnel.Dimension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plan of a period as funnel counts, the base of plan vs actual: metric {@code leads} for the
 * first stage, the lower-case stage name for the others ({@code mql}, {@code sql}, {@code won}),
 * {@code revenue}, and {@code visits} when visits are used (docs/spec/dataset.md, table plan). Targets
 * for all channels have no channel; a breakdown needs a target per channel.
 */
final class PlanCounts {

  private PlanCounts() {}

  static Map<String, FunnelCounts> of(Dataset d, Period period, List<Stage> stages, Dimension by,
      boolean visits, Set<String> actualSegments) {
    d.require(DatasetTable.PLAN, "the plan-vs-actual bridge");
    if (by != null && by != Dimension.CHANNEL) {
      throw new IllegalArgumentException("the plan has targets per channel only, not per "
          + by.label());
    }
    // segment -> metric -> target
    Map<String, Map<String, BigDecimal>> targets = new TreeMap<>();
    for (PlanTarget t : d.plan()) {
      if (!t.period().equals(period)) {
        continue;
      }
      if ((by == null) != (t.channel() == null)) {
        continue; // per-channel targets without a breakdown, or totals with one
      }
      String seg = by == null ? "" : t.channel();
      BigDecimal before = targets.computeIfAbsent(seg, s -> new HashMap<>())
          .put(t.metric(), t.target());
      if (before != null) {
        throw new IllegalArgumentException("the plan has two targets for '" + t.metric() + "' in "
            + period.label() + (by == null ? "" : " for channel " + seg));
      }
    }
    List<String> metrics = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < stages.size(); j++) {
      names.add(stages.get(j).name());
      metrics.add(j == 0 ? "leads" : stages.get(j).name().toLowerCase(Locale.ROOT));
    }
    Set<String> segments = new TreeSet<>(targets.keySet());
    if (by == null) {
      segments.add("");
    } else {
      segments.addAll(actualSegments);
    }
    Map<String, FunnelCounts> out = new TreeMap<>();
    for (String s : segments) {
      Map<String, BigDecimal> m = targets.getOrDefault(s, Map.of());
      List<Double> counts = new ArrayList<>();
      for (String metric : metrics) {
        counts.add(need(m, metric, period, s).doubleValue());
      }
      BigDecimal revenue = need(m, "revenue", period, s);
      double v = visits ? need(m, "visits", period, s).doubleValue() : Double.NaN;
      try {
        out.put(s, new FunnelCounts(names, counts, v, revenue, 0, 0, BigDecimal.ZERO,
            Double.NaN));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the plan of " + period.label()
            + (s.isEmpty() ? "" : " for channel " + s) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static BigDecimal need(Map<String, BigDecimal> m, String metric, Period p, String seg) {
    BigDecimal v = m.get(metric);
    if (v == null) {
      throw new IllegalArgumentException("the plan has no target for '" + metric + "' in "
          + p.label() + (seg.isEmpty() ? " (all channels)" : " for channel " + seg)
          + "; the funnel bridge needs " + "leads, the stage counts, won and revenue"
          + (m.isEmpty() ? "" : " (it has " + new TreeSet<>(m.keySet()) + ")"));
    }
    return v;
  }
}
