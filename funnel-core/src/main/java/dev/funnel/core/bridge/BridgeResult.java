package dev.funnel.core.bridge;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Objects;

/**
 * A decomposition of the change V1 - V0 into one effect per factor, ready for a waterfall: base,
 * the effects in the table's factor order, current.
 *
 * <p>Every result was checked before it was returned: the effects sum to {@code change()} and,
 * for multiplicative methods, the ratios multiply to V1 / V0, both within 1e-9 relative.
 *
 * @param method         the method that produced the numbers ({@link Method#SHAPLEY} after a
 *                       fallback)
 * @param requested      the method that was asked for
 * @param order          the factor order of chain substitution (the effects depend on it); empty
 *                       for order-independent methods
 * @param zeroPolicy     the zero policy in force (it matters only for the LMDI methods)
 * @param fallback       true when the requested LMDI method was replaced by Shapley
 * @param fallbackReason why, naming the segment and factor; null without a fallback
 * @param base           V0, the total in the base state
 * @param current        V1, the total in the current state
 * @param change         V1 - V0
 * @param effects        one per factor, in the table's factor order
 * @param segmentEffects additive effects per segment and factor (segments in name order, factors
 *                       in table order); per factor they sum to the factor's effect
 */
public record BridgeResult(
    Method method,
    Method requested,
    List<String> order,
    ZeroPolicy zeroPolicy,
    boolean fallback,
    String fallbackReason,
    double base,
    double current,
    double change,
    List<FactorEffect> effects,
    List<SegmentEffect> segmentEffects)
    implements Tabular {

  public BridgeResult {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(zeroPolicy, "zeroPolicy");
    order = List.copyOf(order);
    effects = List.copyOf(effects);
    segmentEffects = List.copyOf(segmentEffects);
  }

  /** True when the result carries ratio effects (a multiplicative method was requested). */
  public boolean multiplicative() {
    return requested.multiplicative();
  }

  /** True when the effects depend on the factor order (chain substitution). */
  public boolean orderDependent() {
    return method == Method.CHAIN;
  }

  /** The additive effect of a factor. */
  public double effect(String factor) {
    return find(factor).effect();
  }

  /** The ratio effect of a factor; NaN for additive methods. */
  public double ratio(String factor) {
    return find(factor).ratio();
  }

  /** The additive effect of a factor within a segment. */
  public double segmentEffect(String segment, String factor) {
    String s = segment == null ? "" : segment.trim();
    for (SegmentEffect e : segmentEffects) {
      if (e.segment().equals(s) && e.factor().equals(factor)) {
        return e.effect();
      }
    }
    throw new IllegalArgumentException(
        "no segment '" + s + "' with factor '" + factor + "' in this bridge");
  }

  private FactorEffect find(String factor) {
    for (FactorEffect e : effects) {
      if (e.factor().equals(factor)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no factor '" + factor + "' in this bridge; factors are "
        + effects.stream().map(FactorEffect::factor).toList());
  }

  /**
   * E.g. {@code Bridge lmdi-additive: 1000 -> 1098.9 (+98.9)}; multiplicative results add the
   * ratio ({@code (+100, x2.25)}).
   */
  @Override
  public String summary() {
    String name = method.label()
        + (fallback ? " (fallback)" : orderDependent() ? " (order-dependent)" : "");
    return "Bridge " + name + ": " + Formats.number(base) + " -> " + Formats.number(current)
        + " (" + (change >= 0 ? "+" : "") + Formats.number(change)
        + (multiplicative() ? ", x" + Formats.number(current / base) : "") + ")";
  }

  /** The waterfall: base, one row per factor effect with the running total, current. */
  @Override
  public TextTable table() {
    boolean ratios = multiplicative();
    TextTable t = ratios ? TextTable.of("step", "effect", "running", "ratio")
        : TextTable.of("step", "effect", "running");
    t = ratios ? t.plus("base", null, base, null) : t.plus("base", null, base);
    CompensatedSum running = new CompensatedSum();
    running.add(base);
    for (FactorEffect e : effects) {
      running.add(e.effect());
      t = ratios ? t.plus(e.factor(), e.effect(), running.value(), e.ratio())
          : t.plus(e.factor(), e.effect(), running.value());
    }
    return ratios ? t.plus("current", change, current, current / base)
        : t.plus("current", change, current);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
