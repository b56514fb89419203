package dev.funnel.core.bridge;

import dev.funnel.core.Dataset;
import dev.funnel.core.Period;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.funnel.Dimension;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The funnel revenue bridge: why a period's revenue differs from another period's (or from the
 * plan), as exact contributions of traffic, each stage conversion, win rate, average deal, source
 * mix and the existing customers' retention.
 *
 * <pre>{@code
 * FunnelBridgeResult r = FunnelBridge.builder().by(Dimension.CHANNEL).newVsExisting().build()
 *     .periods(dataset, Period.parse("2026-02"), Period.parse("2026-03"));
 * r.print();                                   // the waterfall: base, one row per factor, current
 * FunnelBridge.builder().build().planVsActual(dataset, Period.parse("2026-03"));
 * }</pre>
 *
 * <p><b>The identity.</b> With stages s0 (the catalog's first stage) .. sn (its won stage) and
 * counts c0 .. cn, the revenue R of a segment is
 * <pre>
 *   R = c0 x (c1 / c0) x ... x (cn / c(n-1)) x (R / cn)
 *     = leads x lead->mql x mql->sql x win rate x average deal      (default catalog)
 * </pre>
 * Each factor is a ratio of consecutive counts, so the product telescopes: it equals R by
 * construction, exactly (up to the rounding of doubles), whatever the counts are, as long as none
 * is zero. "win rate" here is the ratio of won deals to SQLs of the same period (the last
 * conversion of the chain), not won / (won + lost) of docs/spec/metrics.md, which would not telescope.
 * With visits, {@code visits x visit->lead} replaces {@code leads}. Broken down by a dimension
 * (channel), a segment's volume is the total T of all segments and its share c0 / T is the
 * <em>source mix</em> factor: R_i = T x (c0_i / T) x ... (the standard structure-effect identity of
 * index decomposition, Ang 2004). With {@link Builder#newVsExisting()}, revenue from customers
 * who had paid before the period is a segment of its own,
 * <pre>
 *   R_existing = active base x retention x revenue per active customer = B x (A / B) x (E / A)
 * </pre>
 * B = customers with a positive payment before the period starts, A = those of them with a
 * payment (of any sign, so that refunds never leave revenue without a customer) in the period,
 * E = their payments; churn shows up as the retention effect. Factors that a segment does not
 * have are 1 in both states, which contributes exactly nothing under every method.
 *
 * <p><b>Sales velocity.</b> With {@link Builder#velocity()} the bridged quantity is sales velocity
 * (docs/spec/metrics.md: opportunities x win rate x average deal / cycle length), with opportunities
 * the count at the stage before won, itself leads x the conversions up to it:
 * <pre>
 *   V = leads x ... x win rate x average deal x cycle speed = R / L,   cycle speed = won / C
 * </pre>
 * where C is the sum of the sales cycles (days from reaching the stage before won to reaching
 * won) of the deals won in the period and L = C / won their mean; V is revenue per day of sales
 * cycle, and the cycle-speed effect is what faster or slower cycles did to it. The identity is
 * exact like the revenue identity; a state with revenue and no won deal, or with a mean cycle of
 * zero days (every won deal skipped straight to won), has no velocity and is an
 * IllegalArgumentException. The cycle here ends at won, not at payment.
 *
 * <p><b>Counting (event basis, docs/spec/metrics.md).</b> Leads = leads created in the period; a stage
 * count = leads that first reached the stage in the period, where reaching a later stage implies
 * the earlier ones ({@link dev.funnel.core.funnel.LeadReach}); revenue = the payments made in the
 * period, summed exactly, refunds included. Periods are half-open calendar periods in the dataset
 * zone. A payment belongs to the segment of its lead (its {@code lead_id}, else the earliest lead
 * of its customer); one without a lead is in the segment {@code (none)}.
 *
 * <p><b>Zeros.</b> A ratio with a zero denominator is taken as 0 (the segment has nothing at that
 * stage, so its product is 0), and the zero goes to the bridge's {@link ZeroPolicy}. When a
 * segment has revenue in a state but a zero count on its chain (on the event basis a month can
 * have payments and no won deal), no product of its counts can equal its revenue: that revenue is
 * moved, in that state, to a segment {@value #OUTSIDE_SEGMENT} with the single factor {@value
 * #OUTSIDE}, and the result lists every such move in its notes. Nothing is dropped.
 *
 * <p><b>Plan vs actual.</b> The base is the plan of the period: metrics {@code leads}, the
 * lower-case names of the intermediate stages ({@code mql}, {@code sql}), {@code won} and
 * {@code revenue} (and {@code visits} when visits are used), per channel when broken down. A
 * missing target is an IllegalArgumentException naming it; the plan has no existing-customer
 * factors, so plan vs actual with {@link Builder#newVsExisting()} is refused with that reason.
 *
 * <p>A configured funnel bridge is immutable and thread-safe.
 */
public final class FunnelBridge {

  /** Factor: leads (or the total of all segments' leads when broken down). */
  public static final String LEADS = "leads";
  /** Factor: visits (or their total when broken down), when visits are given. */
  public static final String VISITS = "visits";
  /** Factor: leads per visit. */
  public static final String VISIT_TO_LEAD = "visit->lead";
  /** Factor: the segment's share of the volume (leads, or visits when given). */
  public static final String SOURCE_MIX = "source mix";
  /** Factor: won deals per count at the last stage before won. */
  public static final String WIN_RATE = "win rate";
  /** Factor: revenue per won deal. */
  public static final String AVERAGE_DEAL = "average deal";
  /** Factor: 1 / mean sales cycle in days, with {@link Builder#velocity()}. */
  public static final String CYCLE_SPEED = "cycle speed";
  /** Factor: customers with a positive payment before the period. */
  public static final String ACTIVE_BASE = "active base";
  /** Factor: share of the active base that paid in the period. */
  public static final String RETENTION = "retention";
  /** Factor: existing customers' revenue per customer that paid in the period. */
  public static final String REVENUE_PER_ACTIVE = "revenue per active customer";
  /** Factor: revenue that no product of counts can carry (see the class comment). */
  public static final String OUTSIDE = "revenue outside the funnel";
  /** What {@link FunnelBridgeResult#quantity()} is by default. */
  public static final String REVENUE = "revenue";
  /** What {@link FunnelBridgeResult#quantity()} is with {@link Builder#velocity()}. */
  public static final String VELOCITY = "sales velocity";
  /** Segment of {@link #OUTSIDE}. */
  public static final String OUTSIDE_SEGMENT = "(outside the funnel)";
  /** Segment of the existing customers when there is no breakdown. */
  public static final String EXISTING_SEGMENT = "existing customers";
  /** Segment of the new customers' funnel when there is no breakdown but a new/existing split. */
  public static final String NEW_SEGMENT = "new customers";

  private final Bridge bridge;
  private final Dimension by;
  private final boolean split;
  private final boolean velocity;
  private final List<String> intermediate;
  private final Map<Period, Map<String, Double>> visits;

  private FunnelBridge(Builder b) {
    this.bridge = b.bridge;
    this.by = b.by;
    this.split = b.split;
    this.velocity = b.velocity;
    this.intermediate = b.intermediate;
    Map<Period, Map<String, Double>> v = new HashMap<>();
    b.visits.forEach((p, m) -> v.put(p, Map.copyOf(m)));
    this.visits = Map.copyOf(v);
  }

  /** A funnel bridge configured step by step (defaults: one segment, LMDI-I, MQL and SQL). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The bridge from the base period to the current period.
   *
   * @throws IllegalStateException    when the dataset lacks the leads or payments table
   * @throws IllegalArgumentException when a configured stage is not in the catalog, visits are
   *                                  incomplete, or the engine refuses the table
   */
  public FunnelBridgeResult periods(Dataset d, Period base, Period current) {
    Objects.requireNonNull(d, "dataset");
    Objects.requireNonNull(base, "base period");
    Objects.requireNonNull(current, "current period");
    List<Stage> stages = stages(d.catalog());
    FunnelCounting counting = new FunnelCounting(d, stages, by, split);
    Map<String, FunnelCounts> b = withVisits(counting.count(base), base, counting.names());
    Map<String, FunnelCounts> c = withVisits(counting.count(current), current, counting.names());
    return decompose(base.label(), b, current.label(), c);
  }

  /**
   * The bridge from the plan of the period (base) to its actual (current).
   *
   * @throws IllegalArgumentException when the plan lacks a target the factors need, or the bridge
   *                                  splits new and existing customers (the plan has no such
   *                                  factors)
   */
  public FunnelBridgeResult planVsActual(Dataset d, Period period) {
    Objects.requireNonNull(d, "dataset");
    Objects.requireNonNull(period, "period");
    if (velocity) {
      throw new IllegalArgumentException("the plan has no sales cycle length; bridge plan vs"
          + " actual without velocity");
    }
    if (split) {
      throw new IllegalArgumentException("the plan has no targets for existing customers (active"
          + " base, retention, revenue per active customer); bridge plan vs actual without the"
          + " new/existing split");
    }
    List<Stage> stages = stages(d.catalog());
    FunnelCounting counting = new FunnelCounting(d, stages, by, false);
    Map<String, FunnelCounts> actual = withVisits(counting.count(period), period, counting.names());
    Map<String, FunnelCounts> plan =
        PlanCounts.of(d, period, stages, by, !visits.isEmpty(), actual.keySet());
    return decompose("plan " + period.label(), plan, period.label(), actual);
  }

  /**
   * The bridge between two states given as counts per segment (the mergeable route: count parts
   * anywhere, {@link FunnelCounts#plus merge} them, then decompose). Segments are the breakdown's
   * values ({@code ""} alone without a breakdown); a segment missing from one state counts zero
   * there.
   *
   * @throws IllegalArgumentException when the states count different stages, visits are known for
   *                                  some segments only, or existing customers appear in a bridge
   *                                  without the new/existing split
   */
  public FunnelBridgeResult decompose(String baseLabel, Map<String, FunnelCounts> base,
      String currentLabel, Map<String, FunnelCounts> current) {
    Objects.requireNonNull(baseLabel, "base label");
    Objects.requireNonNull(currentLabel, "current label");
    Objects.requireNonNull(base, "base counts");
    Objects.requireNonNull(current, "current counts");
    EnumSet<FunnelFactors.Part> parts = EnumSet.noneOf(FunnelFactors.Part.class);
    if (by != null) {
      parts.add(FunnelFactors.Part.SOURCE_MIX);
    }
    if (split) {
      parts.add(FunnelFactors.Part.NEW_VS_EXISTING);
    }
    if (velocity) {
      parts.add(FunnelFactors.Part.VELOCITY);
    }
    FunnelFactors factors = FunnelFactors.of(baseLabel, base, currentLabel, current, parts);
    BridgeResult r = bridge.decompose(factors.table());
    List<String> notes = new ArrayList<>(factors.notes());
    if (r.fallback()) {
      notes.add("fell back to Shapley: " + r.fallbackReason());
    }
    return new FunnelBridgeResult(velocity ? VELOCITY : REVENUE, baseLabel, currentLabel,
        FunnelFactors.total(base),
        FunnelFactors.total(current), factors.table(), r, notes);
  }

  private List<Stage> stages(StageCatalog catalog) {
    List<Stage> out = new ArrayList<>();
    out.add(catalog.first());
    List<String> names = intermediate;
    if (names == null) {
      names = new ArrayList<>();
      for (String n : List.of("MQL", "SQL")) {
        if (catalog.find(n).filter(Stage::progression).isPresent()) {
          names.add(n);
        }
      }
    }
    for (String n : names) {
      Stage s = catalog.stage(n);
      Stage last = out.get(out.size() - 1);
      if (s.exit() || s.index() <= last.index() || s.equals(catalog.won())) {
        throw new IllegalArgumentException("funnel bridge stages must be progression stages"
            + " strictly between " + catalog.first() + " and " + catalog.won()
            + ", in catalog order; got " + names);
      }
      out.add(s);
    }
    out.add(catalog.won());
    return out;
  }

  private Map<String, FunnelCounts> withVisits(
      Map<String, FunnelCounts> counts, Period p, List<String> stageNames) {
    if (visits.isEmpty()) {
      return counts;
    }
    Map<String, Double> v = visits.get(p);
    if (v == null) {
      throw new IllegalArgumentException("visits are given for " + new TreeMap<>(visits).keySet()
          + " but not for " + p.label());
    }
    Map<String, FunnelCounts> out = new TreeMap<>();
    Set<String> segs = new LinkedHashSet<>(counts.keySet());
    segs.addAll(v.keySet());
    for (String s : segs) {
      Double n = v.get(s);
      if (n == null) {
        throw new IllegalArgumentException("visits of " + p.label() + " are missing for segment '"
            + s + "'; give visits for every segment or none");
      }
      FunnelCounts c = counts.get(s);
      if (c == null) {
        c = FunnelCounts.empty(stageNames);
      }
      out.put(s, c.withVisits(n));
    }
    return out;
  }

  /** Configuration of a {@link FunnelBridge}. */
  public static final class Builder {
    private Bridge bridge = Bridge.lmdi();
    private Dimension by;
    private boolean split;
    private boolean velocity;
    private List<String> intermediate;
    private final Map<Period, Map<String, Double>> visits = new HashMap<>();

    private Builder() {}

    /** The decomposition engine (default {@link Bridge#lmdi()}). */
    public Builder bridge(Bridge b) {
      this.bridge = Objects.requireNonNull(b, "bridge");
      return this;
    }

    /** Segments by a lead attribute, with a source-mix factor (null: one segment). */
    public Builder by(Dimension dimension) {
      this.by = dimension;
      return this;
    }

    /** Splits new-customer revenue (the funnel) from existing customers' (base x retention). */
    public Builder newVsExisting() {
      this.split = true;
      return this;
    }

    /**
     * The stages between the first and the won stage whose conversions are factors, in catalog
     * order (default: MQL and SQL, those of them the catalog has). None gives leads x win rate x
     * average deal.
     */
    public Builder stages(String... names) {
      List<String> l = new ArrayList<>();
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException("a funnel bridge stage name is blank");
        }
        l.add(n.trim().toUpperCase(Locale.ROOT));
      }
      this.intermediate = List.copyOf(l);
      return this;
    }

    /**
     * Visits of a period and segment ({@code ""} or null without a breakdown). When any visits are
     * given, every segment of both states needs them, and the volume factor becomes visits.
     */
    public Builder visits(Period period, String segment, double count) {
      Objects.requireNonNull(period, "period of the visits");
      if (!(count >= 0) || !Double.isFinite(count)) {
        throw new IllegalArgumentException("visits must be a finite count >= 0, got " + count);
      }
      visits.computeIfAbsent(period, p -> new HashMap<>())
          .merge(segment == null ? "" : segment.trim(), count, Double::sum);
      return this;
    }

    /**
     * Bridges sales velocity instead of revenue: the funnel factors times {@value #CYCLE_SPEED},
     * 1 / the mean cycle of the deals won in the period (see the class comment). One segment,
     * no new/existing split.
     */
    public Builder velocity() {
      this.velocity = true;
      return this;
    }

    /**
     * The configured funnel bridge.
     *
     * @throws IllegalArgumentException for velocity with a breakdown or the new/existing split
     */
    public FunnelBridge build() {
      if (velocity && (by != null || split)) {
        throw new IllegalArgumentException("sales velocity is bridged for one segment of new"
            + " deals: without a breakdown and without the new/existing split");
      }
      return new FunnelBridge(this);
    }
  }
}
