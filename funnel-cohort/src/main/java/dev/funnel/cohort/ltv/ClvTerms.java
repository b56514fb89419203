package dev.funnel.cohort.ltv;

/**
 * The terms of a discounted customer lifetime value: how far ahead, in what periods, at what
 * discount rate and margin.
 *
 * @param periods      number of future periods summed (the horizon)
 * @param periodDays   length of one period in days (a month is 365.25 / 12 days)
 * @param discountRate discount rate per period (0.01 = 1% per period); cash flows of period k are
 *                     divided by {@code (1 + discountRate)^k}
 * @param margin       share of revenue kept as margin (1 for revenue-based CLV)
 */
public record ClvTerms(int periods, double periodDays, double discountRate, double margin) {

  public ClvTerms {
    if (periods < 1) {
      throw new IllegalArgumentException(
          "the CLV horizon needs at least one period, got " + periods);
    }
    if (!(periodDays > 0) || Double.isInfinite(periodDays)) {
      throw new IllegalArgumentException("period length must be positive days, got " + periodDays);
    }
    if (!(discountRate > -1) || Double.isInfinite(discountRate)) {
      throw new IllegalArgumentException("discount rate must be > -1, got " + discountRate);
    }
    if (!Double.isFinite(margin)) {
      throw new IllegalArgumentException("margin must be finite, got " + margin);
    }
  }

  /**
   * The continuously compounded discount rate per time unit equivalent to these terms' rate per
   * period: {@code ln(1 + discountRate) x unit days / period days} (1% a month is 0.00995 a month,
   * 0.00229 a week), so that {@code e^(-delta t)} after one period is {@code 1/(1 + discountRate)};
   * the rate of the continuous-time DERT ({@link BgNbdFit#discountedResidualTransactions}).
   * Zero or negative when the period rate is.
   */
  public double continuousRate(RfmUnit unit) {
    return Math.log1p(discountRate) * unit.days() / periodDays;
  }

  /** Monthly periods (365.25 / 12 days) with a monthly discount rate. */
  public static ClvTerms monthly(int months, double monthlyDiscountRate, double margin) {
    return new ClvTerms(months, 365.25 / 12, monthlyDiscountRate, margin);
  }
}
