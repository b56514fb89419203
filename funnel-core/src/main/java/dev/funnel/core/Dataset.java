package dev.funnel.core;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of one funnel dataset together, with the indexes calculators need.
 *
 * <p>Built once with {@link #builder()}; immutable and safe to share across threads afterwards.
 * Every table is held in a canonical order (by key, then time, then every other field), so the
 * same rows in any input order give the same dataset and the same results. Money is in one
 * currency: rows without a currency take the dataset's; two different currencies are an error
 * unless {@link Builder#rates(CurrencyRates)} converts them.
 *
 * <p>Every table is optional; {@link #require(DatasetTable)} fails with a message naming a table
 * that a calculation needs and the dataset does not have.
 */
public final class Dataset {

  private final ZoneId zone;
  private final StageCatalog catalog;
  private final String currency;
  private final Set<DatasetTable> tables;
  private final List<Lead> leads;
  private final List<StageChange> stages;
  private final List<Activity> activities;
  private final List<Touch> touches;
  private final List<Payment> payments;
  private final List<Spend> spend;
  private final List<PlanTarget> plan;
  private final List<JourneyPath> paths;
  private final Map<String, Lead> leadById;
  private final Map<String, List<StageChange>> stagesByLead;
  private final Map<String, List<Touch>> touchesByLead;
  private final Map<String, List<Activity>> activitiesByLead;
  private final Map<String, List<Payment>> paymentsByCustomer;

  private Dataset(Builder b) {
    this.zone = b.zone;
    this.catalog = b.catalog;
    this.tables = Collections.unmodifiableSet(EnumSet.copyOf(b.tablesOrNone()));
    this.leads = sorted(b.leads, LEAD_ORDER);
    Map<String, Lead> byId = new HashMap<>(leads.size() * 2);
    for (Lead l : leads) {
      if (byId.put(l.id(), l) != null) {
        throw new IllegalArgumentException("duplicate lead_id '" + l.id() + "' in leads");
      }
    }
    this.leadById = Collections.unmodifiableMap(byId);
    this.currency = commonCurrency(b);
    this.stages = sorted(b.stages, STAGE_ORDER);
    this.activities = sorted(b.activities, ACTIVITY_ORDER);
    this.touches = sorted(b.touches, TOUCH_ORDER);
    List<Payment> pay = new ArrayList<>(b.payments.size());
    for (Payment p : b.payments) {
      pay.add(new Payment(p.paymentId(), p.customerId(), p.leadId(), p.paidAt(), toCurrency(b, p.amount()), p.product()));
    }
    this.payments = sorted(pay, PAYMENT_ORDER);
    List<Spend> sp = new ArrayList<>(b.spend.size());
    for (Spend s : b.spend) {
      sp.add(new Spend(s.date(), s.channel(), s.campaign(), toCurrency(b, s.amount())));
    }
    this.spend = sorted(sp, SPEND_ORDER);
    this.plan = sorted(b.plan, PLAN_ORDER);
    this.paths = sorted(b.paths, PATH_ORDER);
    this.stagesByLead = group(stages, StageChange::leadId);
    this.touchesByLead = group(touches, Touch::leadId);
    this.activitiesByLead = group(activities, Activity::leadId);
    this.paymentsByCustomer = group(payments, Payment::customerId);
  }

  private Money toCurrency(Builder b, Money m) {
    if (b.rates != null) {
      return b.rates.convert(m);
    }
    return m.hasCurrency() || currency.equals(Money.UNSPECIFIED) ? m : new Money(m.amount(), currency);
  }

  private static String commonCurrency(Builder b) {
    if (b.rates != null) {
      for (Payment p : b.payments) {
        b.rates.convert(p.amount());
      }
      for (Spend s : b.spend) {
        b.rates.convert(s.amount());
      }
      return b.rates.target();
    }
    Set<String> seen = new TreeSet<>();
    if (b.currency != null && !Money.UNSPECIFIED.equals(b.currency)) {
      seen.add(b.currency);
    }
    for (Payment p : b.payments) {
      if (p.amount().hasCurrency()) {
        seen.add(p.amount().currency());
      }
    }
    for (Spend s : b.spend) {
      if (s.amount().hasCurrency()) {
        seen.add(s.amount().currency());
      }
    }
    if (seen.size() > 1) {
      throw new IllegalArgumentException(
          "the dataset mixes currencies " + seen + "; supply conversion rates (CurrencyRates)");
    }
    return seen.isEmpty() ? Money.UNSPECIFIED : seen.iterator().next();
  }

  private static <T> List<T> sorted(List<T> in, Comparator<? super T> order) {
    List<T> copy = new ArrayList<>(in);
    copy.sort(order);
    return Collections.unmodifiableList(copy);
  }

  private static <T> Map<String, List<T>> group(List<T> rows, java.util.function.Function<T, String> key) {
    Map<String, List<T>> m = new HashMap<>();
    for (T r : rows) {
      m.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    }
    m.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(m);
  }

  private static final Comparator<String> NULLS = Comparator.nullsFirst(Comparator.naturalOrder());
  /** Numbers by value, then by scale, so 1.5 and 1.50 have a fixed order (the order is total). */
  private static final Comparator<BigDecimal> NUMS =
      Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder().thenComparingInt(BigDecimal::scale));

  static final Comparator<Lead> LEAD_ORDER =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);
  static final Comparator<StageChange> STAGE_ORDER =
      Comparator.comparing(StageChange::leadId)
          .thenComparing(StageChange::at)
          .thenComparingInt(s -> s.stage().index())
          .thenComparing(StageChange::reason, NULLS)
          .thenComparing(StageChange::amount, NUMS)
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
          .thenComparing(Touch::cost, NUMS);
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
    return leadById.get(id);
  }

  /** The lead's stage changes in time order (empty when none). */
  public List<StageChange> stagesOf(String leadId) {
    return stagesByLead.getOrDefault(leadId, List.of());
  }

  /** The lead's touches in time order (empty when none). */
  public List<Touch> touchesOf(String leadId) {
    return touchesByLead.getOrDefault(leadId, List.of());
  }

  /** The lead's activities in time order (empty when none). */
  public List<Activity> activitiesOf(String leadId) {
    return activitiesByLead.getOrDefault(leadId, List.of());
  }

  /** The customer's payments in time order (empty when none). */
  public List<Payment> paymentsOf(String customerId) {
    return paymentsByCustomer.getOrDefault(customerId, List.of());
  }

  /** Customer ids that have payments, in sorted order. */
  public Set<String> payingCustomers() {
    return Collections.unmodifiableSet(new TreeSet<>(paymentsByCustomer.keySet()));
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

  /** Collects the tables of a dataset; not thread-safe; {@link #build()} validates and freezes. */
  public static final class Builder {
    private ZoneId zone = ZoneOffset.UTC;
    private StageCatalog catalog = StageCatalog.DEFAULT;
    private String currency;
    private CurrencyRates rates;
    private final EnumSet<DatasetTable> tables = EnumSet.noneOf(DatasetTable.class);
    private final List<Lead> leads = new ArrayList<>();
    private final List<StageChange> stages = new ArrayList<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<Touch> touches = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Spend> spend = new ArrayList<>();
    private final List<PlanTarget> plan = new ArrayList<>();
    private final List<JourneyPath> paths = new ArrayList<>();

    private Builder() {}

    private EnumSet<DatasetTable> tablesOrNone() {
      return tables.isEmpty() ? EnumSet.noneOf(DatasetTable.class) : tables;
    }

    /** The dataset time zone (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The stage catalog (default {@link StageCatalog#DEFAULT}). */
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

    public Builder lead(Lead l) {
      tables.add(DatasetTable.LEADS);
      leads.add(Objects.requireNonNull(l));
      return this;
    }

    public Builder stageChange(StageChange s) {
      tables.add(DatasetTable.STAGES);
      if (!catalog.all().contains(s.stage())) {
        throw new IllegalArgumentException(
            "stage " + s.stage() + " of lead " + s.leadId() + " is not in the catalog " + catalog);
      }
      stages.add(s);
      return this;
    }

    public Builder activity(Activity a) {
      tables.add(DatasetTable.ACTIVITIES);
      activities.add(Objects.requireNonNull(a));
      return this;
    }

    public Builder touch(Touch t) {
      tables.add(DatasetTable.TOUCHES);
      touches.add(Objects.requireNonNull(t));
      return this;
    }

    public Builder payment(Payment p) {
      tables.add(DatasetTable.PAYMENTS);
      payments.add(Objects.requireNonNull(p));
      return this;
    }

    public Builder spend(Spend s) {
      tables.add(DatasetTable.SPEND);
      spend.add(Objects.requireNonNull(s));
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

    /** The catalog this builder resolves stage names against. */
    public StageCatalog catalog() {
      return catalog;
    }

    /** The time zone of the dataset being built. */
    public ZoneId zone() {
      return zone;
    }

    /**
     * Validates and freezes the dataset.
     *
     * @throws IllegalArgumentException on a duplicate lead id or mixed currencies without rates
     */
    public Dataset build() {
      return new Dataset(this);
    }
  }
}
