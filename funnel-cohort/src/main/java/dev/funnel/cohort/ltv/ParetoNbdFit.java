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
 *                      predictions are those of the NBD limit model; or {@link #HOMOGENEOUS_RATE}:
 *                      then {@code r = alpha = +infinity} stand for the limit
 *                      {@code r, alpha -> infinity}, {@code r/alpha -> lambda} (standard errors
 *                      NaN), and {@code lambda}, {@code s}, {@code beta}, the log-likelihood, the
 *                      convergence and the predictions are those of that limit model
 * @param lambda        the mean purchase rate {@code E[lambda] = r/alpha} per time unit, with its
 *                      delta-method standard error (NaN when not computed); at the
 *                      homogeneous-rate boundary the common purchase rate
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
    String boundary,
    Estimate lambda)
    implements Tabular {

  /**
   * The boundary where the maximum lies when the data show no dropout: the mean dropout rate
   * {@code s/beta} tends to 0, lifetimes never end and the Pareto/NBD reduces to the NBD.
   */
  public static final String NO_DROPOUT = "no dropout (s/beta -> 0): Pareto/NBD reduces to NBD";

  /**
   * The boundary where the maximum lies when every customer buys at the same rate (e.g. monthly
   * subscriptions): as {@code r, alpha -> infinity} with {@code r/alpha -> lambda},
   * Gamma(r, alpha) tends to a point mass and purchases are Poisson at rate lambda for everyone,
   * while dropout rates stay Gamma(s, beta) (see {@link HomogeneousRateLikelihood}).
   */
  public static final String HOMOGENEOUS_RATE =
      "homogeneous purchase rate (r, alpha -> infinity, r/alpha -> lambda): Poisson purchases, "
          + "Gamma(s, beta) dropout";

  /** An interior fit ({@code boundary} null), {@code lambda = r/alpha} without a standard error. */
  public ParetoNbdFit(Estimate r, Estimate alpha, Estimate s, Estimate beta, double logLikelihood,
      long customers, int triples, Convergence convergence, RfmUnit unit) {
    this(r, alpha, s, beta, logLikelihood, customers, triples, convergence, unit, null);
  }

  /**
   * A fit with {@code lambda = r/alpha} without a standard error; not for the
   * {@link #HOMOGENEOUS_RATE} boundary, where r/alpha is undefined and lambda must be given.
   */
  public ParetoNbdFit(Estimate r, Estimate alpha, Estimate s, Estimate beta, double logLikelihood,
      long customers, int triples, Convergence convergence, RfmUnit unit, String boundary) {
    this(r, alpha, s, beta, logLikelihood, customers, triples, convergence, unit, boundary,
        new Estimate("lambda", r.value() / alpha.value(), Double.NaN));
  }

  /** Validates the boundary and lambda. */
  public ParetoNbdFit {
    if (boundary != null && !NO_DROPOUT.equals(boundary) && !HOMOGENEOUS_RATE.equals(boundary)) {
      throw new IllegalArgumentException("unknown Pareto/NBD boundary: " + boundary);
    }
    if (lambda == null) {
      throw new IllegalArgumentException("lambda (the mean purchase rate) must be given");
    }
    if (HOMOGENEOUS_RATE.equals(boundary) && !(lambda.value() > 0)) {
      throw new IllegalArgumentException(
          "the homogeneous-rate limit needs a positive finite lambda, got " + lambda);
    }
  }

  /** Whether the maximum is on a boundary of the parameter space (see {@link #boundary()}). */
  public boolean atBoundary() {
    return boundary != null;
  }

  private boolean noDropout() {
    return NO_DROPOUT.equals(boundary);
  }

  private boolean homogeneous() {
    return HOMOGENEOUS_RATE.equals(boundary);
  }

  /**
   * Probability that a customer with history {@code (x, t_x, T)} is alive at {@code T}:
   * {@code 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)} with {@code A0} as in the
   * likelihood (see {@link ParetoNbdLikelihood}); 1 at the no-dropout boundary. At the
   * homogeneous-rate boundary the limit of the same share of the alive term,
   * {@code 1 / (1 + s K e^(lambda T) (beta+T)^s)} with K of {@link HomogeneousRateLikelihood}.
   */
  public double probabilityAlive(int x, double tx, double T) {
    BgNbdFit.requireHistory(x, tx, T);
    if (noDropout()) {
      return 1.0;
    }
    if (homogeneous()) {
      return HomogeneousRateLikelihood.probabilityAlive(
          lambda.value(), s.value(), beta.value(), tx, T);
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
   * NBD limit {@code (r+x) t / (alpha+T)}. At the homogeneous-rate boundary
   * {@code (r+x)/(alpha+T) -> lambda}: {@code lambda (beta+T)/(s-1) [1 - ((beta+T)/(beta+T+t))^(s-1)]
   * P(alive)}, i.e. lambda times the expected remaining lifetime within the horizon of a customer
   * alive at T, whose dropout rate is then Gamma(s, beta+T).
   */
  public double expectedPurchases(double t, int x, double tx, double T) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
    }
    if (noDropout()) {
      BgNbdFit.requireHistory(x, tx, T);
      return (r.value() + x) * t / (alpha.value() + T);
    }
    double rate = homogeneous() ? lambda.value() : (r.value() + x) / (alpha.value() + T);
    double ss = s.value();
    double be = beta.value();
    double lnRatio = Math.log((be + T + t) / (be + T));
    double factor =
        Math.abs(ss - 1) < 1e-12
            ? lnRatio
            : -Math.expm1(-(ss - 1) * lnRatio) / (ss - 1);
    return rate * (be + T) * factor * probabilityAlive(x, tx, T);
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
        noDropout() ? "no dropout, NBD limit " : homogeneous() ? "homogeneous-rate limit " : "",
        convergence.converged() ? "converged" : "NOT converged");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "estimate", "std error", "95% low", "95% high");
    for (Estimate e : new Estimate[] {r, alpha, s, beta, lambda}) {
      t = t.plus(e.name(), e.value(), e.standardError(), e.lower95(), e.upper95());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
