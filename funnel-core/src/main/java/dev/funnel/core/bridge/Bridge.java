package dev.funnel.core.bridge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The revenue bridge engine: decomposes the change of V = sum over segments of the product of
 * factors, between a base and a current state, into one exact effect per factor.
 *
 * <pre>{@code
 * FactorTable t = FactorTable.of(
 *     new FactorRow("", "leads", 1000, 1100),
 *     new FactorRow("", "win rate", 0.10, 0.09),
 *     new FactorRow("", "average deal", 10, 11.1));
 * BridgeResult r = Bridge.lmdi().decompose(t);   // LMDI-I additive, analytical zero limits
 * Bridge.builder().method(Method.CHAIN).order("leads", "win rate", "average deal").build()
 *     .decompose(t);
 * }</pre>
 *
 * <p>A configured bridge is immutable and thread-safe. Every result is checked: additive effects
 * sum to V1 - V0 and ratio effects multiply to V1 / V0 within {@value #TOLERANCE} relative (to the
 * largest of |V0|, |V1| and the sum of |effects|); a violation is an internal error
 * (IllegalStateException), never a silently wrong number.
 */
public final class Bridge {

  /** Relative tolerance of the exactness check. */
  public static final double TOLERANCE = 1e-9;

  /** Default small value of {@link ZeroPolicy#SMALL_VALUE}. */
  public static final double DEFAULT_SMALL_VALUE = 1e-20;

  private final Method method;
  private final ZeroPolicy zeroPolicy;
  private final double smallValue;
  private final SignChangePolicy signChangePolicy;
  private final List<String> order;

  private Bridge(Builder b) {
    this.method = b.method;
    this.zeroPolicy = b.zeroPolicy;
    this.smallValue = b.smallValue;
    this.signChangePolicy = b.signChangePolicy;
    this.order = b.order;
  }

  /** The default bridge: LMDI-I additive, analytical zero limits, Shapley on sign changes. */
  public static Bridge lmdi() {
    return builder().build();
  }

  /** A bridge configured step by step. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Price-volume-mix of product revenue between a base and a current state (see {@link
   * PriceVolumeMixResult} for the definition).
   */
  public static PriceVolumeMixResult priceVolumeMix(Collection<ProductSales> products) {
    return PriceVolumeMix.of(products);
  }

  /** The configured method. */
  public Method method() {
    return method;
  }

  /**
   * Decomposes the change of the table's total.
   *
   * @throws IllegalArgumentException when the table is empty or incomplete, the chain order does
   *     not name every factor exactly once, a multiplicative method meets a total that is not
   *     positive, or a policy says FAIL and its case occurs
   */
  public BridgeResult decompose(FactorTable table) {
    Objects.requireNonNull(table, "the factor table is required");
    Grid g = table.grid();
    double v0 = g.baseTotal();
    double v1 = g.currentTotal();
    if (!Double.isFinite(v0) || !Double.isFinite(v1)) {
      throw new IllegalArgumentException("the products of the factors overflow a double (base "
          + v0 + ", current " + v1 + "); rescale a factor");
    }
    if (method.multiplicative() && !(v0 > 0 && v1 > 0)) {
      throw new IllegalArgumentException("a multiplicative decomposition needs positive totals;"
          + " base is " + v0 + " and current is " + v1);
    }
    Method used = method;
    String reason = null;
    double[][] effects;
    List<String> chainOrder = List.of();
    if (method == Method.CHAIN) {
      int[] idx = orderIndexes(g, table.factors());
      chainOrder = new ArrayList<>();
      for (int j : idx) {
        chainOrder.add(g.factors().get(j));
      }
      effects = ChainSubstitution.segmentEffects(g, idx);
    } else if (method == Method.SHAPLEY) {
      effects = Shapley.segmentEffects(g);
    } else {
      Grid work = g;
      reason = SignCheck.problem(g);
      if (reason == null) {
        work = applyZeroPolicy(g, v0, v1);
        if (method.lmdiTwo()) {
          reason = Lmdi.sharesUndefined(work);
        }
      }
      if (reason != null) {
        if (signChangePolicy == SignChangePolicy.FAIL || g.factorCount() > Shapley.MAX_FACTORS) {
          throw new IllegalArgumentException(method.label() + " cannot decompose this table: "
              + reason);
        }
        used = Method.SHAPLEY;
        effects = Shapley.segmentEffects(g);
      } else {
        effects = Lmdi.segmentEffects(work, method.lmdiTwo());
      }
    }
    return result(g, table.factors(), v0, v1, used, reason, chainOrder, effects);
  }

