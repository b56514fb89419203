package dev.funnel.cohort.ltv;

import dev.funnel.core.columnar.Columns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer lifetime value from purchase histories: the RFM summary, the BG/NBD and Pareto/NBD
 * purchase-count models, the Gamma-Gamma spend model, and the discounted CLV that combines them.
 *
 * <p>All fits are maximum likelihood over the log-parameters (so parameters stay positive) on
 * customers compressed to weighted unique histories; see {@link Convergence} for what
 * "converged" means.
 */
public final class Ltv {

  private Ltv() {}

  /**
   * The RFM summary (Fader, Hardie and Lee 2005) of purchases observed up to and including
   * {@code until}, in a time unit.
   *
   * <p>Only purchases on or before {@code until} count; customers whose first purchase is later
   * are left out. A customer's purchases on the same calendar day merge into one purchase
   * occasion with their summed spend; a day counts as a purchase day when it has a non-negative
   * row (refunds alone never make one; a refund on a purchase day is netted into its spend).
   * {@code x} is the number of purchase days after the first, {@code t_x} and {@code T} the whole
   * days from the first purchase day to the last one and to {@code until}, divided by the unit;
   * the mean repeat spend averages the repeat days (the first day excluded). Customers come out
   * in id order whatever the input order.
   *
   * @throws IllegalArgumentException when an argument is null
   */
  public static RfmSummary summarize(
      Collection<Purchase> purchases, java.time.LocalDate until, RfmUnit unit) {
    return RfmSummarizer.summarize(purchases, until, unit);
  }

  /**
   * The RFM summary of a dataset's payments up to and including {@code until}: each payment is a
   * purchase of its customer on its calendar day in the dataset time zone (refunds negative), with
   * the conventions of {@link #summarize(Collection, java.time.LocalDate, RfmUnit)}, whose result
   * it equals; computed over the payment columns without a record per payment.
   *
   * @throws IllegalArgumentException when an argument is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static RfmSummary summarize(
      dev.funnel.core.Dataset data, java.time.LocalDate until, RfmUnit unit) {
    return RfmSummarizer.summarize(data, until, unit);
  }

  /**
   * A dataset's payments as purchases: each payment is a purchase of its customer (the payment's
   * {@code customer_id}, else its lead) on its calendar day in the dataset time zone, for its exact
   * amount (a refund negative), in the order of the payments table (by customer, then time). The
   * input of {@link #summarize(Collection, java.time.LocalDate, RfmUnit)}, which on it gives what
   * {@link #summarize(dev.funnel.core.Dataset, java.time.LocalDate, RfmUnit)} gives on the dataset.
   *
   * @throws IllegalArgumentException when the dataset is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static List<Purchase> purchases(dev.funnel.core.Dataset data) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    data.require(dev.funnel.core.DatasetTable.PAYMENTS, "purchases");
    java.time.ZoneId zone = data.zone();
    List<Purchase> out = new ArrayList<>(data.payments().size());
    for (dev.funnel.core.Payment p : data.payments()) {
      out.add(new Purchase(p.customerId(), java.time.LocalDate.ofInstant(p.paidAt(), zone),
          p.amount().amount()));
    }
    return List.copyOf(out);
  }

  /**
   * The calendar day, in the dataset time zone, of the dataset's latest payment (refunds
   * included): the default end of an LTV observation period. Empty when the payments table has no
   * rows.
   *
   * @throws IllegalArgumentException when the dataset is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static java.util.Optional<java.time.LocalDate> lastPurchaseDay(dev.funnel.core.Dataset data) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    data.require(dev.funnel.core.DatasetTable.PAYMENTS, "the last purchase day");
    long[] range = Columns.of(data).payments().millisRange();
    if (range[0] > range[1]) {
      return java.util.Optional.empty();
    }
    // the local day of an instant depends on its millisecond only
    return java.util.Optional.of(java.time.LocalDate.ofInstant(
        java.time.Instant.ofEpochMilli(range[1]), data.zone()));
  }

  /**
   * Fits the BG/NBD, MBG/NBD and Pareto/NBD models (and the BG/BB when the purchases are discrete
   * by the unit) on the purchases up to {@code calibrationEnd} and compares their predictions with
   * the purchases in {@code (calibrationEnd, holdoutEnd]}: per calibration frequency, over time
   * (cumulative and per unit), and as error figures with each model's AIC and BIC, and recommends
   * one by {@link HoldoutValidation#RULE}; see {@link HoldoutValidation}.
   *
   * @throws IllegalArgumentException when an argument is null, the holdout does not end after
   *     the calibration, or nobody bought in the calibration period
   */
  public static HoldoutValidation holdout(Collection<Purchase> purchases,
      java.time.LocalDate calibrationEnd, java.time.LocalDate holdoutEnd, RfmUnit unit) {
    return Holdout.validate(purchases, calibrationEnd, holdoutEnd, unit);
  }

  /**
   * P(alive) of the BG/NBD over repeat purchases {@code 0..maxFrequency} by recencies
   * {@code 0, T/steps, ..., T} at age {@code T}; see {@link AliveGrid}.
   *
   * @throws IllegalArgumentException for a negative maxFrequency, steps below 1 or a T that is not
   *     finite and > 0
   */
  public static AliveGrid aliveGrid(BgNbdFit fit, double T, int maxFrequency, int steps) {
    return grid("BG/NBD", T, maxFrequency, steps, (x, tx) -> fit.probabilityAlive(x, tx, T));
  }

  /** {@link #aliveGrid(BgNbdFit, double, int, int)} for the MBG/NBD. */
  public static AliveGrid aliveGrid(MbgNbdFit fit, double T, int maxFrequency, int steps) {
    return grid("MBG/NBD", T, maxFrequency, steps, (x, tx) -> fit.probabilityAlive(x, tx, T));
  }

  /** {@link #aliveGrid(BgNbdFit, double, int, int)} for the Pareto/NBD. */
  public static AliveGrid aliveGrid(ParetoNbdFit fit, double T, int maxFrequency, int steps) {
    return grid("Pareto/NBD", T, maxFrequency, steps, (x, tx) -> fit.probabilityAlive(x, tx, T));
  }

  private interface Alive {
    double at(int x, double tx);
  }

