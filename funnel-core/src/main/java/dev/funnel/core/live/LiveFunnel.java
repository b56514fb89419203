package dev.funnel.core.live;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.time.Instant;
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
 * history, not with the change (incremental per-lead states are not part of this version).
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

  private final Map<String, LiveEvent> events = new HashMap<>();
  private final Map<String, Set<String>> byLead = new HashMap<>(); // lead id -> event ids
  private final Set<String> dirty = new HashSet<>();
  private final TreeMap<Instant, Set<String>> schedule = new TreeMap<>(); // due -> lead ids
  private final Set<Firing> fired = new HashSet<>();
  private Instant clock;
  private Dataset snapshot;

  private LiveFunnel(Builder b) {
    this.catalog = b.catalog;
    this.zone = b.zone;
    this.currency = b.currency;
    this.tables = EnumSet.copyOf(b.tables);
    this.rules = List.copyOf(b.rules);
    Set<String> names = new HashSet<>();
    for (TriggerRule r : rules) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("two trigger rules are named " + r.name());
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

  /** Applies a batch of events in its order; see {@link LiveEvent} for identity and versions. */
  public synchronized Applied apply(Collection<LiveEvent> batch) {
    int added = 0;
    int replaced = 0;
    int same = 0;
    for (LiveEvent e : batch) {
      Objects.requireNonNull(e, "event");
      if (e.row() instanceof StageChange s
          && !catalog.find(s.stage().name()).map(s.stage()::equals).orElse(false)) {
        throw new IllegalArgumentException("event " + e.id() + ": stage " + s.stage().name()
            + " is not in this funnel's catalog");
      }
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

  private void index(LiveEvent e) {
    String lead = e.leadId();
    if (lead != null) {
      byLead.computeIfAbsent(lead, k -> new HashSet<>()).add(e.id());
      dirty.add(lead);
    }
  }

  private void unindex(LiveEvent e) {
    String lead = e.leadId();
    if (lead != null) {
      Set<String> ids = byLead.get(lead);
      if (ids != null) {
        ids.remove(e.id());
        if (ids.isEmpty()) {
          byLead.remove(lead);
        }
      }
      dirty.add(lead);
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
    Lead lead = null;
    List<StageChange> stages = new ArrayList<>();
    List<Activity> activities = new ArrayList<>();
    List<Touch> touches = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    for (String id : byLead.getOrDefault(leadId, Set.of())) {
      Object r = events.get(id).row();
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
    // time order, ties in a fixed order of the rows' text (arrival order must not matter)
    stages.sort(Comparator.comparing(StageChange::at).thenComparing(Object::toString));
    activities.sort(Comparator.comparing(Activity::at).thenComparing(Object::toString));
    touches.sort(Comparator.comparing(Touch::at).thenComparing(Object::toString));
    payments.sort(Comparator.comparing(Payment::paidAt).thenComparing(Object::toString));
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
   * The earliest moment after {@code now} at which a time-based rule could fire for the lead
   * without a new event: a first response falling due, an idle spell (after any of its events,
   * those still to come included) ending.
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

  /** The firings reported so far, for the checkpoint. */
  synchronized List<Firing> fired() {
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
    dirty.addAll(byLead.keySet());
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

    private Builder() {}

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

    /**
     * The live funnel.
     *
     * @throws IllegalArgumentException when two rules share a name
     */
    public LiveFunnel build() {
      return new LiveFunnel(this);
    }
  }
}
