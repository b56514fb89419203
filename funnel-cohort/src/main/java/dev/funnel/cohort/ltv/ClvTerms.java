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

  /** Monthly periods (365.25 / 12 days) with a monthly discount rate. */
  public static ClvTerms monthly(int months, double monthlyDiscountRate, double margin) {
    return new ClvTerms(months, 365.25 / 12, monthlyDiscountRate, margin);
  }
}
