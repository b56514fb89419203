package dev.funnel.core.funnel;

import dev.funnel.core.Period;
import java.util.List;

/**
 * The funnel of one calendar period (JSON: {@code {"period": "2026-03", "stages": [...]}}).
 *
 * @param period the period (its label is the JSON {@code period})
 * @param stages one row per progression stage, in catalog order
 */
public record PeriodFunnel(Period period, List<StageCount> stages) {

  public PeriodFunnel {
    stages = List.copyOf(stages);
  }

  /** The period label ({@code 2026-03}, {@code 2026-W10}, ...). */
  public String label() {
    return period.label();
  }

  /** count(to) / count(from) in this period; NaN when count(from) is 0. */
  public double conversion(String from, String to) {
    return Conversions.between(stages, from, to);
  }
}
