package dev.funnel.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * What a first-response SLA measures: from which stage, against which target, on which clock, as
 * of which instant, and when a lead counts as stale.
 *
 * <p>Start with {@link #of(String, Duration, Instant)} and adjust with the {@code with}-style
 * methods; every query is immutable. The as-of instant is required (no hidden clock): activities
 * and stage changes after it are ignored, so a report as of a past instant is what a manager
 * would have seen then.
 *
 * @param stage      the stage whose reach time starts the clock ({@code MQL}, or {@code SQL});
 *                   case-insensitive, resolved against the dataset's catalog
 * @param target     the response-time target, measured on {@code calendar} (e.g. 15 minutes,
 *                   1 hour, or {@link BusinessCalendar#dayLength()} for one business day); a
 *                   response exactly at the target is within it
 * @param asOf       the instant the report is made at
 * @param calendar   the clock response and waiting times are measured on
 * @param staleAfter a still-open lead with no activity and no stage change for longer than this
 *                   (real elapsed time) is stale
 * @param from       only leads that reached the stage at or after this instant, or null (open)
 * @param to         only leads that reached the stage before this instant, or null (open)
 */
public record SlaQuery(
    String stage, Duration target, Instant asOf, BusinessCalendar calendar, Duration staleAfter,
    Instant from, Instant to) {

  /** The default stale threshold: 7 days. */
  public static final Duration DEFAULT_STALE = Duration.ofDays(7);

  public SlaQuery {
    if (stage == null || stage.isBlank()) {
      throw new IllegalArgumentException("the SLA needs the stage that starts the clock (e.g. MQL or SQL)");
    }
    stage = stage.trim();
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("the SLA target must be a positive duration, got " + target);
    }
    if (asOf == null) {
      throw new IllegalArgumentException("the SLA needs an as-of instant");
    }
    if (calendar == null) {
      calendar = BusinessCalendar.continuous();
    }
    if (staleAfter == null || staleAfter.isNegative()) {
      throw new IllegalArgumentException("the stale threshold must be a duration >= 0, got " + staleAfter);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
  }

  /** Response from reaching {@code stage} within {@code target}, as of {@code asOf}, in real time. */
  public static SlaQuery of(String stage, Duration target, Instant asOf) {
    return new SlaQuery(stage, target, asOf, BusinessCalendar.continuous(), DEFAULT_STALE, null, null);
  }

  /** This query measured on a business calendar. */
  public SlaQuery on(BusinessCalendar cal) {
    return new SlaQuery(stage, target, asOf, cal, staleAfter, from, to);
  }

  /** This query with another stale threshold. */
  public SlaQuery staleAfter(Duration d) {
    return new SlaQuery(stage, target, asOf, calendar, d, from, to);
  }

  /** This query restricted to leads that reached the stage in {@code [from, to)}. */
  public SlaQuery between(Instant from, Instant to) {
    return new SlaQuery(stage, target, asOf, calendar, staleAfter, from, to);
  }

  /** This query as of another instant. */
  public SlaQuery asOf(Instant at) {
    return new SlaQuery(stage, target, at, calendar, staleAfter, from, to);
  }

  /** This query with another target. */
  public SlaQuery target(Duration t) {
    return new SlaQuery(stage, t, asOf, calendar, staleAfter, from, to);
  }

  boolean inWindow(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }
}
