package dev.funnel.scoring;

import dev.funnel.core.Dataset;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.TouchKind;
import dev.funnel.core.columnar.ActivityColumns;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LeadRows;
import dev.funnel.core.columnar.MoneyColumn;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.columnar.TouchColumns;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads one lead's state as of an instant from the dataset's columns: the cursor behind every
 * feature, rule, label and worklist item of this package.
 *
 * <p>As of {@code t}: a row counts when its time is at or before {@code t} (compared on epoch
 * milliseconds and, on a tie, on the exact sub-millisecond part), so nothing after {@code t} can
 * reach a feature. The furthest stage follows the library's reach convention
 * ({@link dev.funnel.core.funnel.LeadReach}): a change into a progression stage reaches it and
 * every earlier one; the first stage is reached at creation. A lead is closed at {@code t} when
 * its latest change at or before {@code t} is an exit (a later progression change reopens it),
 * and won once it reached the catalog's won stage. The target reach time is read over all rows
 * (for labels), never as a feature.
 *
 * <p>{@link #load} overwrites the state it is given; one timeline and one state per thread.
 */
final class Timeline {

  static final long NONE = Long.MIN_VALUE;
  static final double DAY_MS = 86_400_000.0;

  final Dataset dataset;
  final Columns cols;
  final StageCatalog catalog;
  final LeadColumns leads;
  final StageColumns stages;
  final ActivityColumns activities;
  final TouchColumns touches;
  /** Catalog index to progression index, -1 for exits. */
  final int[] progression;
  final int wonIndex;
  final int typeCount;
  /** Sub-millisecond parts of creation times, made on first use. */
  private int[] createdSubs;

  Timeline(Dataset d) {
    this.dataset = d;
    this.cols = Columns.of(d);
    this.catalog = d.catalog();
    this.leads = cols.leads();
    this.stages = cols.stages();
    this.activities = cols.activities();
    this.touches = cols.touches();
    this.progression = new int[catalog.size()];
    for (Stage s : catalog.all()) {
      progression[s.index()] = s.exit() ? -1 : s.index();
    }
    this.wonIndex = catalog.won().index();
    this.typeCount = cols.activityTypes().size();
  }

  /** A fresh state sized for this dataset. */
  State state() {
    return new State(typeCount);
  }

  /** Whether row {@code r} of {@code rows} is at or before {@code (ms, sub)}. */
  static boolean atOrBefore(LeadRows rows, int r, long ms, int sub) {
    long a = rows.at(r);
    return a < ms || (a == ms && rows.subMillis(r) <= sub);
  }

  /** Epoch milliseconds of an instant (floor). */
  static long millis(Instant t) {
    return t.getEpochSecond() * 1000 + t.getNano() / 1_000_000;
  }

  /** The sub-millisecond part of a lead's creation time (0 for most data). */
  int createdSub(int lead) {
    int[] c = createdSubs;
    if (c == null) {
      c = new int[leads.size()];
      for (int l = 0; l < c.length; l++) {
        c[l] = leads.hasRow(l) ? sub(leads.created(l)) : 0;
      }
      createdSubs = c;
    }
    return c[lead];
  }

  /** The amount of a stage row as a double (NaN when absent), without a BigDecimal when scaled. */
  private double amount(int r) {
    MoneyColumn m = stages.amount();
    if (!m.present(r)) {
      return Double.NaN;
    }
    if (m.scaled() && m.scale() >= 0 && m.scale() < POW10.length) {
      return m.unscaled(r) / POW10[m.scale()];
    }
    return m.value(r).doubleValue();
  }

  private static final double[] POW10 = new double[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /** The nanoseconds of an instant within its millisecond. */
  static int sub(Instant t) {
    return t.getNano() % 1_000_000;
  }

  /** The instant of {@code (ms, sub)}. */
  static Instant instant(long ms, int sub) {
    return Instant.ofEpochMilli(ms).plusNanos(sub);
  }

  /**
   * Loads lead {@code lead}'s state as of {@code (ms, sub)}, with the reach time of progression
   * index {@code target} (any time; -1 for none).
   */
  void load(State s, int lead, long ms, int sub, int target) {
    if (s.lead == lead && s.loadedTarget == target && s.loaded
        && (s.tMs < ms || (s.tMs == ms && s.tSub <= sub))) {
      advance(s, ms, sub);
      return;
    }
    begin(s, lead, ms, sub, target);
    advance(s, ms, sub);
  }

  /**
   * Loads a lead's state like {@link #load} when the lead is at risk at {@code (ms, sub)}: target
   * not reached, not closed by an exit, not won; returns whether it is. A lead not at risk is left
   * half-loaded (its activities and touches unread; the state is not to be used) and the next
   * load starts afresh: scoring a base skips the activities and touches of leads it will not
   * score.
   */
  boolean loadAtRisk(State s, int lead, long ms, int sub, int target) {
    begin(s, lead, ms, sub, target);
    advanceStages(s, ms, sub);
    if (s.targetReached() || s.closed || s.stage >= wonIndex) {
      s.loaded = false;
      return false;
    }
    advanceRest(s, ms, sub);
    return true;
  }

  /** Resets the state to the lead's creation, with the target's reach time over all its rows. */
  private void begin(State s, int lead, long ms, int sub, int target) {
    s.loaded = true;
    s.loadedTarget = target;
    s.lead = lead;
    s.tMs = ms;
    s.tSub = sub;
    s.createdMs = leads.createdAt(lead);
    s.createdSub = createdSub(lead);
    s.stage = 0;
    s.closed = false;
    s.lastChangeMs = NONE;
    s.stageSinceMs = s.createdMs;
    s.lastOwner = leads.owner(lead);
    s.amount = Double.NaN;
    s.targetMs = NONE;
    s.targetSub = 0;
    int from = stages.from(lead);
    int to = stages.to(lead);
    for (int r = from; target > 0 && r < to; r++) {
      int p = progression[stages.stage(r)];
      if (p >= target) {
        long a = stages.at(r);
        int as = stages.subMillis(r);
        if (s.targetMs == NONE || a < s.targetMs || (a == s.targetMs && as < s.targetSub)) {
          s.targetMs = a;
          s.targetSub = as;
        }
      }
    }
    s.stageNext = from;
    Arrays.fill(s.types, 0);
    s.activities = 0;
    s.lastActivityMs = NONE;
    s.activityNext = activities.from(lead);
    s.touches = 0;
    s.offline = 0;
    s.lastTouchMs = NONE;
    s.touchNext = touches.from(lead);
  }

  /**
   * Moves a loaded state forward to {@code (ms, sub)}, not before its instant: the rows of each
   * table are in time order within a lead, so the state at a later instant is the same fold
   * continued over the rows in between (what a fresh {@link #load} gives, without re-reading the
   * rows before).
   */
  private void advance(State s, long ms, int sub) {
    advanceStages(s, ms, sub);
    advanceRest(s, ms, sub);
  }

  private void advanceStages(State s, long ms, int sub) {
    s.tMs = ms;
    s.tSub = sub;
    int lead = s.lead;
    int r = s.stageNext;
    for (int end = stages.to(lead); r < end && atOrBefore(stages, r, ms, sub); r++) {
      int p = progression[stages.stage(r)];
      if (p > s.stage) {
        s.stage = p;
        s.stageSinceMs = stages.at(r);
      }
      s.closed = p < 0;
      s.lastChangeMs = Math.max(s.lastChangeMs, stages.at(r));
      if (stages.owner(r) >= 0) {
        s.lastOwner = stages.owner(r);
      }
      double a = amount(r);
      if (!Double.isNaN(a)) {
        s.amount = a;
      }
    }
    s.stageNext = r;
  }

  private void advanceRest(State s, long ms, int sub) {
    int lead = s.lead;
    int r = s.activityNext;
    for (int end = activities.to(lead); r < end && atOrBefore(activities, r, ms, sub); r++) {
      s.activities++;
      s.types[activities.type(r)]++;
      s.lastActivityMs = activities.at(r);
    }
    s.activityNext = r;
    r = s.touchNext;
    for (int end = touches.to(lead); r < end && atOrBefore(touches, r, ms, sub); r++) {
      s.touches++;
      if (touches.kind(r) == TouchKind.OFFLINE) {
        s.offline++;
      }
      s.lastTouchMs = touches.at(r);
    }
    s.touchNext = r;
  }

  /** The state of one lead at one instant. Mutable, reused by {@link #load}. */
  static final class State {
    int lead;
    long tMs;
    int tSub;
    long createdMs;
    int createdSub;
    /** Furthest progression index reached at or before t. */
    int stage;
    /** When the furthest stage was reached (first change into it or beyond), creation for 0. */
    long stageSinceMs;
    /** The latest change at or before t is an exit. */
    boolean closed;
    long lastChangeMs;
    /** Owner code of the latest change naming one, else the lead's owner code (or -1). */
    int lastOwner;
    /** The latest deal amount known at t, NaN when none. */
    double amount;
    int activities;
    final int[] types;
    long lastActivityMs;
    int touches;
    int offline;
    long lastTouchMs;
    /** Earliest reach of the target stage over all rows, {@link #NONE} when never. */
    long targetMs;
    int targetSub;
    /** Whether a lead is loaded, with which target, and the next row of each table after t. */
    boolean loaded;
    int loadedTarget;
    int stageNext;
    int activityNext;
    int touchNext;

    State(int typeCount) {
      this.types = new int[typeCount];
    }

    /** Days from an event to t; NaN for {@link #NONE}. */
    double daysSince(long eventMs) {
      return eventMs == NONE ? Double.NaN : Math.max(0, (tMs - eventMs) / DAY_MS);
    }

    double ageDays() {
      return daysSince(createdMs);
    }

    /** The last movement: latest activity or stage change at or before t, or the creation. */
    long lastMoveMs() {
      return Math.max(createdMs, Math.max(lastChangeMs, lastActivityMs));
    }

    /** Whether the target was reached at or before t. */
    boolean targetReached() {
      return targetMs != NONE && (targetMs < tMs || (targetMs == tMs && targetSub <= tSub));
    }

    /** Whether the target is reached in {@code (t, end]} (end given as ms and sub). */
    boolean targetWithin(long endMs, int endSub) {
      return targetMs != NONE && !targetReached()
          && (targetMs < endMs || (targetMs == endMs && targetSub <= endSub));
    }
  }
}
