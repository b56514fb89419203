package dev.funnel.core.columnar;

import dev.funnel.core.TouchKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The touches of a {@link Columns} form, sorted by lead index, then time (ties in the dataset's
 * canonical order: channel, campaign, kind, cost).
 *
 * <p>{@link #from(int)} and {@link #to(int)} give a lead's journey {@code [from, to)} in O(1).
 * Times are epoch milliseconds. Immutable and thread-safe.
 */
public final class TouchColumns extends LeadRows {

  private static final TouchKind[] KINDS = TouchKind.values();

  private final Codes channel;
  private final Codes campaign;
  private final byte[] kind;
  private final MoneyColumn cost;

  TouchColumns(
      int[] lead, Times at, Codes channel, Codes campaign, byte[] kind, MoneyColumn cost,
      int[] offsets) {
    super(lead, at, offsets);
    this.channel = channel;
    this.campaign = campaign;
    this.kind = kind;
    this.cost = cost;
  }

  /** Channel code ({@link Columns#channels()}). */
  public int channel(int row) {
    return channel.get(row);
  }

  /** Campaign code ({@link Columns#campaigns()}) or {@link Dictionary#ABSENT}. */
  public int campaign(int row) {
    return campaign.get(row);
  }

  /** Online or offline. */
  public TouchKind kind(int row) {
    return KINDS[kind[row]];
  }

  /** Touch costs (absent where unknown). */
  public MoneyColumn cost() {
    return cost;
  }

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    putLeadArrays(m);
    m.put("channel", channel.array());
    m.put("campaign", campaign.array());
    m.put("kind", kind);
    MoneyColumn.putArrays(m, "cost", cost);
    return m;
  }
}
