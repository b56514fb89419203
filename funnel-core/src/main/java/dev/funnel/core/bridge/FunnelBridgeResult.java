package dev.funnel.core.bridge;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A funnel revenue bridge: the factor table built from the two states' counts and its
 * decomposition (see {@link FunnelBridge} for the identity and the counting conventions).
 *
 * @param quantity       what the bridge decomposes: {@value FunnelBridge#REVENUE} or
 *                       {@value FunnelBridge#VELOCITY} (revenue per day of sales cycle)
 * @param baseLabel      the base state, e.g. {@code 2026-02} or {@code plan 2026-03}
 * @param currentLabel   the current state, e.g. {@code 2026-03}
 * @param baseRevenue    revenue of the base state, summed exactly (payments, or the plan target)
 * @param currentRevenue revenue of the current state, summed exactly
 * @param factors        the factor table the bridge decomposed; its totals equal the revenues
 *                       (the velocities) up to the rounding of doubles
 * @param bridge         the decomposition: effects in waterfall order, summing to the change
 * @param notes          what a reader must know: revenue booked outside the funnel, a fallback
 */
public record FunnelBridgeResult(
    String quantity,
    String baseLabel,
    String currentLabel,
    BigDecimal baseRevenue,
    BigDecimal currentRevenue,
    FactorTable factors,
    BridgeResult bridge,
    List<String> notes)
    implements Tabular {

  public FunnelBridgeResult {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(baseRevenue, "baseRevenue");
    Objects.requireNonNull(currentRevenue, "currentRevenue");
    Objects.requireNonNull(factors, "factors");
    Objects.requireNonNull(bridge, "bridge");
    notes = List.copyOf(notes);
  }

  /** Current minus base revenue, exact. */
  public BigDecimal change() {
    return currentRevenue.subtract(baseRevenue);
  }

  /** The effects in waterfall order. */
  public List<FactorEffect> effects() {
    return bridge.effects();
  }

  /** The additive effect of a factor. */
  public double effect(String factor) {
    return bridge.effect(factor);
  }

  /**
   * E.g. {@code Funnel bridge 2026-02 -> 2026-03: 1000 -> 1100 (+100)}, or {@code Sales velocity
   * bridge ...} with the velocities.
   */
  @Override
  public String summary() {
    boolean revenue = quantity.equals(FunnelBridge.REVENUE);
    double b = revenue ? baseRevenue.doubleValue() : bridge.base();
    double cur = revenue ? currentRevenue.doubleValue() : bridge.current();
    double c = revenue ? change().doubleValue() : bridge.change();
    return (revenue ? "Funnel bridge " : "Sales velocity bridge ") + baseLabel + " -> "
        + currentLabel + ": " + Formats.number(b) + " -> " + Formats.number(cur) + " ("
        + (c >= 0 ? "+" : "") + Formats.number(c) + ")";
  }

  /** The waterfall of {@link BridgeResult#table()}. */
  @Override
  public TextTable table() {
    return bridge.table();
  }

  /** The summary, the waterfall table, then a {@code note:} line per note. */
  @Override
  public String text() {
    StringBuilder b = new StringBuilder(summary()).append('\n').append(table().render());
    for (String n : notes) {
      b.append("note: ").append(n).append('\n');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
