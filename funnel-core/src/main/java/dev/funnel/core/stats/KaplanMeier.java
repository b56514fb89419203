package dev.funnel.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable partial state of a Kaplan-Meier estimate: per distinct duration, how many
 * observations ended with the event and how many were censored there.
 *
 * <p>Protocol: {@link #empty()}, {@link #add(double, boolean)} per observation,
 * {@link #merge(KaplanMeier)} (new state, inputs unchanged; associative, commutative, identity
 * {@code empty()}), {@link #result()}. {@code add} mutates (not thread-safe). The estimate is the
 * product-limit estimator of Kaplan, E. L. and Meier, P. (1958), "Nonparametric estimation from
 * incomplete observations", JASA 53(282), 457-481:
 * {@code S(t) = prod_{t_i <= t} (1 - d_i / n_i)}, with {@code n_i} the observations still at risk
 * just before {@code t_i}; a censoring tied with events at {@code t_i} is counted at risk at
 * {@code t_i} (the usual convention: events before censorings). The variance of {@code S(t)} is
 * Greenwood's (M. Greenwood, 1926, "The natural duration of cancer", Reports on Public Health
 * and Medical Subjects 33): {@code S(t)^2 sum_{t_i <= t} d_i / (n_i (n_i - d_i))}, undefined
 * (NaN) from the first time at which every observation at risk has the event.
 */
public final class KaplanMeier {

  private final TreeMap<Double, long[]> byTime;

  private KaplanMeier(TreeMap<Double, long[]> byTime) {
    this.byTime = byTime;
  }

  /** No observations. */
  public static KaplanMeier empty() {
    return new KaplanMeier(new TreeMap<>());
  }

  /**
   * One observation.
   *
   * @param duration time to the event, or to censoring; finite, not negative
   * @param event    true when the event was observed, false when the observation is censored
   * @return this state
   */
  public KaplanMeier add(double duration, boolean event) {
    if (!(duration >= 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException("durations must be finite and >= 0, got " + duration);
    }
    long[] c = byTime.computeIfAbsent(duration == 0 ? 0.0 : duration, t -> new long[2]);
    c[event ? 0 : 1]++;
    return this;
  }

  /** The state of both sets of observations. */
  public KaplanMeier merge(KaplanMeier other) {
    TreeMap<Double, long[]> m = new TreeMap<>();
    for (Map<Double, long[]> src : List.of(byTime, other.byTime)) {
      for (Map.Entry<Double, long[]> e : src.entrySet()) {
        long[] acc = m.computeIfAbsent(e.getKey(), t -> new long[2]);
        acc[0] += e.getValue()[0];
        acc[1] += e.getValue()[1];
      }
    }
    return new KaplanMeier(m);
  }

  /** Per distinct duration, ascending: {events, censored} (read-only use within the package). */
  java.util.NavigableMap<Double, long[]> counts() {
    return java.util.Collections.unmodifiableNavigableMap(byTime);
  }

  /** The survival curve of the observations added so far. */
  public SurvivalCurve result() {
    long atRisk = 0;
    long censored = 0;
    for (long[] c : byTime.values()) {
      atRisk += c[0] + c[1];
      censored += c[1];
    }
    long n = atRisk;
    List<SurvivalCurve.Step> steps = new ArrayList<>();
    double s = 1;
    double greenwood = 0; // sum of d / (n (n - d)) over the event times so far
    for (Map.Entry<Double, long[]> e : byTime.entrySet()) {
      long d = e.getValue()[0];
      if (d > 0) {
        s *= 1 - (double) d / atRisk;
        greenwood += d < atRisk ? (double) d / ((double) atRisk * (atRisk - d)) : Double.NaN;
        steps.add(new SurvivalCurve.Step(e.getKey(), atRisk, d, s, greenwood));
      }
      atRisk -= d + e.getValue()[1];
    }
    return new SurvivalCurve(n, n - censored, censored, steps);
  }
}
