package dev.funnel.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * A pre-aggregated journey (table {@code paths}): how many journeys followed one channel path,
 * how many of them converted and with what total value. The format of ChannelAttribution, GA
 * "top conversion paths" and Fractribution.
 *
 * @param channels    the path in time order, at least one channel
 * @param conversions converting journeys on this path
 * @param value       their total conversion value (exact)
 * @param nulls       journeys on this path that did not convert
 */
public record JourneyPath(List<String> channels, long conversions, BigDecimal value, long nulls) {

  public JourneyPath {
    channels = List.copyOf(channels);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a path needs at least one channel");
    }
    for (String c : channels) {
      if (c == null || c.isBlank()) {
        throw new IllegalArgumentException("a path must not contain a blank channel: " + channels);
      }
    }
    if (conversions < 0 || nulls < 0) {
      throw new IllegalArgumentException(
          "path counts must not be negative, got conversions=" + conversions + " nulls=" + nulls);
    }
    value = value == null ? BigDecimal.ZERO : value;
  }

  /**
   * Parses a path written {@code a > b > c}; blanks around channels are trimmed.
   *
   * @throws IllegalArgumentException for an empty path or an empty step
   */
  public static List<String> parseChannels(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path must not be empty");
    }
    String[] parts = path.split(">", -1);
    java.util.ArrayList<String> out = new java.util.ArrayList<>(parts.length);
    for (String p : parts) {
      String t = p.trim();
      if (t.isEmpty()) {
        throw new IllegalArgumentException("path has an empty step: '" + path + "'");
      }
      out.add(t);
    }
    return out;
  }

  /** The path written {@code a > b > c}. */
  public String pathText() {
    return String.join(" > ", channels);
  }
}
