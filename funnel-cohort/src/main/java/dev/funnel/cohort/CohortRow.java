package dev.funnel.cohort;

import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One cohort: the customers whose first positive payment falls in {@code cohort}, followed period
 * by period. Index {@code k} of every list is the calendar period {@code cohort.plus(k)}; the
 * lists end with the last period of the data (periods after it are absent, not zero).
 *
 * @param cohort   the acquisition period
 * @param size     customers in the cohort
 * @param active   members with at least one positive payment in period k ({@code active[0] == size})
 * @param retained members with a positive payment in both period k-1 and period k (0 at k = 0)
 * @param activeOnOrAfter members with a positive payment in period k or any later period
 *                 ("unbounded" retention numerator)
 * @param orders   positive payments of members in period k
 * @param revenue  exact sum of all members' payments in period k, refunds included
 */
public record CohortRow(
    Period cohort,
    long size,
    List<Long> active,
    List<Long> retained,
    List<Long> activeOnOrAfter,
    List<Long> orders,
    List<BigDecimal> revenue) {

  public CohortRow {
    active = List.copyOf(active);
    retained = List.copyOf(retained);
    activeOnOrAfter = List.copyOf(activeOnOrAfter);
    orders = List.copyOf(orders);
    revenue = List.copyOf(revenue);
    int n = active.size();
    if (retained.size() != n || activeOnOrAfter.size() != n || orders.size() != n || revenue.size() != n) {
      throw new IllegalArgumentException("cohort " + cohort + ": per-period lists differ in length");
    }
  }

  /** Number of periods observed (index 0 is the cohort period itself). */
  public int periods() {
    return active.size();
  }

  /** {@code active[k] / size}: share of the cohort buying in period k (1.0 at k = 0). */
  public List<Double> retention() {
    List<Double> r = new ArrayList<>(periods());
    for (long a : active) {
      r.add(size == 0 ? Double.NaN : (double) a / size);
    }
    return r;
  }

  /**
   * "On or after" (unbounded) retention, {@code activeOnOrAfter[k] / size}: the share of the
   * cohort that buys in period k or later (within the data), never increasing in k.
   */
  public List<Double> unboundedRetention() {
    List<Double> r = new ArrayList<>(periods());
    for (long a : activeOnOrAfter) {
      r.add(size == 0 ? Double.NaN : (double) a / size);
    }
    return r;
  }

  /**
   * Period-over-period churn: the share of the members active in period k-1 who are not active
   * in period k, {@code 1 - retained[k] / active[k-1]}; NaN at k = 0 and when nobody was active in
   * k-1.
   */
  public List<Double> churn() {
    List<Double> c = new ArrayList<>(periods());
    for (int k = 0; k < periods(); k++) {
      long before = k == 0 ? 0 : active.get(k - 1);
      c.add(before == 0 ? Double.NaN : 1.0 - (double) retained.get(k) / before);
    }
    return c;
  }

  /** Exact running sum of revenue up to and including period k. */
  public List<BigDecimal> cumulativeRevenue() {
    List<BigDecimal> c = new ArrayList<>(periods());
    BigDecimal s = BigDecimal.ZERO;
    for (BigDecimal r : revenue) {
      s = s.add(r);
      c.add(s);
    }
    return c;
  }

  /** Cumulative revenue per cohort member at period k (the historical LTV at period k). */
  public List<Double> cumulativeRevenuePerCustomer() {
    List<Double> c = new ArrayList<>(periods());
    for (BigDecimal s : cumulativeRevenue()) {
      c.add(size == 0 ? Double.NaN : s.doubleValue() / size);
    }
    return c;
  }
}
