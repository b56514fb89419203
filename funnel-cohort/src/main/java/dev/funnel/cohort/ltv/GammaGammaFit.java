package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;

/**
 * A fitted Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value
 * curves for customer base analysis", Journal of Marketing Research 42(4)).
 *
 * <p>A customer's transaction values are Gamma(p, nu) around a customer mean {@code p / nu}; the
 * rates {@code nu} are Gamma(q, gamma) across customers. Spend is assumed independent of the
 * purchase process (check it on your data: the paper does for CDNOW).
 *
 * @param p             shape of the spend per transaction
 * @param q             shape of the rate distribution across customers
 * @param gamma         rate (inverse scale) of that distribution, in money units
 * @param logLikelihood the maximised log-likelihood
 * @param customers     customers fitted (repeat buyers with a positive mean repeat spend)
 * @param excluded      customers left out: no repeat purchase, or a non-positive mean spend
 * @param convergence   how the optimiser ended
 */
public record GammaGammaFit(
    Estimate p,
    Estimate q,
    Estimate gamma,
    double logLikelihood,
    long customers,
    long excluded,
    Convergence convergence)
    implements Tabular {

  /**
   * Expected mean spend per transaction of a customer with {@code x} repeat purchases of mean
   * {@code zbar}: {@code p (gamma + x zbar) / (p x + q - 1)}, a weighted average of the population
   * mean {@code p gamma / (q - 1)} and the customer's own mean. For {@code x = 0} it is the
   * population mean. NaN when {@code p x + q <= 1} (the mean does not exist).
   */
  public double expectedSpend(int x, double zbar) {
    if (x < 0 || !Double.isFinite(zbar)) {
      throw new IllegalArgumentException(
          "need x >= 0 and a finite mean spend, got x = " + x + ", zbar = " + zbar);
    }
    double pp = p.value();
    double denominator = pp * x + q.value() - 1;
    if (!(denominator > 0)) {
      return Double.NaN;
    }
    return pp * (gamma.value() + (x == 0 ? 0 : x * zbar)) / denominator;
  }

  /**
   * {@link #expectedSpend(int, double)} for a summarised customer. A customer whose repeat spend
   * is not positive (refunds outweigh purchases) carries no spend information, exactly as in the
   * fit, and gets the population mean.
   */
  public double expectedSpend(RfmCustomer c) {
    return c.meanRepeatSpend() > 0
        ? expectedSpend(c.x(), c.meanRepeatSpend())
        : populationMeanSpend();
  }

  /**
   * Mean spend per transaction across the population, {@code p gamma / (q - 1)}; NaN if
   * {@code q <= 1}, where the customers' mean spends {@code p / nu} have an infinite mean (the
   * Gamma(q, gamma) law of nu puts too much weight near 0).
   */
  public double populationMeanSpend() {
    return expectedSpend(0, 0);
  }

  /**
   * Whether the population mean spend is finite ({@code q > 1}). When it is not, the expected
   * spend of a customer without repeat spend does not exist either, while a repeat buyer's
   * ({@code p (gamma + x zbar) / (p x + q - 1)}) does whenever {@code p x + q > 1}.
   */
  public boolean hasFiniteMeanSpend() {
    return q.value() > 1;
  }

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "Gamma-Gamma: %d customers, logL %.1f, %s%s",
        customers,
        logLikelihood,
        convergence.converged() ? "converged" : "NOT converged",
        hasFiniteMeanSpend() ? "" : ", q <= 1: mean spend infinite");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "estimate", "std error", "95% low", "95% high");
    for (Estimate e : new Estimate[] {p, q, gamma}) {
      t = t.plus(e.name(), e.value(), e.standardError(), e.lower95(), e.upper95());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