  private static AliveGrid grid(String model, double T, int maxFrequency, int steps, Alive p) {
    if (!(T > 0) || Double.isInfinite(T) || maxFrequency < 0 || steps < 1) {
      throw new IllegalArgumentException("need T > 0, maxFrequency >= 0 and steps >= 1, got T = "
          + T + ", maxFrequency = " + maxFrequency + ", steps = " + steps);
    }
    int[] xs = new int[maxFrequency + 1];
    double[] txs = new double[steps + 1];
    for (int i = 0; i <= maxFrequency; i++) {
      xs[i] = i;
    }
    for (int j = 0; j <= steps; j++) {
      txs[j] = j == steps ? T : T * j / steps;
    }
    double[][] a = new double[xs.length][txs.length];
    for (int i = 0; i < xs.length; i++) {
      for (int j = 0; j < txs.length; j++) {
        boolean possible = (xs[i] == 0) == (txs[j] == 0);
        a[i][j] = possible ? p.at(xs[i], txs[j]) : Double.NaN;
      }
    }
    return new AliveGrid(model, T, xs, txs, a);
  }

  /**
   * Fits the BG/BB model (Fader, Hardie and Shang 2010) to histories of discrete transaction
   * opportunities by maximum likelihood: Newton on the log-parameters from three starting points,
   * then BOBYQA if none converges; see {@link BgBbFit}. Histories in any order give the same fit
   * (they are summed in a canonical order).
   *
   * @throws IllegalArgumentException when there is no customer
   */
  public static BgBbFit bgBb(Collection<BgBbPattern> histories) {
    List<BgBbPattern> sorted = new ArrayList<>(histories);
    sorted.sort(java.util.Comparator.comparingInt(BgBbPattern::n).thenComparingInt(BgBbPattern::x)
        .thenComparingInt(BgBbPattern::tx).thenComparingLong(BgBbPattern::customers));
    long customers = 0;
    for (BgBbPattern p : sorted) {
      customers += p.customers();
    }
    if (customers == 0) {
      throw new IllegalArgumentException("the BG/BB needs at least one customer");
    }
    List<double[]> starts = List.of(new double[] {0, 0, 0, 0},
        new double[] {Math.log(0.5), Math.log(2), Math.log(0.5), Math.log(2)},
        new double[] {Math.log(3), Math.log(1), Math.log(2), Math.log(5)});
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(new BgBbLikelihood(sorted), starts);
    return new BgBbFit(f.estimate(0, "alpha"), f.estimate(1, "beta"), f.estimate(2, "gamma"),
        f.estimate(3, "delta"), f.logLikelihood(), customers, sorted.size(), f.convergence());
  }

