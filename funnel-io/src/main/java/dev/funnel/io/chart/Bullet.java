package dev.funnel.io.chart;


/**
 * One plan-vs-actual line: the plan, the actual so far, the run-rate (the actual projected to the
 * end of the period) and the status already judged by the plan logic. Undefined numbers are
 * {@code NaN}: no marker is drawn and the label says {@code n/a}.
 *
 * @param metric the metric, e.g. {@code "leads"} or {@code "CAC, paid search"}
 * @param plan the target
 * @param actual the actual value
 * @param runRate the projected value at the end of the period
 * @param status how the run-rate compares with the plan
 */
public record Bullet(String metric, double plan, double actual, double runRate, Status status) {

  /** The alert level of a plan line; its colour is backed by its name in the label. */
  public enum Status {
    /** On or better than plan within tolerance. */
    OK,
    /** Worse than plan beyond the warning tolerance. */
    WARNING,
    /** Worse than plan beyond the alert tolerance. */
    ALERT,
    /** No judgement possible (e.g. no plan). */
    UNKNOWN
  }

  /** @throws IllegalArgumentException when the metric or the status is null */
  public Bullet {
    Inputs.required(metric, "bullet metric");
    Inputs.required(status, "bullet status (use UNKNOWN)");
  }
}
