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
 * @param boundary      null for an interior maximum, or {@link #CONSTANT_SPEND}: the maximum lies
 *                      at {@code p -> infinity} (no customer's spend varies), {@code p} is reported
 *                      as +infinity and {@code gamma} as 0, and the fit, log-likelihood and
 *                      convergence are those of the limit model ({@link ConstantSpendLikelihood})
 * @param theta         {@code p gamma}, the scale of the customers' mean spends: {@code p / nu} is
 *                      {@code InvGamma(q, p gamma)}; the one scale parameter identified in the
 *                      constant-spend limit (standard error NaN on interior fits)
 */
public record GammaGammaFit(
    Estimate p,
    Estimate q,
    Estimate gamma,
    double logLikelihood,
    long customers,
    long excluded,
    Convergence convergence,
    String boundary,
    Estimate theta)
    implements Tabular {

  /**
   * The boundary where the maximum lies when customers' spends do not vary from purchase to
   * purchase (subscriptions at a fixed price): {@code p -> infinity} with {@code p gamma -> theta},
   * where each customer's spend is constant and the customers' spends are {@code InvGamma(q,
   * theta)}.
   */
  public static final String CONSTANT_SPEND =
      "constant spend per customer (p -> infinity, p gamma -> theta): spends InvGamma(q, theta)";

  /** An interior fit: no boundary, {@code theta = p gamma} without a standard error. */
  public GammaGammaFit(Estimate p, Estimate q, Estimate gamma, double logLikelihood,
      long customers, long excluded, Convergence convergence) {
    this(p, q, gamma, logLikelihood, customers, excluded, convergence, null,
        new Estimate("theta", p.value() * gamma.value(), Double.NaN));
  }

  /** Validates the boundary and theta. */
  public GammaGammaFit {
    if (boundary != null && !CONSTANT_SPEND.equals(boundary)) {
      throw new IllegalArgumentException("unknown Gamma-Gamma boundary: " + boundary);
    }
    if (theta == null) {
      throw new IllegalArgumentException("theta (p gamma) must be given");
    }
  }

  /** Whether the maximum is on the constant-spend boundary (see {@link #boundary()}). */
  public boolean atBoundary() {
    return boundary != null;
  }

  /**
   * Expected mean spend per transaction of a customer with {@code x} repeat purchases of mean
   * {@code zbar}: {@code p (gamma + x zbar) / (p x + q - 1)} (the posterior mean of {@code p / nu},
   * nu being {@code Gamma(px+q, gamma + x zbar)} given the history; Fader, Hardie and Lee 2005), a
   * weighted average of the population mean {@code p gamma / (q - 1)} and the customer's own mean.
   * For {@code x = 0} it is the population mean. NaN when {@code p x + q <= 1} (the mean does not
   * exist). At the constant-spend boundary the limit: {@code zbar} itself for {@code x >= 1} (the
   * customer's spend is known exactly), the population mean {@code theta / (q - 1)} for
   * {@code x = 0}.
   */
  public double expectedSpend(int x, double zbar) {
    if (x < 0 || !Double.isFinite(zbar)) {
      throw new IllegalArgumentException(
          "need x >= 0 and a finite mean spend, got x = " + x + ", zbar = " + zbar);
    }
    if (atBoundary()) {
      if (x > 0) {
        return zbar;
      }
      return q.value() > 1 ? theta.value() / (q.value() - 1) : Double.NaN;
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
        "Gamma-Gamma: %d customers, logL %.1f, %s%s%s",
        customers,
        logLikelihood,
        atBoundary() ? "constant-spend limit " : "",
        convergence.converged() ? "converged" : "NOT converged",
        hasFiniteMeanSpend() ? "" : ", q <= 1: mean infinite");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "estimate", "std error", "95% low", "95% high");
    for (Estimate e : new Estimate[] {p, q, gamma, theta}) {
      t = t.plus(e.name(), e.value(), e.standardError(), e.lower95(), e.upper95());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