  /**
   * Fits the MBG/NBD model (Batislam, Denizel and Filiztekin 2007) by maximum likelihood, Newton
   * on the log-parameters from the BG/NBD's three starting points, then BOBYQA if none converges
   * (see {@link MbgNbdFit}). No limit model is substituted: a fit that runs off toward a boundary
   * is reported not converged.
   *
   * @throws IllegalArgumentException when the summary is empty
   */
  public static MbgNbdFit mbgNbd(RfmSummary summary) {
    Triples d = Triples.of(summary);
    double lnAlpha = Math.log(1 / meanRate(d));
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, lnAlpha, 0, 0});
    starts.add(new double[] {Math.log(0.3), lnAlpha + Math.log(0.3), Math.log(0.5), Math.log(2)});
    starts.add(new double[] {Math.log(3), lnAlpha + Math.log(3), Math.log(2), Math.log(5)});
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(BgNbdLikelihood.modified(d), starts);
    return new MbgNbdFit(f.estimate(0, "r"), f.estimate(1, "alpha"), f.estimate(2, "a"),
        f.estimate(3, "b"), f.logLikelihood(), d.customers, d.size(), f.convergence(),
        summary.unit());
  }

  /**
   * Fits the BG/NBD model of Fader, Hardie and Lee (2005) by maximum likelihood.
   *
   * <p>Starting points, tried in order until one converges: {@code r = 1, a = 1, b = 1} with
   * {@code alpha} matching the mean purchase rate ({@code r / alpha = sum x / sum T}); then two
   * points spread around it. If none converges, Hipparchus BOBYQA continues from the best.
   *
   * <p>Boundaries. The likelihood's supremum can lie on the boundary of the parameter space, where
   * the BG/NBD tends to a simpler model with fewer parameters; a search chasing it would never
   * converge, so the two limits are fitted first in their own parameters and compared:
   * <ul>
   *   <li>No dropout (customers keep buying, e.g. subscriptions renewing every month): as the mean
   *       dropout probability {@code a/(a+b) -> 0} the BG/NBD becomes the NBD (Fader, Hardie and Lee
   *       2005, section 3), fitted in {@code (r, alpha)} ({@link NbdLikelihood}); flagged
   *       {@link BgNbdFit#NO_DROPOUT}.
   *   <li>All-or-nothing dropout (subscribers who never leave next to one-off buyers who paid a
   *       second time and stopped): as {@code a, b -> 0} with {@code a/(a+b) -> pi}, each customer's
   *       p is 1 with probability pi and 0 otherwise, fitted in {@code (r, alpha, pi)}
   *       ({@link AllOrNothingLikelihood}); flagged {@link BgNbdFit#ALL_OR_NOTHING}. At
   *       {@code pi -> 0} it is the NBD, so it is kept only when it beats the NBD.
   *   <li>Constant dropout (customers differ in how often they buy, not in how likely they are to
   *       leave after a purchase): the likelihood increases along the ridge {@code a, b -> infinity}
   *       with {@code a/(a+b) -> pi}, where Beta(a, b) tends to the point mass at pi; fitted in
   *       {@code (r, alpha, pi)} ({@link ConstantDropoutLikelihood}); flagged
   *       {@link BgNbdFit#CONSTANT_DROPOUT}. Without it a search walks up the ridge to
   *       {@code a, b} in the hundreds of thousands, where neither is identified (standard errors
   *       larger than the estimates) and every 2F1 of the conditional expectation sums about b
   *       terms. At {@code pi -> 0} it is the NBD, so it too is kept only when it beats the NBD.
   * </ul>
   * A Newton run stops as soon as {@code a/(a+b) < 1e-8}, {@code a + b < 1e-6} or the dropout
   * probabilities' squared coefficient of variation {@code b / (a (a+b+1))} falls below
   * {@code 1e-6} (they equal their mean to 0.1%, as in the Pareto/NBD's homogeneous-rate test);
   * when no start finds a point better than the best limit by more than {@code 1e-6 (1 + |logL|)}
   * the result is that limit, with its own convergence: a converged interior maximum within that
   * tolerance of a limit (e.g. far out on the ridge) is reported as the limit, which fits as well
   * with one parameter fewer. The best limit is the NBD unless the all-or-nothing or the
   * constant-dropout limit beats it by more than the tolerance (then the better of those two).
   * The work is capped by iteration and evaluation counts ({@link MaximumLikelihood}).
   *
   * @throws IllegalArgumentException when the summary is empty
   */
  public static BgNbdFit bgNbd(RfmSummary summary) {
    Triples d = Triples.of(summary);
    double lnAlpha = Math.log(1 / meanRate(d));
    MaximumLikelihood.Fit limit = nbdLimit(d, lnAlpha);
    MaximumLikelihood.Fit twoPoint = allOrNothingLimit(d, limit);
    MaximumLikelihood.Fit constant = constantDropoutLimit(d, limit);
    double tol = 1e-6 * (1 + Math.abs(limit.logLikelihood()));
    boolean twoPointBetter =
        twoPoint != null && twoPoint.logLikelihood() > limit.logLikelihood() + tol;
    boolean constantBetter =
        constant != null && constant.logLikelihood() > limit.logLikelihood() + tol
            && !(twoPointBetter && twoPoint.logLikelihood() >= constant.logLikelihood());
    twoPointBetter &= !constantBetter;
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, lnAlpha, 0, 0});
    starts.add(new double[] {Math.log(0.3), lnAlpha + Math.log(0.3), Math.log(0.5), Math.log(2)});
    starts.add(new double[] {Math.log(3), lnAlpha + Math.log(3), Math.log(2), Math.log(5)});
    // ln E[p] = ln a - ln(a + b) below ln 1e-8: the BG/NBD equals its NBD limit to rounding;
    // a + b below 1e-6: Beta(a, b) is the two-point law of the all-or-nothing limit to rounding;
    // b / (a (a+b+1)), the squared coefficient of variation of Beta(a, b), below 1e-6: the point
    // mass of the constant-dropout limit to rounding
    java.util.function.Predicate<double[]> onBoundary =
        th -> th[2] - logSum(th[2], th[3]) < LN_NO_DROPOUT || logSum(th[2], th[3]) < LN_TINY
            || th[3] - th[2] - Math.log1p(Math.exp(logSum(th[2], th[3]))) < LN_HOMOGENEOUS_CV2;
    double boundaryValue = twoPointBetter ? twoPoint.logLikelihood()
        : constantBetter ? constant.logLikelihood() : limit.logLikelihood();
    MaximumLikelihood.Fit f =
        MaximumLikelihood.fit(new BgNbdLikelihood(d), starts, onBoundary, boundaryValue);
    // an interior point that does not beat the best limit by more than the tolerance (a maximum
    // far out on a ridge, or a local one) is reported as that limit
    boolean limitWins = f.atBoundary() || !(f.logLikelihood() > boundaryValue + tol);
    if (limitWins && constantBetter) {
      double p = AllOrNothingLikelihood.pi(constant.logParameters()[2]);
      double[] cov = constant.covariance();
      // delta method from logit p: dp / d logit p = p (1 - p)
      double se = cov == null ? Double.NaN : p * (1 - p) * Math.sqrt(cov[2 * 3 + 2]);
      return new BgNbdFit(
          constant.estimate(0, "r"),
          constant.estimate(1, "alpha"),
          new Estimate("a", Double.POSITIVE_INFINITY, Double.NaN),
          new Estimate("b", Double.POSITIVE_INFINITY, Double.NaN),
          constant.logLikelihood(),
          d.customers,
          d.size(),
          limitConvergence(constant, f, "constant-dropout limit"),
          summary.unit(),
          BgNbdFit.CONSTANT_DROPOUT,
          Estimate.probability("pi", p, se));
    }
    if (limitWins && twoPointBetter) {
      boolean all = twoPoint.logParameters().length == 2; // pi = 1: every repeat buyer drops out
      double pi = all ? 1.0 : AllOrNothingLikelihood.pi(twoPoint.logParameters()[2]);
      double[] cov = twoPoint.covariance();
      double se = all || cov == null ? Double.NaN : pi * (1 - pi) * Math.sqrt(cov[2 * 3 + 2]);
      return new BgNbdFit(
          twoPoint.estimate(0, "r"),
          twoPoint.estimate(1, "alpha"),
          new Estimate("a", 0, Double.NaN),
          new Estimate("b", 0, Double.NaN),
          twoPoint.logLikelihood(),
          d.customers,
          d.size(),
          limitConvergence(twoPoint, f, "all-or-nothing limit"),
          summary.unit(),
          BgNbdFit.ALL_OR_NOTHING,
          Estimate.probability("pi", pi, se));
    }
    if (limitWins) {
      return new BgNbdFit(
          limit.estimate(0, "r"),
          limit.estimate(1, "alpha"),
          new Estimate("a", 0, Double.NaN),
          new Estimate("b", Double.POSITIVE_INFINITY, Double.NaN),
          limit.logLikelihood(),
          d.customers,
          d.size(),
          limitConvergence(limit, f, "NBD limit"),
          summary.unit(),
          BgNbdFit.NO_DROPOUT,
          Estimate.probability("pi", 0, Double.NaN));
    }
    Estimate a = f.estimate(2, "a");
    Estimate b = f.estimate(3, "b");
    double pi = a.value() / (a.value() + b.value());
    double[] cov = f.covariance();
    // delta method in (ln a, ln b): d pi / d ln a = pi (1 - pi) = -d pi / d ln b
    double se = cov == null ? Double.NaN
        : pi * (1 - pi) * Math.sqrt(Math.max(0, cov[2 * 4 + 2] + cov[3 * 4 + 3] - 2 * cov[2 * 4 + 3]));
    return new BgNbdFit(
        f.estimate(0, "r"),
        f.estimate(1, "alpha"),
        a,
        b,
        f.logLikelihood(),
        d.customers,
        d.size(),
        f.convergence(),
        summary.unit(),
        null,
        Estimate.probability("pi", pi, se));
  }

  /**
   * The constant-dropout limit of the BG/NBD ({@link ConstantDropoutLikelihood}) fitted in
   * {@code (ln r, ln alpha, logit pi)} from the NBD limit's {@code (r, alpha)} and three dropout
   * probabilities; null when it does not converge to an interior point of its own (its runs stop at
   * {@code pi < 1e-8}, the NBD, at {@code pi > 1 - 1e-8}, everyone leaving after the first repeat
   * purchase, and at {@code r > 1e6}, one purchase rate for all: boundaries of the limit that are
   * fitted elsewhere or not at all).
   */
  private static MaximumLikelihood.Fit constantDropoutLimit(Triples d, MaximumLikelihood.Fit nbd) {
    double[] th = nbd.logParameters();
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {th[0], th[1], Math.log(0.1 / 0.9)});
    starts.add(new double[] {th[0], th[1] - 1, Math.log(0.3 / 0.7)});
    starts.add(new double[] {th[0], th[1] - 2, Math.log(0.02 / 0.98)});
    java.util.function.Predicate<double[]> atEnd =
        t -> t[2] < LN_NO_DROPOUT || t[2] > -LN_NO_DROPOUT || t[0] > LN_HOMOGENEOUS;
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(
        new ConstantDropoutLikelihood(d), starts, atEnd, nbd.logLikelihood(), false);
    return !f.atBoundary() && f.convergence().converged() ? f : null;
  }

  /**
   * The all-or-nothing limit of the BG/NBD ({@link AllOrNothingLikelihood}) fitted in
   * {@code (ln r, ln alpha, logit pi)} from the NBD limit's {@code (r, alpha)}; or, when no
   * customer has two repeat purchases and the fit runs to {@code pi -> 1}, the model at
   * {@code pi = 1} fitted in {@code (ln r, ln alpha)} (a fit with two log-parameters). Null when it
   * is no better than the NBD limit (its {@code pi -> 0} end).
   */
  private static MaximumLikelihood.Fit allOrNothingLimit(Triples d, MaximumLikelihood.Fit nbd) {
    AllOrNothingLikelihood l = new AllOrNothingLikelihood(d);
    double[] th = nbd.logParameters();
    boolean twice = d.xs[d.xs.length - 1] >= 2;
    double bound = nbd.logLikelihood();
    MaximumLikelihood.Fit allDrop = null;
    if (!twice) {
      List<double[]> s2 = new ArrayList<>();
      s2.add(new double[] {th[0], th[1]});
      s2.add(new double[] {0, th[1] - th[0]});
      allDrop = MaximumLikelihood.fit(l, s2);
      if (allDrop.logLikelihood() > bound) {
        bound = allDrop.logLikelihood();
      }
    }
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {th[0], th[1], 0});
    starts.add(new double[] {th[0], th[1], Math.log(0.1 / 0.9)});
    starts.add(new double[] {th[0], th[1], Math.log(0.9 / 0.1)});
    // logit pi below ln 1e-8: the NBD to rounding; above -ln 1e-8 (only possible when nobody
    // repeats twice): the pi = 1 model to rounding
    java.util.function.Predicate<double[]> atEnd =
        t -> t[2] < LN_NO_DROPOUT || (!twice && t[2] > -LN_NO_DROPOUT);
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(l, starts, atEnd, bound);
    if (!f.atBoundary()) {
      return f;
    }
    return allDrop != null && allDrop.logLikelihood() > nbd.logLikelihood() ? allDrop : null;
  }

  /** ln of the mean dropout probability (BG/NBD) or rate (Pareto/NBD) treated as no dropout. */
  private static final double LN_NO_DROPOUT = Math.log(1e-8);

  /** ln of the Pareto/NBD r beyond which the purchase rates are homogeneous to 0.1%. */
  private static final double LN_HOMOGENEOUS = Math.log(1e6);

  /**
   * ln of the squared coefficient of variation of Beta(a, b), {@code b / (a (a+b+1))}, below which
   * the dropout probabilities equal their mean to 0.1%: the constant-dropout limit.
   */
  private static final double LN_HOMOGENEOUS_CV2 = Math.log(1e-6);

  /** ln of {@code a + b} below which Beta(a, b) is a two-point law on {0, 1} to rounding. */
  private static final double LN_TINY = Math.log(1e-6);

  /** {@code sum x / sum T}, or a positive stand-in when there are no repeat purchases. */
  private static double meanRate(Triples d) {
    double rate = d.totalX() > 0 ? d.totalX() / d.totalT() : 1 / Math.max(d.totalT(), 1e-9);
    return rate > 0 && Double.isFinite(rate) ? rate : 1;
  }

  private static double maxAge(Triples d) {
    double m = 0;
    for (double t : d.tValues) {
      m = Math.max(m, t);
    }
    return m;
  }

  /** The NBD limit (no dropout) fitted in {@code (ln r, ln alpha)}. */
  private static MaximumLikelihood.Fit nbdLimit(Triples d, double lnAlpha) {
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, lnAlpha});
    starts.add(new double[] {Math.log(0.3), lnAlpha + Math.log(0.3)});
    starts.add(new double[] {Math.log(3), lnAlpha + Math.log(3)});
    return MaximumLikelihood.fit(new NbdLikelihood(d), starts);
  }

  private static double logSum(double u, double v) {
    double hi = Math.max(u, v);
    return hi + Math.log1p(Math.exp(Math.min(u, v) - hi));
  }

  /**
   * Fits the Gamma-Gamma spend model of Fader, Hardie and Lee (2005, "RFM and CLV") by maximum
   * likelihood on the customers with at least one repeat purchase and a positive mean repeat
   * spend (the others carry no information on spend and are counted as excluded).
   *
   * <p>Starting points, tried in order until one converges: {@code p = 1, q = 2} with
   * {@code gamma} matching the mean spend ({@code p gamma / (q - 1)} = mean zbar), then two more
   * spread around it.
   *
   * <p>Constant spend: when customers' spends do not vary from purchase to purchase (fixed-price
   * subscriptions) the likelihood increases toward {@code p -> infinity}, where the model becomes
   * "each customer's spend is constant, the spends are {@code InvGamma(q, theta)}" with
   * {@code theta = p gamma} ({@link ConstantSpendLikelihood}). That limit is fitted first in
   * {@code (q, theta)}; a Newton run stops once {@code p > 1e8}, and when no start finds a point
   * better than the limit by more than {@code 1e-6 (1 + |logL|)} the result is the limit, flagged
   * {@link GammaGammaFit#CONSTANT_SPEND}.
   *
   * @throws IllegalArgumentException when no customer has a repeat purchase with positive spend
   */
  public static GammaGammaFit gammaGamma(RfmSummary summary) {
    // compress to weighted unique (x, zbar) pairs by sorting packed primitive keys
    List<RfmCustomer> cs = summary.customers();
    int kept = 0;
    int maxX = 0;
    double[] zAll = new double[cs.size()];
    for (RfmCustomer c : cs) {
      if (c.x() > 0 && c.meanRepeatSpend() > 0) {
        zAll[kept++] = c.meanRepeatSpend();
        maxX = Math.max(maxX, c.x());
      }
    }
    long excluded = cs.size() - kept;
    if (kept == 0) {
      throw new IllegalArgumentException(
          "the Gamma-Gamma model needs customers with repeat purchases and positive spend; none of "
              + summary.size() + " has one");
    }
    double[] zValues = java.util.Arrays.copyOf(zAll, kept);
    java.util.Arrays.parallelSort(zValues);
    int distinctZ = 0;
    for (int i = 0; i < kept; i++) {
      if (i == 0 || zValues[i] != zValues[i - 1]) {
        zValues[distinctZ++] = zValues[i];
      }
    }
    zValues = java.util.Arrays.copyOf(zValues, distinctZ);
    int bz = 64 - Long.numberOfLeadingZeros(Math.max(1, distinctZ - 1));
    long[] keys = new long[kept];
    int j = 0;
    for (RfmCustomer c : cs) {
      if (c.x() > 0 && c.meanRepeatSpend() > 0) {
        int zi = java.util.Arrays.binarySearch(zValues, c.meanRepeatSpend());
        keys[j++] = ((long) c.x() << bz) | zi;
      }
    }
    java.util.Arrays.parallelSort(keys);
    int n = 0;
    for (int i = 0; i < kept; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        n++;
      }
    }
    int[] x = new int[n];
    double[] z = new double[n];
    double[] w = new double[n];
    int u = -1;
    for (int i = 0; i < kept; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        u++;
        x[u] = (int) (keys[i] >>> bz);
        z[u] = zValues[(int) (keys[i] & ((1L << bz) - 1))];
      }
      w[u]++;
    }
    double total = kept;
    double sumZ = 0;
    for (int i = 0; i < n; i++) {
      sumZ += w[i] * z[i];
    }
    double lnMean = Math.log(sumZ / total);
    // the constant-spend limit (p -> infinity) in (ln q, ln theta), from q = 2, theta = mean zbar
    List<double[]> limitStarts = new ArrayList<>();
    limitStarts.add(new double[] {Math.log(2), lnMean});
    limitStarts.add(new double[] {Math.log(0.5), lnMean - 1});
    limitStarts.add(new double[] {Math.log(5), lnMean + 1});
    MaximumLikelihood.Fit limit =
        MaximumLikelihood.fit(new ConstantSpendLikelihood(z, w), limitStarts);
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, Math.log(2), lnMean});
    starts.add(new double[] {Math.log(5), Math.log(4), lnMean + Math.log(0.6)});
    starts.add(new double[] {Math.log(0.5), Math.log(1.5), lnMean});
    // p above 1e8: spends vary by 1e-4 of their mean, the constant-spend limit to rounding
    java.util.function.Predicate<double[]> constant = th -> th[0] > LN_CONSTANT_SPEND;
    double tol = 1e-6 * (1 + Math.abs(limit.logLikelihood()));
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(
        new GammaGammaLikelihood(x, z, w), starts, constant, limit.logLikelihood());
    if (f.atBoundary() || !(f.logLikelihood() > limit.logLikelihood() + tol)) {
      // no interior point beats the limit: the supremum is at p -> infinity
      Estimate q = limit.estimate(0, "q");
      Estimate theta = limit.estimate(1, "theta");
      return new GammaGammaFit(
          new Estimate("p", Double.POSITIVE_INFINITY, Double.NaN),
          q,
          new Estimate("gamma", 0, Double.NaN),
          limit.logLikelihood(),
          (long) total,
          excluded,
          limitConvergence(limit, f, "constant-spend limit"),
          GammaGammaFit.CONSTANT_SPEND,
          theta);
    }
    Estimate p = f.estimate(0, "p");
    Estimate gamma = f.estimate(2, "gamma");
    double[] cov = f.covariance();
    // delta method in (ln p, ln gamma): theta = p gamma, se = theta sqrt(var + var + 2 cov)
    double th = p.value() * gamma.value();
    double se = cov == null ? Double.NaN
        : th * Math.sqrt(Math.max(0, cov[0] + cov[2 * 3 + 2] + 2 * cov[2]));
    return new GammaGammaFit(
        p,
        f.estimate(1, "q"),
        gamma,
        f.logLikelihood(),
        (long) total,
        excluded,
        f.convergence(),
        null,
        new Estimate("theta", th, se));
  }

  /** ln of the Gamma-Gamma p beyond which spends are constant per customer to rounding. */
  private static final double LN_CONSTANT_SPEND = Math.log(1e8);


  /**
   * Discounted CLV per customer of the summary (see {@link ClvTable} for the formula): BG/NBD
   * expected purchases per future period, Gamma-Gamma expected spend, margin and discounting from
   * the terms. A customer whose expected spend does not exist (Gamma-Gamma {@code q <= 1} and no
   * repeat spend) gets NaN. A fit that did not converge gives its CLV a caveat
   * ({@link ClvTable#caveats()}).
   *
   * @throws IllegalArgumentException when the fits were made in a different time unit than the
   *     summary's
   */
  public static ClvTable clv(RfmSummary summary, BgNbdFit purchases, GammaGammaFit spend,
      ClvTerms terms) {
    return clv(summary, purchases, spend, terms, Double.NaN);
  }

  /**
   * {@link #clv(RfmSummary, BgNbdFit, GammaGammaFit, ClvTerms)}, except that customers whose
   * Gamma-Gamma expected spend does not exist get {@code fallbackSpend} per purchase instead: an
   * assumption of the caller (for instance {@link #observedMeanSpend(RfmSummary)}), not a model
   * result, recorded in the table ({@link ClvTable#fallbackSpend()},
   * {@link ClvTable#fallbackCustomers()}). NaN means no fallback.
   *
   * @throws IllegalArgumentException when the fits were made in a different time unit than the
   *     summary's, or the fallback is infinite or negative
   */
  public static ClvTable clv(RfmSummary summary, BgNbdFit purchases, GammaGammaFit spend,
      ClvTerms terms, double fallbackSpend) {
    return clv(summary, new PurchaseModel("BG/NBD", purchases.unit(), purchases::expectedPurchases,
        purchases::probabilityAlive, purchases::discountedResidualTransactions,
        purchases.convergence()), spend, terms, fallbackSpend);
  }

  /**
   * {@link #clv(RfmSummary, BgNbdFit, GammaGammaFit, ClvTerms, double)} with the Pareto/NBD as
   * the purchase model: the same discrete DERT sum ({@link ClvTable}) over the Pareto/NBD
   * conditional expectation {@link ParetoNbdFit#expectedPurchases(double, RfmCustomer)}
   * (Schmittlein, Morrison and Colombo 1987; Fader and Hardie 2005 note), and its
   * {@link ParetoNbdFit#probabilityAlive(RfmCustomer)}; at a boundary, those of the limit model.
   *
   * @throws IllegalArgumentException when the fits were made in a different time unit than the
   *     summary's, or the fallback is infinite or negative
   */
  public static ClvTable clv(RfmSummary summary, ParetoNbdFit purchases, GammaGammaFit spend,
      ClvTerms terms, double fallbackSpend) {
    return clv(summary, new PurchaseModel("Pareto/NBD", purchases.unit(),
        purchases::expectedPurchases, purchases::probabilityAlive,
        purchases::discountedResidualTransactions, purchases.convergence()), spend, terms,
        fallbackSpend);
  }

  /**
   * What the CLV needs of a purchase-count model: its unit, three per-customer predictions (the
   * conditional expectation over a horizon, P(alive), the continuous-time DERT at a rate) and how
   * its fit ended.
   */
  private record PurchaseModel(String name, RfmUnit unit,
      java.util.function.ToDoubleBiFunction<Double, RfmCustomer> expected,
      java.util.function.ToDoubleFunction<RfmCustomer> alive,
      java.util.function.ToDoubleBiFunction<Double, RfmCustomer> residual,
      Convergence convergence) {}

  /** The caveat of a fit that did not converge, or null when it did. */
  private static String caveat(String model, Convergence c) {
    if (c.converged()) {
      return null;
    }
    return "the " + model + " fit did NOT converge (" + c.method() + ", " + c.iterations()
        + " iterations from " + c.starts() + " starts): its parameters are the best point found, not"
        + " a maximum of the likelihood, so this CLV is not a model prediction";
  }

  private static ClvTable clv(RfmSummary summary, PurchaseModel purchases, GammaGammaFit spend,
      ClvTerms terms, double fallbackSpend) {
    if (purchases.unit() != summary.unit()) {
      throw new IllegalArgumentException(
          "the " + purchases.name() + " fit is in " + purchases.unit().label() + "s, the summary in "
              + summary.unit().label() + "s");
    }
    if (!Double.isNaN(fallbackSpend) && !(fallbackSpend >= 0 && fallbackSpend < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "the fallback spend must be finite and >= 0 (or NaN for none), got " + fallbackSpend);
    }
    double step = terms.periodDays() / summary.unit().days();
    double delta = terms.continuousRate(summary.unit());
    // customers with the same history get the same prediction: compute it once per history
    Map<History, double[]> done = new HashMap<>();
    List<CustomerValue> rows = new ArrayList<>(summary.size());
    long fallbacks = 0;
    for (RfmCustomer c : summary.customers()) {
      double[] dert = done.computeIfAbsent(
          new History(c.x(), c.tx(), c.T()), h -> dert(purchases, c, step, terms, delta));
      double z = spend.expectedSpend(c);
      if (Double.isNaN(z) && !Double.isNaN(fallbackSpend)) {
        z = fallbackSpend;
        fallbacks++;
      }
      rows.add(new CustomerValue(c.customerId(), c.x(), dert[2], dert[1], z,
          terms.margin() * z * dert[0], dert[3], terms.margin() * z * dert[3]));
    }
    List<String> caveats = new ArrayList<>();
    for (String c : new String[] {caveat(purchases.name(), purchases.convergence()),
        caveat("Gamma-Gamma", spend.convergence())}) {
      if (c != null) {
        caveats.add(c);
      }
    }
    return new ClvTable(terms, rows, fallbacks > 0 ? fallbackSpend : Double.NaN, fallbacks,
        caveats, delta);
  }

  /**
   * The observed mean spend per repeat purchase: total repeat spend over repeat purchases, summed
   * over the customers the Gamma-Gamma fit uses (at least one repeat purchase, positive mean repeat
   * spend), {@code sum x zbar / sum x}. An empirical stand-in for the population mean spend when the
   * fitted one is infinite; NaN when no customer qualifies.
   */
  public static double observedMeanSpend(RfmSummary summary) {
    double spend = 0;
    double count = 0;
    for (RfmCustomer c : summary.customers()) {
      if (c.x() > 0 && c.meanRepeatSpend() > 0) {
        spend += c.x() * c.meanRepeatSpend();
        count += c.x();
      }
    }
    return count > 0 ? spend / count : Double.NaN;
  }

  /**
   * Fits the Pareto/NBD model (Schmittlein, Morrison and Colombo 1987) by maximum likelihood.
   *
   * <p>Starting points, tried in order until one converges: {@code r = s = 1} with {@code alpha}
   * matching the mean purchase rate and {@code beta} the mean observation length, then two points
   * spread around it.
   *
   * <p>No dropout: as the mean dropout rate {@code s/beta -> 0} lifetimes never end and the
   * Pareto/NBD becomes the NBD (Schmittlein, Morrison and Colombo 1987: the model is the NBD with
   * an exponential lifetime; at {@code s -> 0} the likelihood's second term vanishes). Handled as in
   * {@link #bgNbd(RfmSummary)}: the NBD limit is fitted first, a Newton run stops once
   * {@code s/beta < 1e-8}, and when nothing beats the limit the result is the limit, flagged
   * {@link ParetoNbdFit#NO_DROPOUT}.
   *
   * <p>Homogeneous purchase rates: when every customer buys at the same rate (monthly subscriptions)
   * the likelihood increases toward {@code r, alpha -> infinity} with {@code r/alpha -> lambda},
   * where Gamma(r, alpha) degenerates to a point mass: purchases are Poisson at rate lambda for
   * everyone and dropout rates stay Gamma(s, beta). That limit is fitted first in
   * {@code (lambda, s, beta)} ({@link HomogeneousRateLikelihood}); a Newton run stops once
   * {@code r > 1e6} (rates equal to 0.1%), and when nothing beats the better of the two limits the
   * result is that limit, flagged {@link ParetoNbdFit#HOMOGENEOUS_RATE} or
   * {@link ParetoNbdFit#NO_DROPOUT}. A homogeneous-rate fit that does not converge itself (it ran to
   * a boundary of its own) is not used, and a run stopped at {@code r > 1e6} is then reported not
   * converged, with the point reached.
   *
   * <p>Constant dropout rate: when customers differ in how often they buy but not in how long they
   * stay, the likelihood increases toward {@code s, beta -> infinity} with {@code s/beta -> mu},
   * where Gamma(s, beta) degenerates to a point mass: every lifetime is exponential with rate mu.
   * That limit is fitted first in {@code (r, alpha, mu)} ({@link ConstantDropoutRateLikelihood});
   * the Newton runs already stop once beta passes 30 (1 + max T), and the limit is reported, flagged
   * {@link ParetoNbdFit#CONSTANT_DROPOUT_RATE}, when it is the best limit and no interior point beats
   * it by more than the tolerance. As for the BG/NBD, a converged interior point within
   * {@code 1e-6 (1 + |logL|)} of the best limit is reported as that limit.
   *
   * @throws IllegalArgumentException when the summary is empty
   */
  public static ParetoNbdFit paretoNbd(RfmSummary summary) {
    Triples d = Triples.of(summary);
    double meanT = d.totalT() / d.customers;
    double lnAlpha = Math.log(1 / meanRate(d));
    double lnBeta = Math.log(Math.max(meanT, 1e-9));
    MaximumLikelihood.Fit limit = nbdLimit(d, lnAlpha);
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, lnAlpha, 0, lnBeta});
    starts.add(new double[] {Math.log(0.5), lnAlpha + Math.log(0.5), Math.log(0.5), lnBeta});
    starts.add(new double[] {Math.log(2), lnAlpha + Math.log(2), Math.log(2), lnBeta + 1});
    // ln E[mu] = ln s - ln beta below ln 1e-8 per time unit: no dropout to rounding
    // or beta beyond 30 (1 + max T): the run is heading for s, beta -> infinity, which the data
    // cannot tell from no dropout unless it beats the NBD limit (then it is reported unconverged)
    double lnBetaMax = Math.log(30 * (1 + maxAge(d)));
    // or r beyond 1e6: purchase rates equal to 0.1% (coefficient of variation 1/sqrt(r)), the
    // Poisson-purchase boundary, which is not fitted here: such a run ends unconverged
    java.util.function.Predicate<double[]> noDropout =
        th -> th[2] - th[3] < LN_NO_DROPOUT || th[3] > lnBetaMax || th[0] > LN_HOMOGENEOUS;
    MaximumLikelihood.Fit homogeneous = homogeneousRateLimit(d, lnAlpha, lnBeta, lnBetaMax);
    MaximumLikelihood.Fit constant = constantRateLimit(d, limit, meanT);
    double tol = 1e-6 * (1 + Math.abs(limit.logLikelihood()));
    boolean homogeneousBetter =
        homogeneous != null && homogeneous.logLikelihood() > limit.logLikelihood() + tol;
    boolean constantBetter =
        constant != null && constant.logLikelihood() > limit.logLikelihood() + tol
            && !(homogeneousBetter && homogeneous.logLikelihood() >= constant.logLikelihood());
    homogeneousBetter &= !constantBetter;
    double boundaryValue = homogeneousBetter ? homogeneous.logLikelihood()
        : constantBetter ? constant.logLikelihood() : limit.logLikelihood();
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(
        new ParetoNbdLikelihood(d), starts, noDropout, boundaryValue);
    // an interior point that does not beat the best limit by more than the tolerance is that limit
    boolean limitWins = f.atBoundary() || !(f.logLikelihood() > boundaryValue + tol);
    if (limitWins && constantBetter) {
      double[] th = constant.logParameters();
      double[] cov = constant.covariance();
      double lambda = Math.exp(th[0] - th[1]);
      double se = cov == null ? Double.NaN
          : lambda * Math.sqrt(Math.max(0, cov[0] + cov[1 * 3 + 1] - 2 * cov[1]));
      return new ParetoNbdFit(
          constant.estimate(0, "r"),
          constant.estimate(1, "alpha"),
          new Estimate("s", Double.POSITIVE_INFINITY, Double.NaN),
          new Estimate("beta", Double.POSITIVE_INFINITY, Double.NaN),
          constant.logLikelihood(),
          d.customers,
          d.size(),
          limitConvergence(constant, f, "constant-dropout-rate limit"),
          summary.unit(),
          ParetoNbdFit.CONSTANT_DROPOUT_RATE,
          new Estimate("lambda", lambda, se),
          constant.estimate(2, "mu"));
    }
    if (limitWins && homogeneousBetter) {
      return new ParetoNbdFit(
          new Estimate("r", Double.POSITIVE_INFINITY, Double.NaN),
          new Estimate("alpha", Double.POSITIVE_INFINITY, Double.NaN),
          homogeneous.estimate(1, "s"),
          homogeneous.estimate(2, "beta"),
          homogeneous.logLikelihood(),
          d.customers,
          d.size(),
          limitConvergence(homogeneous, f, "homogeneous-rate limit"),
          summary.unit(),
          ParetoNbdFit.HOMOGENEOUS_RATE,
          homogeneous.estimate(0, "lambda"));
    }
    if (limitWins) {
      return new ParetoNbdFit(
          limit.estimate(0, "r"),
          limit.estimate(1, "alpha"),
          new Estimate("s", 0, Double.NaN),
          new Estimate("beta", Double.POSITIVE_INFINITY, Double.NaN),
          limit.logLikelihood(),
          d.customers,
          d.size(),
          limitConvergence(limit, f, "NBD limit"),
          summary.unit(),
          ParetoNbdFit.NO_DROPOUT);
    }
    double[] cov = f.covariance();
    double lambda = Math.exp(f.logParameters()[0] - f.logParameters()[1]);
    // delta method in (ln r, ln alpha): d lambda / d ln r = lambda = -d lambda / d ln alpha
    double se = cov == null ? Double.NaN
        : lambda * Math.sqrt(Math.max(0, cov[0] + cov[1 * 4 + 1] - 2 * cov[1]));
    double mu = Math.exp(f.logParameters()[2] - f.logParameters()[3]);
    // the same in (ln s, ln beta) for mu = s/beta
    double seMu = cov == null ? Double.NaN
        : mu * Math.sqrt(Math.max(0, cov[2 * 4 + 2] + cov[3 * 4 + 3] - 2 * cov[2 * 4 + 3]));
    return new ParetoNbdFit(
        f.estimate(0, "r"),
        f.estimate(1, "alpha"),
        f.estimate(2, "s"),
        f.estimate(3, "beta"),
        f.logLikelihood(),
        d.customers,
        d.size(),
        f.convergence(),
        summary.unit(),
        null,
        new Estimate("lambda", lambda, se),
        new Estimate("mu", mu, seMu));
  }

  /**
   * The constant-dropout-rate limit of the Pareto/NBD ({@link ConstantDropoutRateLikelihood})
   * fitted in {@code (ln r, ln alpha, ln mu)} from the NBD limit's {@code (r, alpha)} and dropout
   * rates of a tenth, one and three times the inverse mean observation length; null when it does
   * not converge to an interior point of its own (its runs stop at {@code mu < 1e-8}, the NBD, and
   * at {@code r > 1e6}, one purchase rate for all, which is not fitted).
   */
  private static MaximumLikelihood.Fit constantRateLimit(
      Triples d, MaximumLikelihood.Fit nbd, double meanT) {
    double[] th = nbd.logParameters();
    double lnMu = -Math.log(Math.max(meanT, 1e-9));
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {th[0], th[1], lnMu + Math.log(0.1)});
    starts.add(new double[] {th[0], th[1] - 1, lnMu});
    starts.add(new double[] {th[0], th[1] - 2, lnMu + Math.log(3)});
    java.util.function.Predicate<double[]> atEnd =
        t -> t[2] < LN_NO_DROPOUT || t[0] > LN_HOMOGENEOUS;
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(
        new ConstantDropoutRateLikelihood(d), starts, atEnd, nbd.logLikelihood(), false);
    return !f.atBoundary() && f.convergence().converged() ? f : null;
  }

  /**
   * The homogeneous-rate limit of the Pareto/NBD ({@link HomogeneousRateLikelihood}) fitted in
   * {@code (ln lambda, ln s, ln beta)}, from {@code lambda} at the mean purchase rate, by Newton
   * alone (no derivative-free fallback); null when it does not converge (its own runs stop at {@code s/beta < 1e-8}, no dropout, or at
   * {@code ln beta > lnBetaMax}, homogeneous dropout rates: boundaries of the limit not fitted).
   */
  private static MaximumLikelihood.Fit homogeneousRateLimit(
      Triples d, double lnAlpha, double lnBeta, double lnBetaMax) {
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {-lnAlpha, 0, lnBeta});
    starts.add(new double[] {-lnAlpha, Math.log(0.3), lnBeta - 2});
    starts.add(new double[] {-lnAlpha, Math.log(0.05), lnBeta - 6});
    java.util.function.Predicate<double[]> edge =
        th -> th[1] - th[2] < LN_NO_DROPOUT || th[2] > lnBetaMax;
    // no BOBYQA fallback: the limit is used only when Newton certifies it, and each of the
    // fallback's 400 evaluations is a quadrature per history (seconds on 100,000 leads)
    MaximumLikelihood.Fit f =
        MaximumLikelihood.fit(new HomogeneousRateLikelihood(d), starts, edge, Double.NaN, false);
    return f.convergence().converged() ? f : null;
  }

  private record History(int x, double tx, double T) {}

  /**
   * {discounted expected purchases, undiscounted ones over the horizon, P(alive), the
   * continuous-time DERT over the whole lifetime at {@code delta} per unit (NaN unless
   * {@code delta > 0})}.
   */
  private static double[] dert(PurchaseModel purchases, RfmCustomer c, double step,
      ClvTerms terms, double delta) {
    double dert = 0;
    double before = 0;
    double discount = 1;
    for (int k = 1; k <= terms.periods(); k++) {
      double after = purchases.expected().applyAsDouble(k * step, c);
      discount /= 1 + terms.discountRate();
      dert += (after - before) * discount;
      before = after;
    }
    double lifetime = delta > 0 ? purchases.residual().applyAsDouble(delta, c) : Double.NaN;
    return new double[] {dert, before, purchases.alive().applyAsDouble(c), lifetime};
  }

  /**
   * The convergence of a fit that ended on a boundary: the limit model's own, with the starts of
   * the abandoned interior search counted too.
   */
  private static Convergence limitConvergence(
      MaximumLikelihood.Fit limit, MaximumLikelihood.Fit interior, String label) {
    Convergence c = limit.convergence();
    return new Convergence(c.converged(), c.iterations(),
        c.starts() + interior.convergence().starts(), c.decrement(),
        c.method() + " (" + label + ")");
  }
}
