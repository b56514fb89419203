package dev.funnel.scoring;

import dev.funnel.core.Granularity;
import dev.funnel.core.sla.SlaQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What a scoring run computes and as of when: the target stage and horizon of the probability,
 * the time split, the points rules, the model's penalty, and the worklist's SLA and staleness
 * settings.
 *
 * <p>Start with {@link #of(Instant)} and adjust with the {@code with}-style methods; every query
 * is immutable. The as-of instant is required (no hidden clock): nothing after it is read.
 *
 * @param asOf          the instant everything is computed as of
 * @param target        the stage the probability is about ({@code SQL}, {@code WON}, or any later
 *                      progression stage of the catalog; case-insensitive)
 * @param horizon       reaching the target within this long after the snapshot counts
 * @param cut           the time split: the model trains on leads created before it (labels
 *                      matured by it) and is tested on leads created at or after it; null picks
 *                      the default ({@link Validation})
 * @param rules         the points rules compared with the model and shown in the worklist
 * @param lambda        the ridge penalty on the standardised coefficients (0: maximum
 *                      likelihood, which fails on separated data)
 * @param minLevelRows  a category level with fewer training rows is pooled into {@code (other)}
 * @param scoreDelay    a new lead is first scored this long after its creation (its first day of
 *                      behaviour); later snapshots follow every {@code horizon}
 * @param maxSnapshots  at most this many training snapshots per lead
 * @param staleAfter    an open lead without activity or stage change for longer is stale
 *                      (the SLA's definition, {@link SlaQuery#staleAfter})
 * @param slaStage      the stage whose reach starts the first-response clock
 * @param slaTarget     the first-response target
 * @param wonHorizon    the horizon of the won-probability behind expected values and the plan
 *                      outlook's won row
 * @param period        the calendar periods of the plan outlook
 * @param capacity      how many worklist actions each owner can take a day (null: measured from
 *                      the data, {@link Capacity#fromData()})
 */
public record ScoreQuery(
    Instant asOf, String target, Duration horizon, Instant cut, RuleSet rules, double lambda,
    int minLevelRows, Duration scoreDelay, int maxSnapshots, Duration staleAfter, String slaStage,
    Duration slaTarget, Duration wonHorizon, Granularity period, Capacity capacity) {

  /** Default horizon: 30 days. */
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);
  /** Default horizon of the won probability: 90 days. */
  public static final Duration DEFAULT_WON_HORIZON = Duration.ofDays(90);
  /** Default ridge penalty. */
  public static final double DEFAULT_LAMBDA = 1.0;
  /** Default rows a level needs to keep its own column. */
  public static final int DEFAULT_MIN_LEVEL_ROWS = 30;

  public ScoreQuery {
    if (asOf == null) {
      throw new IllegalArgumentException("scoring needs an as-of instant");
    }
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("scoring needs a target stage (SQL or WON)");
    }
    target = target.trim().toUpperCase(Locale.ROOT);
    positive(horizon, "the horizon");
    if (cut != null && cut.isAfter(asOf)) {
      throw new IllegalArgumentException("the cut " + cut + " is after the as-of instant " + asOf);
    }
    if (rules == null) {
      rules = RuleSet.defaults();
    }
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
    }
    if (minLevelRows < 1) {
      throw new IllegalArgumentException("min level rows must be >= 1, got " + minLevelRows);
    }
    if (scoreDelay == null || scoreDelay.isNegative()) {
      throw new IllegalArgumentException("the score delay must be a duration >= 0, got " + scoreDelay);
    }
    if (maxSnapshots < 1) {
      throw new IllegalArgumentException("max snapshots must be >= 1, got " + maxSnapshots);
    }
    if (staleAfter == null || staleAfter.isNegative()) {
      throw new IllegalArgumentException("the stale threshold must be a duration >= 0, got " + staleAfter);
    }
    if (slaStage == null || slaStage.isBlank()) {
      throw new IllegalArgumentException("the SLA needs the stage that starts the clock");
    }
    positive(slaTarget, "the SLA target");
    positive(wonHorizon, "the won horizon");
    if (period == null) {
      period = Granularity.MONTH;
    }
    if (capacity == null) {
      capacity = Capacity.fromData();
    }
  }

  private static void positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
    }
  }

  /**
   * SQL within 30 days as of {@code asOf}; default cut, default rules, lambda 1, levels with
   * fewer than 30 rows pooled, first score a day after creation, at most 12 snapshots per lead,
   * stale after 7 days, first response from MQL within 1 hour, won within 90 days, monthly plan,
   * each owner's capacity measured from the data.
   */
  public static ScoreQuery of(Instant asOf) {
    return new ScoreQuery(asOf, "SQL", DEFAULT_HORIZON, null, RuleSet.defaults(), DEFAULT_LAMBDA,
        DEFAULT_MIN_LEVEL_ROWS, Duration.ofDays(1), 12, SlaQuery.DEFAULT_STALE, "MQL",
        Duration.ofHours(1), DEFAULT_WON_HORIZON, Granularity.MONTH, Capacity.fromData());
  }

  /** This query with another target stage. */
  public ScoreQuery target(String stage) {
    return new ScoreQuery(asOf, stage, horizon, cut, rules, lambda, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query with another horizon. */
  public ScoreQuery horizon(Duration h) {
    return new ScoreQuery(asOf, target, h, cut, rules, lambda, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query with the time split at {@code at} (null: the default). */
  public ScoreQuery cut(Instant at) {
    return new ScoreQuery(asOf, target, horizon, at, rules, lambda, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query with other points rules. */
  public ScoreQuery rules(RuleSet r) {
    return new ScoreQuery(asOf, target, horizon, cut, r, lambda, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query with another ridge penalty. */
  public ScoreQuery lambda(double l) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, l, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query pooling levels with fewer than {@code n} training rows. */
  public ScoreQuery minLevelRows(int n) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, lambda, n, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query scoring new leads {@code d} after creation. */
  public ScoreQuery scoreDelay(Duration d) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, lambda, minLevelRows, d,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query with at most {@code n} training snapshots per lead. */
  public ScoreQuery maxSnapshots(int n) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, lambda, minLevelRows, scoreDelay,
        n, staleAfter, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query with another stale threshold. */
  public ScoreQuery staleAfter(Duration d) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, lambda, minLevelRows, scoreDelay,
        maxSnapshots, d, slaStage, slaTarget, wonHorizon, period, capacity);
  }

  /** This query with another first-response SLA (stage and target). */
  public ScoreQuery sla(String stage, Duration target) {
    return new ScoreQuery(asOf, this.target, horizon, cut, rules, lambda, minLevelRows,
        scoreDelay, maxSnapshots, staleAfter, stage, target, wonHorizon, period, capacity);
  }

  /** This query with another won horizon. */
  public ScoreQuery wonHorizon(Duration h) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, lambda, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, h, period, capacity);
  }

  /** This query with other plan periods. */
  public ScoreQuery period(Granularity g) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, lambda, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, g, capacity);
  }

  /** This query with other owner capacities. */
  public ScoreQuery capacity(Capacity c) {
    return new ScoreQuery(asOf, target, horizon, cut, rules, lambda, minLevelRows, scoreDelay,
        maxSnapshots, staleAfter, slaStage, slaTarget, wonHorizon, period, c);
  }

  /** This query as of another instant (the cut is kept only when it is not after it). */
  public ScoreQuery asOf(Instant at) {
    return new ScoreQuery(at, target, horizon, cut != null && cut.isAfter(at) ? null : cut, rules,
        lambda, minLevelRows, scoreDelay, maxSnapshots, staleAfter, slaStage, slaTarget,
        wonHorizon, period, capacity);
  }
}
