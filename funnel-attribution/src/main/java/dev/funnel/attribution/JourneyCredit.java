package dev.funnel.attribution;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One journey's credit: the share of its conversions (and value) each of its channels gets.
 *
 * @param journey     the lead id, or the path text for path input
 * @param conversions the journey's conversions (1 for a converted lead)
 * @param value       its exact conversion value
 * @param shares      channel to share of the journey, summing to 1, channels sorted by name
 */
public record JourneyCredit(String journey, long conversions, BigDecimal value, Map<String, Double> shares) {

  public JourneyCredit {
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
  }

  /** Conversions credited to a channel in this journey. */
  public double conversionsOf(String channel) {
    return conversions * shares.getOrDefault(channel, 0.0);
  }

  /** Value credited to a channel in this journey. */
  public double valueOf(String channel) {
    return value.doubleValue() * shares.getOrDefault(channel, 0.0);
  }
}
