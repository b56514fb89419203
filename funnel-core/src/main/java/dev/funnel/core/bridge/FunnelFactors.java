package dev.funnel.core.bridge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the counts of two states into the {@link FactorTable} of the funnel identity (definitions
 * and the zero convention in {@link FunnelBridge}): ratios are built here, after any merging of
 * counts, never merged themselves.
 */
final class FunnelFactors {

  private final FactorTable table;
  private final List<String> notes;

  private FunnelFactors(FactorTable table, List<String> notes) {
    this.table = table;
    this.notes = List.copyOf(notes);
  }

  FactorTable table() {
    return table;
  }

  List<String> notes() {
    return notes;
  }

  /** Exact total revenue of a state: funnel plus existing customers, over all segments. */
  static BigDecimal total(Map<String, FunnelCounts> state) {
    BigDecimal t = BigDecimal.ZERO;
    for (FunnelCounts c : state.values()) {
      t = t.add(c.totalRevenue());
    }
    return t;
  }

  /**
   * The optional parts of the factor table, named instead of three positional booleans: each adds
   * factors to the identity (definitions in {@link FunnelBridge}).
   */
  enum Part {
    /** Segments by a dimension: the volume is the total of all segments, with a source-mix share. */
    SOURCE_MIX,
    /** Existing customers apart: active base x retention x revenue per active customer. */
    NEW_VS_EXISTING,
    /** Sales velocity instead of revenue: the cycle-speed factor. */
    VELOCITY
  }

  /**
   * The factor table of two states of counts per segment, with the optional {@code parts} (none:
   * one segment {@code ""}, revenue of new customers only, no velocity).
   *
   * @throws IllegalArgumentException when the states count different stages, visits are known for
   *     some segments only, existing customers appear without {@link Part#NEW_VS_EXISTING}, or
   *     segments other than {@code ""} appear without {@link Part#SOURCE_MIX}
   */
  static FunnelFactors of(String baseLabel, Map<String, FunnelCounts> base, String currentLabel,
      Map<String, FunnelCounts> current, Set<Part> parts) {
    boolean segmented = parts.contains(Part.SOURCE_MIX);
    boolean split = parts.contains(Part.NEW_VS_EXISTING);
    boolean velocity = parts.contains(Part.VELOCITY);
    List<String> stages = stages(base, current);
    boolean visits = visitsKnown(base, current);
    if (!split) {
      for (Map<String, FunnelCounts> m : List.of(base, current)) {
        m.forEach((s, c) -> {
          if (c.customerBase() != 0 || c.existingRevenue().signum() != 0) {
            throw new IllegalArgumentException("segment '" + s + "' counts existing customers;"
                + " use a funnel bridge with the new/existing split (newVsExisting())");
          }
        });
      }
    }
    TreeSet<String> segments = new TreeSet<>(base.keySet());
    segments.addAll(current.keySet());
    if (!segmented && (segments.size() != 1 || !segments.first().isEmpty())) {
      throw new IllegalArgumentException("without a breakdown the counts must be of the one"
          + " segment \"\", got " + segments);
    }
    List<String> factors = new ArrayList<>();
    factors.add(visits ? FunnelBridge.VISITS : FunnelBridge.LEADS);
    if (segmented) {
      factors.add(FunnelBridge.SOURCE_MIX);
    }
    if (visits) {
      factors.add(FunnelBridge.VISIT_TO_LEAD);
    }
    for (int k = 1; k < stages.size() - 1; k++) {
      factors.add(lower(stages.get(k - 1)) + "->" + lower(stages.get(k)));
    }
    factors.add(FunnelBridge.WIN_RATE);
    factors.add(FunnelBridge.AVERAGE_DEAL);
    if (velocity) {
      factors.add(FunnelBridge.CYCLE_SPEED);
    }
    if (split) {
      factors.addAll(List.of(FunnelBridge.ACTIVE_BASE, FunnelBridge.RETENTION,
          FunnelBridge.REVENUE_PER_ACTIVE));
    }
    List<String> notes = new ArrayList<>();
    // segment -> factor -> {base, current}
    Map<String, Map<String, double[]>> cells = new LinkedHashMap<>();
    double[] outside = new double[2];
    boolean anyOutside = false;
    String[] labels = {baseLabel, currentLabel};
    List<Map<String, FunnelCounts>> states = List.of(base, current);
    for (int t = 0; t < 2; t++) {
      Map<String, FunnelCounts> state = states.get(t);
      double total = 0;
      for (String s : segments) {
        total += volume(state.getOrDefault(s, FunnelCounts.empty(stages)), visits);
      }
      for (String s : segments) {
        FunnelCounts c = state.getOrDefault(s, FunnelCounts.empty(stages));
        String seg = !split ? s : segmented ? s + " / new" : FunnelBridge.NEW_SEGMENT;
        Map<String, double[]> row = cells.computeIfAbsent(seg, x -> new LinkedHashMap<>());
        double vol = volume(c, visits);
        int f = 0;
        put(row, factors.get(f++), t, segmented ? total : vol);
        if (segmented) {
          put(row, factors.get(f++), t, ratio(vol, total));
        }
        if (visits) {
          put(row, factors.get(f++), t, ratio(c.leads(), c.visits()));
        }
        boolean zero = vol == 0;
        for (int k = 1; k < stages.size(); k++) {
          put(row, factors.get(f++), t, ratio(c.reached().get(k), c.reached().get(k - 1)));
          zero |= c.reached().get(k - 1) == 0 || c.reached().get(k) == 0;
        }
        double revenue = c.revenue().doubleValue();
        put(row, factors.get(f++), t, ratio(revenue, c.won()));
        if (velocity) {
          put(row, factors.get(f), t, speed(c, labels[t], zero));
        }
        if (zero && c.revenue().signum() != 0) {
          outside[t] += revenue;
          anyOutside = true;
          notes.add("segment '" + seg + "' in " + labels[t] + ": revenue "
              + c.revenue().toPlainString() + " with a zero count on its chain " + chain(c)
              + "; booked to '" + FunnelBridge.OUTSIDE + "'");
        }
        if (split) {
          String ex = segmented ? s + " / existing" : FunnelBridge.EXISTING_SEGMENT;
          Map<String, double[]> er = cells.computeIfAbsent(ex, x -> new LinkedHashMap<>());
          put(er, FunnelBridge.ACTIVE_BASE, t, c.customerBase());
          put(er, FunnelBridge.RETENTION, t, ratio(c.activeCustomers(), c.customerBase()));
          put(er, FunnelBridge.REVENUE_PER_ACTIVE, t,
              ratio(c.existingRevenue().doubleValue(), c.activeCustomers()));
        }
      }
    }
    if (anyOutside) {
      factors.add(FunnelBridge.OUTSIDE);
      Map<String, double[]> row = new LinkedHashMap<>();
      row.put(FunnelBridge.OUTSIDE, outside);
      cells.put(FunnelBridge.OUTSIDE_SEGMENT, row);
    }
    List<FactorRow> rows = new ArrayList<>();
    cells.forEach((seg, row) -> {
      for (String f : factors) {
        double[] v = row.getOrDefault(f, new double[] {1, 1});
        rows.add(new FactorRow(seg, f, v[0], v[1]));
      }
    });
    return new FunnelFactors(FactorTable.of(rows), notes);
  }

