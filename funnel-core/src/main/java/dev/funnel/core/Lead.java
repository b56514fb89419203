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

  /**
   * A builder with the required parts, for the optional ones by name:
   * {@code Lead.builder("L1", created).channel("seo").owner("ann").build()}.
   */
  public static Builder builder(String id, Instant createdAt) {
    return new Builder(id, createdAt);
  }

  /** Named optional parts of a {@link Lead}; {@link #build()} checks them as the constructor does. */
  public static final class Builder {
    private final String id;
    private final Instant createdAt;
    private String channel;
    private String campaign;
    private String segment;
    private String owner;
    private String customerId;
    private final Map<String, String> attributes = new TreeMap<>();

    private Builder(String id, Instant createdAt) {
      this.id = id;
      this.createdAt = createdAt;
    }

    /** The acquisition channel ({@link #NO_CHANNEL} when never set). */
    public Builder channel(String channel) {
      this.channel = channel;
      return this;
    }

    /** The campaign, ad group or creative. */
    public Builder campaign(String campaign) {
      this.campaign = campaign;
      return this;
    }

    /** The customer segment or ICP fit. */
    public Builder segment(String segment) {
      this.segment = segment;
      return this;
    }

    /** The responsible person (SDR/AE). */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /** The customer the lead's payments are booked to (the lead id when never set). */
    public Builder customer(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** An attribute of the lead's source row (name in lower case). */
    public Builder attribute(String name, String value) {
      attributes.put(name, value);
      return this;
    }

    /** The lead; throws {@code IllegalArgumentException} as the constructor does. */
    public Lead build() {
      return new Lead(id, createdAt, channel, campaign, segment, owner, customerId, attributes);
    }
  }
}
