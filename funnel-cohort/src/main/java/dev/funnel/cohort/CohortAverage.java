package dev.funnel.cohort;

/**
 * The cohorts' average at one period index, weighted by cohort size and taken only over the
 * cohorts that have reached that period (so young cohorts do not pull late periods towards zero).
 * With weights equal to size every average is a pooled ratio: e.g. retention is
 * {@code sum active[k] / sum size} over those cohorts.
 *
 * @param period                       the period index k
 * @param cohorts                      cohorts that reached period k
 * @param customers                    their total size
 * @param retention                    pooled retention at k
 * @param churn                        pooled period-over-period churn at k (NaN at k = 0)
 * @param revenuePerCustomer           revenue in period k per customer
 * @param cumulativeRevenuePerCustomer cumulative revenue to period k per customer
 */
public record CohortAverage(
    int period,
    int cohorts,
    long customers,
    double retention,
    double churn,
    double revenuePerCustomer,
    double cumulativeRevenuePerCustomer) {}
