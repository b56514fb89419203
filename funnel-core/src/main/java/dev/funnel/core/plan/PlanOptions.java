package dev.funnel.core.plan;

import dev.funnel.core.sla.BusinessCalendar;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How plan vs actual is evaluated: as of which instant, on which clock the elapsed share of the
 * period is measured, and the tolerance bands and directions per metric.
 *
 * <p>Start with {@link #defaults()} and adjust with the {@code with}-style methods; immutable.
 *
 * @param asOf       the instant of the report; null means the end of the period (a closed period:
 *                   everything is actual, the run-rate equals the actual)
 * @param calendar   null to measure the elapsed share of the period in calendar days (the
 *                   default); a {@link BusinessCalendar} to measure it in business time
 * @param tolerance  the bands of every metric without its own
 * @param tolerances bands per metric name (lower-case)
 * @param directions directions per metric name overriding {@link PlanMetric#direction()}
 */
public record PlanOptions(
    Instant asOf, BusinessCalendar calendar, Tolerance tolerance, Map<String, Tolerance> tolerances,
    Map<String, Direction> directions) {

  public PlanOptions {
    if (tolerance == null) {
      tolerance = Tolerance.DEFAULT;
    }
    tolerances = tolerances == null ? Map.of() : Map.copyOf(new TreeMap<>(tolerances));
    directions = directions == null ? Map.of() : Map.copyOf(new TreeMap<>(directions));
    for (String m : directions.keySet()) {
      if (PlanMetric.find(m).isEmpty()) {
        throw new IllegalArgumentException("a direction was given for '" + m
            + "', which is not a metric plan vs actual computes; known: " + known());
      }
    }
  }

  static String known() {
    StringBuilder b = new StringBuilder();
    for (PlanMetric m : PlanMetric.values()) {
      b.append(b.length() == 0 ? "" : ", ").append(m.label());
    }
    return b.toString();
  }

  /** As of the end of the period, calendar days, 5 % / 15 % bands, default directions. */
  public static PlanOptions defaults() {
    return new PlanOptions(null, null, Tolerance.DEFAULT, Map.of(), Map.of());
  }

  /** These options as of an instant (mid-period: run-rate forecast). */
  public PlanOptions asOf(Instant at) {
    return new PlanOptions(at, calendar, tolerance, tolerances, directions);
  }

  /** These options measuring the elapsed share of the period in business time. */
  public PlanOptions businessDays(BusinessCalendar cal) {
    return new PlanOptions(asOf, cal, tolerance, tolerances, directions);
  }

  /** These options with other default bands. */
  public PlanOptions tolerance(Tolerance t) {
    return new PlanOptions(asOf, calendar, t, tolerances, directions);
  }

  /** These options with bands for one metric. */
  public PlanOptions tolerance(String metric, Tolerance t) {
    Map<String, Tolerance> m = new TreeMap<>(tolerances);
    m.put(metric.trim().toLowerCase(java.util.Locale.ROOT), t);
    return new PlanOptions(asOf, calendar, tolerance, m, directions);
  }

  /** These options with a direction for one metric. */
  public PlanOptions direction(String metric, Direction d) {
    Map<String, Direction> m = new TreeMap<>(directions);
    m.put(metric.trim().toLowerCase(java.util.Locale.ROOT), d);
    return new PlanOptions(asOf, calendar, tolerance, tolerances, m);
  }

  Tolerance toleranceOf(String metric) {
    return tolerances.getOrDefault(metric, tolerance);
  }

  Direction directionOf(PlanMetric m) {
    return directions.getOrDefault(m.label(), m.direction());
  }
}
