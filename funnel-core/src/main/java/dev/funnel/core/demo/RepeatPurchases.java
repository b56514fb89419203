package dev.funnel.core.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The repeat-purchase payment model of {@link DemoData.Builder#paymentsPerLead(double)}: the
 * payments of a self-serve or e-commerce business, where a customer orders again and again,
 * instead of the B2B contracts of the default model. It exists so that a dataset can have as many
 * payment rows per lead as an export of such a business (the end-to-end benchmark uses about ten),
 * with a story that the LTV models (BG/NBD, Gamma-Gamma) describe.
 *
 * <p>Who buys, and when first (draws from the lead's own purchase stream, so every other table is
 * the same as in the default model, but the customer id of the self-serve buyers):
 * <ul>
 *   <li>a won lead orders with probability {@link #WON_PAYS}, first about two days after WON;
 *   <li>any other lead buys on its own (self-serve) with probability {@link #SELF_SERVE} by segment,
 *       first a log-normal time after it was created (median three days, hours to two months); it
 *       then has the customer id a won lead has ({@code C} and its number);
 *   <li>a first order after the end of the data does not happen (no customer then, unless won).
 * </ul>
 *
 * <p>After the first order, the customer's repeat orders are the BG/NBD story (Fader, Hardie and
 * Lee 2005): while alive, a Poisson process of rate {@code lambda = rate * G}, {@code G} gamma with
 * shape {@link #SHAPE} and mean 1 (heavy-tailed: a few customers order many times more than the
 * median one); after each repeat order the customer drops out for good with probability {@code p =
 * B / (rate * }{@link #LIFETIME_DAYS}{@code )}, {@code B ~ Beta(2, 3)}, at most 1. Dropout per
 * order scales with the rate so that a customer's lifetime in days ({@code LIFETIME_DAYS / (G B)}
 * on average) does not depend on how often customers order, only on the customer.
 *
 * <p>{@code rate} (orders per day of a customer with {@code G = 1}) is calibrated so that the
 * expected payments per lead are the requested number: with the expected repeat orders of a
 * customer observed for {@code T} days, {@code rate * E[(L / B) (1 - (1 + B T / (L r))^-r)]} (the
 * individual BG/NBD mean {@code (1 - e^(-lambda p T)) / p} averaged over {@code G}, and over {@code
 * B} numerically), and who buys and their {@code T} taken from a fixed sample of {@link
 * #CALIBRATION_LEADS} leads (the first ones, whatever the number generated; about 0.3 s), {@code rate} solves
 * {@code first orders + rate * repeat = X / (1 + refund rate)} per lead. The result is
 * approximate: the sample is finite, and the cap {@code p <= 1} and refunds after the end are left
 * out; the tests hold 20,000 leads within 5 % of it.
 *
 * <p>Order values: a customer's yearly value is its final deal amount when won, otherwise a
 * log-normal around {@link #SELF_SERVE_VALUE} of its segment's median deal; the price of one order
 * is that value divided by the orders a year at {@code rate}, so that a customer with {@code G =
 * 1} spends about its yearly value a year whatever the orders per lead; each order varies around
 * the price (log-normal, sigma {@link #ORDER_SIGMA}), in cents, at least one cent. Each order is
 * refunded with probability {@link #REFUND} (whole or in part, about ten days later, only when
 * before the end of the data), at most once, so refunds never exceed what was paid.
 */
final class RepeatPurchases {

  /** Salt of the per-lead purchase stream. */
  static final long PURCHASE_SALT = 5;
  /** Leads (the first ones) whose story calibrates the rate. */
  static final int CALIBRATION_LEADS = 50_000;
  /** Probability that a won customer orders at all. */
  static final double WON_PAYS = 0.95;
  /** Probability of a self-serve purchase of a lead that is not won, by segment. */
  static final double[] SELF_SERVE = {0.30, 0.20, 0.08};
  /** A self-serve customer's median yearly value, as a share of its segment's median deal. */
  static final double SELF_SERVE_VALUE = 0.25;
  /** Shape {@code r} of the gamma heterogeneity of the order rate (mean 1). */
  static final double SHAPE = 0.6;
  /** Lifetime scale {@code L} in days: dropout per order is {@code B / (rate * L)}. */
  static final double LIFETIME_DAYS = 120;
  /** Log-scale spread of one order's value around the customer's price. */
  static final double ORDER_SIGMA = 0.35;
  /** Probability that an order is refunded. */
  static final double REFUND = 0.02;

  private static final double DAY = 86_400;
  private static final int BETA_NODES = 400;
  private static final BigDecimal CENT = new BigDecimal("0.01");

  /** Orders per day of a customer with {@code G = 1} while alive. */
  final double rate;
  private final Window window;

  private RepeatPurchases(Window window, double rate) {
    this.window = window;
    this.rate = rate;
  }

  /** The model calibrated to {@code paymentsPerLead} for this configuration (see the class). */
  static RepeatPurchases calibrate(DemoData config, Window window, double paymentsPerLead) {
    RepeatPurchases unscaled = new RepeatPurchases(window, 0);
    // the expectation at whole days, interpolated in between (it is smooth and nearly linear)
    double[] byDay = new double[(int) window.days() + 2];
    for (int k = 0; k < byDay.length; k++) {
      byDay[k] = repeatPerRate(k);
    }
    double first = 0;
    double repeatPerRate = 0;
    for (long i = 0; i < CALIBRATION_LEADS; i++) {
      Instant t0 = LeadLife.firstOrder(config, window, i, unscaled);
      if (t0 != null) {
        first++;
        double days = Duration.between(t0, window.end).getSeconds() / DAY;
        int k = (int) days;
        repeatPerRate += byDay[k] + (days - k) * (byDay[k + 1] - byDay[k]);
      }
    }
    double target = paymentsPerLead / (1 + REFUND) - first / CALIBRATION_LEADS;
    double rate = repeatPerRate > 0 ? Math.max(0, target / (repeatPerRate / CALIBRATION_LEADS)) : 0;
    return new RepeatPurchases(window, rate);
  }

  /**
   * Expected repeat orders in {@code days}, divided by the rate: {@code E[(L / B) (1 - (1 + B T /
   * (L r))^-r)]} over {@code B ~ Beta(2, 3)} (density {@code 12 b (1 - b)^2}), midpoint rule.
   */
  static double repeatPerRate(double days) {
    double sum = 0;
    for (int k = 0; k < BETA_NODES; k++) {
      double b = (k + 0.5) / BETA_NODES;
      double density = 12 * b * (1 - b) * (1 - b);
      double expected = LIFETIME_DAYS / b
          * -Math.expm1(-SHAPE * Math.log1p(b * days / (LIFETIME_DAYS * SHAPE)));
      sum += density * expected;
    }
    return sum / BETA_NODES;
  }

  /**
   * When the lead first orders, or null when it does not (inside the data). Always takes the same
   * draws from {@code p}, so calibration and generation see the same story.
   */
  Instant firstOrder(Draw p, Segment segment, Instant created, Instant wonAt) {
    double buys = p.uniform();
    Duration afterWon = p.hours(48, 0.5);
    Duration afterCreated = p.hours(72, 1.5);
    Instant t0;
    if (wonAt != null) {
      t0 = buys < WON_PAYS ? wonAt.plus(afterWon) : null;
    } else {
      t0 = buys < SELF_SERVE[segment.ordinal()] ? created.plus(afterCreated) : null;
    }
    return t0 != null && t0.isBefore(window.end) ? t0 : null;
  }

  /** Receives the orders and refunds of one customer. */
  interface Orders {
    /** Order {@code n} (from 1). */
    void order(int n, Instant at, BigDecimal value);

    /** The refund of order {@code n}: {@code back} is positive, at most its value. */
    void refund(int n, Instant at, BigDecimal back);
  }

  /**
   * A customer's orders from its first one at {@code t0}, with refunds.
   *
   * @param yearlyValue the deal amount of a won customer, null for a self-serve one
   */
  void orders(Draw p, Segment segment, Instant t0, BigDecimal yearlyValue, Orders out) {
    double value = yearlyValue != null ? yearlyValue.doubleValue()
        : p.logNormal(segment.medianDeal * SELF_SERVE_VALUE, Segment.DEAL_SIGMA);
    double price = value / Math.max(rate * 365.25, 1);
    double g = p.gamma(SHAPE);
    double b = beta23(p);
    double perSecond = rate * g / DAY;
    double dropout = Math.min(1, b / Math.max(rate * LIFETIME_DAYS, 1e-9));
    Instant t = t0;
    int n = 1;
    order(p, n, t, price, out);
    while (perSecond > 0) {
      double wait = p.exponential(1 / perSecond);
      if (wait >= Duration.between(t, window.end).getSeconds()) {
        return;
      }
      t = t.plusSeconds(Math.max(1, Math.round(wait)));
      if (!t.isBefore(window.end)) {
        return;
      }
      order(p, ++n, t, price, out);
      if (p.chance(dropout)) {
        return;
      }
    }
  }

  private void order(Draw p, int n, Instant at, double price, Orders out) {
    BigDecimal value = Draw.money(price * p.logNormal(1, ORDER_SIGMA), CENT);
    if (value.signum() <= 0) {
      value = CENT;
    }
    out.order(n, at, value);
    if (p.chance(REFUND)) {
      Instant when = at.plus(p.hours(24 * 10, 0.8));
      BigDecimal back = p.chance(0.6) ? value : Draw.money(value.doubleValue() * p.between(0.2, 0.8), CENT);
      if (back.signum() <= 0) {
        back = CENT;
      }
      if (when.isBefore(window.end)) {
        out.refund(n, when, back.min(value));
      }
    }
  }

  /** Beta(2, 3): the second smallest of four uniforms. */
  private static double beta23(Draw p) {
    double[] u = {p.uniform(), p.uniform(), p.uniform(), p.uniform()};
    java.util.Arrays.sort(u);
    return u[1];
  }
}
