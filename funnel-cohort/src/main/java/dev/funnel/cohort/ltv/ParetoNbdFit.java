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
 *                      convergence and the predictions are those of that limit model; or
 *                      {@link #CONSTANT_DROPOUT_RATE}: then {@code s = beta = +infinity} stand for
 *                      the limit {@code s, beta -> infinity}, {@code s/beta -> mu} (standard errors
 *                      NaN), and {@code r}, {@code alpha}, {@code mu}, the log-likelihood, the
 *                      convergence and the predictions are those of that limit model
 * @param lambda        the mean purchase rate {@code E[lambda] = r/alpha} per time unit, with its
 *                      delta-method standard error (NaN when not computed); at the
 *                      homogeneous-rate boundary the common purchase rate
 * @param mu            the mean dropout rate {@code E[mu] = s/beta} per time unit, with its
 *                      delta-method standard error (NaN when not computed); 0 at the no-dropout
 *                      boundary, the common dropout rate at the constant-dropout-rate boundary
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
    Estimate lambda,
    Estimate mu)
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

  /**
   * The boundary where the maximum lies when customers differ in how often they buy but not in how
   * long they stay: as {@code s, beta -> infinity} with {@code s/beta -> mu}, Gamma(s, beta) tends to
   * a point mass and every lifetime is exponential with rate mu, while purchase rates stay
   * Gamma(r, alpha) (see {@link ConstantDropoutRateLikelihood}).
   */
  public static final String CONSTANT_DROPOUT_RATE =
      "constant dropout rate (s, beta -> infinity, s/beta -> mu): exponential lifetimes, one rate";

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

  /**
   * A fit with {@code mu = s/beta} (0 at the no-dropout boundary) without a standard error; not for
   * the {@link #CONSTANT_DROPOUT_RATE} boundary, where s/beta is undefined and mu must be given.
   */
  public ParetoNbdFit(Estimate r, Estimate alpha, Estimate s, Estimate beta, double logLikelihood,
      long customers, int triples, Convergence convergence, RfmUnit unit, String boundary,
      Estimate lambda) {
    this(r, alpha, s, beta, logLikelihood, customers, triples, convergence, unit, boundary, lambda,
        new Estimate("mu", NO_DROPOUT.equals(boundary) ? 0.0 : s.value() / beta.value(),
            Double.NaN));
  }

  /** Validates the boundary, lambda and mu. */
  public ParetoNbdFit {
    if (boundary != null && !NO_DROPOUT.equals(boundary) && !HOMOGENEOUS_RATE.equals(boundary)
        && !CONSTANT_DROPOUT_RATE.equals(boundary)) {
      throw new IllegalArgumentException("unknown Pareto/NBD boundary: " + boundary);
    }
    if (mu == null) {
      throw new IllegalArgumentException("mu (the mean dropout rate) must be given");
    }
    if (CONSTANT_DROPOUT_RATE.equals(boundary)
        && !(mu.value() > 0 && mu.value() < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "the constant-dropout-rate limit needs a positive finite mu, got " + mu);
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

  private boolean constantRate() {
    return CONSTANT_DROPOUT_RATE.equals(boundary);
  }

  /**
   * Probability that a customer with history {@code (x, t_x, T)} is alive at {@code T}:
   * {@code 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)} with {@code A0} as in the
   * likelihood (see {@link ParetoNbdLikelihood}); 1 at the no-dropout boundary. At the
   * homogeneous-rate boundary the limit of the same share of the alive term,
   * {@code 1 / (1 + s K e^(lambda T) (beta+T)^s)} with K of {@link HomogeneousRateLikelihood}. At
   * the constant-dropout-rate boundary likewise
   * {@code 1 / (1 + mu K e^(mu T) (alpha+T)^(r+x))} with K of {@link ConstantDropoutRateLikelihood}.
   */
  public double probabilityAlive(int x, double tx, double T) {
    BgNbdFit.requireHistory(x, tx, T);
    if (noDropout()) {
      return 1.0;
    }
    if (constantRate()) {
      return ConstantDropoutRateLikelihood.probabilityAlive(
          r.value(), alpha.value(), mu.value(), x, tx, T);
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
   * alive at T, whose dropout rate is then Gamma(s, beta+T). At the constant-dropout-rate boundary,
   * where {@code (beta+T)/(s-1) [1 - ((beta+T)/(beta+T+t))^(s-1)] -> (1 - e^(-mu t)) / mu},
   * {@code (r+x)/(alpha+T) (1 - e^(-mu t))/mu P(alive)}: the posterior mean rate of an alive customer
   * times its expected remaining lifetime within the horizon, {@code E[min(Exp(mu), t)]}.
   */
  public double expectedPurchases(double t, int x, double tx, double T) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
    }
    if (noDropout()) {
      BgNbdFit.requireHistory(x, tx, T);
      return (r.value() + x) * t / (alpha.value() + T);
    }
    if (constantRate()) {
      double m = mu.value();
      return (r.value() + x) / (alpha.value() + T) * -Math.expm1(-m * t) / m
          * probabilityAlive(x, tx, T);
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

  /**
   * Discounted expected residual transactions (DERT) of a customer with history
   * {@code (x, t_x, T)}: the expected number of its transactions after T, each discounted by
   * {@code e^(-delta t)} at its time t after T, over its whole remaining lifetime, with
   * {@code delta} the continuously compounded discount rate per time unit (for an annual rate d
   * and weekly units {@code delta = ln(1+d)/52}); Fader, Hardie and Lee (2005), "RFM and CLV:
   * using iso-value curves for customer base analysis", Journal of Marketing Research 42(4):
   * {@code DERT = alpha^r beta^s delta^(s-1) Gamma(r+x+1) U(s, s; delta (beta+T))
   * / (Gamma(r) (alpha+T)^(r+x+1) L)}, U Tricomi's confluent hypergeometric function of the second
   * kind, L the likelihood of the history. In the form computed here:
   * {@code P(alive) (r+x)/(alpha+T) (beta+T) I(delta (beta+T), s)} with
   * {@code I(z, s) = integral_0^inf e^(-z t) (1+t)^-s dt = z^(s-1) U(s, s; z)}: an alive customer's
   * posterior mean rate times its discounted expected lifetime {@code E[1/(mu + delta)]}, mu's
   * posterior being Gamma(s, beta+T). I is computed by quadrature (see
   * {@code ResidualTransactions}: 1e-13 relative against closed forms of U; the DERT agrees with
   * numerical integration of {@code delta e^(-delta t)} times the conditional expectation to 1e-9).
   * Limit models: no dropout {@code (r+x) / ((alpha+T) delta)}; homogeneous rate, lambda for
   * {@code (r+x)/(alpha+T)}; constant dropout rate, {@code 1/(mu + delta)} for the lifetime term.
   *
   * @throws IllegalArgumentException for a discount rate that is not finite and > 0, or an
   *     impossible history
   */
  public double discountedResidualTransactions(double delta, int x, double tx, double T) {
    BgNbdFit.requireDiscount(delta);
    BgNbdFit.requireHistory(x, tx, T);
    double rate = homogeneous() ? lambda.value() : (r.value() + x) / (alpha.value() + T);
    if (noDropout()) {
      return rate / delta;
    }
    double life = constantRate() ? 1 / (mu.value() + delta)
        : (beta.value() + T) * ResidualTransactions.tail(delta * (beta.value() + T), s.value());
    return rate * life * probabilityAlive(x, tx, T);
  }

  /** {@link #discountedResidualTransactions(double, int, double, double)} for a summarised customer. */
  public double discountedResidualTransactions(double delta, RfmCustomer c) {
    return discountedResidualTransactions(delta, c.x(), c.tx(), c.T());
  }

  /**
   * Expected purchases of a randomly chosen new customer in {@code (0, t]} (Schmittlein, Morrison
   * and Colombo 1987, "Counting your customers: who are they and what will they do next?",
   * Management Science 33(1), eq. 17): {@code r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]},
   * {@code (r beta/alpha) ln(1 + t/beta)} at s = 1; the customer of
   * {@link #expectedPurchases(double, int, double, double)} with no history ({@code x = 0},
   * {@code T = 0}, alive for sure), so the boundary models' limits are those given there: NBD
   * {@code r t/alpha}, homogeneous rate {@code lambda beta/(s-1) [...]}, constant dropout rate
   * {@code (r/alpha)(1 - e^(-mu t))/mu}.
   *
   * @throws IllegalArgumentException for a horizon that is not finite and >= 0
   */
  public double expectedPurchases(double t) {
    return expectedPurchases(t, 0, 0.0, 0.0);
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
        noDropout() ? "no dropout, NBD limit " : homogeneous() ? "homogeneous-rate limit "
            : constantRate() ? "constant dropout rate limit " : "",
        convergence.converged() ? "converged" : "NOT converged");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "estimate", "std error", "95% low", "95% high");
    for (Estimate e : new Estimate[] {r, alpha, s, beta, lambda, mu}) {
      t = t.plus(e.name(), e.value(), e.standardError(), e.lower95(), e.upper95());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
