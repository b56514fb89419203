package dev.funnel.core.bridge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sums and counts of one segment in one state (a period, or a plan) that the factors of a
 * {@link FunnelBridge} are built from: the mergeable input of the funnel bridge.
 *
 * <p>Counts are event-basis counts (docs/spec/metrics.md, "Counting conventions"): {@code reached.get(j)}
 * is the number of leads that first reached stage {@code stages.get(j)} inside the period, the
 * first stage being the leads created in it; revenue is the sum of the payments made in the period.
 * Counts are doubles so that plan targets (which need not be whole) fit the same shape; counts
 * from data are whole numbers, exact in a double.
 *
 * <p>Two counts of disjoint parts (other leads, other customers) merge with {@link #plus}: every
 * field is a sum, so the order and the split of the parts do not change the total. Ratios are built
 * only afterwards, by {@link FunnelBridge}.
 *
 * @param stages          the funnel stages counted, first stage to won stage (at least two)
 * @param reached         how many leads reached each of {@code stages} in the period, each >= 0
 * @param visits          traffic before the first stage, >= 0; NaN when unknown
 * @param revenue         revenue of the funnel: payments of new customers (all payments when new
 *                        and existing customers are not split)
 * @param customerBase    existing customers: those with a positive payment before the period
 * @param activeCustomers existing customers with at least one payment in the period
 * @param existingRevenue payments of existing customers in the period
 * @param cycleDays       the summed sales cycles, in days, of the deals won in the period: from
 *                        reaching the stage before won (SQL) to reaching won; NaN when unknown
 *                        (a plan). The mean cycle is {@code cycleDays / won()}.
 */
public record FunnelCounts(
    List<String> stages,
    List<Double> reached,
    double visits,
    BigDecimal revenue,
    double customerBase,
    double activeCustomers,
    BigDecimal existingRevenue,
    double cycleDays) {

  public FunnelCounts {
    stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
    reached = List.copyOf(Objects.requireNonNull(reached, "reached counts"));
    if (stages.size() < 2) {
      throw new IllegalArgumentException(
          "funnel counts need at least a first and a won stage, got " + stages);
    }
    if (reached.size() != stages.size()) {
      throw new IllegalArgumentException("funnel counts have " + reached.size()
          + " reached counts for the " + stages.size() + " stages " + stages);
    }
    for (int j = 0; j < reached.size(); j++) {
      count(reached.get(j), "reached " + stages.get(j));
    }
    if (!Double.isNaN(visits)) {
      count(visits, "visits");
    }
    Objects.requireNonNull(revenue, "revenue");
    Objects.requireNonNull(existingRevenue, "existing revenue");
    count(customerBase, "customer base");
    count(activeCustomers, "active customers");
    if (!Double.isNaN(cycleDays)) {
      count(cycleDays, "cycle days");
    }
    if (activeCustomers > customerBase) {
      throw new IllegalArgumentException("active customers (" + activeCustomers
          + ") exceed the customer base (" + customerBase + ")");
    }
    if (activeCustomers == 0 && existingRevenue.signum() != 0) {
      throw new IllegalArgumentException("existing-customer revenue " + existingRevenue.toPlainString()
          + " without active customers: revenue per active customer is undefined");
    }
  }

  private static void count(double v, String what) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be a finite count >= 0, got " + v);
    }
  }

  /** Nothing counted yet for these stages: the identity of {@link #plus}. */
  public static FunnelCounts empty(List<String> stages) {
    List<Double> zeros = new ArrayList<>();
    for (int j = 0; j < stages.size(); j++) {
      zeros.add(0.0);
    }
    return new FunnelCounts(stages, zeros, 0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0);
  }

  /**
   * The counts of both parts (disjoint leads and customers); unknown visits stay unknown.
   *
   * @throws IllegalArgumentException when the parts count different stages
   */
  public FunnelCounts plus(FunnelCounts other) {
    if (!stages.equals(other.stages)) {
      throw new IllegalArgumentException(
          "cannot add funnel counts of stages " + stages + " and " + other.stages);
    }
    List<Double> sum = new ArrayList<>();
    for (int j = 0; j < reached.size(); j++) {
      sum.add(reached.get(j) + other.reached.get(j));
    }
    return new FunnelCounts(stages, sum, visits + other.visits, revenue.add(other.revenue),
        customerBase + other.customerBase, activeCustomers + other.activeCustomers,
        existingRevenue.add(other.existingRevenue), cycleDays + other.cycleDays);
  }

  /** These counts with the visits set (NaN for unknown). */
  public FunnelCounts withVisits(double v) {
    return new FunnelCounts(stages, reached, v, revenue, customerBase, activeCustomers,
        existingRevenue, cycleDays);
  }

  /** All revenue of the state: the funnel's plus the existing customers'. */
  public BigDecimal totalRevenue() {
    return revenue.add(existingRevenue);
  }

  /** Leads: the count at the first stage. */
  public double leads() {
    return reached.get(0);
  }

  /** The mean sales cycle in days of the deals won in the period; NaN without won deals. */
  public double meanCycleDays() {
    return won() == 0 ? Double.NaN : cycleDays / won();
  }

  /** Won deals: the count at the won stage. */
  public double won() {
    return reached.get(reached.size() - 1);
  }
}
