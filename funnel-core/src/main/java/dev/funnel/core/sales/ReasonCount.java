package dev.funnel.core.sales;

/**
 * One exit reason.
 *
 * @param exit   the exit stage (LOST, RETURNED)
 * @param reason the coded reason, {@code (none)} when the row had none
 * @param count  exits with this reason
 * @param share  count / all exits into the same exit stage
 * @param early  of those, exits before the lead reached the boundary stage
 * @param late   exits at or after it
 */
public record ReasonCount(
    String exit, String reason, long count, double share, long early, long late) {}
