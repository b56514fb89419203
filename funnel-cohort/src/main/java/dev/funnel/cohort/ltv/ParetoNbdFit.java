package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;

/**
 * A fitted Pareto/NBD model (Schmittlein, Morrison and Colombo 1987, "Counting your customers:
 * who are they and what will they do next?", Management Science 33(1)) and its per-customer
 * predictions in the form of Fader and Hardie's 2005 note on the model's expressions.
 *
 * <p>Model: while alive a customer buys at Poisson rate {@code lambda ~ Gamma(r, alpha)}; the
 * lifetime is exponential with rate {@code mu ~ Gamma(s, beta)} (shape, rate), independent of
 * {@code lambda}. Times are in {@link #unit()}.
 *
 * @param r             shape of the purchase-rate distribution
 * @param alpha         rate of the purchase-rate distribution, per time unit
 * @param s             shape of the dropout-rate distribution
 * @param beta          rate of the dropout-rate distribution, per time unit
 * @param logLikelihood the maximised log-likelihood
 * @param customers     customers fitted
 * @param triples       distinct {@code (x, t_x, T)} triples the customers compress to
 * @param convergence   how the optimiser ended
 * @param unit          the time unit
 * @param boundary      null for an interior maximum; otherwise {@link #NO_DROPOUT}: then
 *                      {@code s = 0}, {@code beta = +infinity} stand for the limit
 *                      {@code s/beta -> 0} (neither identified, standard errors NaN), and
 *                      {@code r}, {@code alpha}, the log-likelihood, the convergence and the
 *                      predictions are those of the NBD limit model
 */
public record ParetoNbdFit(
    Estimate r,
    Estimate alpha,
    Estimate s,
    Estimate beta,
    double logLikelihood,
    long customers,
    int triples,
    Convergence convergence,
    RfmUnit unit,
    String boundary)
    implements Tabular {

  /**
   * The boundary where the maximum lies when the data show no dropout: the mean dropout rate
   * {@code s/beta} tends to 0, lifetimes never end and the Pareto/NBD reduces to the NBD.
   */
  public static final String NO_DROPOUT = "no dropout (s/beta -> 0): Pareto/NBD reduces to NBD";

  /** An interior fit ({@code boundary} null). */
  public ParetoNbdFit(Estimate r, Estimate alpha, Estimate s, Estimate beta, double logLikelihood,
      long customers, int triples, Convergence convergence, RfmUnit unit) {
    this(r, alpha, s, beta, logLikelihood, customers, triples, convergence, unit, null);
  }

  /** Whether the maximum is on the no-dropout boundary (see {@link #boundary()}). */
  public boolean atBoundary() {
    return boundary != null;
  }

  /**
   * Probability that a customer with history {@code (x, t_x, T)} is alive at {@code T}:
   * {@code 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)} with {@code A0} as in the
   * likelihood (see {@link ParetoNbdLikelihood}); 1 at the no-dropout boundary.
   */
  public double probabilityAlive(int x, double tx, double T) {
    BgNbdFit.requireHistory(x, tx, T);
    if (atBoundary()) {
      return 1.0;
    }
    double rr = r.value();
    double al = alpha.value();
    double ss = s.value();
    double be = beta.value();
    double rsx = rr + ss + x;
    double lnA0 = ParetoNbdLikelihood.lnA0(rr, al, ss, be, x, tx, T);
    if (lnA0 == Double.NEGATIVE_INFINITY) {
      return 1.0; // t_x = T: no time has passed since the last purchase
    }
    double lnRatio =
        Math.log(ss / rsx) + (rr + x) * Math.log(al + T) + ss * Math.log(be + T) + lnA0;
    return lnRatio > 0
        ? Math.exp(-lnRatio) / (1 + Math.exp(-lnRatio))
        : 1 / (1 + Math.exp(lnRatio));
  }

  /** {@link #probabilityAlive(int, double, double)} for a summarised customer. */
  public double probabilityAlive(RfmCustomer c) {
    return probabilityAlive(c.x(), c.tx(), c.T());
  }

  /**
   * Expected purchases in the next {@code t} time units of a customer with history
   * {@code (x, t_x, T)}: {@code (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]
   * P(alive)} (for {@code s = 1} the limit
   * {@code (r+x)(beta+T)/(alpha+T) ln((beta+T+t)/(beta+T))}). At the no-dropout boundary the
   * NBD limit {@code (r+x) t / (alpha+T)}.
   */
  public double expectedPurchases(double t, int x, double tx, double T) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
    }
    if (atBoundary()) {
      BgNbdFit.requireHistory(x, tx, T);
      return (r.value() + x) * t / (alpha.value() + T);
    }
    double rr = r.value();
    double al = alpha.value();
    double ss = s.value();
    double be = beta.value();
    double lnRatio = Math.log((be + T + t) / (be + T));
    double factor =
        Math.abs(ss - 1) < 1e-12
            ? lnRatio
            : -Math.expm1(-(ss - 1) * lnRatio) / (ss - 1);
    return (rr + x) * (be + T) / (al + T) * factor * probabilityAlive(x, tx, T);
  }

  /** {@link #expectedPurchases(double, int, double, double)} for a summarised customer. */
  public double expectedPurchases(double t, RfmCustomer c) {
    return expectedPurchases(t, c.x(), c.tx(), c.T());
  }

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "Pareto/NBD: %d customers, logL %.1f, %s%s",
        customers,
        logLikelihood,
        atBoundary() ? "no dropout, NBD limit " : "",
        convergence.converged() ? "converged" : "NOT converged");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "estimate", "std error", "95% low", "95% high");
    for (Estimate e : new Estimate[] {r, alpha, s, beta}) {
      t = t.plus(e.name(), e.value(), e.standardError(), e.lower95(), e.upper95());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
