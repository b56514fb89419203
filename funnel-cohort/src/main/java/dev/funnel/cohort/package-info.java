/**
 * Cohort tables: customers grouped by the calendar period of their first positive payment and
 * followed period by period (active customers, retention, period-over-period churn, orders,
 * revenue with refunds, cumulative revenue per customer), with size-weighted averages over the
 * cohorts that reached each period.
 *
 * <p>Start at {@link dev.funnel.cohort.Cohorts}:
 * <pre>{@code
 * CohortTable t = Cohorts.byFirstPayment(dataset, Granularity.MONTH);
 * t.print();                                  // retention heat map
 * t.cohorts().get(0).cumulativeRevenuePerCustomer();
 * }</pre>
 * Periods are calendar periods ({@link dev.funnel.core.Period}) in the dataset time zone: months
 * are counted by calendar month, weeks are ISO weeks. Rows end with the period of the latest
 * payment in the data; later periods are absent, not zero. Money is summed exactly.
 *
 * <p>For data that arrives in parts (files, partitions, threads) use
 * {@link dev.funnel.cohort.Cohorts#empty} and {@link dev.funnel.cohort.CohortState}: add payments
 * to one state per part, merge the states, take the result; the result does not depend on how
 * the payments were split or in which order they came.
 *
 * <p>Probabilistic lifetime value (BG/NBD, Pareto/NBD, Gamma-Gamma) lives in
 * {@link dev.funnel.cohort.ltv}.
 */
package dev.funnel.cohort;
