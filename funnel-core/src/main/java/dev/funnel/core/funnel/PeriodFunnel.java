package dev.funnel.core.funnel;

import dev.funnel.core.Period;
import java.util.List;

/**
 * The funnel of one calendar period (JSON: {@code {"period": "2026-03", "stages": [...]}}).
 *
 * @param period the period label ({@code 2026-03}, {@code 2026-W10}, {@code 2026-Q1}, ...)
 * @param stages one row per progression stage, in catalog order
 */
public record PeriodFunnel(String period, List<StageCount> stages) {

  public PeriodFunnel {
    Period.parse(period);
    stages = List.copyOf(stages);
  }

  /** The calendar period of the label. */
  public Period calendarPeriod() {
    return Period.parse(period);
  }

  /** count(to) / count(from) in this period; NaN when count(from) is 0. */
  public double conversion(String from, String to) {
    return Conversions.between(stages, from, to);
  }
}
