package dev.funnel.core.funnel;

import dev.funnel.core.Granularity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * What a stage funnel counts: the basis, a half-open window of instants, an optional period
 * granularity, up to two breakdown dimensions and, on the cohort basis, an optional horizon.
 *
 * <p>Start with {@link #event()} or {@link #cohort()} and narrow with the {@code with}-style
 * methods; every query is immutable. The window {@code [from, to)} applies to the event time on
 * the event basis (the instant a lead reached the stage) and to {@code created_at} on the cohort
 * basis; a null bound is open.
 *
 * @param basis       event or cohort basis
 * @param from        inclusive start of the window, or null (open)
 * @param to          exclusive end of the window, or null (open)
 * @param granularity periods to count by (in the dataset zone), or null for one total
 * @param by          zero, one or two breakdown dimensions, distinct
 * @param within      cohort basis only: count a stage only when it was reached at most this long
 *                    after creation; null for no limit
 */
public record FunnelQuery(
    Basis basis, Instant from, Instant to, Granularity granularity, List<Dimension> by,
    Duration within) {

  public FunnelQuery {
    if (basis == null) {
      throw new IllegalArgumentException("funnel basis is required (event or cohort)");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
    by = by == null ? List.of() : List.copyOf(by);
    if (by.size() > 2) {
      throw new IllegalArgumentException(
          "a funnel can be broken down by at most two dimensions, got " + by);
    }
    if (new HashSet<>(by).size() != by.size()) {
      throw new IllegalArgumentException("breakdown dimensions must differ, got " + by);
    }
    if (within != null) {
      if (basis != Basis.COHORT) {
        throw new IllegalArgumentException("'within' applies to the cohort basis only");
      }
      if (within.isNegative()) {
        throw new IllegalArgumentException("'within' must not be negative, got " + within);
      }
    }
  }

  /** All leads on the event basis, no window, no periods, no breakdown. */
  public static FunnelQuery event() {
    return new FunnelQuery(Basis.EVENT, null, null, null, List.of(), null);
  }

  /** All leads on the cohort basis, no window, no periods, no breakdown, no horizon. */
  public static FunnelQuery cohort() {
    return new FunnelQuery(Basis.COHORT, null, null, null, List.of(), null);
  }

  /** This query on the given basis (a horizon is dropped when switching to the event basis). */
  public FunnelQuery withBasis(Basis b) {
    return new FunnelQuery(b, from, to, granularity, by, b == Basis.COHORT ? within : null);
  }

  /** This query with the half-open window {@code [from, to)}; null bounds are open. */
  public FunnelQuery between(Instant from, Instant to) {
    return new FunnelQuery(basis, from, to, granularity, by, within);
  }

  /** This query counted per calendar period of the granularity (null: one total). */
  public FunnelQuery per(Granularity g) {
    return new FunnelQuery(basis, from, to, g, by, within);
  }

  /** This query broken down by zero, one or two dimensions. */
  public FunnelQuery by(Dimension... dims) {
    return new FunnelQuery(basis, from, to, granularity, Arrays.asList(dims), within);
  }

  /** This cohort query counting only stages reached within the horizon after creation. */
  public FunnelQuery within(Duration horizon) {
    return new FunnelQuery(basis, from, to, granularity, by, horizon);
  }

  /** Whether the instant is inside the window. */
  boolean inWindow(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }
}
