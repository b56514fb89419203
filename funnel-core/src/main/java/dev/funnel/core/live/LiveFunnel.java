package dev.funnel.core.live;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A funnel kept current as a host (a CRM plugin, a service) sees events one at a time: thread-safe,
 * idempotent by event identity, corrections by version, late events welcome, trigger rules
 * evaluated as events arrive and as the clock moves, and a versioned checkpoint to restart from.
 *
 * <p>Queries: {@link #snapshot()} is the {@link Dataset} of the current events, built from
 * exactly the rows a batch read of them would give (the highest version of each identity), so
 * every calculator of the library answers on it as it does in batch, and equally (the dataset's
 * layout does not depend on the order rows arrive in). The snapshot is built once per change and
 * shared until the next change; building it reads every current row, so its cost grows with the
 * history, not with the change.
 *
 * <p>Answers kept current: the stage funnels, unit-economics windows and first-response SLAs named
 * to the builder ({@link Builder#funnel}, {@link Builder#unit}, {@link Builder#sla}) are kept as
 * per-lead, per-customer and per-spend-row contributions and their per-cell totals; a read
 * ({@link #funnel}, {@link #unit}, {@link #sla}) first takes each lead, customer or spend row
 * changed since the last read out of the totals and puts its new contribution in, so its cost
 * grows with the change, and equals the calculator on {@link #snapshot()} (docs/live.md).
 *
 * <p>Triggers: {@link #advanceTo(Instant)} moves the clock and returns the firings that became
 * due: every moment at or before the clock at which a rule became true for a lead, from that
 * lead's rows as they are now ({@link TriggerRule#moments}). Only the leads whose rows changed
 * since the last call, or whose next possible firing ({@link TriggerRule}'s time-based rules)
 * has come, are looked at. A firing is reported once and never withdrawn: a late event that
 * would have prevented it (an activity that arrives after its SLA breach fired) does not undo
 * it, and a late event that makes a past moment true fires it at the next call, with its past
 * moment.
 *
 * <p>Checkpoint: {@link #toBytes()} and {@link #restore} (see {@link LiveCheckpoint}).
 */
public final class LiveFunnel {

  private final StageCatalog catalog;
  private final ZoneId zone;
  private final String currency;
  private final Set<DatasetTable> tables;
  private final List<TriggerRule> rules;
  /** The catalog's own stage objects: a stage change holding one needs no lookup by name. */
  private final Set<dev.funnel.core.Stage> catalogStages =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private final Map<String, LiveEvent> events = new HashMap<>();
  private final Map<String, List<LiveEvent>> byLead = new HashMap<>(); // lead id -> its events
  private final Set<String> dirty = new HashSet<>();
  private final TreeMap<Instant, Set<String>> schedule = new TreeMap<>(); // due -> lead ids
  private final Set<Firing> fired = new HashSet<>();
  private final Map<String, Integer> currencies = new HashMap<>(); // of current events' money
  private Instant clock;
  private Dataset snapshot;

  // the answers kept current (docs/live.md, "Answers kept current"): what changed since the
  // last read, and the customers' leads and payments for unit economics
  private final List<FunnelCells> funnels = new ArrayList<>();
  private final List<UnitCells> units = new ArrayList<>();
  private final List<SlaLeads> slas = new ArrayList<>();
  private final Set<String> changedLeads = new HashSet<>();
  private final Set<String> changedCustomers = new HashSet<>();
  private final Set<String> changedSpend = new HashSet<>();
  private final Map<String, List<String>> leadsByCustomer = new HashMap<>();
  private final Map<String, List<String>> paymentsByCustomer = new HashMap<>();

  private LiveFunnel(Builder b) {
    this.catalog = b.catalog;
    this.zone = b.zone;
    this.currency = b.currency;
    this.tables = EnumSet.copyOf(b.tables);
    this.rules = List.copyOf(b.rules);
    catalogStages.addAll(catalog.all());
    for (FunnelQuery q : b.funnels) {
      funnels.add(new FunnelCells(q, catalog, zone));
    }
    for (LocalDate[] w : b.units) {
      units.add(new UnitCells(w[0], w[1], zone));
    }
    for (SlaQuery q : b.slas) {
      slas.add(new SlaLeads(q, catalog));
    }
    Set<String> names = new HashSet<>();
    for (TriggerRule r : rules) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("two trigger rules are named " + r.name());
      }
      String stage = r instanceof TriggerRule.FirstResponse f ? f.stage()
          : r instanceof TriggerRule.EnteredStage e ? e.stage() : null;
      if (stage != null && catalog.find(stage).isEmpty()) {
        throw new IllegalArgumentException("rule " + r.name() + " names stage " + stage
            + ", which is not in this funnel's catalog "
            + catalog.all().stream().map(dev.funnel.core.Stage::name).toList());
      }
    }
  }

  /** A builder: default catalog, UTC, every table present, no rules. */
  public static Builder builder() {
    return new Builder();
  }

  /** Applies events. */
  public Applied apply(LiveEvent... batch) {
    return apply(List.of(batch));
  }

  /**
   * Applies a batch of events in its order; see {@link LiveEvent} for identity and versions. The
   * batch is checked whole first: when an event is refused, none is applied.
   *
   * @throws IllegalArgumentException when an event could not be part of a dataset: a stage
   *     outside the catalog, a lead under an identity other than {@code lead:} and its id, money
   *     in a currency other than the funnel's (the builder's, else the one its events hold, else
   *     the first of the batch), a spend date outside the dataset's range
   */
  public synchronized Applied apply(Collection<LiveEvent> batch) {
    check(batch);
    int added = 0;
    int replaced = 0;
    int same = 0;
    for (LiveEvent e : batch) {
      LiveEvent old = events.get(e.id());
      if (old != null && (e.version() < old.version()
          || (e.version() == old.version() && e.row().equals(old.row())))) {
        same++;
        continue;
      }
      if (old != null) {
        unindex(old);
        replaced++;
      } else {
        added++;
      }
      events.put(e.id(), e);
      index(e);
    }
    if (added + replaced > 0) {
      snapshot = null;
    }
    return new Applied(added, replaced, same);
  }

  /** Refuses a batch with an event no dataset could hold, before any is applied. */
  private void check(Collection<LiveEvent> batch) {
    String money = currency != null ? currency
        : currencies.isEmpty() ? null : currencies.keySet().iterator().next();
    for (LiveEvent e : batch) {
      Objects.requireNonNull(e, "event");
      Object r = e.row();
      if (r instanceof StageChange s && !catalogStages.contains(s.stage())
          && !catalog.find(s.stage().name()).map(s.stage()::equals).orElse(false)) {
        throw new IllegalArgumentException("event " + e.id() + ": stage " + s.stage().name()
            + " is not in this funnel's catalog");
      }
      if (r instanceof Lead l && !e.id().equals("lead:" + l.id())) {
        throw new IllegalArgumentException("event " + e.id() + ": a lead's identity is lead:"
            + l.id() + " (one lead row per lead; a new version replaces it)");
      }
      if (r instanceof Spend sp && sp.date().toEpochDay() != (int) sp.date().toEpochDay()) {
        throw new IllegalArgumentException("event " + e.id() + ": spend date " + sp.date()
            + " is outside the dataset's range of days");
      }
      String c = currencyOf(r);
      if (c != null) {
        if (money == null) {
          money = c;
        } else if (!money.equals(c)) {
          throw new IllegalArgumentException("event " + e.id() + ": money in " + c
              + "; this funnel's money is in " + money + " (one currency per funnel)");
        }
      }
    }
  }

  /** The currency a row's money states, or null (no money, or money without a currency). */
  private static String currencyOf(Object row) {
    Money m = row instanceof Payment p ? p.amount()
        : row instanceof Spend s ? s.amount()
        : row instanceof StageChange c ? c.amount()
        : row instanceof Touch t ? t.cost()
        : null;
    return m == null || Money.UNSPECIFIED.equals(m.currency()) ? null : m.currency();
  }

  private void index(LiveEvent e) {
    String c = currencyOf(e.row());
    if (c != null) {
      currencies.merge(c, 1, Integer::sum);
    }
    changed(e, true);
    String lead = e.leadId();
    if (lead != null) {
      byLead.computeIfAbsent(lead, k -> new ArrayList<>(4)).add(e);
      if (!rules.isEmpty()) {
        dirty.add(lead);
      }
    }
  }

  private void unindex(LiveEvent e) {
    String c = currencyOf(e.row());
    if (c != null && currencies.merge(c, -1, Integer::sum) == 0) {
      currencies.remove(c);
    }
    changed(e, false);
    String lead = e.leadId();
    if (lead != null) {
      List<LiveEvent> ids = byLead.get(lead);
      if (ids != null) {
        for (int i = 0; i < ids.size(); i++) {
          if (ids.get(i) == e) { // the very event held, by identity
            ids.remove(i);
            break;
          }
        }
        if (ids.isEmpty()) {
          byLead.remove(lead);
        }
      }
      if (!rules.isEmpty()) {
        dirty.add(lead);
      }
    }
  }

  /**
   * Notes what an event entering ({@code in}) or leaving the current state changes in the
   * answers kept current: its lead, its customer, its spend row. Nothing when none is kept.
   */
  private void changed(LiveEvent e, boolean in) {
    if (funnels.isEmpty() && slas.isEmpty() && units.isEmpty()) {
      return;
    }
    Object r = e.row();
    if (r instanceof Lead l) {
      changedLeads.add(l.id());
      if (!units.isEmpty()) {
        member(leadsByCustomer, l.customerId(), l.id(), in);
        changedCustomers.add(l.customerId());
      }
    } else if (r instanceof StageChange || r instanceof Activity) {
      if (!funnels.isEmpty() || !slas.isEmpty()) {
        changedLeads.add(e.leadId());
      }
    } else if (r instanceof Payment p) {
      if (!units.isEmpty()) {
        member(paymentsByCustomer, p.customerId(), e.id(), in);
        changedCustomers.add(p.customerId());
      }
    } else if (r instanceof Spend && !units.isEmpty()) {
      changedSpend.add(e.id());
    }
  }

  private static void member(Map<String, List<String>> index, String key, String id, boolean in) {
    if (in) {
      index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(id);
    } else {
      List<String> ids = index.get(key);
      if (ids != null && ids.remove(id) && ids.isEmpty()) {
        index.remove(key);
      }
    }
  }

  /**
   * Brings the answers kept current up to date with the changes since the last read: each
   * changed lead's, customer's and spend row's old contribution out, its new one in.
   */
  private void refresh() {
    for (String id : changedLeads) {
      LeadHistory h = rows(id); // the updates take rows in any order
      for (FunnelCells f : funnels) {
        f.update(id, h.lead(), h.stages());
      }
      for (SlaLeads f : slas) {
        f.update(id, h.lead(), h.stages(), h.activities());
      }
      for (UnitCells u : units) {
        u.lead(id, h.lead());
      }
    }
    changedLeads.clear();
    for (String c : changedCustomers) {
      List<Lead> leads = new ArrayList<>();
      for (String id : leadsByCustomer.getOrDefault(c, List.of())) {
        leads.add((Lead) events.get("lead:" + id).row());
      }
      List<Payment> payments = new ArrayList<>();
      for (String eid : paymentsByCustomer.getOrDefault(c, List.of())) {
        payments.add((Payment) events.get(eid).row());
      }
      for (UnitCells u : units) {
        u.customer(c, leads, payments);
      }
    }
    changedCustomers.clear();
    for (String eid : changedSpend) {
      LiveEvent e = events.get(eid);
      for (UnitCells u : units) {
        u.spend(eid, e != null && e.row() instanceof Spend s ? s : null);
      }
    }
    changedSpend.clear();
  }

  /**
   * The stage funnel of a query kept current ({@link Builder#funnel}): equal to
   * {@code StageFunnel.compute(snapshot(), query)}, at a cost in the leads changed since the last
   * read and the report's cells, not in the history.
   *
   * @throws IllegalArgumentException when the query is not kept, or its periods exceed the limit
   *     of {@link FunnelState#result()}
   * @throws IllegalStateException    when the funnel has no leads or stages table
   */
  public synchronized FunnelReport funnel(FunnelQuery query) {
    require(DatasetTable.LEADS, "the stage funnel");
    require(DatasetTable.STAGES, "the stage funnel");
    refresh();
    for (FunnelCells f : funnels) {
      if (f.query().equals(query)) {
        return f.report();
      }
    }
    throw new IllegalArgumentException("this live funnel keeps no funnel of " + query
        + "; name it to the builder (funnel(query)), or compute it on snapshot()");
  }

  /**
   * The unit economics of a window kept current ({@link Builder#unit}): equal to
   * {@code UnitEconomics.compute(snapshot(), from, to, margin)}, at a cost in the leads,
   * customers and spend rows changed since the last read and the report's keys.
   *
   * @param margin gross margin in [0, 1], or null for revenue-based ROMI
   * @throws IllegalArgumentException when the window is not kept, or the margin is outside [0, 1]
   * @throws IllegalStateException    when the funnel has no leads, spend or payments table
   */
  public synchronized UnitReport unit(LocalDate from, LocalDate to, BigDecimal margin) {
    require(DatasetTable.SPEND, "unit economics");
    require(DatasetTable.PAYMENTS, "unit economics");
    require(DatasetTable.LEADS, "unit economics");
    refresh();
    for (UnitCells u : units) {
      if (u.is(from, to)) {
        String money = currency != null ? currency
            : currencies.isEmpty() ? Money.UNSPECIFIED : currencies.keySet().iterator().next();
        return u.report(money, margin);
      }
    }
    throw new IllegalArgumentException("this live funnel keeps no unit economics of "
        + dev.funnel.core.display.Formats.window(from, to) + "; name the window to the builder"
        + " (unit(from, to)), or compute it on snapshot()");
  }

  /**
   * The first-response SLA of a query kept current ({@link Builder#sla}), as of the query's
   * as-of instant: equal to {@code Sla.compute(snapshot(), query)}. The leads' facts are kept
   * current at a cost in the leads changed; the report reads each lead of the SLA's scope (see
   * docs/live.md), never the rows.
   *
   * @throws IllegalArgumentException when the SLA is not kept (it matches one named to the builder
   *     in everything but the as-of instant)
   * @throws IllegalStateException    when the funnel has no leads or activities table
   */
  public synchronized SlaReport sla(SlaQuery query) {
    require(DatasetTable.LEADS, "the first-response SLA");
    require(DatasetTable.ACTIVITIES, "the first-response SLA");
    refresh();
    for (SlaLeads s : slas) {
      if (s.is(query)) {
        return s.report(query.asOf());
      }
    }
    throw new IllegalArgumentException("this live funnel keeps no SLA of " + query
        + "; name it to the builder (sla(query)), or compute it on snapshot()");
  }

  /** As {@link Dataset#require}: the snapshot would fail the same way. */
  private void require(DatasetTable t, String what) {
    if (!tables.contains(t)) {
      throw new IllegalStateException(
          what + " needs the " + t.fileName() + " table (" + t.fileName() + ".csv or "
              + t.fileName() + ".ndjson), which this dataset does not have");
    }
  }

  /** The number of current events (the highest version of each identity). */
  public synchronized int size() {
    return events.size();
  }

  /** The clock: the instant of the last {@link #advanceTo}, or null before any. */
  public synchronized Instant clock() {
    return clock;
  }

  /** The dataset of the current events (immutable; shared until the next change). */
  public synchronized Dataset snapshot() {
    if (snapshot == null) {
      Dataset.Builder b = Dataset.builder().zone(zone).catalog(catalog);
      if (currency != null) {
        b.currency(currency);
      }
      tables.forEach(b::table);
      for (LiveEvent e : events.values()) {
        e.addTo(b);
      }
      snapshot = b.build();
    }
    return snapshot;
  }

  /** One lead's current rows, each kind in time order. */
  public synchronized LeadHistory history(String leadId) {
    LeadHistory h = rows(leadId);
    // time order, ties in a fixed order of the rows' text (arrival order must not matter)
    List<StageChange> stages = new ArrayList<>(h.stages());
    stages.sort(Comparator.comparing(StageChange::at).thenComparing(Object::toString));
    List<Activity> activities = new ArrayList<>(h.activities());
    activities.sort(Comparator.comparing(Activity::at).thenComparing(Object::toString));
    List<Touch> touches = new ArrayList<>(h.touches());
    touches.sort(Comparator.comparing(Touch::at).thenComparing(Object::toString));
    List<Payment> payments = new ArrayList<>(h.payments());
    payments.sort(Comparator.comparing(Payment::paidAt).thenComparing(Object::toString));
    return new LeadHistory(leadId, h.lead(), stages, activities, touches, payments);
  }

  /** One lead's current rows, each kind in arrival order. */
  private LeadHistory rows(String leadId) {
    Lead lead = null;
    List<StageChange> stages = new ArrayList<>();
    List<Activity> activities = new ArrayList<>();
    List<Touch> touches = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    for (LiveEvent x : byLead.getOrDefault(leadId, List.of())) {
      Object r = x.row();
      if (r instanceof Lead l) {
        lead = l;
      } else if (r instanceof StageChange s) {
        stages.add(s);
      } else if (r instanceof Activity a) {
        activities.add(a);
      } else if (r instanceof Touch t) {
        touches.add(t);
      } else if (r instanceof Payment p) {
        payments.add(p);
      }
    }
    return new LeadHistory(leadId, lead, stages, activities, touches, payments);
  }

  /**
   * Moves the clock to {@code now} and returns the new firings, in time order.
   *
   * @throws IllegalArgumentException when {@code now} is before the clock
   */
  public synchronized List<Firing> advanceTo(Instant now) {
    Objects.requireNonNull(now, "now");
    if (clock != null && now.isBefore(clock)) {
      throw new IllegalArgumentException("the clock is at " + clock + "; it cannot go back to " + now);
    }
    clock = now;
    Set<String> look = new LinkedHashSet<>(dirty);
    dirty.clear();
    Map<Instant, Set<String>> due = schedule.headMap(now, true);
    for (Set<String> leads : due.values()) {
      look.addAll(leads);
    }
    due.clear();
    List<Firing> out = new ArrayList<>();
    for (String lead : new TreeSet<>(look)) {
      LeadHistory h = history(lead);
      for (TriggerRule r : rules) {
        for (Instant at : r.moments(h, now)) {
          Firing f = new Firing(lead, r.name(), at, r.action());
          if (fired.add(f)) {
            out.add(f);
          }
        }
      }
      Instant next = nextDue(h, now);
      if (next != null) {
        schedule.computeIfAbsent(next, k -> new HashSet<>()).add(lead);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The earliest moment after {@code now} at which a rule could fire for the lead without a new
   * event: a first response falling due, an idle spell (after any of its events, those still to
   * come included) ending, or a row stamped after {@code now} (a stage change, touch or payment
   * the host sent ahead of the clock) coming due.
   */
  private Instant nextDue(LeadHistory h, Instant now) {
    Instant next = null;
    for (TriggerRule r : rules) {
      Instant t = null;
      if (r instanceof TriggerRule.FirstResponse f) {
        for (StageChange s : h.stages()) {
          if (s.stage().name().equalsIgnoreCase(f.stage())) {
            t = TriggerRule.dueAfter(s.at(), f.within(), f.calendar());
            break;
          }
        }
      } else if (r instanceof TriggerRule.Stale st) {
        // each event may open an idle spell: the first spell ending after now
        List<Instant> events = new ArrayList<>();
        if (h.lead() != null) {
          events.add(h.lead().createdAt());
        }
        h.stages().forEach(s -> events.add(s.at()));
        h.activities().forEach(a -> events.add(a.at()));
        h.touches().forEach(x -> events.add(x.at()));
        for (Instant e : events) {
          Instant d = e.plus(st.idle());
          if (d.isAfter(now) && (t == null || d.isBefore(t))) {
            t = d;
          }
        }
      } else {
        // the rules that fire at a row's own time: the first such row still to come
        List<Instant> times = new ArrayList<>();
        if (r instanceof TriggerRule.EnteredStage) {
          h.stages().forEach(s -> times.add(s.at()));
        } else if (r instanceof TriggerRule.TouchBurst) {
          h.touches().forEach(x -> times.add(x.at()));
        } else {
          h.payments().forEach(p -> times.add(p.paidAt()));
        }
        for (Instant x : times) {
          if (x.isAfter(now) && (t == null || x.isBefore(t))) {
            t = x;
          }
        }
      }
      if (t != null && t.isAfter(now) && (next == null || t.isBefore(next))) {
        next = t;
      }
    }
    return next;
  }

  /** The current events, for the checkpoint. */
  synchronized List<LiveEvent> events() {
    List<LiveEvent> out = new ArrayList<>(events.values());
    out.sort(Comparator.comparing(LiveEvent::id));
    return out;
  }

  /**
   * Every firing reported so far by {@link #advanceTo} (and held by the checkpoint restored
   * from), in report order: what a host lists as its open triggers.
   */
  public synchronized List<Firing> firings() {
    List<Firing> out = new ArrayList<>(fired);
    out.sort(null);
    return out;
  }

  /**
   * The checkpoint: every current event, the firings reported and the clock, in the versioned
   * byte form of {@link LiveCheckpoint}.
   */
  public synchronized byte[] toBytes() {
    return LiveCheckpoint.write(this);
  }

  /**
   * A live funnel configured by {@code builder} holding the checkpoint's events, firings and
   * clock: it answers and fires as the funnel that wrote it did.
   *
   * @throws IllegalArgumentException when the bytes are not a checkpoint of a known version, are
   *     cut short or hold a row the configuration does not accept (a stage outside its catalog)
   */
  public static LiveFunnel restore(byte[] checkpoint, Builder builder) {
    LiveFunnel f = builder.build();
    LiveCheckpoint.read(checkpoint, f);
    return f;
  }

  /** Used by the checkpoint reader. */
  synchronized void restoreState(List<LiveEvent> evs, List<Firing> firings, Instant at) {
    apply(evs);
    fired.addAll(firings);
    clock = at;
    // every lead is looked at once more at the next advance: its schedule was not saved
    if (!rules.isEmpty()) {
      dirty.addAll(byLead.keySet());
    }
  }

  StageCatalog catalog() {
    return catalog;
  }

  @Override
  public synchronized String toString() {
    return "LiveFunnel[" + events.size() + " events, " + byLead.size() + " leads, " + rules.size()
        + " rules, clock " + clock + "]";
  }

  /** Configures a live funnel. Not thread-safe. */
  public static final class Builder {
    private StageCatalog catalog = StageCatalog.DEFAULT;
    private ZoneId zone = ZoneId.of("UTC");
    private String currency;
    private Set<DatasetTable> tables = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS, DatasetTable.SPEND,
        DatasetTable.PLAN);
    private final List<TriggerRule> rules = new ArrayList<>();
    private final List<FunnelQuery> funnels = new ArrayList<>();
    private final List<LocalDate[]> units = new ArrayList<>();
    private final List<SlaQuery> slas = new ArrayList<>();

    private Builder() {}

    /**
     * Keeps the stage funnel of this query current, for {@link LiveFunnel#funnel}: each change
     * updates it at a cost in the leads changed.
     */
    public Builder funnel(FunnelQuery query) {
      funnels.add(Objects.requireNonNull(query, "query"));
      return this;
    }

    /**
     * Keeps the unit economics of the window of local days {@code [from, to)} (null: open)
     * current, for {@link LiveFunnel#unit}.
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    public Builder unit(LocalDate from, LocalDate to) {
      if (from != null && to != null && !from.isBefore(to)) {
        throw new IllegalArgumentException("window start " + from + " must be before its end "
            + to);
      }
      units.add(new LocalDate[] {from, to});
      return this;
    }

    /**
     * Keeps the facts of this first-response SLA current (its as-of instant is not used: each
     * read names one), for {@link LiveFunnel#sla}.
     */
    public Builder sla(SlaQuery query) {
      slas.add(Objects.requireNonNull(query, "query"));
      return this;
    }

    public Builder catalog(StageCatalog c) {
      this.catalog = Objects.requireNonNull(c, "catalog");
      return this;
    }

    public Builder zone(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
      return this;
    }

    /** The dataset currency (default: the one the payments and spend name). */
    public Builder currency(String c) {
      this.currency = Money.of("0", c).currency();
      return this;
    }

    /** The tables the snapshot has (empty ones included); default all but paths. */
    public Builder tables(Set<DatasetTable> t) {
      this.tables = EnumSet.copyOf(t);
      return this;
    }

    public Builder rule(TriggerRule r) {
      rules.add(Objects.requireNonNull(r, "rule"));
      return this;
    }

    /** Adds rules, e.g. a rule table's ({@link TriggerRules#read}). */
    public Builder rules(Collection<? extends TriggerRule> rs) {
      rs.forEach(this::rule);
      return this;
    }

    /**
     * The live funnel.
     *
     * @throws IllegalArgumentException when two rules share a name, a rule names a stage the
     *     catalog does not have, or a kept SLA starts at a stage that is not a progression stage
     *     of the catalog
     */
    public LiveFunnel build() {
      return new LiveFunnel(this);
    }
  }
}