  /** Won deals per day of summed cycle: 1 / mean cycle length. */
  private static double speed(FunnelCounts c, String label, boolean zero) {
    if (Double.isNaN(c.cycleDays())) {
      throw new IllegalArgumentException("the cycle lengths of " + label + " are unknown; sales"
          + " velocity needs them");
    }
    if (zero && c.revenue().signum() != 0) {
      throw new IllegalArgumentException("sales velocity of " + label + " is undefined: revenue "
          + c.revenue().toPlainString() + " with a zero count on the chain " + chain(c));
    }
    if (c.won() > 0 && c.cycleDays() == 0) {
      throw new IllegalArgumentException("sales velocity of " + label + " is undefined: every deal"
          + " won in it reached " + lower(c.stages().get(c.stages().size() - 2))
          + " and won at the same instant, so the mean cycle is 0 days");
    }
    return ratio(c.won(), c.cycleDays());
  }

  private static void put(Map<String, double[]> row, String factor, int state, double value) {
    row.computeIfAbsent(factor, f -> new double[2])[state] = value;
  }

  /** x / y, and 0 when y is 0 (nothing at the stage: the segment's product is 0). */
  private static double ratio(double x, double y) {
    return y == 0 ? 0 : x / y;
  }

  private static double volume(FunnelCounts c, boolean visits) {
    return visits ? c.visits() : c.leads();
  }

  private static String chain(FunnelCounts c) {
    StringBuilder b = new StringBuilder("(");
    if (!Double.isNaN(c.visits())) {
      b.append("visits ").append(num(c.visits())).append(", ");
    }
    for (int k = 0; k < c.stages().size(); k++) {
      b.append(k == 0 ? "" : ", ").append(lower(c.stages().get(k))).append(' ')
          .append(num(c.reached().get(k)));
    }
    return b.append(')').toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static List<String> stages(Map<String, FunnelCounts> base,
      Map<String, FunnelCounts> current) {
    List<String> stages = null;
    for (Map<String, FunnelCounts> m : List.of(base, current)) {
      for (Map.Entry<String, FunnelCounts> e : m.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          throw new IllegalArgumentException("funnel counts have a null segment or null counts");
        }
        if (stages == null) {
          stages = e.getValue().stages();
        } else if (!stages.equals(e.getValue().stages())) {
          throw new IllegalArgumentException("segment '" + e.getKey() + "' counts the stages "
              + e.getValue().stages() + ", others count " + stages);
        }
      }
    }
    if (stages == null) {
      throw new IllegalArgumentException("there are no funnel counts in either state");
    }
    return stages;
  }

  private static boolean visitsKnown(Map<String, FunnelCounts> base,
      Map<String, FunnelCounts> current) {
    int known = 0;
    int unknown = 0;
    for (Map<String, FunnelCounts> m : List.of(base, current)) {
      for (FunnelCounts c : m.values()) {
        if (Double.isNaN(c.visits())) {
          unknown++;
        } else {
          known++;
        }
      }
    }
    if (known > 0 && unknown > 0) {
      throw new IllegalArgumentException("visits are known for some segments or states and not"
          + " for others; give visits everywhere or nowhere");
    }
    return known > 0;
  }
}
