package dev.funnel.core.funnel;

import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.MergeableState;
import dev.funnel.core.Period;
import dev.funnel.core.PeriodSpan;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StateType;
import dev.funnel.core.internal.StateBytes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mergeable partial state of a stage funnel: per (group, period) cell, how many leads count
 * at each progression stage under the query's basis.
 *
 * <p>Protocol: {@link #empty}, {@link #add(LeadReach)} once per lead, {@link #merge} of states of
 * disjoint sets of leads (for example one per thread or per file), {@link #result()}. Because
 * every lead contributes to exactly one cell per stage, the counts are plain sums: merging is
 * associative and commutative, the empty state is its identity, and how leads are split or ordered
 * does not change the result. {@code add} mutates this state (not thread-safe); {@code merge}
 * returns a new state and leaves both inputs unchanged.
 */
public final class FunnelState implements MergeableState<FunnelState> {

  /** How generic code (a Spark aggregator, a checkpoint) reads and merges this state. */
  public static final StateType<FunnelState> TYPE = StateType.of("funnel-state", FunnelState.class, FunnelState::fromBytes);

  /** A group key (empty list without a breakdown) and a period (null without a granularity). */
  private record Cell(List<String> key, Period period) {}

  private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private final StageCatalog catalog;
  private final ZoneId zone;
  private final FunnelQuery query;
  private final Map<Cell, long[]> cells;

  private FunnelState(StageCatalog catalog, ZoneId zone, FunnelQuery query, Map<Cell, long[]> cells) {
    this.catalog = catalog;
    this.zone = zone;
    this.query = query;
    this.cells = cells;
  }

  /** A state with no leads for this catalog, dataset zone (calendar periods) and query. */
  public static FunnelState empty(StageCatalog catalog, ZoneId zone, FunnelQuery query) {
    return new FunnelState(
        Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(zone, "zone"),
        Objects.requireNonNull(query, "query"), new HashMap<>());
  }

  /**
   * Counts one lead.
   *
   * <p>Event basis: for each stage reached inside the window, +1 in the period of the reach time.
   * Cohort basis: when the lead was created inside the window, +1 in its creation period for
   * every stage it reached (within the horizon of the query, inclusive, when one is set).
   *
   * @return this state
   */
  public FunnelState add(LeadReach r) {
    if (r.stages() != catalog.progression().size()) {
      throw new IllegalArgumentException(
          "lead " + r.lead().id() + " was reached against another catalog than " + catalog);
    }
    Lead lead = r.lead();
    List<String> key = keyOf(lead);
    int n = r.stages();
    if (query.basis() == Basis.EVENT) {
      Period prev = null;
      long[] c = null;
      for (int k = 0; k < n; k++) {
        Instant t = r.reachedAt(k);
        if (t == null) {
          break;
        }
        if (query.inWindow(t)) {
          Period p = periodOf(t);
          if (c == null || !java.util.Objects.equals(p, prev)) { // a lead's stages share cells
            c = counts(new Cell(key, p));
            prev = p;
          }
          c[k]++;
        }
      }
    } else {
      Instant created = lead.createdAt();
      if (!query.inWindow(created)) {
        return this;
      }
      Instant horizon = query.within() == null ? null : created.plus(query.within());
      long[] c = counts(new Cell(key, periodOf(created)));
      for (int k = 0; k < n; k++) {
        Instant t = r.reachedAt(k);
        if (t == null || (horizon != null && t.isAfter(horizon))) {
          break;
        }
        c[k]++;
      }
    }
    return this;
  }

  private List<String> keyOf(Lead lead) {
    List<Dimension> by = query.by();
    if (by.isEmpty()) {
      return List.of();
    }
    if (by.size() == 1) {
      return List.of(by.get(0).keyOf(lead));
    }
    return List.of(by.get(0).keyOf(lead), by.get(1).keyOf(lead));
  }

  /** The period of the last lookup and its instant bounds: reach times of a lead cluster. */
  private Period lastPeriod;
  private Instant lastStart;
  private Instant lastEnd;

  private Period periodOf(Instant t) {
    if (query.granularity() == null) {
      return null;
    }
    if (lastPeriod == null || t.isBefore(lastStart) || !t.isBefore(lastEnd)) {
      lastPeriod = Period.containing(t, query.granularity(), zone);
      lastStart = lastPeriod.startInstant(zone);
      lastEnd = lastPeriod.endInstant(zone);
    }
    return lastPeriod;
  }

  /**
   * Adds {@code n} counts, one per progression stage, starting at {@code counts[offset]}, to the
   * cell of a group key and period (null without a granularity); a block of zeros adds no cell,
   * as {@link #add(LeadReach)} never creates one. For routes that count leads by other means
   * (the columnar route); {@code add} mutates this state.
   */
  void addCell(List<String> key, Period period, int[] counts, int offset) {
    int n = catalog.progression().size();
    boolean any = false;
    for (int k = 0; k < n; k++) {
      any |= counts[offset + k] != 0;
    }
    if (!any) {
      return;
    }
    long[] c = counts(new Cell(List.copyOf(key), period));
    for (int k = 0; k < n; k++) {
      c[k] += counts[offset + k];
    }
  }

  private long[] counts(Cell c) {
    return cells.computeIfAbsent(c, x -> new long[catalog.progression().size()]);
  }

  /**
   * The state of both sets of leads; neither input changes.
   *
   * @throws IllegalArgumentException when the states are for different catalogs, zones or queries
   * @throws ArithmeticException when a count would exceed a long
   */
  @Override
  public FunnelState merge(FunnelState other) {
    if (!catalog.equals(other.catalog) || !zone.equals(other.zone) || !query.equals(other.query)) {
      throw new IllegalArgumentException(
          "cannot merge funnel states of different catalogs, zones or queries");
    }
    Map<Cell, long[]> m = new HashMap<>();
    for (Map<Cell, long[]> src : List.of(cells, other.cells)) {
      for (Map.Entry<Cell, long[]> e : src.entrySet()) {
        long[] acc = m.computeIfAbsent(e.getKey(), x -> new long[catalog.progression().size()]);
        add(acc, e.getValue());
      }
    }
    return new FunnelState(catalog, zone, query, m);
  }

  /**
   * The report of the leads added so far, within {@link PeriodSpan#DEFAULT_MAX} periods (see
   * {@link #result(int)}).
   *
   * @throws IllegalArgumentException when the periods exceed the limit
   * @throws ArithmeticException when a total would exceed a long
   */
  public FunnelReport result() {
    return result(PeriodSpan.DEFAULT_MAX);
  }

  /**
   * The report of the leads added so far. With a granularity, the report has a row per period
   * from the first counted period to the last, for the total and for each group, so the span and
   * the rows are checked before anything is laid out: at most {@code maxPeriods} periods, and at
   * most {@code 100 x maxPeriods} period rows over the total and the groups (a breakdown by a
   * thousand campaigns is fine over a hundred periods, not over ten thousand).
   *
   * @param maxPeriods the most periods the report may span (see {@link PeriodSpan})
   * @throws IllegalArgumentException when the periods or period rows exceed the limit (the
   *     message names them and the limit), or {@code maxPeriods} is below 1
   * @throws ArithmeticException when a total would exceed a long
   */
  public FunnelReport result(int maxPeriods) {
    PeriodSpan.requireLimit(maxPeriods);
    int n = catalog.progression().size();
    List<String> names = new ArrayList<>(n);
    for (Stage s : catalog.progression()) {
      names.add(s.name());
    }
    long[] total = new long[n];
    Map<List<String>, long[]> groupTotals = new TreeMap<>(KEY_ORDER);
    Map<List<String>, Map<Period, long[]>> groupPeriods = new HashMap<>();
    Map<Period, long[]> periodTotals = new HashMap<>();
    TreeSet<Period> seen = new TreeSet<>();
    for (Map.Entry<Cell, long[]> e : cells.entrySet()) {
      Cell c = e.getKey();
      long[] v = e.getValue();
      add(total, v);
      add(groupTotals.computeIfAbsent(c.key(), x -> new long[n]), v);
      if (c.period() != null) {
        seen.add(c.period());
        add(periodTotals.computeIfAbsent(c.period(), x -> new long[n]), v);
        add(groupPeriods.computeIfAbsent(c.key(), x -> new HashMap<>())
            .computeIfAbsent(c.period(), x -> new long[n]), v);
      }
    }
    List<Period> periods = new ArrayList<>();
    if (!seen.isEmpty()) {
      int span = PeriodSpan.count("the funnel", seen.first(), seen.last(), maxPeriods);
      int tables = query.by().isEmpty() ? 1 : groupTotals.size() + 1;
      if ((long) span * tables > 100L * maxPeriods) {
        throw new IllegalArgumentException("the funnel would have " + span + " periods for each of "
            + (tables - 1) + " groups and the total, more than the limit of 100 x " + maxPeriods
            + " period rows (maxPeriods): use a coarser granularity, a shorter window or a larger"
            + " maxPeriods");
      }
      for (Period p = seen.first(); p.compareTo(seen.last()) <= 0; p = p.next()) {
        periods.add(p);
      }
    }
    List<GroupFunnel> groups = new ArrayList<>();
    if (!query.by().isEmpty()) {
      for (Map.Entry<List<String>, long[]> g : groupTotals.entrySet()) {
        Map<Period, long[]> gp = groupPeriods.getOrDefault(g.getKey(), Map.of());
        groups.add(new GroupFunnel(
            String.join(GroupFunnel.SEPARATOR, g.getKey()), g.getKey(),
            Conversions.rows(names, g.getValue()), periodRows(names, periods, gp)));
      }
    }
    return new FunnelReport(query.basis(), query, Conversions.rows(names, total), groups,
        periodRows(names, periods, periodTotals));
  }

  private static List<PeriodFunnel> periodRows(
      List<String> names, List<Period> periods, Map<Period, long[]> counts) {
    List<PeriodFunnel> out = new ArrayList<>(periods.size());
    long[] zero = new long[names.size()];
    for (Period p : periods) {
      out.add(new PeriodFunnel(p.label(), Conversions.rows(names, counts.getOrDefault(p, zero))));
    }
    return out;
  }

  /** Adds counts with {@link Math#addExact}: a forged or huge state fails, never wraps. */
  private static void add(long[] acc, long[] v) {
    for (int k = 0; k < v.length; k++) {
      acc[k] = Math.addExact(acc[k], v[k]);
    }
  }

  // ---- stable byte form (additive: toBytes, fromBytes, equals, hashCode) ----

  /** Version of the byte form of {@link #toBytes()}. */
  static final byte VERSION = 1;

  private static final String WHAT = "funnel state";

  private static final Comparator<Cell> CELL_ORDER = Comparator.<Cell, List<String>>comparing(
      Cell::key, KEY_ORDER).thenComparing(Cell::period, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * The stable byte form (layout of {@code StateBytes}, version 1), so equal
   * states give equal bytes:
   *
   * <pre>
   * byte    version (1)
   * int n, n x string          progression stage names, in catalog order
   * int m, m x string          exit stage names
   * string                     zone id
   * string                     basis (EVENT or COHORT)
   * optional (long s, int ns)  window start (epoch second, nano), then the same for the end
   * optional string            granularity (DAY ... YEAR)
   * int d, d x string          breakdown dimensions (CHANNEL, CAMPAIGN, SEGMENT, OWNER)
   * optional (long s, int ns)  cohort horizon (seconds, nanos)
   * int c                      cells, sorted by group key then period
   *   int k, k x string        group key (k = d)
   *   optional (string, long)  period: granularity and epoch day of its start
   *   n x long                 count per progression stage
   * </pre>
   */
  @Override
  public byte[] toBytes() {
    StateBytes.Writer w = new StateBytes.Writer(VERSION);
    w.writeInt(catalog.progression().size());
    for (Stage s : catalog.progression()) {
      w.writeString(s.name());
    }
    w.writeInt(catalog.exits().size());
    for (Stage s : catalog.exits()) {
      w.writeString(s.name());
    }
    w.writeString(zone.getId());
    w.writeString(query.basis().name());
    writeInstant(w, query.from());
    writeInstant(w, query.to());
    w.writeOptionalString(query.granularity() == null ? null : query.granularity().name());
    w.writeInt(query.by().size());
    for (Dimension d : query.by()) {
      w.writeString(d.name());
    }
    if (query.within() == null) {
      w.writeByte(0);
    } else {
      w.writeByte(1).writeLong(query.within().getSeconds()).writeInt(query.within().getNano());
    }
    List<Cell> sorted = new ArrayList<>(cells.keySet());
    sorted.sort(CELL_ORDER);
    w.writeInt(sorted.size());
    for (Cell c : sorted) {
      w.writeInt(c.key().size());
      for (String k : c.key()) {
        w.writeString(k);
      }
      if (c.period() == null) {
        w.writeByte(0);
      } else {
        w.writeByte(1).writeString(c.period().granularity().name())
            .writeLong(c.period().start().toEpochDay());
      }
      for (long v : cells.get(c)) {
        w.writeLong(v);
      }
    }
    return w.toByteArray();
  }

  private static void writeInstant(StateBytes.Writer w, Instant t) {
    if (t == null) {
      w.writeByte(0);
    } else {
      w.writeByte(1).writeLong(t.getEpochSecond()).writeInt(t.getNano());
    }
  }

  /**
   * Reads the byte form of {@link #toBytes()}: catalog, zone, query and cells.
   *
   * @throws IllegalArgumentException on null, empty, truncated or trailing bytes, another version,
   *     an invalid catalog, zone or query, a cell that does not fit the query (key size, period
   *     granularity), a repeated cell, a negative count or a cell without counts
   */
  public static FunnelState fromBytes(byte[] data) {
    StateBytes.Reader r = new StateBytes.Reader(data, WHAT, VERSION);
    try {
      int n = r.readSize("stage count");
      List<String> progression = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        progression.add(r.readString("stage name"));
      }
      int m = r.readSize("exit count");
      List<String> exits = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        exits.add(r.readString("exit name"));
      }
      StageCatalog catalog = StageCatalog.of(progression, exits);
      ZoneId zone = ZoneId.of(r.readString("zone"));
      Basis basis = Basis.valueOf(r.readString("basis"));
      Instant from = readInstant(r, "window start");
      Instant to = readInstant(r, "window end");
      String g = r.readOptionalString("granularity");
      Granularity granularity = g == null ? null : Granularity.valueOf(g);
      int d = r.readSize("dimension count");
      List<Dimension> by = new ArrayList<>(d);
      for (int i = 0; i < d; i++) {
        by.add(Dimension.valueOf(r.readString("dimension")));
      }
      Duration within = null;
      if (r.readFlag("horizon")) {
        within = Duration.ofSeconds(r.readLong(), readNano(r, "horizon"));
      }
      FunnelQuery query = new FunnelQuery(basis, from, to, granularity, by, within);
      Map<Cell, long[]> cells = new HashMap<>();
      int c = r.readSize("cell count");
      for (int i = 0; i < c; i++) {
        int k = r.readSize("key size");
        if (k != by.size()) {
          throw r.malformed("cell key has " + k + " parts, the query breaks down by " + by.size());
        }
        List<String> key = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
          key.add(r.readString("key"));
        }
        Period period = null;
        if (r.readFlag("period")) {
          Granularity pg = Granularity.valueOf(r.readString("period granularity"));
          long day = r.readLong();
          period = Period.of(pg, java.time.LocalDate.ofEpochDay(day));
          if (period.start().toEpochDay() != day) {
            throw r.malformed("day " + day + " does not start a " + pg.label() + " period");
          }
          if (pg != granularity) {
            throw r.malformed("cell period " + period + " does not have the query granularity");
          }
        } else if (granularity != null) {
          throw r.malformed("cell has no period but the query counts per " + granularity.label());
        }
        long[] v = new long[n];
        boolean any = false;
        for (int s = 0; s < n; s++) {
          v[s] = r.readCount("stage count");
          any |= v[s] != 0;
        }
        if (!any) {
          throw r.malformed("a cell has no counts");
        }
        if (cells.put(new Cell(List.copyOf(key), period), v) != null) {
          throw r.malformed("cell " + key + " " + period + " appears twice");
        }
      }
      r.end();
      return new FunnelState(catalog, zone, query, cells);
    } catch (java.time.DateTimeException e) {
      throw r.malformed("invalid zone, instant or date (" + e.getMessage() + ")");
    } catch (ArithmeticException e) {
      throw r.malformed("a value is out of range (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(WHAT)) {
        throw e;
      }
      throw r.malformed(e.getMessage());
    }
  }

  private static Instant readInstant(StateBytes.Reader r, String field) {
    if (!r.readFlag(field)) {
      return null;
    }
    return Instant.ofEpochSecond(r.readLong(), readNano(r, field));
  }

  private static int readNano(StateBytes.Reader r, String field) {
    int nano = r.readInt();
    if (nano < 0 || nano > 999_999_999) {
      throw r.malformed(field + " nanoseconds " + nano + " are out of range");
    }
    return nano;
  }

  /** Equal when catalog, zone, query and every cell's counts are equal (the byte forms match). */
  @Override
  public boolean equals(Object o) {
    return o instanceof FunnelState t && java.util.Arrays.equals(t.toBytes(), toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "FunnelState[" + query.basis() + ", " + cells.size() + " cells]";
  }
}
