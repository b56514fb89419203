package dev.funnel.core;

import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.ColumnsBuilder;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.SpendColumns;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.columnar.TouchColumns;
import dev.funnel.core.columnar.ActivityColumns;
import dev.funnel.core.internal.DatasetAccess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The tables of one funnel dataset together, held in one columnar form.
 *
 * <p>Built once with {@link #builder()} (or by a reader, which appends rows straight into the
 * columns); immutable and safe to share across threads afterwards. The rows live in one
 * columnar form, internal to the library (docs/columnar.md): dictionary-coded text,
 * epoch-millisecond times and exact money as scaled longs, each table in a canonical order (by
 * key, then time, then every other field), so the same rows in any input order give the same
 * dataset and the same results. The record lists
 * ({@link #leads()}, {@link #stages()}, ...) are views over the columns: each element is made when
 * it is read, equal to the row that was given. Money is in one currency ({@link #currency()}):
 * payment and spend amounts, stage change amounts and touch costs alike. An amount without a
 * currency ({@link Money#UNSPECIFIED}; a file's stage and touch amounts never have one) is in the
 * dataset's currency and is read back in it; two different currencies are an error unless
 * {@link Builder#rates(CurrencyRates)} converts them.
 *
 * <p>Every table is optional; {@link #require(DatasetTable, String)} fails with a message naming a
 * table that a calculation needs and the dataset does not have.
 */
public final class Dataset {

  // The funnel modules reach the columns through dev.funnel.core.internal.DatasetAccess
  // (Columns.of, ColumnsBuilder.of); a public getter would put an internal type in the API.
  static {
    DatasetAccess.register(new DatasetAccess.Hook() {
      @Override
      public Columns columns(Dataset dataset) {
        return dataset.columns;
      }

      @Override
      public ColumnsBuilder columns(Builder builder) {
        return builder.columns;
      }
    });
  }

  private final Columns columns;
  private final ZoneId zone;
  private final StageCatalog catalog;
  private final String currency;
  private final Set<DatasetTable> tables;
  private final List<PlanTarget> plan;
  private final List<JourneyPath> paths;
  private final List<Lead> leads;
  private final List<StageChange> stages;
  private final List<Activity> activities;
  private final List<Touch> touches;
  private final List<Payment> payments;
  private final List<Spend> spend;

  private Dataset(Builder b) {
    this.zone = b.zone;
    this.catalog = b.catalog;
    this.columns = b.columns.build(b.zone, b.catalog, b.currency, b.rates, b.tables);
    this.currency = columns.currency();
    this.tables = columns.tables();
    this.plan = sorted(b.plan, PLAN_ORDER);
    this.paths = sorted(b.paths, PATH_ORDER);
    LeadColumns lc = columns.leads();
    this.leads = view(lc.withRow(), i -> lead(lc.byCreated(i)));
    this.stages = view(columns.stages().size(), this::stageAt);
    this.activities = view(columns.activities().size(), this::activityAt);
    this.touches = view(columns.touches().size(), this::touchAt);
    this.payments = view(columns.payments().size(), this::paymentAt);
    this.spend = view(columns.spend().size(), this::spendAt);
  }

  private static <T> List<T> sorted(List<T> in, Comparator<? super T> order) {
    List<T> copy = new ArrayList<>(in);
    copy.sort(order);
    return Collections.unmodifiableList(copy);
  }

  /** An immutable list whose element {@code i} is made from row {@code from + i} when read. */
  private static <T> List<T> view(int size, IntFunction<T> row) {
    return new RowView<>(0, size, row);
  }

  private static final class RowView<T> extends AbstractList<T> implements RandomAccess {
    private final int from;
    private final int size;
    private final IntFunction<T> row;

    RowView(int from, int to, IntFunction<T> row) {
      this.from = from;
      this.size = to - from;
      this.row = row;
    }

    @Override
    public T get(int i) {
      Objects.checkIndex(i, size);
      return row.apply(from + i);
    }

    @Override
    public int size() {
      return size;
    }
  }

  private Lead lead(int index) {
    LeadColumns lc = columns.leads();
    return new Lead(lc.id(index), lc.created(index), columns.channels().value(lc.channel(index)),
        columns.campaigns().value(lc.campaign(index)), columns.segments().value(lc.segment(index)),
        columns.owners().value(lc.owner(index)), columns.customers().value(lc.customer(index)),
        lc.attributes(index));
  }

  private StageChange stageAt(int r) {
    StageColumns s = columns.stages();
    return new StageChange(columns.leadIds().value(s.lead(r)), catalog.get(s.stage(r)),
        s.instant(r), columns.reasons().value(s.reason(r)), money(s.amount().value(r)),
        columns.owners().value(s.owner(r)));
  }

  private Activity activityAt(int r) {
    ActivityColumns a = columns.activities();
    return new Activity(columns.leadIds().value(a.lead(r)), a.instant(r),
        columns.activityTypes().value(a.type(r)), columns.owners().value(a.owner(r)),
        columns.outcomes().value(a.outcome(r)));
  }

  private Touch touchAt(int r) {
    TouchColumns t = columns.touches();
    return new Touch(columns.leadIds().value(t.lead(r)), t.instant(r),
        columns.channels().value(t.channel(r)), columns.campaigns().value(t.campaign(r)),
        t.kind(r), money(t.cost().value(r)));
  }

  /** An optional amount of a money column in the dataset currency (null when absent). */
  private Money money(BigDecimal amount) {
    return amount == null ? null : new Money(amount, currency);
  }

  private Payment paymentAt(int r) {
    PaymentColumns p = columns.payments();
    return new Payment(p.paymentId(r), columns.customers().value(p.customer(r)),
        columns.leadIds().value(p.lead(r)), p.instant(r), new Money(p.amount().value(r), currency),
        columns.products().value(p.product(r)));
  }

  private Spend spendAt(int r) {
    SpendColumns s = columns.spend();
    return new Spend(LocalDate.ofEpochDay(s.day(r)), columns.channels().value(s.channel(r)),
        columns.campaigns().value(s.campaign(r)), new Money(s.amount().value(r), currency));
  }

  private static final Comparator<String> NULLS = Comparator.nullsFirst(Comparator.naturalOrder());
  /** Numbers by value, then by scale, so 1.5 and 1.50 have a fixed order (the order is total). */
  private static final Comparator<BigDecimal> NUMS =
      Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder().thenComparingInt(BigDecimal::scale));

  private static BigDecimal amountOf(Money m) {
    return m == null ? null : m.amount();
  }

  static final Comparator<Lead> LEAD_ORDER =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);
  static final Comparator<StageChange> STAGE_ORDER =
      Comparator.comparing(StageChange::leadId)
          .thenComparing(StageChange::at)
          .thenComparingInt(s -> s.stage().index())
          .thenComparing(StageChange::reason, NULLS)
          .thenComparing(s -> amountOf(s.amount()), NUMS)
          .thenComparing(StageChange::owner, NULLS);
  static final Comparator<Activity> ACTIVITY_ORDER =
      Comparator.comparing(Activity::leadId)
          .thenComparing(Activity::at)
          .thenComparing(Activity::type)
          .thenComparing(Activity::owner, NULLS)
          .thenComparing(Activity::outcome, NULLS);
  static final Comparator<Touch> TOUCH_ORDER =
      Comparator.comparing(Touch::leadId)
          .thenComparing(Touch::at)
          .thenComparing(Touch::channel)
          .thenComparing(Touch::campaign, NULLS)
          .thenComparing(Touch::kind)
          .thenComparing(t -> amountOf(t.cost()), NUMS);
  static final Comparator<Payment> PAYMENT_ORDER =
      Comparator.comparing(Payment::customerId)
          .thenComparing(Payment::paidAt)
          .thenComparing(p -> p.amount().amount(), NUMS)
          .thenComparing(Payment::paymentId, NULLS)
          .thenComparing(Payment::leadId, NULLS)
          .thenComparing(Payment::product, NULLS);
  static final Comparator<Spend> SPEND_ORDER =
      Comparator.comparing(Spend::date)
          .thenComparing(Spend::channel)
          .thenComparing(Spend::campaign, NULLS)
          .thenComparing(s -> s.amount().amount(), NUMS);
  static final Comparator<PlanTarget> PLAN_ORDER =
      Comparator.comparing(PlanTarget::period)
          .thenComparing(PlanTarget::metric)
          .thenComparing(PlanTarget::channel, NULLS)
          .thenComparing(PlanTarget::target, NUMS);
  static final Comparator<JourneyPath> PATH_ORDER =
      Comparator.comparing(JourneyPath::pathText)
          .thenComparingLong(JourneyPath::conversions)
          .thenComparingLong(JourneyPath::nulls)
          .thenComparing(JourneyPath::value, NUMS)
          .thenComparing(p -> String.join("\u0000", p.channels()));

  /**
   * The canonical order of {@link #leads()}: creation time, then id. For routes that hold a
   * lead's or customer's rows outside a dataset (a Spark group) and must see them in the same order.
   */
  public static Comparator<Lead> leadOrder() {
    return LEAD_ORDER;
  }

  /** The canonical order of {@link #stages()}: lead, time, stage index, then the other fields. */
  public static Comparator<StageChange> stageOrder() {
    return STAGE_ORDER;
  }

  /** The canonical order of {@link #touches()}: lead, time, channel, then the other fields. */
  public static Comparator<Touch> touchOrder() {
    return TOUCH_ORDER;
  }

  /** The canonical order of {@link #payments()}: customer, time, amount, then the other fields. */
  public static Comparator<Payment> paymentOrder() {
    return PAYMENT_ORDER;
  }

  /** A new builder: UTC, the default catalog, no tables. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dataset time zone: local timestamps and calendar periods are in it. */
  public ZoneId zone() {
    return zone;
  }

  /** The stage catalog. */
  public StageCatalog catalog() {
    return catalog;
  }

  /** The one currency of the dataset's money, {@code XXX} when no row stated one. */
  public String currency() {
    return currency;
  }

  /** The tables this dataset was given (a table given empty is present). */
  public Set<DatasetTable> tables() {
    return tables;
  }

  /** Whether the table was given. */
  public boolean has(DatasetTable t) {
    return tables.contains(t);
  }

  /**
   * Fails when a calculation needs a table the dataset does not have.
   *
   * @param what the calculation, for the message
   * @throws IllegalStateException naming the table and its file
   */
  public void require(DatasetTable t, String what) {
    if (!has(t)) {
      throw new IllegalStateException(
          what + " needs the " + t.fileName() + " table (" + t.fileName() + ".csv or "
              + t.fileName() + ".ndjson), which this dataset does not have");
    }
  }

  /** Leads ordered by creation time, then id. */
  public List<Lead> leads() {
    return leads;
  }

  /** Stage changes ordered by lead, then time, then catalog order. */
  public List<StageChange> stages() {
    return stages;
  }

  /** Activities ordered by lead, then time. */
  public List<Activity> activities() {
    return activities;
  }

  /** Touches ordered by lead, then time. */
  public List<Touch> touches() {
    return touches;
  }

  /** Payments ordered by customer, then time; amounts in the dataset currency. */
  public List<Payment> payments() {
    return payments;
  }

  /** Spend ordered by day, then channel; amounts in the dataset currency. */
  public List<Spend> spend() {
    return spend;
  }

  /** Plan targets ordered by period, then metric. */
  public List<PlanTarget> plan() {
    return plan;
  }

  /** Pre-aggregated journeys ordered by path text. */
  public List<JourneyPath> paths() {
    return paths;
  }

  /** The lead with this id, or null. */
  public Lead lead(String id) {
    int i = columns.leadIds().find(id);
    return i < 0 || !columns.leads().hasRow(i) ? null : lead(i);
  }

  /**
   * One lead's rows as a {@link LeadHistory}: its row of the leads table (null without one), its
   * stage changes, activities and touches, and the payments of its customer (the lead's
   * {@code customer_id}, or its own id); empty lists for tables the dataset does not have.
   */
  public LeadHistory history(String leadId) {
    Lead l = lead(leadId);
    String customer = l == null ? leadId : l.customerId();
    return new LeadHistory(leadId, l, has(DatasetTable.STAGES) ? stagesOf(leadId) : List.of(),
        has(DatasetTable.ACTIVITIES) ? activitiesOf(leadId) : List.of(),
        has(DatasetTable.TOUCHES) ? touchesOf(leadId) : List.of(),
        has(DatasetTable.PAYMENTS) ? paymentsOf(customer) : List.of());
  }

  /** The lead's stage changes in time order (empty when none). */
  public List<StageChange> stagesOf(String leadId) {
    int i = columns.leadIds().find(leadId);
    StageColumns s = columns.stages();
    return i < 0 ? List.of() : new RowView<>(s.from(i), s.to(i), this::stageAt);
  }

  /** The lead's touches in time order (empty when none). */
  public List<Touch> touchesOf(String leadId) {
    int i = columns.leadIds().find(leadId);
    TouchColumns t = columns.touches();
    return i < 0 ? List.of() : new RowView<>(t.from(i), t.to(i), this::touchAt);
  }

  /** The lead's activities in time order (empty when none). */
  public List<Activity> activitiesOf(String leadId) {
    int i = columns.leadIds().find(leadId);
    ActivityColumns a = columns.activities();
    return i < 0 ? List.of() : new RowView<>(a.from(i), a.to(i), this::activityAt);
  }

  /** The customer's payments in time order (empty when none). */
  public List<Payment> paymentsOf(String customerId) {
    int c = columns.customers().find(customerId);
    PaymentColumns p = columns.payments();
    return c < 0 ? List.of() : new RowView<>(p.from(c), p.to(c), this::paymentAt);
  }

  /** Customer ids that have payments, in sorted order. */
  public Set<String> payingCustomers() {
    PaymentColumns p = columns.payments();
    Dictionary cust = columns.customers();
    Set<String> out = new LinkedHashSet<>();
    for (int c = 0; c < cust.size(); c++) {
      if (p.to(c) > p.from(c)) {
        out.add(cust.value(c));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** Row count of a table. */
  public int size(DatasetTable t) {
    switch (t) {
      case LEADS: return leads.size();
      case STAGES: return stages.size();
      case ACTIVITIES: return activities.size();
      case TOUCHES: return touches.size();
      case PAYMENTS: return payments.size();
      case SPEND: return spend.size();
      case PLAN: return plan.size();
      case PATHS: return paths.size();
      default: throw new AssertionError(t);
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Dataset: ");
    b.append(leads.size()).append(" leads, zone ").append(zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()).append(", currency ").append(currency);
    b.append('\n');
    for (DatasetTable t : tables) {
      b.append(String.format("  %-10s %,12d rows%n", t.fileName(), size(t)));
    }
    return b.toString();
  }

  /**
   * Collects the tables of a dataset, appending each row straight into columns (the record is not
   * kept); not thread-safe; {@link #build()} validates and freezes.
   */
  public static final class Builder {
    private ZoneId zone = ZoneOffset.UTC;
    private StageCatalog catalog = StageCatalog.DEFAULT;
    private String currency;
    private CurrencyRates rates;
    private boolean rejectOrphans;
    private final EnumSet<DatasetTable> tables = EnumSet.noneOf(DatasetTable.class);
    private final ColumnsBuilder columns = new ColumnsBuilder();
    private final List<PlanTarget> plan = new ArrayList<>();
    private final List<JourneyPath> paths = new ArrayList<>();
    private boolean built;

    private Builder() {}

    /** The dataset time zone (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The stage catalog (default {@link StageCatalog#DEFAULT}); set it before adding stage changes.
     */
    public Builder catalog(StageCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** The dataset currency, when known up front; rows in another currency are then an error. */
    public Builder currency(String currency) {
      this.currency = new Money(BigDecimal.ZERO, currency).currency();
      return this;
    }

    /** Conversion rates: every amount is converted to {@code rates.target()}. */
    public Builder rates(CurrencyRates rates) {
      this.rates = rates;
      return this;
    }

    /** Marks a table as present even when it has no rows (a file with only a header). */
    public Builder table(DatasetTable t) {
      tables.add(t);
      return this;
    }

    /**
     * Adds a lead.
     *
     * @throws IllegalArgumentException when a lead with the same id was added before
     */
    public Builder lead(Lead l) {
      tables.add(DatasetTable.LEADS);
      columns.lead(Objects.requireNonNull(l));
      return this;
    }

    /**
     * Adds a stage change.
     *
     * @throws IllegalArgumentException when its stage is not in the catalog
     */
    public Builder stageChange(StageChange s) {
      tables.add(DatasetTable.STAGES);
      if (!catalog.all().contains(s.stage())) {
        throw new IllegalArgumentException(
            "stage " + s.stage() + " of lead " + s.leadId() + " is not in the catalog " + catalog);
      }
      columns.stage(s);
      return this;
    }

    public Builder activity(Activity a) {
      tables.add(DatasetTable.ACTIVITIES);
      columns.activity(Objects.requireNonNull(a));
      return this;
    }

    public Builder touch(Touch t) {
      tables.add(DatasetTable.TOUCHES);
      columns.touch(Objects.requireNonNull(t));
      return this;
    }

    public Builder payment(Payment p) {
      tables.add(DatasetTable.PAYMENTS);
      columns.payment(Objects.requireNonNull(p));
      return this;
    }

    public Builder spend(Spend s) {
      tables.add(DatasetTable.SPEND);
      columns.spend(Objects.requireNonNull(s));
      return this;
    }

    public Builder planTarget(PlanTarget p) {
      tables.add(DatasetTable.PLAN);
      plan.add(Objects.requireNonNull(p));
      return this;
    }

    public Builder path(JourneyPath p) {
      tables.add(DatasetTable.PATHS);
      paths.add(Objects.requireNonNull(p));
      return this;
    }

    /**
     * A size hint: about {@code rows} rows will be added to the table, so its columns are
     * allocated once rather than grown (readers estimate it from the file size). Optional; a
     * wrong hint costs memory or a copy, never a wrong result.
     */
    public Builder expect(DatasetTable t, long rows) {
      columns.expect(t, rows);
      return this;
    }

    /** The catalog this builder resolves stage names against. */
    public StageCatalog catalog() {
      return catalog;
    }

    /** The time zone of the dataset being built. */
    public ZoneId zone() {
      return zone;
    }

    /**
     * Makes {@link #build()} refuse a stage change, activity or touch of a lead that has no row in
     * the leads table (when the dataset has one), naming the table and the lead. Without it such
     * rows are kept, as readers keep them, and {@code DataQuality} counts them
     * ({@code stage_for_unknown_lead} and the like): a lead id seen only there has no creation time.
     */
    public Builder rejectOrphans() {
      rejectOrphans = true;
      return this;
    }

    /**
     * Validates and freezes the dataset; a builder builds once.
     *
     * @throws IllegalArgumentException on mixed currencies without rates, or a currency the rates
     *     cannot convert
     * @throws IllegalStateException when called a second time
     */
    public Dataset build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its dataset");
      }
      built = true;
      Dataset d = new Dataset(this);
      if (rejectOrphans && d.has(DatasetTable.LEADS)) {
        refuseOrphans(d);
      }
      return d;
    }

    private static void refuseOrphans(Dataset d) {
      Columns c = d.columns;
      refuseOrphans(c.leads(), c.stages(), DatasetTable.STAGES, "a stage change");
      refuseOrphans(c.leads(), c.activities(), DatasetTable.ACTIVITIES, "an activity");
      refuseOrphans(c.leads(), c.touches(), DatasetTable.TOUCHES, "a touch");
    }

    private static void refuseOrphans(dev.funnel.core.columnar.LeadColumns leads,
        dev.funnel.core.columnar.LeadRows rows, DatasetTable t, String what) {
      long orphans = 0;
      int first = -1;
      for (int r = 0; r < rows.size(); r++) {
        if (!leads.hasRow(rows.lead(r))) {
          orphans++;
          first = first < 0 ? r : first;
        }
      }
      if (orphans > 0) {
        throw new IllegalArgumentException(what + " in table " + t.fileName() + " names lead '"
            + leads.id(rows.lead(first)) + "', which is not in table leads (" + orphans
            + " such rows in " + t.fileName() + ")");
      }
    }
  }
}
