package dev.funnel.cohort;

/**
 * The simple lifetime-value formula of docs/spec/metrics.md, {@code LTV = ARPU x margin / churn}: a
 * customer who churns with constant probability {@code churn} per period stays {@code 1 / churn}
 * periods on average (geometric lifetime), paying ARPU per period.
 *
 * <p>Estimates, from a cohort table: ARPU is the revenue (refunds included) per active
 * customer-period, pooled over all cohorts and periods; churn is the pooled period-over-period
 * churn, customers active in period k-1 and not in k over customers active in k-1, over all
 * cohorts and all k >= 1. The last period of the data may be incomplete, which biases churn up;
 * tables ending on a period boundary avoid that.
 *
 * @param arpu            revenue per active customer per period
 * @param churn           pooled period-over-period churn
 * @param margin          share of revenue kept
 * @param ltv             {@code arpu * margin / churn}; NaN when churn is 0 or undefined
 * @param customerPeriods active customer-periods behind ARPU
 * @param churnBase       customer-periods (active in k-1, k >= 1) behind the churn estimate
 */
public record FormulaLtv(
    double arpu, double churn, double margin, double ltv, long customerPeriods, long churnBase) {}
