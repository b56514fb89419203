package dev.funnel.core.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How plan vs actual is computed: the last observed day, calendar or business days for the
 * run-rate, the margin for ROMI and the tolerance bands per metric.
 *
 * @param through      the last observed local day (inclusive), or null for "the whole period"
 * @param businessDays count elapsed and total days as Monday-Friday days outside the holidays
 * @param holidays     days that are not business days
 * @param margin       gross margin for ROMI, or null for revenue-based ROMI
 * @param tolerances   bands per metric name (lower-case); metrics without an entry use
 *                     {@link #toleranceOf(String)}'s defaults
 */
public record PlanFactOptions(
    LocalDate through, boolean businessDays, Set<LocalDate> holidays, BigDecimal margin,
    Map<String, Tolerance> tolerances) {

  /** Metrics where less is better by default. */
  public static final Set<String> LOWER_IS_BETTER = Set.of("cpl", "cac", "spend", "drr");

  public PlanFactOptions {
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    Map<String, Tolerance> t = new HashMap<>();
    if (tolerances != null) {
      tolerances.forEach((k, v) -> t.put(k.trim().toLowerCase(Locale.ROOT), v));
    }
    tolerances = Map.copyOf(t);
  }

  /** The whole period, calendar days, revenue-based ROMI, default bands. */
  public static PlanFactOptions defaults() {
    return new PlanFactOptions(null, false, Set.of(), null, Map.of());
  }

  /** Observed through this day (inclusive). */
  public PlanFactOptions through(LocalDate day) {
    return new PlanFactOptions(day, businessDays, holidays, margin, tolerances);
  }

  /** Run-rate on business days (Monday-Friday, minus the holidays). */
  public PlanFactOptions businessDays(Set<LocalDate> holidayDays) {
    return new PlanFactOptions(through, true, holidayDays, margin, tolerances);
  }

  /** ROMI on this gross margin. */
  public PlanFactOptions margin(BigDecimal m) {
    return new PlanFactOptions(through, businessDays, holidays, m, tolerances);
  }

  /** Bands of one metric. */
  public PlanFactOptions tolerance(String metric, Tolerance t) {
    Map<String, Tolerance> m = new HashMap<>(tolerances);
    m.put(metric.trim().toLowerCase(Locale.ROOT), t);
    return new PlanFactOptions(through, businessDays, holidays, margin, m);
  }

  /** The bands of a metric: configured, or 5% / 15% in the metric's default direction. */
  public Tolerance toleranceOf(String metric) {
    Tolerance t = tolerances.get(metric);
    if (t != null) {
      return t;
    }
    return Tolerance.of(LOWER_IS_BETTER.contains(metric)
        ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER);
  }
}
