package dev.funnel.core.plan;

import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plan side: targets grouped by metric and channel, resolved for any span of days.
 *
 * <p>Rules (docs/spec/metrics.md, "Plan vs actual"):
 * <ul>
 *   <li>A target for exactly the span is used as it is.
 *   <li>Additive metrics otherwise: every day of the span takes the daily share
 *       {@code target / days of its period} of the finest target covering it (a week target beats
 *       the month's, the month's beats the quarter's); the span's plan is the sum. So the months of
 *       a quarter add up to the quarter, and a week inside a month gets the month pro-rated by
 *       calendar days (7/31 of March). When some day has no target at all, the plan is undefined.
 *   <li>Ratios (CPL, CAC, ROMI, win rate) and unknown metrics are never pro-rated: a target for a
 *       period containing the span applies as it is (the finest such); otherwise CPL, CAC and ROMI
 *       are derived from the additive plans of the span (spend / leads, spend / won as the plan of
 *       new customers, (revenue - spend) / spend); otherwise undefined.
 * </ul>
 * Two targets for the same metric, channel and period are an error.
 */
final class PlanTable {

  /** A metric and channel (null: all channels). */
  record Key(String metric, String channel) {}

  /** A resolved plan value (NaN when undefined) and how it was obtained (null: as given). */
  record Resolved(double value, String note) {
    static final Resolved NONE = new Resolved(Double.NaN, "no plan covers the period");
  }

  private final Map<Key, List<PlanTarget>> byKey = new LinkedHashMap<>();
  /** Targets looked at so far (for tests: linear in the plan, not in its days times its rows). */
  long examined;

  PlanTable(List<PlanTarget> rows) {
    Map<Key, Map<Period, PlanTarget>> seen = new TreeMap<>(
        Comparator.comparing(Key::metric).thenComparing(Key::channel, Comparator.nullsFirst(Comparator.naturalOrder())));
    for (PlanTarget t : rows) {
      Key k = new Key(t.metric(), t.channel());
      PlanTarget prev = seen.computeIfAbsent(k, x -> new TreeMap<>()).put(t.period(), t);
      if (prev != null) {
        throw new IllegalArgumentException("two plan targets for metric '" + t.metric() + "'"
            + (t.channel() == null ? "" : ", channel '" + t.channel() + "'") + ", period "
            + t.period() + ": " + prev.target().toPlainString() + " and " + t.target().toPlainString());
      }
    }
    seen.forEach((k, m) -> byKey.put(k, List.copyOf(m.values())));
  }

  /** Keys with a target whose period overlaps {@code [from, to)}. */
  List<Key> keysOverlapping(LocalDate from, LocalDate to) {
    List<Key> out = new ArrayList<>();
    byKey.forEach((k, ts) -> {
      if (ts.stream().anyMatch(t -> t.period().start().isBefore(to) && t.period().endExclusive().isAfter(from))) {
        out.add(k);
      }
    });
    return out;
  }

  /** The plan of an additive metric over the days {@code [from, to)}. */
  Resolved additive(Key k, LocalDate from, LocalDate to) {
    List<PlanTarget> ts = byKey.getOrDefault(k, List.of());
    PlanTarget exact = exact(ts, from, to);
    if (exact != null) {
      return new Resolved(exact.target().doubleValue(), null);
    }
    // only the targets overlapping the span take part: per day at most its few containing
    // periods (a day, week, month, quarter, year), however many years the plan covers
    List<PlanTarget> overlapping = new ArrayList<>();
    for (PlanTarget t : ts) {
      if (t.period().start().isBefore(to) && t.period().endExclusive().isAfter(from)) {
        overlapping.add(t);
      }
    }
    examined += ts.size();
    Map<PlanTarget, Long> days = new LinkedHashMap<>();
    long uncovered = 0;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      PlanTarget finest = null;
      examined += overlapping.size();
      for (PlanTarget t : overlapping) {
        if (t.period().contains(d) && (finest == null || t.period().lengthInDays() < finest.period().lengthInDays())) {
          finest = t;
        }
      }
      if (finest == null) {
        uncovered++;
      } else {
        days.merge(finest, 1L, Long::sum);
      }
    }
    long total = ChronoUnit.DAYS.between(from, to);
    if (days.isEmpty()) {
      return Resolved.NONE;
    }
    if (uncovered > 0) {
      return new Resolved(Double.NaN, "the plan covers " + (total - uncovered) + " of " + total + " days");
    }
    BigDecimal sum = BigDecimal.ZERO;
    boolean prorated = false;
    TreeSet<String> labels = new TreeSet<>();
    for (Map.Entry<PlanTarget, Long> e : days.entrySet()) {
      Period p = e.getKey().period();
      labels.add(p.label());
      if (e.getValue() == p.lengthInDays()) {
        sum = sum.add(e.getKey().target());
      } else {
        prorated = true;
        sum = sum.add(e.getKey().target().multiply(BigDecimal.valueOf(e.getValue()))
            .divide(BigDecimal.valueOf(p.lengthInDays()), MathContext.DECIMAL128));
      }
    }
    String note = prorated
        ? "pro-rated by calendar days from " + String.join(", ", labels)
        : "sum of " + String.join(", ", labels);
    return new Resolved(sum.doubleValue(), note);
  }

  /**
   * The plan of a ratio (or unknown) metric over {@code [from, to)}: an exact or containing target,
   * else derived from additive plans, else undefined.
   */
  Resolved ratio(Key k, LocalDate from, LocalDate to) {
    List<PlanTarget> ts = byKey.getOrDefault(k, List.of());
    PlanTarget exact = exact(ts, from, to);
    if (exact != null) {
      return new Resolved(exact.target().doubleValue(), null);
    }
    PlanTarget containing = null;
    for (PlanTarget t : ts) {
      Period p = t.period();
      if (!p.start().isAfter(from) && !p.endExclusive().isBefore(to)
          && (containing == null || p.lengthInDays() < containing.period().lengthInDays())) {
        containing = t;
      }
    }
    if (containing != null) {
      return new Resolved(containing.target().doubleValue(), "the target of " + containing.period().label());
    }
    String[] parts = switch (k.metric()) {
      case "cpl" -> new String[] {"spend", "leads"};
      case "cac" -> new String[] {"spend", "won"};
      case "romi" -> new String[] {"revenue", "spend"};
      default -> null;
    };
    if (parts == null) {
      return Resolved.NONE;
    }
    Resolved a = additive(new Key(parts[0], k.channel()), from, to);
    Resolved b = additive(new Key(parts[1], k.channel()), from, to);
    if (Double.isNaN(a.value()) || Double.isNaN(b.value())) {
      return Resolved.NONE;
    }
    double v = k.metric().equals("romi")
        ? (b.value() == 0 ? Double.NaN : (a.value() - b.value()) / b.value())
        : (b.value() == 0 ? Double.NaN : a.value() / b.value());
    String how = k.metric().equals("romi") ? "(revenue - spend) / spend" : parts[0] + " / " + parts[1];
    return new Resolved(v, "derived from the " + how + " plans");
  }

  private static PlanTarget exact(List<PlanTarget> ts, LocalDate from, LocalDate to) {
    for (PlanTarget t : ts) {
      if (t.period().start().equals(from) && t.period().endExclusive().equals(to)) {
        return t;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "PlanTable" + Objects.toString(byKey.keySet());
  }
}
