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
public final class StageColumns extends LeadRows {

  private final byte[] stage;
  private final MoneyColumn amount;
  private final Codes reason;
  private final Codes owner;

  StageColumns(
      int[] lead, byte[] stage, Times at, MoneyColumn amount, Codes reason, Codes owner,
      int[] offsets) {
    super(lead, at, offsets);
    this.stage = stage;
    this.amount = amount;
    this.reason = reason;
    this.owner = owner;
  }

  /** The catalog index of the stage entered. */
  public int stage(int row) {
    return stage[row];
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

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    putLeadArrays(m);
    m.put("stage", stage);
    MoneyColumn.putArrays(m, "amount", amount);
    m.put("reason", reason.array());
    m.put("owner", owner.array());
    return m;
  }
}
