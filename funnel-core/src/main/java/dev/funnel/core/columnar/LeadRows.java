package dev.funnel.core.columnar;

import java.util.Map;

/**
 * Rows grouped by lead and sorted by time within a lead: the shared part of the stage, touch and
 * activity columns. {@link #from(int)} and {@link #to(int)} give a lead's rows {@code [from, to)}
 * in O(1) ({@code from == to} when it has none). Times are epoch milliseconds. Immutable.
 */
public abstract class LeadRows {

  private final int[] lead;
  private final Times times;
  private final int[] offsets;

  LeadRows(int[] lead, Times times, int[] offsets) {
    this.lead = lead;
    this.times = times;
    this.offsets = offsets;
  }

  /** Number of rows. */
  public int size() {
    return lead.length;
  }

  /** The lead index of the row. */
  public int lead(int row) {
    return lead[row];
  }

  /** When the row's event happened, epoch milliseconds. */
  public long at(int row) {
    return times.millis(row);
  }

  /**
   * The nanoseconds of the row's time within its millisecond ({@code 0..999_999}): with
   * {@link #at} it is the exact instant, without making one.
   */
  public int subMillis(int row) {
    return times.sub(row);
  }

  /** Whether some row's time may have a sub-millisecond part (false: {@link #at} is exact). */
  public boolean hasSubMillis() {
    return times.hasSub();
  }

  /** When the row's event happened, exactly (with any sub-millisecond part). */
  public java.time.Instant instant(int row) {
    return times.instant(row);
  }

  /** First row of the lead. */
  public int from(int lead) {
    return offsets[lead];
  }

  /** One past the last row of the lead ({@code from == to} when it has none). */
  public int to(int lead) {
    return offsets[lead + 1];
  }

  /** Puts the shared arrays under their names, for the footprint report. */
  void putLeadArrays(Map<String, Object> m) {
    m.put("lead", lead);
    Object[] t = times.arrays();
    m.put("at", t[0]);
    if (t.length > 1) {
      m.put("at_sub_ms", t[1]);
    }
    m.put("offsets", offsets);
  }

  /**
   * The earliest and latest time of the table's rows in epoch milliseconds ({@code [MAX, MIN]}
   * when it has none), kept from the layout, so a data extent needs no pass over the rows.
   */
  public long[] millisRange() {
    return new long[] {times.minMillis(), times.maxMillis()};
  }
}