  private Grid applyZeroPolicy(Grid g, double v0, double v1) {
    switch (zeroPolicy) {
      case FAIL -> {
        for (int i = 0; i < g.segmentCount(); i++) {
          for (int j = 0; j < g.factorCount(); j++) {
            if (g.base()[i][j] == 0 || g.current()[i][j] == 0) {
              throw new IllegalArgumentException("factor '" + g.factors().get(j) + "' of segment '"
                  + g.segments().get(i) + "' is zero (base " + g.base()[i][j] + ", current "
                  + g.current()[i][j] + ") and the zero policy is FAIL");
            }
          }
        }
        return g;
      }
      case SMALL_VALUE -> {
        if (v0 == 0 && v1 == 0) {
          return g; // every segment is zero in both states: nothing to substitute for
        }
        Grid s = g.withZerosAs(smallValue);
        double moved = Math.abs(s.baseTotal() - v0) + Math.abs(s.currentTotal() - v1);
        if (moved > TOLERANCE * 1e-3 * Math.max(Math.abs(v0), Math.abs(v1))) {
          throw new IllegalArgumentException("substituting " + smallValue + " for zeros moves the"
              + " totals by " + moved + ", too much for an exact bridge; use a smaller value or"
              + " ANALYTICAL_LIMIT");
        }
        return s;
      }
      default -> {
        return g;
      }
    }
  }

  private int[] orderIndexes(Grid g, List<String> tableOrder) {
    List<String> names = order == null ? tableOrder : order;
    if (names.size() != g.factorCount() || !new HashSet<>(names).equals(new HashSet<>(g.factors()))) {
      throw new IllegalArgumentException("the chain order " + names
          + " must name every factor of the table exactly once: " + tableOrder);
    }
    int[] idx = new int[names.size()];
    for (int p = 0; p < idx.length; p++) {
      idx[p] = g.factors().indexOf(names.get(p));
    }
    return idx;
  }

