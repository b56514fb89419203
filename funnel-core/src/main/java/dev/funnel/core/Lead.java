package dev.funnel.core;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A person or company that entered the funnel (table {@code leads} of docs/spec/dataset.md).
 *
 * <p>Every lead is at the catalog's first stage from {@code createdAt}. Optional text fields are
 * {@code null} when absent, except {@code channel}, which is {@link #NO_CHANNEL} when absent, and
 * {@code customerId}, which defaults to the lead id.
 *
 * @param id         unique id
 * @param createdAt  when the lead was created
 * @param channel    acquisition channel; {@code (none)} when absent
 * @param campaign   campaign, ad group or creative, or null
 * @param segment    customer segment or ICP fit, or null
 * @param owner      responsible person (SDR/AE), or null
 * @param customerId the customer the lead's payments are booked to
 * @param attributes unknown columns of the source row, kept by name (lower-case)
 */
public record Lead(
    String id,
    Instant createdAt,
    String channel,
    String campaign,
    String segment,
    String owner,
    String customerId,
    Map<String, String> attributes) {

  /** The channel of a lead whose source is unknown. */
  public static final String NO_CHANNEL = "(none)";

  public Lead {
    id = Checks.id(id, "lead id");
    Checks.required(createdAt, "lead created_at");
    channel = Checks.optional(channel);
    if (channel == null) {
      channel = NO_CHANNEL;
    }
    campaign = Checks.optional(campaign);
    segment = Checks.optional(segment);
    owner = Checks.optional(owner);
    customerId = Checks.optional(customerId);
    if (customerId == null) {
      customerId = id;
    }
    attributes = attributes == null || attributes.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** A lead with only the required fields and a channel. */
  public static Lead of(String id, Instant createdAt, String channel) {
    return new Lead(id, createdAt, channel, null, null, null, null, Map.of());
  }

  /** Whether the source of the lead is known. */
  public boolean hasChannel() {
    return !NO_CHANNEL.equals(channel);
  }
}
