package dev.funnel.core.funnel;

import java.util.List;

/**
 * The funnel of one breakdown group (JSON: {@code {"key": "...", "stages": [...]}}), with its
 * periods when the query has a granularity.
 *
 * @param key     the group's values joined by {@code " / "} (one value for a single dimension)
 * @param values  the group's value of each breakdown dimension, in query order
 * @param stages  one row per progression stage over the whole window
 * @param periods the group's funnel per period (every period of the report, empty ones included),
 *                or empty without a granularity
 */
public record GroupFunnel(
    String key, List<String> values, List<StageCount> stages, List<PeriodFunnel> periods) {

  /** Separator of the values of a two-dimensional key. */
  public static final String SEPARATOR = " / ";

  public GroupFunnel {
    values = List.copyOf(values);
    stages = List.copyOf(stages);
    periods = List.copyOf(periods);
  }

  /** count(to) / count(from) in this group; NaN when count(from) is 0. */
  public double conversion(String from, String to) {
    return Conversions.between(stages, from, to);
  }
}
