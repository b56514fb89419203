package dev.funnel.core.sales;

/**
 * The KPIs of one owner (docs/spec/metrics.md: SDRs own first reaction and SQL, AEs own win rate and
 * cycle length). Which leads count for whom depends on the {@link OwnerRule}: by role, one lead's
 * SDR-side figures and AE-side figures can land on two different people.
 *
 * @param owner               the credited owner, {@code (none)} when nobody is known
 * @param mqls                SDR side: leads credited here whose MQL hand-off is in the window
 * @param qualified           of those, how many reached SQL by the as-of instant
 * @param reachRate           of those, share with an activity whose outcome is {@code reached}
 * @param mqlToSql            qualified / mqls
 * @param reactionMedianHours Kaplan-Meier median hours from MQL to the first activity
 * @param sqls                AE side: leads credited here whose SQL hand-off is in the window
 * @param won                 of those, won by the as-of instant
 * @param lost                of those, lost by the as-of instant (returned deals are neither)
 * @param winRate             won / (won + lost), by count
 * @param cycleMedianDays     Kaplan-Meier median days from SQL to the first payment
 * @param averageDeal         mean WON amount of those won with an amount
 */
public record OwnerKpi(
    String owner, long mqls, long qualified, double reachRate, double mqlToSql,
    double reactionMedianHours, long sqls, long won, long lost, double winRate,
    double cycleMedianDays, double averageDeal) {}
