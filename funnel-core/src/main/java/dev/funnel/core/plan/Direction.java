package dev.funnel.core.plan;

/** Whether more of a metric is good (leads, revenue) or bad (CPL, CAC, spend). */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER
}
