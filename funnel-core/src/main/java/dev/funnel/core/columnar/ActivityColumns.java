package dev.funnel.core.columnar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sales activities of a {@link Columns} form, sorted by lead index, then time (ties in the
 * dataset's canonical order: type, owner, outcome).
 *
 * <p>{@link #from(int)} and {@link #to(int)} give a lead's rows {@code [from, to)} in O(1). Times
 * are epoch milliseconds. Immutable and thread-safe.
 */
public final class ActivityColumns extends LeadRows {

  private final Codes type;
  private final Codes owner;
  private final Codes outcome;

  ActivityColumns(int[] lead, Times at, Codes type, Codes owner, Codes outcome, int[] offsets) {
    super(lead, at, offsets);
    this.type = type;
    this.owner = owner;
    this.outcome = outcome;
  }

  /** Activity type code ({@link Columns#activityTypes()}). */
  public int type(int row) {
    return type.get(row);
  }

  /** Owner code ({@link Columns#owners()}) or {@link Dictionary#ABSENT}. */
  public int owner(int row) {
    return owner.get(row);
  }

  /** Outcome code ({@link Columns#outcomes()}) or {@link Dictionary#ABSENT}. */
  public int outcome(int row) {
    return outcome.get(row);
  }

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    putLeadArrays(m);
    m.put("type", type.array());
    m.put("owner", owner.array());
    m.put("outcome", outcome.array());
    return m;
  }
}
