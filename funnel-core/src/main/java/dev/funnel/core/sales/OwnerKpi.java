package dev.funnel.core.sales;

/**
 * The KPIs of one owner (spec/metrics.md: SDRs own first reaction and SQL, AEs own win rate and
 * cycle length).
 *
 * @param owner               the lead owner, {@code (none)} when absent
 * @param mqls                leads that reached MQL in the window
 * @param reachRate           of those, share with an activity whose outcome is {@code reached}
 * @param mqlToSql            of those, share that reached SQL
 * @param reactionMedianHours Kaplan-Meier median hours from MQL to the first activity
 * @param sqls                leads that reached SQL in the window
 * @param winRate             won / (won + lost) of those, by count
 * @param cycleMedianDays     Kaplan-Meier median days from SQL to the first payment
 * @param averageDeal         mean WON amount of those won
 */
public record OwnerKpi(
    String owner, long mqls, double reachRate, double mqlToSql, double reactionMedianHours,
    long sqls, double winRate, double cycleMedianDays, double averageDeal) {}
