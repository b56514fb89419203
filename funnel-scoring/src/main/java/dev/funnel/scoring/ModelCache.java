package dev.funnel.scoring;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The models of one review, fitted once per target and horizon as of the query's instant (a
 * failed fit is remembered as its exception). Not thread-safe; one per review.
 */
final class ModelCache {

  private final Timeline tl;
  private final ScoreQuery q;
  private final Map<String, Object> fitted = new HashMap<>();

  ModelCache(Timeline tl, ScoreQuery q) {
    this.tl = tl;
    this.q = q;
  }

  /**
   * The model of a target and horizon as of the query's instant.
   *
   * @throws IllegalArgumentException when it cannot be fitted (the same exception every time)
   */
  LeadModel get(String target, Duration horizon) {
    String key = target.toUpperCase(java.util.Locale.ROOT) + "/" + horizon;
    Object o = fitted.computeIfAbsent(key, k -> {
      try {
        return LeadModel.fit(tl, q.target(target).horizon(horizon), q.asOf());
      } catch (IllegalArgumentException e) {
        return e;
      }
    });
    if (o instanceof IllegalArgumentException e) {
      throw e;
    }
    return (LeadModel) o;
  }
}
