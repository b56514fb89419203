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
   * @throws IllegalArgumentException when the summary is empty
   */
  public static BgNbdFit bgNbd(RfmSummary summary) {
    Triples d = Triples.of(summary);
    double rate = d.totalX() > 0 ? d.totalX() / d.totalT() : 1 / Math.max(d.totalT(), 1e-9);
    if (!(rate > 0) || !Double.isFinite(rate)) {
      rate = 1;
    }
    double lnAlpha = Math.log(1 / rate);
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, lnAlpha, 0, 0});
    starts.add(new double[] {Math.log(0.3), lnAlpha + Math.log(0.3), Math.log(0.5), Math.log(2)});
    starts.add(new double[] {Math.log(3), lnAlpha + Math.log(3), Math.log(2), Math.log(5)});
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(new BgNbdLikelihood(d), starts);
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
   * @throws IllegalArgumentException when the summary is empty
   */
  public static ParetoNbdFit paretoNbd(RfmSummary summary) {
    Triples d = Triples.of(summary);
    double rate = d.totalX() > 0 ? d.totalX() / d.totalT() : 1 / Math.max(d.totalT(), 1e-9);
    double meanT = d.totalT() / d.customers;
    double lnAlpha = Math.log(1 / rate);
    double lnBeta = Math.log(Math.max(meanT, 1e-9));
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {0, lnAlpha, 0, lnBeta});
    starts.add(new double[] {Math.log(0.5), lnAlpha + Math.log(0.5), Math.log(0.5), lnBeta});
    starts.add(new double[] {Math.log(2), lnAlpha + Math.log(2), Math.log(2), lnBeta + 1});
    MaximumLikelihood.Fit f = MaximumLikelihood.fit(new ParetoNbdLikelihood(d), starts);
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
}
