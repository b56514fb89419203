package dev.funnel.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One lead's points score as of an instant, broken down by rule.
 *
 * @param leadId    the lead
 * @param stage     its furthest progression stage then
 * @param score     the sum of the points of the rules that hold
 * @param mql       whether the score reaches the MQL threshold
 * @param breakdown the rules that hold and their points, in the rule set's order
 */
public record PointsScore(String leadId, String stage, double score, boolean mql, Map<String, Double> breakdown) {

  public PointsScore {
    breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
  }

  /** {@code Enterprise +20, Cold -10}. */
  public String explain() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Double> e : breakdown.entrySet()) {
      double v = e.getValue();
      b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
          .append(v == Math.rint(v) ? String.format(Locale.ROOT, "%+d", (long) v) : String.format(Locale.ROOT, "%+.2f", v));
    }
    return b.toString();
  }
}
