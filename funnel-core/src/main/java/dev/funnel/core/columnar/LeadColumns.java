package dev.funnel.core.columnar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The leads of a {@link Columns} form, one row per lead index.
 *
 * <p>Lead indexes are the codes of the lead-id dictionary ({@link Columns#leadIds()}), so leads are
 * ordered by id (string order), and the stages, touches and activities of the tables, ordered by
 * lead then time, are in that same order. Every lead id of any table has an index: a lead that
 * appears only in stages, touches, activities or payments (no row in {@code leads}) has
 * {@link #hasRow(int)} false, no creation time ({@link #NO_TIME}) and absent codes. For creation
 * order use {@link #byCreated(int)}. Times are epoch milliseconds (UTC instants, sub-millisecond
 * parts dropped). Immutable and thread-safe.
 */
public final class LeadColumns {

  /** The creation time of a lead without a row in {@code leads}. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private final Dictionary ids;
  private final Times created;
  private final Codes channel;
  private final Codes campaign;
  private final Codes segment;
  private final Codes owner;
  private final int[] customer;
  private final int[] byCreated;
  private final Map<String, String>[] attributes;

  LeadColumns(
      Dictionary ids, Times created, Codes channel, Codes campaign, Codes segment, Codes owner,
      int[] customer, int[] byCreated, Map<String, String>[] attributes) {
    this.ids = ids;
    this.created = created;
    this.attributes = attributes;
    this.channel = channel;
    this.campaign = campaign;
    this.segment = segment;
    this.owner = owner;
    this.customer = customer;
    this.byCreated = byCreated;
  }

  /** Number of lead indexes (leads with a row plus ids seen only in other tables). */
  public int size() {
    return created.size();
  }

  /** The lead's id. */
  public String id(int lead) {
    return ids.value(lead);
  }

  /** The index of a lead id, or {@link Dictionary#ABSENT} when no table mentions it. */
  public int index(String id) {
    return ids.find(id);
  }

  /** Whether the lead has a row in the {@code leads} table. */
  public boolean hasRow(int lead) {
    return created.millis(lead) != NO_TIME;
  }

  /** Creation time in epoch milliseconds, {@link #NO_TIME} without a row. */
  public long createdAt(int lead) {
    return created.millis(lead);
  }

  /** The nanoseconds of the creation time below its millisecond. */
  public int createdSubMillis(int lead) {
    return created.sub(lead);
  }

  /** Whether some creation time may have a sub-millisecond part (false: {@link #createdAt} is exact). */
  public boolean hasSubMillis() {
    return created.hasSub();
  }

  /** Creation time exactly (with any sub-millisecond part); null without a row. */
  public java.time.Instant created(int lead) {
    return hasRow(lead) ? created.instant(lead) : null;
  }

  /** The unknown columns of the lead's source row by name (empty when none). */
  public Map<String, String> attributes(int lead) {
    Map<String, String> a = attributes == null ? null : attributes[lead];
    return a == null ? Map.of() : a;
  }

  /** Channel code ({@link Columns#channels()}); {@code (none)} is a value of its own. */
  public int channel(int lead) {
    return channel.get(lead);
  }

  /** Campaign code ({@link Columns#campaigns()}) or {@link Dictionary#ABSENT}. */
  public int campaign(int lead) {
    return campaign.get(lead);
  }

  /** Segment code ({@link Columns#segments()}) or {@link Dictionary#ABSENT}. */
  public int segment(int lead) {
    return segment.get(lead);
  }

  /** Owner code ({@link Columns#owners()}) or {@link Dictionary#ABSENT}. */
  public int owner(int lead) {
    return owner.get(lead);
  }

  /** Customer code ({@link Columns#customers()}), {@link Dictionary#ABSENT} without a row. */
  public int customer(int lead) {
    return customer[lead];
  }

  /** Number of leads with a row in {@code leads}. */
  public int withRow() {
    return byCreated.length;
  }

  /**
   * The index of the {@code i}-th lead (of those with a row) in creation order, ties by id;
   * {@code 0 <= i < withRow()}.
   */
  public int byCreated(int i) {
    return byCreated[i];
  }

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    Object[] t = created.arrays();
    m.put("created_at", t[0]);
    if (t.length > 1) {
      m.put("created_at_sub_ms", t[1]);
    }
    m.put("channel", channel.array());
    m.put("campaign", campaign.array());
    m.put("segment", segment.array());
    m.put("owner", owner.array());
    m.put("customer", customer);
    m.put("by_created", byCreated);
    return m;
  }

  /**
   * The earliest and latest time of the table's rows in epoch milliseconds ({@code [MAX, MIN]}
   * when it has none), kept from the layout, so a data extent needs no pass over the rows.
   */
  public long[] millisRange() {
    return new long[] {created.minMillis(), created.maxMillis()};
  }
}
