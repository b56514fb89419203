package dev.funnel.core.columnar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage changes of a {@link Columns} form, sorted by lead index, then time (ties in the
 * dataset's canonical order: catalog order, reason, amount, owner).
 *
 * <p>{@link #from(int)} and {@link #to(int)} give a lead's rows {@code [from, to)} in O(1)
 * (compressed sparse rows). The stage is the catalog index ({@link
 * dev.funnel.core.StageCatalog#get(int)}), so stage order is funnel order. Times are epoch
 * milliseconds. Immutable and thread-safe.
 */
public final class StageColumns {

  private final int[] lead;
  private final byte[] stage;
  private final long[] at;
  private final MoneyColumn amount;
  private final Codes reason;
  private final Codes owner;
  private final int[] offsets;

  StageColumns(
      int[] lead, byte[] stage, long[] at, MoneyColumn amount, Codes reason, Codes owner,
      int[] offsets) {
    this.lead = lead;
    this.stage = stage;
    this.at = at;
    this.amount = amount;
    this.reason = reason;
    this.owner = owner;
    this.offsets = offsets;
  }

  /** Number of stage changes. */
  public int size() {
    return lead.length;
  }

  /** The lead index of the row. */
  public int lead(int row) {
    return lead[row];
  }

  /** The catalog index of the stage entered. */
  public int stage(int row) {
    return stage[row];
  }

  /** When the lead entered the stage, epoch milliseconds. */
  public long at(int row) {
    return at[row];
  }

  /** Deal values known at the stage (absent where the row has none). */
  public MoneyColumn amount() {
    return amount;
  }

  /** Reason code ({@link Columns#reasons()}) or {@link Dictionary#ABSENT}. */
  public int reason(int row) {
    return reason.get(row);
  }

  /** Owner code ({@link Columns#owners()}) or {@link Dictionary#ABSENT}. */
  public int owner(int row) {
    return owner.get(row);
  }

  /** First row of the lead. */
  public int from(int lead) {
    return offsets[lead];
  }

  /** One past the last row of the lead ({@code from == to} when it has none). */
  public int to(int lead) {
    return offsets[lead + 1];
  }

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lead", lead);
    m.put("stage", stage);
    m.put("at", at);
    m.put("amount", amount.array());
    m.put("reason", reason.array());
    m.put("owner", owner.array());
    m.put("offsets", offsets);
    return m;
  }
}
