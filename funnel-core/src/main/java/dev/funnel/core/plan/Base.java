package dev.funnel.core.plan;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The additive quantities of one window and channel, from which every {@link PlanMetric} is
 * computed. Money is exact; ratios are formed once, from the exact sums. {@code spendRows} counts
 * the spend rows summed: without one the spend is unknown, not zero, so CPL, CAC and ROMI are
 * undefined (as in {@link dev.funnel.core.money.UnitRow}).
 */
record Base(long leads, long mql, long sql, long won, long lost, BigDecimal revenue,
    BigDecimal spend, long spendRows, long newCustomers) {

  /** The metric's value; ratios with a zero denominator, or built on unknown spend, are NaN. */
  double value(PlanMetric m) {
    if (spendRows == 0 && (m == PlanMetric.CPL || m == PlanMetric.CAC || m == PlanMetric.ROMI)) {
      return Double.NaN;
    }
    return switch (m) {
      case LEADS -> leads;
      case MQL -> mql;
      case SQL -> sql;
      case WON -> won;
      case REVENUE -> revenue.doubleValue();
      case SPEND -> spend.doubleValue();
      case CPL -> ratio(spend, BigDecimal.valueOf(leads));
      case CAC -> ratio(spend, BigDecimal.valueOf(newCustomers));
      case ROMI -> ratio(revenue.subtract(spend), spend);
      case WIN_RATE -> ratio(BigDecimal.valueOf(won), BigDecimal.valueOf(won + lost));
    };
  }

  /** Why the metric is undefined because the spend is unknown ({@code "no spend rows for seo"}). */
  String spendUnknown(PlanMetric m, String channel) {
    boolean bySpend = m == PlanMetric.CPL || m == PlanMetric.CAC || m == PlanMetric.ROMI;
    return bySpend && spendRows == 0
        ? "no spend rows for " + (channel == null ? "any channel" : channel) : null;
  }

  static double ratio(BigDecimal num, BigDecimal den) {
    return den.signum() == 0 ? Double.NaN : num.divide(den, MathContext.DECIMAL128).doubleValue();
  }
}
