package dev.funnel.core.funnel;

import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
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
 * <p>Protocol: {@link #empty}, {@link #add(LeadReach)} once per lead, {@link #merge} of tallies of
 * disjoint sets of leads (for example one per thread or per file), {@link #result()}. Because
 * every lead contributes to exactly one cell per stage, the counts are plain sums: merging is
 * associative and commutative, the empty tally is its identity, and how leads are split or ordered
 * does not change the result. {@code add} mutates this tally (not thread-safe); {@code merge}
 * returns a new tally and leaves both inputs unchanged.
 */
public final class FunnelTally {

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

  private FunnelTally(StageCatalog catalog, ZoneId zone, FunnelQuery query, Map<Cell, long[]> cells) {
    this.catalog = catalog;
    this.zone = zone;
    this.query = query;
    this.cells = cells;
  }

  /** A tally with no leads for this catalog, dataset zone (calendar periods) and query. */
  public static FunnelTally empty(StageCatalog catalog, ZoneId zone, FunnelQuery query) {
    return new FunnelTally(
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
   * @return this tally
   */
  public FunnelTally add(LeadReach r) {
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
   * (the columnar route); {@code add} mutates this tally.
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
   * The tally of both sets of leads; neither input changes.
   *
   * @throws IllegalArgumentException when the tallies are for different catalogs, zones or queries
   */
  public FunnelTally merge(FunnelTally other) {
    if (!catalog.equals(other.catalog) || !zone.equals(other.zone) || !query.equals(other.query)) {
      throw new IllegalArgumentException(
          "cannot merge funnel tallies of different catalogs, zones or queries");
    }
    Map<Cell, long[]> m = new HashMap<>();
    for (Map<Cell, long[]> src : List.of(cells, other.cells)) {
      for (Map.Entry<Cell, long[]> e : src.entrySet()) {
        long[] acc = m.computeIfAbsent(e.getKey(), x -> new long[catalog.progression().size()]);
        long[] v = e.getValue();
        for (int k = 0; k < v.length; k++) {
          acc[k] += v[k];
        }
      }
    }
    return new FunnelTally(catalog, zone, query, m);
  }

  /** The report of the leads added so far. */
  public FunnelReport result() {
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

  private static void add(long[] acc, long[] v) {
    for (int k = 0; k < v.length; k++) {
      acc[k] += v[k];
    }
  }
}
