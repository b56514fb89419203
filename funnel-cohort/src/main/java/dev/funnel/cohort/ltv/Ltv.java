package dev.funnel.cohort.ltv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
   * The RFM summary of purchases observed up to and including {@code until}, in a time unit; see
   * {@link RfmSummarizer} for the conventions.
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
}
