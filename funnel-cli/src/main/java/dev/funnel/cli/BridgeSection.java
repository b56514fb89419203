package dev.funnel.cli;

import dev.funnel.cli.view.BridgeView;
import dev.funnel.cli.view.Composite;
import dev.funnel.cli.view.Note;
import dev.funnel.cli.view.View;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import java.util.List;
import java.util.Map;

/**
 * The revenue bridge of the period ({@link FunnelBridge}, LMDI-I additive): revenue = leads x
 * lead->MQL x MQL->SQL x win rate x average deal on event-basis counts, the change against the
 * comparison period and against the period's plan split into one exact effect per factor (the
 * effects add up to the change). Each bridge shows through the view of {@code funnel bridge}
 * ({@link BridgeView}); without a plan table, or a plan lacking a target the factors need, the
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
  record Result(FunnelBridgeResult periods, FunnelBridgeResult plan, Map<String, String> planMissing) {}

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
      return new Result(periods, null, Map.of("missing", miss));
    }
    try {
      return new Result(periods, b.planVsActual(in.dataset(), s.period()), null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return new Result(periods, null, Map.of("unavailable", String.valueOf(e.getMessage())));
    }
  }

  @Override
  View view(Result r, ReportInput in) {
    Composite c = Composite.of(Map.of())
        .part("compare", "Against the comparison period", BridgeView.of(r.periods()));
    if (r.plan() != null) {
      return c.part("plan", "Against the plan", BridgeView.of(r.plan()));
    }
    String why = r.planMissing().containsKey("missing")
        ? "not available: the dataset has no " + r.planMissing().get("missing") + " table"
        : "not available: " + r.planMissing().get("unavailable");
    return c.part("plan", "Against the plan", Note.of(why, r.planMissing()));
  }
}
