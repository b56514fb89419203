package dev.funnel.spark;

import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.PathState;
import dev.funnel.attribution.TransitionState;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortState;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.CurrencyRates;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Money;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StateType;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitEconomicsState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The funnel library on Spark: a dataset in the canonical layout (docs/spec/dataset.md) as Spark
 * tables, and the library's aggregations computed over them as mergeable partial states, so the
 * results are exactly those of the single-JVM calculators on the same rows.
 *
 * <pre>{@code
 * SparkFunnel f = SparkFunnel.read(spark, "/data/crm");             // leads.csv, stages.csv, ...
 * FunnelReport r = f.funnel(FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL)).result();
 * AttributionResult a = Attribution.attribute(JourneySet.fromCounts(f.pathCounts(null)), Model.MARKOV);
 * }</pre>
 *
 * <p>How: every row is decoded with funnel-io's rules ({@code RowDecoder}, the same parsers as
 * {@code DatasetReader}); rows are grouped by lead (or customer) with {@code groupByKey} and
 * {@code flatMapGroups}, where the library's own per-lead step runs ({@code LeadReach.of},
 * {@code JourneySet.pathOf}, {@code UnitEconomics.addCustomer}); each group's contribution is a
 * partial state in its stable byte form; partials are merged per partition and then by a
 * {@link StateAggregator}. The merged state comes back to the driver, where any model finishes
 * it.
 *
 * <p>Differences from the single-JVM reader: duplicate lead ids are found within a lead's group
 * (the same check, distributed); mixed currencies are found with a distinct over the currency
 * columns (unless {@link #withRates} converts them); journeys valued by paid revenue
 * ({@code JourneyOptions.paidRevenueWithinDays}) group the rows by customer (touches and stage
 * changes re-keyed by a join with the leads), since a journey's value needs its customer's
 * payments. Immutable; each method
 * runs Spark jobs.
 */
public final class SparkFunnel {

  private final SparkSession spark;
  private final Map<DatasetTable, Dataset<Row>> tables;
  private final Setup setup;

  private SparkFunnel(SparkSession spark, Map<DatasetTable, Dataset<Row>> tables, ZoneId zone,
      StageCatalog catalog, CurrencyRates rates) {
    this.spark = spark;
    this.tables = Collections.unmodifiableMap(new EnumMap<>(tables));
    Map<DatasetTable, List<String>> headers = new EnumMap<>(DatasetTable.class);
    tables.forEach((t, df) -> headers.put(t, LongForm.header(df)));
    this.setup = new Setup(zone, catalog, headers, rates);
  }

  /** The CSV tables of a dataset directory, timestamps without offset in UTC, default catalog. */
  public static SparkFunnel read(SparkSession spark, String dir) {
    return read(spark, dir, ZoneOffset.UTC, StageCatalog.DEFAULT);
  }

  /**
   * The CSV tables of a dataset directory ({@code leads.csv}, {@code stages.csv},
   * {@code touches.csv}, {@code payments.csv}, {@code spend.csv}; each optional), read as text
   * with a header ({@code spark.read().option("header", "true").csv(...)}, RFC 4180 quotes).
   *
   * @throws IllegalArgumentException when the directory cannot be listed
   */
  public static SparkFunnel read(SparkSession spark, String dir, ZoneId zone, StageCatalog catalog) {
    Map<DatasetTable, Dataset<Row>> tables = new EnumMap<>(DatasetTable.class);
    try {
      Path base = new Path(dir);
      FileSystem fs = base.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(base)) {
        throw new IllegalArgumentException("dataset directory " + dir + " does not exist");
      }
      for (DatasetTable t : List.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.TOUCHES,
          DatasetTable.PAYMENTS, DatasetTable.SPEND)) {
        Path file = new Path(base, t.fileName() + ".csv");
        if (fs.exists(file)) {
          tables.put(t, spark.read().option("header", "true").option("escape", "\"")
              .option("mode", "FAILFAST").csv(file.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list dataset directory " + dir, e);
    }
    return of(spark, tables, zone, catalog);
  }

  /**
   * Any DataFrames with the columns of the canonical layout (text columns; other types are cast
   * to text, so timestamps should already be ISO-8601 text).
   *
   * @throws IllegalArgumentException when a table lacks a required column
   */
  public static SparkFunnel of(SparkSession spark, Map<DatasetTable, Dataset<Row>> tables,
      ZoneId zone, StageCatalog catalog) {
    if (spark == null || tables == null || zone == null || catalog == null) {
      throw new IllegalArgumentException("spark, tables, zone and catalog are required");
    }
    SparkFunnel f = new SparkFunnel(spark, tables, zone, catalog, null);
    for (DatasetTable t : tables.keySet()) {
      dev.funnel.io.RowDecoder.of(dev.funnel.io.Rows.of(t), f.setup.header(t), zone, catalog);
    }
    return f;
  }

  /** The same tables spread over {@code n} partitions (round robin), for parallelism. */
  public SparkFunnel repartition(int n) {
    Map<DatasetTable, Dataset<Row>> m = new EnumMap<>(DatasetTable.class);
    tables.forEach((t, df) -> m.put(t, df.repartition(n)));
    return new SparkFunnel(spark, m, setup.zone(), setup.catalog(), setup.rates());
  }

  /**
   * The same tables kept in memory (spilling to disk) once computed, so the aggregations after the
   * first do not read and spread the files again; release with {@link #unpersist()}.
   */
  public SparkFunnel cache() {
    Map<DatasetTable, Dataset<Row>> m = new EnumMap<>(DatasetTable.class);
    tables.forEach((t, df) -> m.put(t, df.persist(StorageLevel.MEMORY_AND_DISK())));
    return new SparkFunnel(spark, m, setup.zone(), setup.catalog(), setup.rates());
  }

  /** Drops cached tables ({@link #cache()}); returns this. */
  public SparkFunnel unpersist() {
    tables.values().forEach(Dataset::unpersist);
    return this;
  }

  /**
   * The same tables with amounts in several currencies converted to {@code rates.target()}, as
   * {@code DatasetReader.builder().rates(rates)} reads them: an amount in a currency the rates
   * cannot convert fails the job ({@code unknown_currency}); an amount without a currency is taken
   * to be in the target. Null removes the rates (then mixing currencies is an error again).
   */
  public SparkFunnel withRates(CurrencyRates rates) {
    return new SparkFunnel(spark, tables, setup.zone(), setup.catalog(), rates);
  }

  /** The conversion rates ({@link #withRates}), or null without. */
  public CurrencyRates rates() {
    return setup.rates();
  }

  /** The tables present. */
  public Set<DatasetTable> tables() {
    return tables.keySet();
  }

  /** The dataset zone. */
  public ZoneId zone() {
    return setup.zone();
  }

  /** The stage catalog. */
  public StageCatalog catalog() {
    return setup.catalog();
  }

  private Dataset<Row> table(DatasetTable t, String what) {
    Dataset<Row> df = tables.get(t);
    if (df == null) {
      throw new IllegalStateException(what + " needs the " + t.fileName() + " table, which this dataset does not have");
    }
    return df;
  }

  private Dataset<Row> longForm(DatasetTable t, LongForm.Key key) {
    return LongForm.of(tables.get(t), t, setup, key);
  }

  /**
   * The currency of the payments and spend: the rates' target with {@link #withRates rates}, else
   * the one currency rows name ({@link Money#UNSPECIFIED} when no row names one).
   *
   * @throws IllegalArgumentException without rates, when rows name more than one currency
   */
  public String currency() {
    if (setup.rates() != null) {
      return setup.rates().target();
    }
    TreeSet<String> seen = new TreeSet<>();
    for (DatasetTable t : List.of(DatasetTable.PAYMENTS, DatasetTable.SPEND)) {
      Dataset<Row> df = tables.get(t);
      if (df == null) {
        continue;
      }
      for (String c : df.columns()) {
        if (c.strip().equalsIgnoreCase("currency")) {
          Dataset<Row> codes = df.select(functions.upper(functions.trim(functions.col("`" + c + "`"))).as("c"))
              .where("c is not null and c <> ''").distinct();
          for (Row r : codes.collectAsList()) {
            seen.add(r.getString(0).toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    if (seen.size() > 1) {
      throw new IllegalArgumentException(
          "the dataset mixes currencies " + seen + "; supply conversion rates (CurrencyRates)");
    }
    return seen.isEmpty() ? Money.UNSPECIFIED : seen.first();
  }

  private static final Encoder<Tuple2<Integer, byte[]>> TAGGED =
      Encoders.tuple(Encoders.INT(), Encoders.BINARY());

  /** Merges the tagged partials per partition, then per tag with the aggregator of its kind. */
  private static List<byte[]> merge(Dataset<Tuple2<Integer, byte[]>> partials,
      List<StateAggregator> aggregators, List<StateType<?>> kinds) {
    Dataset<Tuple2<Integer, byte[]>> folded = partials.mapPartitions(new PartialFold(kinds), TAGGED).cache();
    try {
      List<byte[]> out = new ArrayList<>(aggregators.size());
      for (int i = 0; i < aggregators.size(); i++) {
        final int tag = i;
        Dataset<byte[]> mine = folded.filter((FilterFunction<Tuple2<Integer, byte[]>>) t -> t._1() == tag)
            .map((MapFunction<Tuple2<Integer, byte[]>, byte[]>) Tuple2::_2, Encoders.BINARY());
        out.add(mine.select(aggregators.get(i).toColumn()).first());
      }
      return out;
    } finally {
      folded.unpersist();
    }
  }

  private Dataset<Tuple2<Integer, byte[]>> leadGroups(List<FunnelQuery> queries,
      JourneyOptions journeys, int order, boolean keepRepeats, String what) {
    Dataset<Row> rows = null;
    List<DatasetTable> needed = new ArrayList<>();
    if (!queries.isEmpty()) {
      table(DatasetTable.LEADS, what);
      table(DatasetTable.STAGES, what);
      needed.add(DatasetTable.LEADS);
      needed.add(DatasetTable.STAGES);
    }
    if (journeys != null) {
      table(DatasetTable.TOUCHES, "attribution");
      for (DatasetTable t : List.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.TOUCHES)) {
        if (tables.containsKey(t) && !needed.contains(t)) {
          needed.add(t);
        }
      }
    }
    for (DatasetTable t : needed) {
      Dataset<Row> lf = longForm(t, LongForm.Key.LEAD);
      rows = rows == null ? lf : rows.union(lf);
    }
    List<byte[]> zeros = new ArrayList<>();
    for (FunnelQuery q : queries) {
      zeros.add(FunnelState.empty(setup.catalog(), setup.zone(), q).toBytes());
    }
    LeadStep step = new LeadStep(setup, zeros, journeys,
        TransitionState.empty(order, keepRepeats).toBytes());
    return rows.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(step, TAGGED);
  }

  /**
   * Journeys valued by paid revenue: the touches and stage changes re-keyed by their lead's
   * customer (a join with the leads' lead-to-customer map; a lead missing from the leads table is
   * its own customer), grouped with the customers' leads and payments by customer id, where
   * {@link CustomerJourneyStep} cuts each lead's journey with its customer's payments.
   */
  private Dataset<Tuple2<Integer, byte[]>> customerJourneys(JourneyOptions journeys, int pathsTag,
      int order, boolean keepRepeats) {
    Dataset<Row> events = longForm(DatasetTable.TOUCHES, LongForm.Key.LEAD);
    if (tables.containsKey(DatasetTable.STAGES)) {
      events = events.union(longForm(DatasetTable.STAGES, LongForm.Key.LEAD));
    }
    Dataset<Row> rows = events;
    if (tables.containsKey(DatasetTable.LEADS)) {
      Dataset<Row> leads = longForm(DatasetTable.LEADS, LongForm.Key.CUSTOMER);
      Dataset<Row> customers = leads.map(new CustomerJourneyStep.LeadCustomer(setup),
          CustomerJourneyStep.LEAD_CUSTOMER);
      List<Row> twice = customers.groupBy("lead_id").count().where("count > 1").limit(1).collectAsList();
      if (!twice.isEmpty()) {
        throw new IllegalArgumentException("leads: duplicate lead_id '" + twice.get(0).getString(0) + "'");
      }
      Dataset<Row> joined = events.join(customers,
              events.col("key").equalTo(customers.col("lead_id")), "left")
          .select(functions.coalesce(customers.col("customer_id"), events.col("key")).as("key"),
              events.col("table"), events.col("cells"));
      rows = leads.union(joined);
    }
    rows = rows.union(longForm(DatasetTable.PAYMENTS, LongForm.Key.CUSTOMER));
    return rows.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(new CustomerJourneyStep(setup, pathsTag, journeys,
            TransitionState.empty(order, keepRepeats).toBytes()), TAGGED);
  }

  /** Path counts and Markov transition counts of the journeys, from one grouping by lead. */
  public record Journeys(PathState paths, TransitionState transitions) {}

  /**
   * The merged states of one grouping by lead: a funnel state per query (none when the list is
   * empty) and, when {@code journeys} is not null, the journeys' path and transition counts.
   */
  public record LeadStates(List<FunnelState> funnels, Journeys journeys) {}

  /**
   * Funnels and journeys from one pass over the rows grouped by lead: see {@link #funnels} and
   * {@link #journeys}; cheaper than calling both.
   *
   * @param queries     funnel queries (may be empty)
   * @param journeys    journey options, or null for no attribution statistics
   * @param order       Markov order of the transition counts
   * @param keepRepeats whether consecutive repeats of a channel are Markov steps
   * @throws IllegalArgumentException for an invalid order, or neither queries nor journeys
   * @throws IllegalStateException without the tables an aggregation needs (with paid-revenue
   *     journey values: touches and payments)
   */
  public LeadStates byLead(List<FunnelQuery> queries, JourneyOptions journeys, int order,
      boolean keepRepeats) {
    List<FunnelQuery> qs = queries == null ? List.of() : List.copyOf(queries);
    if (qs.isEmpty() && journeys == null) {
      throw new IllegalArgumentException("ask for at least one funnel query or journeys");
    }
    boolean paid = journeys != null && journeys.paidRevenueWithinDays() != null;
    if (paid) {
      table(DatasetTable.TOUCHES, "attribution");
      table(DatasetTable.PAYMENTS, "attribution with paid revenue as value");
    }
    TransitionState.empty(order, keepRepeats);
    List<StateAggregator> aggs = new ArrayList<>();
    List<StateType<?>> kinds = new ArrayList<>();
    for (FunnelQuery q : qs) {
      aggs.add(StateAggregator.funnel(setup.catalog(), setup.zone(), q));
      kinds.add(FunnelState.TYPE);
    }
    if (journeys != null) {
      aggs.add(StateAggregator.paths());
      kinds.add(PathState.TYPE);
      aggs.add(StateAggregator.transitions(order, keepRepeats));
      kinds.add(TransitionState.TYPE);
    }
    Dataset<Tuple2<Integer, byte[]>> parts;
    if (!paid) {
      parts = leadGroups(qs, journeys, order, keepRepeats,
          qs.isEmpty() ? "attribution" : "the stage funnel");
    } else {
      parts = customerJourneys(journeys, qs.size(), order, keepRepeats);
      if (!qs.isEmpty()) {
        parts = leadGroups(qs, null, order, keepRepeats, "the stage funnel").union(parts);
      }
    }
    List<byte[]> merged = merge(parts, aggs, kinds);
    List<FunnelState> funnels = new ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      funnels.add(FunnelState.fromBytes(merged.get(i)));
    }
    Journeys j = journeys == null ? null : new Journeys(
        PathState.fromBytes(merged.get(qs.size())), TransitionState.fromBytes(merged.get(qs.size() + 1)));
    return new LeadStates(List.copyOf(funnels), j);
  }

  /**
   * The merged funnel state of every lead for each query, in query order: equal to
   * {@code StageFunnel.tally(dataset, query)} of the same rows.
   *
   * @throws IllegalArgumentException without a query
   * @throws IllegalStateException without the leads or stages table
   */
  public List<FunnelState> funnels(List<FunnelQuery> queries) {
    if (queries == null || queries.isEmpty()) {
      throw new IllegalArgumentException("at least one funnel query is required");
    }
    return byLead(queries, null, 1, false).funnels();
  }

  /** The merged funnel state of one query ({@link #funnels}). */
  public FunnelState funnel(FunnelQuery query) {
    return funnels(List.of(query)).get(0);
  }

  /**
   * The path counts and order-k transition counts of every lead's journey: equal to
   * {@code JourneySet.fromDataset(dataset, options).pathCounts()} and to the transition counts of
   * its paths. Finish on the driver with {@code JourneySet.fromCounts(paths)} and any path model,
   * or {@code transitions.removalEffects()}.
   *
   * @param options journey options; null for the defaults. With
   *     {@code paidRevenueWithinDays}, the rows are grouped by customer instead (each lead's
   *     journey is cut with its customer's payments, {@code JourneySet.pathOf})
   * @throws IllegalArgumentException for an invalid order
   * @throws IllegalStateException without the touches table (or payments, for paid revenue)
   */
  public Journeys journeys(JourneyOptions options, int order, boolean keepRepeats) {
    return byLead(List.of(), options == null ? JourneyOptions.DEFAULTS : options, order, keepRepeats)
        .journeys();
  }

  /** The journeys' path counts with the default options ({@link #journeys}). */
  public PathState pathCounts(JourneyOptions options) {
    return journeys(options, 1, false).paths();
  }

  /**
   * The merged cohort state of the payments and, on an anchor basis, the customers' anchor events:
   * equal to the state {@code Cohorts.table(dataset, granularity, basis)} builds. Lead basis: each
   * lead's creation (a per-row fold). Touch and SQL basis: the leads, touches or stage changes
   * grouped by lead id, where {@code Cohorts.anchorLead} (the single-JVM step) finds each lead's
   * customer and anchors it at the lead's first touch or SQL-or-later stage change.
   *
   * @throws IllegalArgumentException for a null argument, or on the SQL basis a catalog without
   *     an SQL stage
   * @throws IllegalStateException without the payments table or the table the basis needs
   *     (leads, touches, stages)
   */
  public CohortState cohorts(Granularity granularity, CohortBasis basis) {
    if (granularity == null || basis == null) {
      throw new IllegalArgumentException("granularity and cohort basis are required");
    }
    table(DatasetTable.PAYMENTS, "cohort tables");
    byte[] zero = Cohorts.empty(granularity, setup.zone(), basis).toBytes();
    Dataset<Tuple2<Integer, byte[]>> parts = longForm(DatasetTable.PAYMENTS, LongForm.Key.NONE)
        .mapPartitions(new RowFold(setup, RowFold.Action.COHORT_PAYMENT, zero, null, null), TAGGED);
    switch (basis) {
      case PAYMENT:
        break;
      case LEAD:
        table(DatasetTable.LEADS, "cohorts by lead creation");
        parts = parts.union(longForm(DatasetTable.LEADS, LongForm.Key.NONE)
            .mapPartitions(new RowFold(setup, RowFold.Action.COHORT_LEAD_ANCHOR, zero, null, null), TAGGED));
        break;
      case TOUCH:
      case SQL: {
        DatasetTable events = basis == CohortBasis.TOUCH ? DatasetTable.TOUCHES : DatasetTable.STAGES;
        table(events, basis == CohortBasis.TOUCH ? "cohorts by first touch" : "cohorts by SQL date");
        if (basis == CohortBasis.SQL) {
          Cohorts.sqlStage(setup.catalog());
        }
        Dataset<Row> rows = longForm(events, LongForm.Key.LEAD);
        if (tables.containsKey(DatasetTable.LEADS)) {
          rows = longForm(DatasetTable.LEADS, LongForm.Key.LEAD).union(rows);
        }
        parts = parts.union(rows
            .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
            .flatMapGroups(new AnchorStep(setup, zero), TAGGED));
        break;
      }
      default:
        throw new AssertionError(basis);
    }
    byte[] merged = merge(parts, List.of(StateAggregator.cohorts(granularity, setup.zone(), basis)),
        List.of(CohortState.TYPE)).get(0);
    return CohortState.fromBytes(merged);
  }

  /**
   * The merged unit-economics state of the window {@code [from, to)} (null bounds open): equal to
   * {@code UnitEconomics.tally(dataset, from, to, nonMarketing)}; finish with
   * {@code result(currency(), margin, label)}.
   *
   * @throws IllegalStateException without the leads table
   */
  public UnitEconomicsState unitEconomics(LocalDate from, LocalDate to, Set<String> nonMarketing) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
    Set<String> nm = nonMarketing == null ? UnitEconomics.NON_MARKETING : nonMarketing;
    table(DatasetTable.LEADS, "unit economics");
    byte[] zero = UnitEconomicsState.empty().toBytes();
    Dataset<Tuple2<Integer, byte[]>> parts = longForm(DatasetTable.LEADS, LongForm.Key.NONE)
        .mapPartitions(new RowFold(setup, RowFold.Action.UNIT_LEAD, zero, from, to), TAGGED);
    if (tables.containsKey(DatasetTable.SPEND)) {
      parts = parts.union(longForm(DatasetTable.SPEND, LongForm.Key.NONE)
          .mapPartitions(new RowFold(setup, RowFold.Action.UNIT_SPEND, zero, from, to), TAGGED));
    }
    if (tables.containsKey(DatasetTable.PAYMENTS)) {
      // leads and payments by customer: the first lead gives the channel of the customer's money
      Dataset<Row> rows = longForm(DatasetTable.LEADS, LongForm.Key.CUSTOMER)
          .union(longForm(DatasetTable.PAYMENTS, LongForm.Key.CUSTOMER));
      parts = parts.union(rows
          .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
          .flatMapGroups(new CustomerStep(setup, from, to, nm), TAGGED));
    }
    byte[] merged = merge(parts, List.of(StateAggregator.unitEconomics()), List.of(UnitEconomicsState.TYPE)).get(0);
    return UnitEconomicsState.fromBytes(merged);
  }

  @Override
  public String toString() {
    return "SparkFunnel[" + tables.keySet() + ", zone " + setup.zone() + "]";
  }
}
