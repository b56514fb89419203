package dev.funnel.scoring;

import dev.funnel.core.columnar.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A named feature of a lead as of an instant, as rules and the model read it (the list is
 * {@link #NAMES}; documented in {@link Rule}).
 */
final class FeatureRef {

  enum Kind { TEXT, STAGE, NUMBER }

  /** Every feature name; {@code attribute:NAME} and {@code activities:TYPE} take an argument. */
  static final List<String> NAMES = List.of("channel", "campaign", "segment", "owner",
      "attribute:NAME", "stage", "age_days", "activities", "activities:TYPE", "days_since_activity",
      "touches", "online_touches", "offline_touches", "days_since_touch", "days_since_move",
      "days_in_stage", "deal_amount");

  /** The text of an absent categorical value. */
  static final String NONE = "(none)";

  static final FeatureRef SEGMENT = new FeatureRef("segment", Kind.TEXT, "segment", null);
  static final FeatureRef CHANNEL = new FeatureRef("channel", Kind.TEXT, "channel", null);

  final String name;
  final Kind kind;
  private final String base;
  private final String arg;

  private FeatureRef(String name, Kind kind, String base, String arg) {
    this.name = name;
    this.kind = kind;
    this.base = base;
    this.arg = arg;
  }

  /**
   * The feature of this name (case-insensitive; an argument after {@code :} keeps its case for
   * attributes, lower-case for activity types).
   *
   * @throws IllegalArgumentException naming the known features
   */
  static FeatureRef parse(String text) {
    String t = text == null ? "" : text.trim();
    int colon = t.indexOf(':');
    String base = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    String arg = colon < 0 ? null : t.substring(colon + 1).trim();
    if (arg != null && arg.isEmpty()) {
      throw new IllegalArgumentException("feature '" + t + "' needs a name after ':'");
    }
    switch (base) {
      case "channel":
      case "campaign":
      case "segment":
      case "owner":
        if (arg == null) {
          return new FeatureRef(base, Kind.TEXT, base, null);
        }
        break;
      case "attribute":
        if (arg != null) {
          String a = arg.toLowerCase(Locale.ROOT);
          return new FeatureRef("attribute:" + a, Kind.TEXT, base, a);
        }
        break;
      case "stage":
        if (arg == null) {
          return new FeatureRef(base, Kind.STAGE, base, null);
        }
        break;
      case "activities":
        if (arg != null) {
          String a = arg.toLowerCase(Locale.ROOT);
          return new FeatureRef("activities:" + a, Kind.NUMBER, base, a);
        }
        return new FeatureRef(base, Kind.NUMBER, base, null);
      case "age_days":
      case "days_since_activity":
      case "touches":
      case "online_touches":
      case "offline_touches":
      case "days_since_touch":
      case "days_since_move":
      case "days_in_stage":
      case "deal_amount":
        if (arg == null) {
          return new FeatureRef(base, Kind.NUMBER, base, null);
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException("unknown feature '" + t + "'; features: " + String.join(", ", NAMES));
  }

  /** The text value (TEXT features); {@code (none)} when absent. */
  String text(Timeline tl, Timeline.State s) {
    int l = s.lead;
    switch (base) {
      case "channel": return orNone(tl.cols.channels(), tl.leads.channel(l));
      case "campaign": return orNone(tl.cols.campaigns(), tl.leads.campaign(l));
      case "segment": return orNone(tl.cols.segments(), tl.leads.segment(l));
      case "owner": return orNone(tl.cols.owners(), tl.leads.owner(l));
      case "attribute": {
        Map<String, String> a = tl.leads.attributes(l);
        String v = a.get(arg);
        return v == null || v.isBlank() ? NONE : v.trim();
      }
      default: throw new IllegalStateException(name + " is not a text feature");
    }
  }

  private static String orNone(Dictionary d, int code) {
    return code < 0 ? NONE : d.value(code);
  }

  /**
   * The dictionary a TEXT feature's values come from and the lead's code in it, for matching by
   * code; null for attributes.
   */
  Dictionary dictionary(Timeline tl) {
    switch (base) {
      case "channel": return tl.cols.channels();
      case "campaign": return tl.cols.campaigns();
      case "segment": return tl.cols.segments();
      case "owner": return tl.cols.owners();
      default: return null;
    }
  }

  /** The lead's code in {@link #dictionary} (-1 when absent). */
  int code(Timeline tl, Timeline.State s) {
    switch (base) {
      case "channel": return tl.leads.channel(s.lead);
      case "campaign": return tl.leads.campaign(s.lead);
      case "segment": return tl.leads.segment(s.lead);
      case "owner": return tl.leads.owner(s.lead);
      default: throw new IllegalStateException(name + " has no dictionary");
    }
  }

  /** The numeric value (NUMBER features); NaN when undefined (e.g. no activity yet). */
  double number(Timeline tl, Timeline.State s) {
    switch (base) {
      case "age_days": return s.ageDays();
      case "activities": {
        if (arg == null) {
          return s.activities;
        }
        int c = tl.cols.activityTypes().find(arg);
        return c < 0 ? 0 : s.types[c];
      }
      case "days_since_activity": return s.daysSince(s.lastActivityMs);
      case "touches": return s.touches;
      case "online_touches": return s.touches - s.offline;
      case "offline_touches": return s.offline;
      case "days_since_touch": return s.daysSince(s.lastTouchMs);
      case "days_since_move": return s.daysSince(s.lastMoveMs());
      case "days_in_stage": return s.daysSince(s.stageSinceMs);
      case "deal_amount": return s.amount;
      default: throw new IllegalStateException(name + " is not a numeric feature");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
