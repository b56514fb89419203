package dev.funnel.core.sla;

import dev.funnel.core.stats.KaplanMeier;
import dev.funnel.core.stats.SurvivalCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable partial state of a first-response SLA: per owner, the outcome counts and the
 * Kaplan-Meier state of the response times.
 *
 * <p>Protocol: {@link #empty()}, {@link #add(FirstResponse)} per lead (mutates this state; not
 * thread-safe), {@link #merge(SlaTally)} (a new state, inputs unchanged; associative, commutative,
 * identity {@code empty()}), {@link #result()} for everyone and {@link #byOwner()} per owner. Any
 * split of the leads, merged in any order, gives the same result.
 */
public final class SlaTally {

  private final TreeMap<String, Cell> owners;

  private SlaTally(TreeMap<String, Cell> owners) {
    this.owners = owners;
  }

  /** No leads. */
  public static SlaTally empty() {
    return new SlaTally(new TreeMap<>());
  }

  /** One lead's response; returns this state. */
  public SlaTally add(FirstResponse r) {
    owners.computeIfAbsent(r.owner(), o -> new Cell()).add(r);
    return this;
  }

  /** The state of both sets of leads. */
  public SlaTally merge(SlaTally other) {
    TreeMap<String, Cell> m = new TreeMap<>();
    for (Map<String, Cell> src : List.of(owners, other.owners)) {
      for (Map.Entry<String, Cell> e : src.entrySet()) {
        m.merge(e.getKey(), e.getValue().copy(), Cell::plus);
      }
    }
    return new SlaTally(m);
  }

  /** The figures over every owner. */
  public SlaStats result() {
    // pairwise, so each observation is copied about log2(owners) times, not once per owner
    List<Cell> level = new ArrayList<>(owners.values());
    if (level.isEmpty()) {
      return new Cell().stats(Sla.ALL);
    }
    while (level.size() > 1) {
      List<Cell> next = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        next.add(i + 1 < level.size() ? level.get(i).plus(level.get(i + 1)) : level.get(i));
      }
      level = next;
    }
    return level.get(0).stats(Sla.ALL);
  }

  /** The figures per owner, sorted by owner. */
  public List<SlaStats> byOwner() {
    List<SlaStats> out = new ArrayList<>();
    owners.forEach((o, c) -> out.add(c.stats(o)));
    return List.copyOf(out);
  }

  /** Counts and response-time survival state of one owner. */
  private static final class Cell {
    final long[] counts = new long[FirstResponse.Outcome.values().length];
    KaplanMeier km = KaplanMeier.empty();

    void add(FirstResponse r) {
      counts[r.outcome().ordinal()]++;
      km.add(r.minutes(), r.responded());
    }

    Cell copy() {
      Cell c = new Cell();
      System.arraycopy(counts, 0, c.counts, 0, counts.length);
      c.km = KaplanMeier.empty().merge(km);
      return c;
    }

    Cell plus(Cell o) {
      Cell c = new Cell();
      for (int i = 0; i < counts.length; i++) {
        c.counts[i] = counts[i] + o.counts[i];
      }
      c.km = km.merge(o.km);
      return c;
    }

    SlaStats stats(String owner) {
      long within = counts[FirstResponse.Outcome.WITHIN.ordinal()];
      long late = counts[FirstResponse.Outcome.LATE.ordinal()];
      long overdue = counts[FirstResponse.Outcome.OVERDUE.ordinal()];
      long waiting = counts[FirstResponse.Outcome.WAITING.ordinal()];
      long decided = within + late + overdue;
      SurvivalCurve curve = km.result();
      return new SlaStats(owner, decided + waiting, within + late, within, late, overdue, waiting,
          decided == 0 ? Double.NaN : (double) within / decided,
          curve.events() == 0 ? Double.NaN : curve.median(),
          curve.events() == 0 ? Double.NaN : curve.percentile(0.9));
    }
  }
}
