package dev.funnel.core.funnel;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.StageColumns;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The event-basis stage funnel over the columnar form: the same counts as {@link LeadReach} plus
 * {@link FunnelTally#add} (spec/metrics.md, "Counting conventions": a lead counts for a stage in
 * the period in which it first reached that stage or any later one), in one pass over the leads.
 *
 * <p>Per lead, its stage rows (contiguous in {@link StageColumns}) give the earliest time into each
 * progression stage; a suffix minimum turns that into the reach time (exits ignored) and the first
 * stage is reached at {@code created_at} exactly, as in {@link LeadReach}. Each reach time inside
 * the window adds one to a flat {@code int} array indexed by (channel code, period index, stage);
 * the period index comes from a sorted array of period starts in the dataset zone (epoch millis,
 * binary search, with the lead's last period kept since a lead's reach times cluster). Nothing is
 * allocated per lead. Times are the columnar epoch milliseconds (sub-millisecond parts dropped;
 * period starts are whole seconds, so the period of every time is unchanged), which is why a window
 * bound must be a whole millisecond. Leads without a row in {@code leads} are not counted, as in
 * {@link StageFunnel#compute(dev.funnel.core.Dataset, FunnelQuery)}.
 *
 * <p>Supported: event basis, any window with whole-millisecond bounds, any granularity or none,
 * no breakdown or {@code by channel}.
 */
final class ColumnarEventFunnel {

  /** Largest number of (group, period, stage) counters allocated. */
  static final long MAX_CELLS = 1L << 26;

  private ColumnarEventFunnel() {}

  static FunnelTally tally(Columns c, FunnelQuery q) {
    check(q);
    require(c, DatasetTable.LEADS);
    require(c, DatasetTable.STAGES);
    StageCatalog catalog = c.catalog();
    ZoneId zone = c.zone();
    int n = catalog.progression().size();
    int[] progression = new int[catalog.size()];
    for (int i = 0; i < progression.length; i++) {
      progression[i] = catalog.get(i).exit() ? -1 : catalog.get(i).index();
    }
    long fromMs = bound(q.from(), Long.MIN_VALUE, "start");
    long toMs = bound(q.to(), Long.MAX_VALUE, "end");
    LeadColumns leads = c.leads();
    StageColumns stages = c.stages();
    boolean byChannel = !q.by().isEmpty();
    int groups = byChannel ? Math.max(1, c.channels().size()) : 1;

    // the period table covers every counted time: created_at and progression rows of leads with a row
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int l = 0; l < leads.size(); l++) {
      if (!leads.hasRow(l)) {
        continue;
      }
      long t = leads.createdAt(l);
      if (t >= fromMs && t < toMs) {
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
      for (int r = stages.from(l), end = stages.to(l); r < end; r++) {
        t = stages.at(r);
        if (progression[stages.stage(r)] >= 0 && t >= fromMs && t < toMs) {
          min = Math.min(min, t);
          max = Math.max(max, t);
        }
      }
    }
    FunnelTally out = FunnelTally.empty(catalog, zone, q);
    if (min > max) {
      return out;
    }
    List<Period> periods = new ArrayList<>();
    long[] starts = periodStarts(q.granularity(), zone, min, max, periods);
    int periodCount = periods.size();
    long cells = (long) groups * periodCount * n;
    if (cells > MAX_CELLS) {
      throw new IllegalArgumentException("the columnar funnel would need " + cells
          + " counters (" + groups + " groups x " + periodCount + " periods x " + n
          + " stages), more than " + MAX_CELLS + "; use a coarser granularity or a window");
    }
    int[] counts = new int[(int) cells];
    long[] reach = new long[n];
    int p = 0; // period index of the last lookup
    for (int l = 0; l < leads.size(); l++) {
      if (!leads.hasRow(l)) {
        continue;
      }
      Arrays.fill(reach, Long.MAX_VALUE);
      for (int r = stages.from(l), end = stages.to(l); r < end; r++) {
        int k = progression[stages.stage(r)];
        if (k >= 0) {
          long t = stages.at(r);
          if (t < reach[k]) {
            reach[k] = t;
          }
        }
      }
      for (int k = n - 2; k >= 1; k--) {
        if (reach[k + 1] < reach[k]) {
          reach[k] = reach[k + 1];
        }
      }
      reach[0] = leads.createdAt(l);
      int base = 0;
      if (byChannel) {
        int ch = leads.channel(l);
        if (ch < 0) {
          throw new IllegalArgumentException("lead " + leads.id(l) + " has no channel code");
        }
        base = ch * periodCount;
      }
      for (int k = 0; k < n; k++) {
        long t = reach[k];
        if (t == Long.MAX_VALUE) {
          break;
        }
        if (t < fromMs || t >= toMs) {
          continue;
        }
        if (t < starts[p] || t >= starts[p + 1]) {
          p = periodIndex(starts, t);
        }
        counts[((base + p) * n) + k]++;
      }
    }
    Dictionary channels = c.channels();
    for (int g = 0; g < groups; g++) {
      List<String> key = byChannel ? List.of(channels.value(g)) : List.of();
      for (int i = 0; i < periodCount; i++) {
        out.addCell(key, periods.get(i), counts, (g * periodCount + i) * n);
      }
    }
    return out;
  }

  private static void check(FunnelQuery q) {
    boolean byOk = q.by().isEmpty() || q.by().equals(List.of(Dimension.CHANNEL));
    if (q.basis() != Basis.EVENT || !byOk) {
      throw new IllegalArgumentException("the columnar stage funnel supports the event basis with "
          + "no breakdown or by channel (any window, any granularity); got basis "
          + q.basis().label() + " by " + q.by());
    }
  }

  private static void require(Columns c, DatasetTable t) {
    if (!c.has(t)) {
      throw new IllegalStateException("the stage funnel needs the " + t.fileName()
          + " table, which these columns do not have");
    }
  }

  /** A window bound in epoch millis; open bounds and bounds beyond the long range saturate. */
  private static long bound(Instant t, long open, String which) {
    if (t == null) {
      return open;
    }
    if (t.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("the columnar stage funnel keeps times in whole "
          + "milliseconds; the window " + which + " " + t + " has a sub-millisecond part");
    }
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * The periods from the one containing {@code min} to the one containing {@code max} (a single
   * null period without a granularity), and their start instants in epoch millis plus the end of
   * the last one; the bounds of a single null period are the long range.
   */
  private static long[] periodStarts(
      Granularity g, ZoneId zone, long min, long max, List<Period> periods) {
    if (g == null) {
      periods.add(null);
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    Period first = Period.containing(Instant.ofEpochMilli(min), g, zone);
    Period last = Period.containing(Instant.ofEpochMilli(max), g, zone);
    long count = first.until(last) + 1;
    if (count > MAX_CELLS) {
      throw new IllegalArgumentException("the columnar funnel would need " + count + " "
          + g.label() + " periods from " + first.label() + " to " + last.label()
          + "; use a coarser granularity or a window");
    }
    long[] starts = new long[(int) count + 1];
    Period p = first;
    for (int i = 0; i < count; i++) {
      periods.add(p);
      starts[i] = p.startInstant(zone).toEpochMilli();
      p = p.next();
    }
    starts[(int) count] = last.endInstant(zone).toEpochMilli();
    return starts;
  }

  /** The index i with starts[i] <= t < starts[i + 1]; t is within the table. */
  private static int periodIndex(long[] starts, long t) {
    int i = Arrays.binarySearch(starts, t);
    return i >= 0 ? i : -i - 2;
  }
}
