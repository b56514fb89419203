package dev.funnel.core.columnar;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.internal.DatasetAccess;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columnar form that a {@link Dataset} is: primitive arrays, dictionary-encoded text and
 * per-lead/per-customer row ranges, laid out once when the dataset is built ({@link
 * ColumnsBuilder}) and read by every calculator; {@link #of(Dataset)} returns it.
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
 *   <li>Instants are epoch milliseconds (UTC, rounded toward the past), with the sub-millisecond
 *       part kept apart when some row has one; spend days are epoch days; stages are catalog indexes.</li>
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

  Columns(ZoneId zone, StageCatalog catalog, String currency, Set<DatasetTable> tables,
      Dictionary leadIds, Dictionary customers, Dictionary channels, Dictionary campaigns,
      Dictionary segments, Dictionary owners, Dictionary reasons, Dictionary products,
      Dictionary activityTypes, Dictionary outcomes, LeadColumns leads, StageColumns stages,
      ActivityColumns activities, TouchColumns touches, PaymentColumns payments,
      SpendColumns spend) {
    this.zone = zone;
    this.catalog = catalog;
    this.currency = currency;
    this.tables = Collections.unmodifiableSet(tables.isEmpty()
        ? EnumSet.noneOf(DatasetTable.class) : EnumSet.copyOf(tables));
    this.leadIds = leadIds;
    this.customers = customers;
    this.channels = channels;
    this.campaigns = campaigns;
    this.segments = segments;
    this.owners = owners;
    this.reasons = reasons;
    this.products = products;
    this.activityTypes = activityTypes;
    this.outcomes = outcomes;
    this.leads = leads;
    this.stages = stages;
    this.activities = activities;
    this.touches = touches;
    this.payments = payments;
    this.spend = spend;
  }

  /**
   * The columnar form of a dataset: the dataset's own representation, returned as is (no copy),
   * the same instance on every call. The one way to it from a {@code Dataset} (which has no public
   * getter: this type is internal), through {@link dev.funnel.core.internal.DatasetAccess}.
   */
  public static Columns of(Dataset dataset) {
    return DatasetAccess.columns(java.util.Objects.requireNonNull(dataset, "dataset"));
  }

  /** The tables this form was given (a table given empty is present). */
  public Set<DatasetTable> tables() {
    return tables;
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
