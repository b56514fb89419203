package dev.funnel.core;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A planned value of a metric for a period (table {@code plan}), optionally for one channel.
 *
 * @param period  the planned period (year, quarter, month or ISO week)
 * @param metric  {@code leads}, {@code mql}, {@code sql}, {@code won}, {@code revenue},
 *                {@code spend}, {@code cpl}, {@code cac}, {@code romi}, {@code win_rate}, ...
 *                (lower-case)
 * @param target  the planned value
 * @param channel the channel the target is for, or null for all channels
 */
public record PlanTarget(Period period, String metric, BigDecimal target, String channel) {

  public PlanTarget {
    Checks.required(period, "plan period");
    metric = Checks.id(metric, "plan metric").toLowerCase(Locale.ROOT);
    Checks.required(target, "plan target");
    channel = Checks.optional(channel);
  }
}
