package dev.funnel.core.funnel;

import dev.funnel.core.Lead;
import java.util.Locale;

/**
 * A lead attribute a funnel can be broken down by. A lead without the attribute falls in the group
 * {@link #NONE} ({@code (none)}, the same label as {@link Lead#NO_CHANNEL}).
 */
public enum Dimension {
  CHANNEL,
  CAMPAIGN,
  SEGMENT,
  OWNER;

  /** The group of leads that do not have the attribute. */
  public static final String NONE = Lead.NO_CHANNEL;

  /** The lead's value of this attribute, {@link #NONE} when absent. */
  public String keyOf(Lead lead) {
    String v;
    switch (this) {
      case CHANNEL:
        v = lead.channel();
        break;
      case CAMPAIGN:
        v = lead.campaign();
        break;
      case SEGMENT:
        v = lead.segment();
        break;
      case OWNER:
        v = lead.owner();
        break;
      default:
        throw new AssertionError(this);
    }
    return v == null ? NONE : v;
  }

  /** Lower-case name, as on the command line ({@code --by channel}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code channel|campaign|segment|owner} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Dimension parse(String s) {
    for (Dimension d : values()) {
      if (s != null && d.label().equalsIgnoreCase(s.trim())) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown breakdown '" + s + "'; expected channel, campaign, segment or owner");
  }
}
