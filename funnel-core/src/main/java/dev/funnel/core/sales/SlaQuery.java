package dev.funnel.core.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a first-response SLA measures.
 *
 * @param fromStage  the hand-off the clock starts at (MQL or SQL, usually)
 * @param target     the response-time target
 * @param asOf       the observation instant: later activities and changes are not seen
 * @param from       inclusive start of the window on the hand-off time, or null
 * @param to         exclusive end of the window on the hand-off time, or null
 * @param staleAfter an open lead with no activity or stage change for longer is stale
 * @param calendar   working time to measure in, or null for elapsed time
 */
public record SlaQuery(
    String fromStage, Duration target, Instant asOf, Instant from, Instant to, Duration staleAfter,
    BusinessCalendar calendar) {

  public SlaQuery {
    Objects.requireNonNull(fromStage, "SLA start stage");
    DealHistory.requireAsOf(asOf, "the SLA");
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("SLA target must be a positive duration, got " + target);
    }
    if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("stale threshold must be a positive duration, got " + staleAfter);
    }
  }

  /** From MQL, target 24 hours, stale after 7 days, elapsed time, no window. */
  public static SlaQuery of(Instant asOf) {
    return new SlaQuery("MQL", Duration.ofHours(24), asOf, null, null, Duration.ofDays(7), null);
  }

  /** This query starting the clock at another stage. */
  public SlaQuery fromStage(String stage) {
    return new SlaQuery(stage, target, asOf, from, to, staleAfter, calendar);
  }

  /** This query with another target. */
  public SlaQuery target(Duration t) {
    return new SlaQuery(fromStage, t, asOf, from, to, staleAfter, calendar);
  }

  /** This query on hand-offs in {@code [from, to)}. */
  public SlaQuery between(Instant f, Instant t) {
    return new SlaQuery(fromStage, target, asOf, f, t, staleAfter, calendar);
  }

  /** This query with another stale threshold. */
  public SlaQuery staleAfter(Duration d) {
    return new SlaQuery(fromStage, target, asOf, from, to, d, calendar);
  }

  /** This query measured in working time. */
  public SlaQuery calendar(BusinessCalendar c) {
    return new SlaQuery(fromStage, target, asOf, from, to, staleAfter, c);
  }

  Duration measure(Instant a, Instant b) {
    return calendar == null ? (b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO)
        : calendar.between(a, b);
  }
}
