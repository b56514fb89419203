package dev.funnel.cli;

import dev.funnel.io.html.Section;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The revenue bridge of the period ({@link FunnelBridge}, LMDI-I additive): revenue = leads x
 * lead->MQL x MQL->SQL x win rate x average deal on event-basis counts, the change against the
 * comparison period and against the period's plan split into one exact effect per factor (the
 * effects add up to the change). Text and JSON of each bridge are those of {@code funnel bridge}
 * ({@link BridgeCommand}); without a plan table, or a plan lacking a target the factors need, the
 * plan bridge alone says so. The bridge compares whole periods: when the report's as-of instant
 * falls before the end of the period (a partial period) the section says so instead of comparing
 * part of a period with a whole one.
 */
final class BridgeSection extends ComputedSection<BridgeSection.Result> {

  /**
   * The two bridges.
   *
   * @param periods     comparison period to period
   * @param plan        plan to actual, or null
   * @param planMissing why there is no plan bridge: {@code missing} or {@code unavailable} and the
   *                    reason, or null
   */
  record Result(FunnelBridgeResult periods, FunnelBridgeResult plan, Map<String, Object> planMissing) {}

  @Override
  public String key() {
    return "bridge";
  }

  @Override
  public String title() {
    return "Revenue bridge";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.PAYMENTS);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    for (dev.funnel.core.Period p : List.of(s.compare(), s.period())) {
      if (s.asOf().isBefore(AsOf.endOf(p, s.zone()))) {
        throw new IllegalStateException("the bridge compares whole periods, and " + p.label()
            + " is partial as of " + s.asOfLabel());
      }
    }
    FunnelBridge b = FunnelBridge.builder().build();
    FunnelBridgeResult periods = b.periods(in.dataset(), s.compare(), s.period());
    String miss = s.missing(DatasetTable.PLAN);
    if (miss != null) {
      return new Result(periods, null, DealsSection.jsonOf("missing", miss));
    }
    try {
      return new Result(periods, b.planVsActual(in.dataset(), s.period()), null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return new Result(periods, null, DealsSection.jsonOf("unavailable", e.getMessage()));
    }
  }

  @Override
  String text(Result r, ReportInput in) {
    StringBuilder b = new StringBuilder("Against the comparison period\n");
    b.append(BridgeCommand.text(r.periods()));
    b.append("\nAgainst the plan\n");
    if (r.plan() != null) {
      b.append(BridgeCommand.text(r.plan()));
    } else if (r.planMissing().containsKey("missing")) {
      b.append("not available: the dataset has no ").append(r.planMissing().get("missing"))
          .append(" table\n");
    } else {
      b.append("not available: ").append(r.planMissing().get("unavailable")).append('\n');
    }
    return b.toString();
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("compare", BridgeCommand.json(r.periods()));
    m.put("plan", r.plan() != null ? BridgeCommand.json(r.plan()) : r.planMissing());
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    s = waterfall(s, "Revenue bridge " + r.periods().baseLabel() + " -> " + r.periods().currentLabel(),
        r.periods());
    if (r.plan() != null) {
      return waterfall(s, "Revenue bridge " + r.plan().baseLabel() + " -> " + r.plan().currentLabel(),
          r.plan());
    }
    return s.warning(r.planMissing().containsKey("missing")
        ? "Against the plan: not available: the dataset has no " + r.planMissing().get("missing") + " table."
        : "Against the plan: not available: " + r.planMissing().get("unavailable"));
  }

  private static Section waterfall(Section s, String title, FunnelBridgeResult f) {
    s = s.chart(ResultCharts.waterfall(title, f.bridge(), f.baseLabel(), f.currentLabel(), "Revenue"));
    for (String note : f.notes()) {
      s = s.paragraph("Note: " + note);
    }
    return s;
  }
}
