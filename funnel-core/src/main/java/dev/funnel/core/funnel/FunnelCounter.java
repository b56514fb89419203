package dev.funnel.core.funnel;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LocalDays;
import dev.funnel.core.columnar.MillisWindow;
import dev.funnel.core.columnar.StageColumns;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage funnel over the columnar form, both bases: the one implementation behind
 * {@link StageFunnel#compute} and {@link StageFunnel#tally}, giving the counts of {@link LeadReach}
 * plus {@link FunnelState#add} for every lead of the leads table (docs/spec/metrics.md, "Counting
 * conventions"), in one pass over the leads.
 *
 * <p>Per lead, its stage rows (contiguous in {@link StageColumns}, sorted by exact time) give the
 * reach rows: the reach of progression stage {@code k >= 1} is the first row into {@code k} or any
 * later progression stage (a suffix minimum, exits ignored), and the first stage is reached at
 * {@code created_at} exactly. Event basis: each reach time inside the window counts in its period.
 * Cohort basis: a lead created inside the window counts in its creation period for every stage
 * reached (within the horizon, inclusive, when one is set). Counts go to a flat {@code int} array
 * indexed by (group, period, stage), groups being the combinations of breakdown codes met (codes
 * of the lead columns; an absent value is the group {@link Dimension#NONE}), periods a dense range
 * looked up in a sorted array of period starts in the dataset zone (epoch millis; a lead's last
 * period is kept, since a lead's reach times cluster); a very sparse range falls back to a map of
 * (group, period) blocks. Nothing is allocated per lead. Times are compared on epoch milliseconds;
 * period starts are whole seconds, so a period is decided by the milliseconds, and a window bound
 * or horizon that falls inside a time's millisecond is decided on the exact instant
 * ({@link MillisWindow}). Leads without a row in {@code leads} are not counted (there is no creation
 * time or channel to place them; the data-quality report lists them).
 */
final class FunnelCounter {

  /** Largest number of (group, period, stage) counters held in one dense array. */
  static final long MAX_DENSE_CELLS = 1L << 24;
  /** Largest number of periods looked up in an array of period starts. */
  static final long MAX_PERIOD_TABLE = 1L << 20;
  /** Largest product of breakdown dictionary sizes mapped to groups through an array. */
  static final long MAX_GROUP_TABLE = 1L << 22;

  private FunnelCounter() {}

  /**
   * The state of every lead of the leads table under the query.
   *
   * @throws IllegalStateException when the columns have no leads or stages table
   */
  static FunnelState tally(Columns c, FunnelQuery q) {
    require(c, DatasetTable.LEADS);
    require(c, DatasetTable.STAGES);
    return new Run(c, q).count();
  }

  private static void require(Columns c, DatasetTable t) {
    if (!c.has(t)) {
      throw new IllegalStateException("the stage funnel needs the " + t.fileName()
          + " table, which these columns do not have");
    }
  }

  /**
   * The progression index of each catalog index, -1 for exits: catalog indexes of progression
   * stages are their positions in the progression.
   */
  static int[] progressionOf(StageCatalog catalog) {
    int[] progression = new int[catalog.size()];
    for (int i = 0; i < progression.length; i++) {
      progression[i] = catalog.get(i).exit() ? -1 : catalog.get(i).index();
    }
    return progression;
  }

  /**
   * Fills {@code reachRow[1..m]} with the reach rows of the lead and returns {@code m}, the
   * furthest progression stage reached through a stage change (0 when none): the reach row of
   * stage {@code k} is the lead's first row (rows are in exact time order) into {@code k} or a
   * later progression stage.
   */
  static int reachRows(StageColumns stages, int[] progression, int lead, int[] reachRow) {
    int m = 0;
    for (int r = stages.from(lead), end = stages.to(lead); r < end; r++) {
      int k = progression[stages.stage(r)];
      while (m < k) {
        reachRow[++m] = r;
      }
    }
    return m;
  }

  /** The state of one count. */
  private static final class Run {
    private final Columns c;
    private final FunnelQuery q;
    private final LeadColumns leads;
    private final StageColumns stages;
    private final int n;
    private final int[] progression;
    private final MillisWindow window;
    private final boolean event;
    private final ZoneId zone;

    // breakdown: per dimension its dictionary and the lead's code, combined into a dense group id
    private final int dims;
    private final Dimension d1;
    private final Dimension d2;
    private final int size2;
    private int[] groupTable; // combination -> dense group + 1 (0: not met yet)
    private Map<Long, Integer> groupMap; // when the combinations are too many for an array
    private final List<int[]> groupCodes = new ArrayList<>(); // dense group -> {code1, code2}

    // periods
    private final List<Period> periods = new ArrayList<>();
    private long[] starts; // null: look periods up one by one
    private boolean cache = true; // false: local dates go back somewhere in the range
    private Period first;
    private long lastStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private int lastIndex;

    // counters
    private int[] dense;
    private Map<Long, int[]> sparse;
    private int periodCount;

    Run(Columns c, FunnelQuery q) {
      this.c = c;
      this.q = q;
      this.leads = c.leads();
      this.stages = c.stages();
      this.n = c.catalog().progression().size();
      this.progression = progressionOf(c.catalog());
      this.window = new MillisWindow(q.from(), q.to());
      this.event = q.basis() == Basis.EVENT;
      this.zone = c.zone();
      this.dims = q.by().size();
      this.d1 = dims > 0 ? q.by().get(0) : null;
      this.d2 = dims > 1 ? q.by().get(1) : null;
      this.size2 = d2 == null ? 1 : dictionary(d2).size() + 1;
      long combos = (long) (d1 == null ? 1 : dictionary(d1).size() + 1) * size2;
      if (combos <= MAX_GROUP_TABLE) {
        groupTable = new int[(int) combos];
      } else {
        groupMap = new HashMap<>();
      }
    }

    private Dictionary dictionary(Dimension d) {
      switch (d) {
        case CHANNEL: return c.channels();
        case CAMPAIGN: return c.campaigns();
        case SEGMENT: return c.segments();
        case OWNER: return c.owners();
        default: throw new AssertionError(d);
      }
    }

    private int code(Dimension d, int lead) {
      switch (d) {
        case CHANNEL: return leads.channel(lead);
        case CAMPAIGN: return leads.campaign(lead);
        case SEGMENT: return leads.segment(lead);
        case OWNER: return leads.owner(lead);
        default: throw new AssertionError(d);
      }
    }

    /** The dense group of the lead, assigned on first sight. */
    private int group(int lead) {
      if (dims == 0) {
        if (groupCodes.isEmpty()) {
          groupCodes.add(new int[0]);
        }
        return 0;
      }
      int c1 = code(d1, lead);
      int c2 = d2 == null ? Dictionary.ABSENT : code(d2, lead);
      long combo = (long) (c1 + 1) * size2 + (d2 == null ? 0 : c2 + 1);
      if (groupTable != null) {
        int g = groupTable[(int) combo];
        if (g == 0) {
          groupCodes.add(new int[] {c1, c2});
          g = groupCodes.size();
          groupTable[(int) combo] = g;
        }
        return g - 1;
      }
      Integer g = groupMap.get(combo);
      if (g == null) {
        g = groupCodes.size();
        groupMap.put(combo, g);
        groupCodes.add(new int[] {c1, c2});
      }
      return g;
    }

    /** Whether the time of a stage row is inside the window. */
    private boolean rowIn(int r) {
      int w = window.test(stages.at(r));
      return w == MillisWindow.IN || (w == MillisWindow.EXACT && window.contains(stages.instant(r)));
    }

    /** Whether the lead was created inside the window. */
    private boolean createdIn(int l) {
      int w = window.test(leads.createdAt(l));
      return w == MillisWindow.IN || (w == MillisWindow.EXACT && window.contains(leads.created(l)));
    }

    FunnelState count() {
      FunnelState out = FunnelState.empty(c.catalog(), zone, q);
      int[] reachRow = new int[n];
      // pass 1: the groups met and the range of counted times
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      boolean any = false;
      for (int l = 0; l < leads.size(); l++) {
        if (!leads.hasRow(l)) {
          continue;
        }
        boolean counted = false;
        if (createdIn(l)) {
          long t = leads.createdAt(l);
          min = Math.min(min, t);
          max = Math.max(max, t);
          counted = true;
        }
        if (event) {
          int m = reachRows(stages, progression, l, reachRow);
          for (int k = 1; k <= m; k++) {
            int r = reachRow[k];
            if (rowIn(r)) {
              long t = stages.at(r);
              min = Math.min(min, t);
              max = Math.max(max, t);
              counted = true;
            }
          }
        }
        if (counted) {
          group(l);
          any = true;
        }
      }
      if (!any) {
        return out;
      }
      periodTable(q.granularity(), min, max);
      long cells = (long) groupCodes.size() * periodCount * n;
      if (cells <= MAX_DENSE_CELLS) {
        dense = new int[(int) cells];
      } else {
        sparse = new HashMap<>();
      }
      // pass 2: count
      Duration within = q.within();
      long withinMs = 0;
      boolean withinExact = false;
      if (within != null) {
        try {
          withinMs = within.toMillis();
        } catch (ArithmeticException e) {
          withinExact = true;
        }
      }
      for (int l = 0; l < leads.size(); l++) {
        if (!leads.hasRow(l)) {
          continue;
        }
        if (event) {
          countEvent(l, reachRow);
        } else if (createdIn(l)) {
          countCohort(l, reachRow, within, withinMs, withinExact);
        }
      }
      emit(out);
      return out;
    }

    private void countEvent(int l, int[] reachRow) {
      int m = reachRows(stages, progression, l, reachRow);
      int g = -1;
      if (createdIn(l)) {
        g = group(l);
        add(g, period(leads.createdAt(l)), 0);
      }
      for (int k = 1; k <= m; k++) {
        int r = reachRow[k];
        if (rowIn(r)) {
          if (g < 0) {
            g = group(l);
          }
          add(g, period(stages.at(r)), k);
        }
      }
    }

    private void countCohort(int l, int[] reachRow, Duration within, long withinMs,
        boolean withinExact) {
      int m = reachRows(stages, progression, l, reachRow);
      int g = group(l);
      long created = leads.createdAt(l);
      int p = period(created);
      add(g, p, 0);
      if (within == null) {
        for (int k = 1; k <= m; k++) {
          add(g, p, k);
        }
        return;
      }
      // the horizon created + within is in the millisecond lo or lo + 1 (two sub-ms parts)
      long lo = 0;
      boolean exact = withinExact;
      if (!exact) {
        try {
          lo = Math.addExact(created, withinMs);
          exact = lo == Long.MAX_VALUE;
        } catch (ArithmeticException e) {
          exact = true;
        }
      }
      Instant horizon = null;
      for (int k = 1; k <= m; k++) {
        int r = reachRow[k];
        long t = stages.at(r);
        boolean after;
        if (!exact && t < lo) {
          after = false;
        } else if (!exact && t > lo + 1) {
          after = true;
        } else {
          if (horizon == null) {
            horizon = leads.created(l).plus(within);
          }
          after = stages.instant(r).isAfter(horizon);
        }
        if (after) {
          break;
        }
        add(g, p, k);
      }
    }

    private void add(int group, int period, int stage) {
      if (dense != null) {
        dense[(group * periodCount + period) * n + stage]++;
      } else {
        sparse.computeIfAbsent((long) group * periodCount + period, x -> new int[n])[stage]++;
      }
    }

    /**
     * The periods from the one containing {@code min} to the one containing {@code max} (a single
     * null period without a granularity), with an array of their starts in epoch millis plus the
     * end of the last when there are not too many.
     */
    private void periodTable(Granularity g, long min, long max) {
      if (g == null) {
        periods.add(null);
        periodCount = 1;
        starts = new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        return;
      }
      first = Period.containing(Instant.ofEpochMilli(min), g, zone);
      Period last = Period.containing(Instant.ofEpochMilli(max), g, zone);
      if (!LocalDays.ascend(zone, min, max)) {
        // a clock set back over midnight: the local date, hence the period, of an instant is not
        // monotone there; look each period up exactly, in a range one period wider each side
        cache = false;
        first = first.previous();
        last = last.next();
      }
      long count = first.until(last) + 1;
      if (count > Integer.MAX_VALUE / 2) {
        throw new IllegalArgumentException("the funnel would count " + count + " " + g.label()
            + " periods from " + first.label() + " to " + last.label()
            + "; use a coarser granularity or a window");
      }
      periodCount = (int) count;
      if (count > MAX_PERIOD_TABLE || !cache) {
        return; // looked up one by one
      }
      starts = new long[periodCount + 1];
      Period p = first;
      for (int i = 0; i < periodCount; i++) {
        periods.add(p);
        starts[i] = p.startInstant(zone).toEpochMilli();
        p = p.next();
      }
      starts[periodCount] = last.endInstant(zone).toEpochMilli();
    }

    /** The index of the period of a counted time. */
    private int period(long t) {
      if (q.granularity() == null) {
        return 0;
      }
      if (t >= lastStart && t < lastEnd) {
        return lastIndex;
      }
      if (starts != null) {
        int i = Arrays.binarySearch(starts, t);
        lastIndex = i >= 0 ? i : -i - 2;
        lastStart = starts[lastIndex];
        lastEnd = starts[lastIndex + 1];
      } else {
        Period p = Period.containing(Instant.ofEpochMilli(t), q.granularity(), zone);
        lastIndex = (int) first.until(p);
        if (cache) {
          lastStart = p.startInstant(zone).toEpochMilli();
          lastEnd = p.endInstant(zone).toEpochMilli();
        }
      }
      return lastIndex;
    }

    private Period periodAt(int i) {
      if (q.granularity() == null) {
        return null;
      }
      return starts != null ? periods.get(i) : first.plus(i);
    }

    private List<String> key(int group) {
      if (dims == 0) {
        return List.of();
      }
      int[] codes = groupCodes.get(group);
      String k1 = keyOf(d1, codes[0]);
      return dims == 1 ? List.of(k1) : List.of(k1, keyOf(d2, codes[1]));
    }

    private String keyOf(Dimension d, int code) {
      return code == Dictionary.ABSENT ? Dimension.NONE : dictionary(d).value(code);
    }

    private void emit(FunnelState out) {
      if (dense != null) {
        for (int g = 0; g < groupCodes.size(); g++) {
          List<String> key = key(g);
          for (int i = 0; i < periodCount; i++) {
            out.addCell(key, periodAt(i), dense, (g * periodCount + i) * n);
          }
        }
        return;
      }
      for (Map.Entry<Long, int[]> e : sparse.entrySet()) {
        long cell = e.getKey();
        out.addCell(key((int) (cell / periodCount)), periodAt((int) (cell % periodCount)),
            e.getValue(), 0);
      }
    }
  }
}
