package dev.funnel.cli.view;

import dev.funnel.core.bridge.BridgeResult;
import dev.funnel.core.bridge.FactorEffect;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import dev.funnel.core.bridge.Method;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.Bar;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Step;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bridge ({@code funnel bridge}, the review pack's revenue bridges): the change from base to
 * current as one exact effect per factor. Text the waterfall table (and notes), JSON
 * {@code {"method", "base", "current", "total", "effects": [{"factor", "effect"}]}} plus what the
 * result says about itself (docs/spec/cli.md), CSV the waterfall, the chart the waterfall.
 */
public final class BridgeView implements View {

  private final BridgeResult bridge;
  private final FunnelBridgeResult funnel;
  private final String title;

  private BridgeView(BridgeResult bridge, FunnelBridgeResult funnel, String title) {
    this.bridge = bridge;
    this.funnel = funnel;
    this.title = title;
  }

  /** The view of a factor-table bridge ({@code --factors}). */
  public static BridgeView of(BridgeResult r) {
    return new BridgeView(r, null, "Bridge");
  }

  /** The view of a dataset bridge (revenue, or sales velocity). */
  public static BridgeView of(FunnelBridgeResult f) {
    return new BridgeView(f.bridge(), f, (f.quantity().equals(FunnelBridge.REVENUE) ? "Revenue"
        : "Sales velocity") + " bridge " + f.baseLabel() + " -> " + f.currentLabel());
  }

  record Value(double value) {}

  record Labeled(String label, BigDecimal revenue, double value) {}

  record Effect(String factor, double effect) {}

  /** The factor-table bridge's JSON. */
  record Json(String method, String requestedMethod, boolean fallback, String fallbackReason,
      List<String> order, Value base, Value current, double total, List<Effect> effects) {}

  /**
   * The dataset bridge's JSON: revenues exact, total = current - base revenue; for sales velocity
   * the velocities are the values and total is their change.
   */
  record FunnelJson(String method, String requestedMethod, boolean fallback, String fallbackReason,
      List<String> order, String quantity, Labeled base, Labeled current, Object total,
      List<Effect> effects, List<String> notes) {}

  private static String label(Method m) {
    return switch (m) {
      case SHAPLEY -> "shapley";
      case CHAIN -> "chain";
      default -> "lmdi";
    };
  }

  private List<Effect> effects() {
    List<Effect> out = new ArrayList<>();
    for (FactorEffect e : bridge.effects()) {
      out.add(new Effect(e.factor(), e.effect()));
    }
    return out;
  }

  @Override
  public Object json() {
    BridgeResult r = bridge;
    if (funnel == null) {
      return new Json(label(r.method()), label(r.requested()), r.fallback(), r.fallbackReason(),
          r.order(), new Value(r.base()), new Value(r.current()), r.change(), effects());
    }
    FunnelBridgeResult f = funnel;
    return new FunnelJson(label(r.method()), label(r.requested()), r.fallback(),
        r.fallbackReason(), r.order(), f.quantity(),
        new Labeled(f.baseLabel(), f.baseRevenue(), r.base()),
        new Labeled(f.currentLabel(), f.currentRevenue(), r.current()),
        f.quantity().equals(FunnelBridge.REVENUE) ? f.change() : (Object) r.change(), effects(),
        f.notes());
  }

  @Override
  public String text() {
    return funnel == null ? bridge.text() : funnel.text();
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of("bridge", bridge.table());
  }

  @Override
  public String csv() {
    return bridge.table().csv();
  }

  /** The waterfall: base, one step per factor effect, current. */
  public Svg chart() {
    List<Step> steps = new ArrayList<>();
    for (FactorEffect e : bridge.effects()) {
      steps.add(new Step(e.factor(), e.effect()));
    }
    String base = funnel == null ? "base" : funnel.baseLabel();
    String current = funnel == null ? "current" : funnel.currentLabel();
    String axis = funnel == null ? "Value"
        : funnel.quantity().equals(FunnelBridge.REVENUE) ? "Revenue" : "Per day";
    return Charts.waterfall(ChartOptions.titled(title).valueAxis(axis),
        new Bar(base, bridge.base()), steps, new Bar(current, bridge.current()));
  }

  @Override
  public Optional<Svg> svg() {
    return Optional.of(chart());
  }

  @Override
  public Section html(Section s) {
    s = s.chart(chart());
    TextTable t = bridge.table();
    s = s.table(funnel == null ? bridge.summary() : funnel.summary(), t.header(), t.textRows());
    if (funnel != null) {
      for (String note : funnel.notes()) {
        s = s.paragraph("Note: " + note);
      }
    }
    return s;
  }
}
