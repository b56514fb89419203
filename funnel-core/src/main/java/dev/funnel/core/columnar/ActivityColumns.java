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
public final class ActivityColumns {

  private final int[] lead;
  private final long[] at;
  private final Codes type;
  private final Codes owner;
  private final Codes outcome;
  private final int[] offsets;

  ActivityColumns(int[] lead, long[] at, Codes type, Codes owner, Codes outcome, int[] offsets) {
    this.lead = lead;
    this.at = at;
    this.type = type;
    this.owner = owner;
    this.outcome = outcome;
    this.offsets = offsets;
  }

  /** Number of activities. */
  public int size() {
    return lead.length;
  }

  /** The lead index of the row. */
  public int lead(int row) {
    return lead[row];
  }

  /** When it happened, epoch milliseconds. */
  public long at(int row) {
    return at[row];
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
    m.put("type", type.array());
    m.put("owner", owner.array());
    m.put("outcome", outcome.array());
    m.put("offsets", offsets);
    return m;
  }
}