  private BridgeResult result(Grid g, List<String> factors, double v0, double v1, Method used,
      String reason, List<String> chainOrder, double[][] seg) {
    int k = g.factorCount();
    // column of the grid (factors in name order) for each factor in table order
    int[] col = new int[k];
    for (int j = 0; j < k; j++) {
      col[j] = g.factors().indexOf(factors.get(j));
    }
    double change = v1 - v0;
    double[] effect = new double[k];
    double absSum = 0;
    CompensatedSum total = new CompensatedSum();
    List<SegmentEffect> segmentEffects = new ArrayList<>();
    for (int i = 0; i < g.segmentCount(); i++) {
      for (int j = 0; j < k; j++) {
        segmentEffects.add(new SegmentEffect(g.segments().get(i), factors.get(j), seg[i][col[j]]));
      }
    }
    for (int j = 0; j < k; j++) {
      CompensatedSum s = new CompensatedSum();
      for (double[] row : seg) {
        s.add(row[col[j]]);
      }
      effect[j] = s.value();
      absSum += Math.abs(effect[j]);
      total.add(effect[j]);
    }
    if (!Double.isFinite(absSum)) {
      throw new IllegalArgumentException(used.label() + " overflows a double on this table: a"
          + " product that mixes base and current values is too large; rescale a factor");
    }
    double scale = Math.max(Math.max(Math.abs(v0), Math.abs(v1)), absSum);
    if (!(Math.abs(total.value() - change) <= TOLERANCE * scale)) {
      throw new IllegalStateException("internal error: " + used.label() + " effects sum to "
          + total.value() + " but the change is " + change);
    }
    List<FactorEffect> effects = new ArrayList<>();
    boolean ratios = method.multiplicative();
    double logMean = ratios ? LogMean.of(v1, v0) : Double.NaN;
    double logRatio = 0;
    for (int j = 0; j < k; j++) {
      double ratio = ratios ? Math.exp(effect[j] / logMean) : Double.NaN;
      logRatio += ratios ? effect[j] / logMean : 0;
      effects.add(new FactorEffect(factors.get(j), effect[j], ratio));
    }
    if (ratios && !(Math.abs(Math.expm1(logRatio - Math.log(v1 / v0))) <= TOLERANCE)) {
      throw new IllegalStateException("internal error: " + used.label()
          + " ratio effects multiply to " + Math.exp(logRatio) + " but V1 / V0 is " + v1 / v0);
    }
    String why = reason == null ? null
        : reason + (ratios ? "; ratio effects are exp(effect / L(V1, V0))" : "");
    return new BridgeResult(used, method, chainOrder, zeroPolicy, reason != null, why, v0, v1,
        change, effects, segmentEffects);
  }

  /** Configuration of a {@link Bridge}; defaults: LMDI-I additive, analytical limits, fallback. */
  public static final class Builder {
    private Method method = Method.LMDI_I_ADDITIVE;
    private ZeroPolicy zeroPolicy = ZeroPolicy.ANALYTICAL_LIMIT;
    private double smallValue = DEFAULT_SMALL_VALUE;
    private SignChangePolicy signChangePolicy = SignChangePolicy.FALL_BACK_TO_SHAPLEY;
    private List<String> order;

    private Builder() {}

    /** The decomposition method. */
    public Builder method(Method m) {
      this.method = Objects.requireNonNull(m, "method");
      return this;
    }

    /** What the LMDI methods do with zeros. */
    public Builder zeroPolicy(ZeroPolicy p) {
      this.zeroPolicy = Objects.requireNonNull(p, "zero policy");
      return this;
    }

    /** The value that replaces zeros under {@link ZeroPolicy#SMALL_VALUE}; positive, finite. */
    public Builder smallValue(double delta) {
      if (!(delta > 0) || !Double.isFinite(delta)) {
        throw new IllegalArgumentException("the small value must be positive and finite: " + delta);
      }
      this.smallValue = delta;
      return this;
    }

    /** What the LMDI methods do with negative values and sign changes. */
    public Builder signChangePolicy(SignChangePolicy p) {
      this.signChangePolicy = Objects.requireNonNull(p, "sign change policy");
      return this;
    }

    /** The factor order of chain substitution; by default the table's factor order. */
    public Builder order(List<String> factors) {
      Objects.requireNonNull(factors, "order");
      List<String> o = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String f : factors) {
        if (f == null || f.isBlank()) {
          throw new IllegalArgumentException("the chain order has a blank factor name");
        }
        if (!seen.add(f.trim())) {
          throw new IllegalArgumentException("the chain order names '" + f.trim() + "' twice");
        }
        o.add(f.trim());
      }
      this.order = List.copyOf(o);
      return this;
    }

    /** The factor order of chain substitution. */
    public Builder order(String... factors) {
      return order(List.of(factors));
    }

    /**
     * The configured bridge.
     *
     * @throws IllegalArgumentException when an order is given for a method other than chain
     */
    public Bridge build() {
      if (order != null && method != Method.CHAIN) {
        throw new IllegalArgumentException("a factor order applies only to chain substitution, not "
            + method.label());
      }
      return new Bridge(this);
    }
  }
}
