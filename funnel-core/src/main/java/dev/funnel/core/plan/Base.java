package dev.funnel.core.plan;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The additive quantities of one window and channel, from which every {@link PlanMetric} is
 * computed. Money is exact; ratios are formed once, from the exact sums.
 */
record Base(long leads, long mql, long sql, long won, long lost, BigDecimal revenue,
    BigDecimal spend, long newCustomers) {

  /** The metric's value; ratios with a zero denominator are NaN. */
  double value(PlanMetric m) {
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

  static double ratio(BigDecimal num, BigDecimal den) {
    return den.signum() == 0 ? Double.NaN : num.divide(den, MathContext.DECIMAL128).doubleValue();
  }
}
