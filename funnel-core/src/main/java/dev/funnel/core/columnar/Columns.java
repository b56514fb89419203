package dev.funnel.core.columnar;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The columnar form of a {@link Dataset}: primitive arrays, dictionary-encoded text and
 * per-lead/per-customer row ranges, built once with {@link #of(Dataset)} for calculators that scan
 * millions of rows.
 *
 * <p>Layout and conventions:
 * <ul>
 *   <li>Text (channels, campaigns, segments, owners, reasons, products, customers, activity types
 *       and outcomes, lead ids) is coded by a {@link Dictionary} whose codes follow sorted string
 *       order, so the same data in any row order gives the same codes and the same arrays; an
 *       absent value is {@link Dictionary#ABSENT} (-1). Channels and campaigns share one
 *       dictionary across leads, touches and spend; owners one across leads, stages and
 *       activities.</li>
 *   <li>A lead index is the lead id's code: leads are in id order (see {@link LeadColumns}, which
 *       also gives creation order). Stages, touches and activities are sorted by lead index then
 *       time, payments by customer code then time, spend by day, channel and campaign; each of the
 *       first four has an offsets index, so a lead's (customer's) rows are found in O(1).</li>
 *   <li>Instants are epoch milliseconds (UTC; a sub-millisecond part is dropped, rounding toward
 *       the past); spend days are epoch days; stages are catalog indexes.</li>
 *   <li>Money is exact: each money column is a {@link MoneyColumn} of scaled longs at the largest
 *       scale its amounts need, in the dataset currency.</li>
 * </ul>
 *
 * <p>{@link #footprint()} reports the bytes per row. Immutable and thread-safe; arrays are never
 * exposed.
 */
public final class Columns {

  private final ZoneId zone;
  private final StageCatalog catalog;
  private final String currency;
  private final Set<DatasetTable> tables;
  private final Dictionary leadIds;
  private final Dictionary customers;
  private final Dictionary channels;
  private final Dictionary campaigns;
  private final Dictionary segments;
  private final Dictionary owners;
  private final Dictionary reasons;
  private final Dictionary products;
  private final Dictionary activityTypes;
  private final Dictionary outcomes;
  private final LeadColumns leads;
  private final StageColumns stages;
  private final ActivityColumns activities;
  private final TouchColumns touches;
  private final PaymentColumns payments;
  private final SpendColumns spend;

  private Columns(Dataset d) {
    this.zone = d.zone();
    this.catalog = d.catalog();
    this.currency = d.currency();
    this.tables = d.tables();
    if (catalog.size() > Byte.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the columnar form stores stages as bytes; the catalog has " + catalog.size()
              + " stages, at most " + Byte.MAX_VALUE + " are supported");
    }
    List<String> ids = new ArrayList<>();
    d.leads().forEach(l -> ids.add(l.id()));
    d.stages().forEach(s -> ids.add(s.leadId()));
    d.touches().forEach(t -> ids.add(t.leadId()));
    d.activities().forEach(a -> ids.add(a.leadId()));
    d.payments().forEach(p -> ids.add(p.leadId()));
    this.leadIds = Dictionary.of("lead_ids", ids);
    List<String> cust = new ArrayList<>();
    d.leads().forEach(l -> cust.add(l.customerId()));
    d.payments().forEach(p -> cust.add(p.customerId()));
    this.customers = Dictionary.of("customers", cust);
    List<String> ch = new ArrayList<>();
    List<String> camp = new ArrayList<>();
    d.leads().forEach(l -> { ch.add(l.channel()); camp.add(l.campaign()); });
    d.touches().forEach(t -> { ch.add(t.channel()); camp.add(t.campaign()); });
    d.spend().forEach(s -> { ch.add(s.channel()); camp.add(s.campaign()); });
    this.channels = Dictionary.of("channels", ch);
    this.campaigns = Dictionary.of("campaigns", camp);
    this.segments = Dictionary.of("segments", map(d.leads(), Lead::segment));
    List<String> own = new ArrayList<>(map(d.leads(), Lead::owner));
    own.addAll(map(d.stages(), StageChange::owner));
    own.addAll(map(d.activities(), Activity::owner));
    this.owners = Dictionary.of("owners", own);
    this.reasons = Dictionary.of("reasons", map(d.stages(), StageChange::reason));
    this.products = Dictionary.of("products", map(d.payments(), Payment::product));
    this.activityTypes = Dictionary.of("activity_types", map(d.activities(), Activity::type));
    this.outcomes = Dictionary.of("outcomes", map(d.activities(), Activity::outcome));

    Coders k = new Coders();
    this.leads = leads(d.leads(), k);
    this.stages = stages(d.stages(), k);
    this.activities = activities(d.activities(), k);
    this.touches = touches(d.touches(), k);
    this.payments = payments(d.payments(), k);
    this.spend = spend(d.spend(), k);
  }

  /** Hash lookups of every dictionary, used while building only (O(1) instead of a search). */
  private final class Coders {
    final Coder leadIds = new Coder(Columns.this.leadIds);
    final Coder customers = new Coder(Columns.this.customers);
    final Coder channels = new Coder(Columns.this.channels);
    final Coder campaigns = new Coder(Columns.this.campaigns);
    final Coder segments = new Coder(Columns.this.segments);
    final Coder owners = new Coder(Columns.this.owners);
    final Coder reasons = new Coder(Columns.this.reasons);
    final Coder products = new Coder(Columns.this.products);
    final Coder activityTypes = new Coder(Columns.this.activityTypes);
    final Coder outcomes = new Coder(Columns.this.outcomes);
  }

  /**
   * Builds the columnar form of a dataset.
   *
   * @throws IllegalArgumentException when an amount does not fit a scaled long (the message names
   *     the column and value), a time is outside the epoch-millisecond range or the catalog has
   *     more than 127 stages
   */
  public static Columns of(Dataset dataset) {
    java.util.Objects.requireNonNull(dataset, "dataset");
    return new Columns(dataset);
  }

  private static <T> List<String> map(List<T> rows, Function<T, String> f) {
    List<String> out = new ArrayList<>(rows.size());
    for (T r : rows) {
      out.add(f.apply(r));
    }
    return out;
  }

  private static long millisExact(Instant at, String what) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1000L), at.getNano() / 1_000_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what + " " + at + " is outside the range of epoch milliseconds in a long", e);
    }
  }

  private static int[] offsets(int[] key, int keys) {
    int[] off = new int[keys + 1];
    for (int k : key) {
      off[k + 1]++;
    }
    for (int i = 0; i < keys; i++) {
      off[i + 1] += off[i];
    }
    return off;
  }

  private static <T> List<T> sortedBy(
      List<T> rows, Function<T, String> key, Function<T, Instant> at, String what) {
    List<T> copy = new ArrayList<>(rows);
    // Stable and linear on the dataset's canonical order, which already sorts by key then time;
    // kept so the layout does not depend on that order beyond its tie-breaks.
    copy.sort(Comparator.comparing(key).thenComparingLong(r -> millisExact(at.apply(r), what)));
    return copy;
  }

  private LeadColumns leads(List<Lead> rows, Coders k) {
    int n = leadIds.size();
    long[] created = new long[n];
    Arrays.fill(created, LeadColumns.NO_TIME);
    int[] channel = new int[n];
    int[] campaign = new int[n];
    int[] segment = new int[n];
    int[] owner = new int[n];
    int[] customer = new int[n];
    Arrays.fill(channel, Dictionary.ABSENT);
    Arrays.fill(campaign, Dictionary.ABSENT);
    Arrays.fill(segment, Dictionary.ABSENT);
    Arrays.fill(owner, Dictionary.ABSENT);
    Arrays.fill(customer, Dictionary.ABSENT);
    Integer[] order = new Integer[rows.size()];
    int next = 0;
    for (Lead l : rows) {
      int i = k.leadIds.code(l.id());
      created[i] = millisExact(l.createdAt(), "lead created_at");
      channel[i] = k.channels.code(l.channel());
      campaign[i] = k.campaigns.code(l.campaign());
      segment[i] = k.segments.code(l.segment());
      owner[i] = k.owners.code(l.owner());
      customer[i] = k.customers.code(l.customerId());
      order[next++] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> created[i]).thenComparingInt(i -> i));
    int[] byCreated = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      byCreated[i] = order[i];
    }
    return new LeadColumns(
        leadIds, created, Codes.of(channel, channels.size()), Codes.of(campaign, campaigns.size()),
        Codes.of(segment, segments.size()), Codes.of(owner, owners.size()), customer, byCreated);
  }

  private StageColumns stages(List<StageChange> in, Coders k) {
    List<StageChange> rows = sortedBy(in, StageChange::leadId, StageChange::at, "stage change at");
    int n = rows.size();
    int[] lead = new int[n];
    byte[] stage = new byte[n];
    long[] at = new long[n];
    int[] reason = new int[n];
    int[] owner = new int[n];
    List<BigDecimal> amount = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StageChange s = rows.get(i);
      lead[i] = k.leadIds.code(s.leadId());
      stage[i] = (byte) s.stage().index();
      at[i] = millisExact(s.at(), "stage change at");
      reason[i] = k.reasons.code(s.reason());
      owner[i] = k.owners.code(s.owner());
      amount.add(s.amount());
    }
    return new StageColumns(
        lead, stage, at, MoneyColumn.of("stages amount", amount), Codes.of(reason, reasons.size()),
        Codes.of(owner, owners.size()), offsets(lead, leadIds.size()));
  }

  private ActivityColumns activities(List<Activity> in, Coders k) {
    List<Activity> rows = sortedBy(in, Activity::leadId, Activity::at, "activity at");
    int n = rows.size();
    int[] lead = new int[n];
    long[] at = new long[n];
    int[] type = new int[n];
    int[] owner = new int[n];
    int[] outcome = new int[n];
    for (int i = 0; i < n; i++) {
      Activity a = rows.get(i);
      lead[i] = k.leadIds.code(a.leadId());
      at[i] = millisExact(a.at(), "activity at");
      type[i] = k.activityTypes.code(a.type());
      owner[i] = k.owners.code(a.owner());
      outcome[i] = k.outcomes.code(a.outcome());
    }
    return new ActivityColumns(
        lead, at, Codes.of(type, activityTypes.size()), Codes.of(owner, owners.size()),
        Codes.of(outcome, outcomes.size()), offsets(lead, leadIds.size()));
  }

  private TouchColumns touches(List<Touch> in, Coders k) {
    List<Touch> rows = sortedBy(in, Touch::leadId, Touch::at, "touch at");
    int n = rows.size();
    int[] lead = new int[n];
    long[] at = new long[n];
    int[] channel = new int[n];
    int[] campaign = new int[n];
    byte[] kind = new byte[n];
    List<BigDecimal> cost = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Touch t = rows.get(i);
      lead[i] = k.leadIds.code(t.leadId());
      at[i] = millisExact(t.at(), "touch at");
      channel[i] = k.channels.code(t.channel());
      campaign[i] = k.campaigns.code(t.campaign());
      kind[i] = (byte) t.kind().ordinal();
      cost.add(t.cost());
    }
    return new TouchColumns(
        lead, at, Codes.of(channel, channels.size()), Codes.of(campaign, campaigns.size()), kind,
        MoneyColumn.of("touches cost", cost), offsets(lead, leadIds.size()));
  }

  private PaymentColumns payments(List<Payment> in, Coders k) {
    List<Payment> rows = sortedBy(in, Payment::customerId, Payment::paidAt, "payment paid_at");
    int n = rows.size();
    int[] customer = new int[n];
    int[] lead = new int[n];
    long[] at = new long[n];
    int[] product = new int[n];
    List<BigDecimal> amount = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Payment p = rows.get(i);
      customer[i] = k.customers.code(p.customerId());
      lead[i] = k.leadIds.code(p.leadId());
      at[i] = millisExact(p.paidAt(), "payment paid_at");
      product[i] = k.products.code(p.product());
      amount.add(p.amount().amount());
    }
    return new PaymentColumns(
        customer, lead, at, MoneyColumn.of("payments amount", amount),
        Codes.of(product, products.size()), offsets(customer, customers.size()));
  }

  private SpendColumns spend(List<Spend> rows, Coders k) {
    // The dataset's canonical spend order (day, channel, campaign with nulls first, amount) is
    // code order, since codes follow string order.
    int n = rows.size();
    int[] day = new int[n];
    int[] channel = new int[n];
    int[] campaign = new int[n];
    List<BigDecimal> amount = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Spend s = rows.get(i);
      long epochDay = s.date().toEpochDay();
      if (epochDay != (int) epochDay) {
        throw new IllegalArgumentException("spend date " + s.date() + " is outside the int epoch-day range");
      }
      day[i] = (int) epochDay;
      channel[i] = k.channels.code(s.channel());
      campaign[i] = k.campaigns.code(s.campaign());
      amount.add(s.amount().amount());
    }
    return new SpendColumns(
        day, Codes.of(channel, channels.size()), Codes.of(campaign, campaigns.size()),
        MoneyColumn.of("spend amount", amount));
  }

  /** The dataset time zone (local days and calendar periods are in it). */
  public ZoneId zone() {
    return zone;
  }

  /** The stage catalog: stage codes are its indexes. */
  public StageCatalog catalog() {
    return catalog;
  }

  /** The one currency of every money column. */
  public String currency() {
    return currency;
  }

  /** Whether the dataset had this table (an absent table has empty columns here). */
  public boolean has(DatasetTable table) {
    return tables.contains(table);
  }

  /** Leads, one row per lead index. */
  public LeadColumns leads() {
    return leads;
  }

  /** Stage changes by lead then time. */
  public StageColumns stages() {
    return stages;
  }

  /** Activities by lead then time. */
  public ActivityColumns activities() {
    return activities;
  }

  /** Touches by lead then time. */
  public TouchColumns touches() {
    return touches;
  }

  /** Payments by customer then time. */
  public PaymentColumns payments() {
    return payments;
  }

  /** Spend by day, channel, campaign. */
  public SpendColumns spend() {
    return spend;
  }

  /** Lead ids: a lead's index is its code. */
  public Dictionary leadIds() {
    return leadIds;
  }

  /** Customer ids (of leads and payments). */
  public Dictionary customers() {
    return customers;
  }

  /** Channels of leads, touches and spend. */
  public Dictionary channels() {
    return channels;
  }

  /** Campaigns of leads, touches and spend. */
  public Dictionary campaigns() {
    return campaigns;
  }

  /** Lead segments. */
  public Dictionary segments() {
    return segments;
  }

  /** Owners of leads, stage changes and activities. */
  public Dictionary owners() {
    return owners;
  }

  /** Stage-change reasons. */
  public Dictionary reasons() {
    return reasons;
  }

  /** Payment products. */
  public Dictionary products() {
    return products;
  }

  /** Activity types. */
  public Dictionary activityTypes() {
    return activityTypes;
  }

  /** Activity outcomes. */
  public Dictionary outcomes() {
    return outcomes;
  }

  /** Every dictionary, in a fixed order. */
  List<Dictionary> dictionaries() {
    return List.of(
        leadIds, customers, channels, campaigns, segments, owners, reasons, products, activityTypes,
        outcomes);
  }

  /** Every table's arrays by table file name, in a fixed order. */
  Map<String, Map<String, Object>> arrays() {
    Map<String, Map<String, Object>> m = new java.util.LinkedHashMap<>();
    m.put(DatasetTable.LEADS.fileName(), leads.arrays());
    m.put(DatasetTable.STAGES.fileName(), stages.arrays());
    m.put(DatasetTable.ACTIVITIES.fileName(), activities.arrays());
    m.put(DatasetTable.TOUCHES.fileName(), touches.arrays());
    m.put(DatasetTable.PAYMENTS.fileName(), payments.arrays());
    m.put(DatasetTable.SPEND.fileName(), spend.arrays());
    return m;
  }

  /** Arrays that index a table by lead or customer rather than hold one value per row. */
  private static final Set<String> INDEXES = Set.of("offsets", "by_created");

  /**
   * The heap bytes of this form: per table its rows, the bytes of its row columns and of its index
   * (offsets per lead or customer), dictionaries apart.
   */
  public Footprint footprint() {
    int[] rows = {
      leads.size(), stages.size(), activities.size(), touches.size(), payments.size(), spend.size()
    };
    List<Footprint.TableBytes> t = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Map<String, Object>> e : arrays().entrySet()) {
      long b = 0;
      long index = 0;
      for (Map.Entry<String, Object> column : e.getValue().entrySet()) {
        if (INDEXES.contains(column.getKey())) {
          index += ColumnBytes.of(column.getValue());
        } else {
          b += ColumnBytes.of(column.getValue());
        }
      }
      t.add(new Footprint.TableBytes(e.getKey(), rows[i++], b, index));
    }
    List<Footprint.DictionaryBytes> dict = new ArrayList<>();
    for (Dictionary d : dictionaries()) {
      dict.add(new Footprint.DictionaryBytes(d.name(), d.size(), d.bytes()));
    }
    return new Footprint(t, dict);
  }

  @Override
  public String toString() {
    return String.format(
        "Columns[%d leads, %d stage changes, %d activities, %d touches, %d payments, %d spend rows]",
        leads.size(), stages.size(), activities.size(), touches.size(), payments.size(), spend.size());
  }
}
