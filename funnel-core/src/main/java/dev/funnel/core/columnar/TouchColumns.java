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
public final class TouchColumns {

  private static final TouchKind[] KINDS = TouchKind.values();

  private final int[] lead;
  private final long[] at;
  private final Codes channel;
  private final Codes campaign;
  private final byte[] kind;
  private final MoneyColumn cost;
  private final int[] offsets;

  TouchColumns(
      int[] lead, long[] at, Codes channel, Codes campaign, byte[] kind, MoneyColumn cost,
      int[] offsets) {
    this.lead = lead;
    this.at = at;
    this.channel = channel;
    this.campaign = campaign;
    this.kind = kind;
    this.cost = cost;
    this.offsets = offsets;
  }

  /** Number of touches. */
  public int size() {
    return lead.length;
  }

  /** The lead index of the row. */
  public int lead(int row) {
    return lead[row];
  }

  /** When the touch happened, epoch milliseconds. */
  public long at(int row) {
    return at[row];
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

  /** First row of the lead. */
  public int from(int lead) {
    return offsets[lead];
  }

  /** One past the last row of the lead. */
  public int to(int lead) {
    return offsets[lead + 1];
  }

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lead", lead);
    m.put("at", at);
    m.put("channel", channel.array());
    m.put("campaign", campaign.array());
    m.put("kind", kind);
    m.put("cost", cost.array());
    m.put("offsets", offsets);
    return m;
  }
}
