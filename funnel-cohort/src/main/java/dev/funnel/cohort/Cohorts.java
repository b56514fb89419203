package dev.funnel.cohort;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Payment;
import java.time.ZoneId;

/**
 * Cohort tables (retention, churn, orders, revenue, cumulative revenue per customer) from a
 * dataset's payments; definitions in {@code spec/metrics.md} ("Cohorts and LTV") and the JSON
 * conventions of {@code spec/cli.md} ({@code cohorts}).
 */
public final class Cohorts {

  private Cohorts() {}

  /**
   * The cohort table of the dataset's payments, customers grouped by the calendar period (in the
   * dataset zone) of their first positive payment.
   *
   * @throws IllegalArgumentException when the dataset or the granularity is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static CohortTable byFirstPayment(Dataset data, Granularity granularity) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    data.require(DatasetTable.PAYMENTS, "cohort tables");
    CohortState s = empty(granularity, data.zone());
    for (Payment p : data.payments()) {
      s.add(p);
    }
    return s.result();
  }

  /** An empty mergeable state, to feed payments in parts (see {@link CohortState}). */
  public static CohortState empty(Granularity granularity, ZoneId zone) {
    return new CohortState(granularity, zone);
  }

  /**
   * The recurring-revenue bridge (start + new + expansion + reactivation - contraction - churn =
   * end, NRR, GRR, quick ratio) of the dataset's payments per calendar period in the dataset zone;
   * monthly periods give the MRR bridge.
   *
   * @throws IllegalArgumentException when the dataset or the granularity is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static RecurringRevenueBridge recurringRevenue(Dataset data, Granularity granularity) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    data.require(DatasetTable.PAYMENTS, "the recurring-revenue bridge");
    CohortState s = empty(granularity, data.zone());
    for (Payment p : data.payments()) {
      s.add(p);
    }
    return s.bridge();
  }
}
