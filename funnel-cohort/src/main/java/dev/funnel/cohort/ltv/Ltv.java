package dev.funnel.cohort.ltv;

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
   * Fits the BG/NBD model of Fader, Hardie and Lee (2005) by maximum likelihood.
   *
   * <p>Starting points, tried in order until one converges: {@code r = 1, a = 1, b = 1} with
   * {@code alpha} matching the mean purchase rate ({@code r / alpha = sum x / sum T}); then two
   * points spread around it. If none converges, Hipparchus BOBYQA continues from the best.
   *
   * <p>No dropout: when customers keep buying (subscriptions renewing every month), the likelihood
   * increases toward the boundary {@code a/(a+b) -> 0}, where the BG/NBD becomes the NBD (Fader,
   * Hardie and Lee 2005, section 3: as the dropout probability {@code p -> 0} the model reduces to
   * the NBD). The NBD limit is therefore fitted first in its own parameters {@code (r, alpha)}
   * ({@link NbdLikelihood}); a Newton run stops as soon as the mean dropout probability falls below
   * {@code 1e-8}, and when no start finds a point better than the NBD limit by more than
   * {@code 1e-6 (1 + |logL|)} the result is the limit, flagged {@link BgNbdFit#NO_DROPOUT}. The
   * work is capped by iteration and evaluation counts ({@link MaximumLikelihood}).
   *
   * @throws IllegalArgumentException when the summary is empty
   */
  public static BgNbdFit bgNbd(RfmSummary summary) {
    Triples d = Triples.of(summary);
    double lnAlpha = Math.log(1 / meanRate(d));
    MaximumLikelihood.Fit limit = nbdLimit(d, lnAlpha);
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, lnAlpha, 0, 0});
    starts.add(new double[] {Math.log(0.3), lnAlpha + Math.log(0.3), Math.log(0.5), Math.log(2)});
    starts.add(new double[] {Math.log(3), lnAlpha + Math.log(3), Math.log(2), Math.log(5)});
    // ln E[p] = ln a - ln(a + b) below ln 1e-8: the BG/NBD equals its NBD limit to rounding
    // (or a + b below 1e-6: p all-or-nothing, a boundary with no limit model here; the run then
    // stops there unconverged rather than follow it forever)
    java.util.function.Predicate<double[]> noDropout =
        th -> th[2] - logSum(th[2], th[3]) < LN_NO_DROPOUT || logSum(th[2], th[3]) < LN_TINY;
    MaximumLikelihood.Fit f =
        MaximumLikelihood.fit(new BgNbdLikelihood(d), starts, noDropout, limit.logLikelihood());
    if (f.atBoundary()) {
      return new BgNbdFit(
          limit.estimate(0, "r"),
          limit.estimate(1, "alpha"),
          new Estimate("a", 0, Double.NaN),
          new Estimate("b", Double.POSITIVE_INFINITY, Double.NaN),
          limit.logLikelihood(),
          d.customers,
          d.size(),
          nbdLimitConvergence(limit, f),
          summary.unit(),
          BgNbdFit.NO_DROPOUT);
    }
    return new BgNbdFit(
        f.estimate(0, "r"),
        f.estimate(1, "alpha"),
        f.estimate(2, "a"),
        f.estimate(3, "b"),
        f.logLikelihood(),
        d.customers,
        d.size(),
        f.convergence(),
        summary.unit());
  }

  /** ln of the mean dropout probability (BG/NBD) or rate (Pareto/NBD) treated as no dropout. */
  private static final double LN_NO_DROPOUT = Math.log(1e-8);

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
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, Math.log(2), lnMean});
    starts.add(new double[] {Math.log(5), Math.log(4), lnMean + Math.log(0.6)});
    starts.add(new double[] {Math.log(0.5), Math.log(1.5), lnMean});
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(new GammaGammaLikelihood(x, z, w), starts);
    return new GammaGammaFit(
        f.estimate(0, "p"),
        f.estimate(1, "q"),
        f.estimate(2, "gamma"),
        f.logLikelihood(),
        (long) total,
        excluded,
        f.convergence());
  }


  /**
   * Discounted CLV per customer of the summary (see {@link ClvTable} for the formula): BG/NBD
   * expected purchases per future period, Gamma-Gamma expected spend, margin and discounting from
   * the terms.
   *
   * @throws IllegalArgumentException when the fits were made in a different time unit than the
   *     summary's
   */
  public static ClvTable clv(RfmSummary summary, BgNbdFit purchases, GammaGammaFit spend,
      ClvTerms terms) {
    if (purchases.unit() != summary.unit()) {
      throw new IllegalArgumentException(
          "the BG/NBD fit is in " + purchases.unit().label() + "s, the summary in "
              + summary.unit().label() + "s");
    }
    double step = terms.periodDays() / summary.unit().days();
    // customers with the same history get the same prediction: compute it once per history
    Map<History, double[]> done = new HashMap<>();
    List<CustomerValue> rows = new ArrayList<>(summary.size());
    for (RfmCustomer c : summary.customers()) {
      double[] dert = done.computeIfAbsent(
          new History(c.x(), c.tx(), c.T()), h -> dert(purchases, c, step, terms));
      double z = spend.expectedSpend(c);
      rows.add(new CustomerValue(
          c.customerId(), c.x(), dert[2], dert[1], z, terms.margin() * z * dert[0]));
    }
    return new ClvTable(terms, rows);
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
    // or beta beyond 30 (1 + max T): lifetimes far longer than the data can tell apart (and the
    // 2F1 series argument so close to 1 that its cost, about 40 beta / min(alpha, beta) terms,
    // explodes)
    double lnBetaMax = Math.log(30 * (1 + maxAge(d)));
    java.util.function.Predicate<double[]> noDropout =
        th -> th[2] - th[3] < LN_NO_DROPOUT || th[3] > lnBetaMax;
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(
        new ParetoNbdLikelihood(d), starts, noDropout, limit.logLikelihood());
    if (f.atBoundary()) {
      return new ParetoNbdFit(
          limit.estimate(0, "r"),
          limit.estimate(1, "alpha"),
          new Estimate("s", 0, Double.NaN),
          new Estimate("beta", Double.POSITIVE_INFINITY, Double.NaN),
          limit.logLikelihood(),
          d.customers,
          d.size(),
          nbdLimitConvergence(limit, f),
          summary.unit(),
          ParetoNbdFit.NO_DROPOUT);
    }
    return new ParetoNbdFit(
        f.estimate(0, "r"),
        f.estimate(1, "alpha"),
        f.estimate(2, "s"),
        f.estimate(3, "beta"),
        f.logLikelihood(),
        d.customers,
        d.size(),
        f.convergence(),
        summary.unit());
  }

  private record History(int x, double tx, double T) {}

  /** {discounted expected purchases, undiscounted ones over the horizon, P(alive)}. */
  private static double[] dert(BgNbdFit purchases, RfmCustomer c, double step, ClvTerms terms) {
    double dert = 0;
    double before = 0;
    double discount = 1;
    for (int k = 1; k <= terms.periods(); k++) {
      double after = purchases.expectedPurchases(k * step, c);
      discount /= 1 + terms.discountRate();
      dert += (after - before) * discount;
      before = after;
    }
    return new double[] {dert, before, purchases.probabilityAlive(c)};
  }

  /**
   * The convergence of a fit that ended on the no-dropout boundary: the NBD limit's own, with the
   * starts of the abandoned interior search counted too.
   */
  private static Convergence nbdLimitConvergence(
      MaximumLikelihood.Fit limit, MaximumLikelihood.Fit interior) {
    Convergence c = limit.convergence();
    return new Convergence(c.converged(), c.iterations(),
        c.starts() + interior.convergence().starts(), c.decrement(), c.method() + " (NBD limit)");
  }
}
