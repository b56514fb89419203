package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;

/**
 * The recurring-revenue bridge per period (docs/spec/metrics.md, "Cohorts and LTV"): start + new +
 * expansion + reactivation - contraction - churn = end, with NRR, GRR and quick ratio computed
 * from the classified amounts. Every period's identity is checked exactly when the bridge is
 * built ({@link BridgePeriod#identityHolds()}), with {@code end} summed directly from the
 * payments, not derived from the other terms.
 *
 * @param granularity the period length (month for MRR)
 * @param periods     every period from the first payment to the last, in order
 */
public record RecurringRevenueBridge(Granularity granularity, List<BridgePeriod> periods)
    implements Tabular {

  public RecurringRevenueBridge {
    periods = List.copyOf(periods);
    for (BridgePeriod p : periods) {
      if (!p.identityHolds()) {
        throw new IllegalStateException("revenue bridge identity fails in " + p.period());
      }
    }
  }

  @Override
  public String summary() {
    return "Recurring revenue bridge by " + granularity.label() + ": " + periods.size()
        + " periods" + (periods.isEmpty() ? "" : ", " + periods.get(0).period().label() + " to "
        + periods.get(periods.size() - 1).period().label());
  }

  @Override
  public TextTable table() {
    TextTable t =
        TextTable.of(
            "period", "start", "new", "expansion", "reactivation", "contraction", "churn", "end",
            "NRR", "GRR", "quick ratio");
    for (BridgePeriod p : periods) {
      t = t.plus(
          p.period().label(), p.start(), p.newRevenue(), p.expansion(), p.reactivation(),
          p.contraction(), p.churn(), p.end(), p.nrr(), p.grr(), p.quickRatio());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
