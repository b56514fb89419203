package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;

/**
 * A fitted BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2)) and its per-customer predictions.
 *
 * <p>Model: while alive a customer buys at Poisson rate {@code lambda ~ Gamma(r, alpha)} (shape
 * r, rate alpha); after each repeat purchase the customer drops out for good with probability
 * {@code p ~ Beta(a, b)}. Times are in {@link #unit()}; {@code alpha} scales with the unit.
 *
 * @param r             shape of the purchase-rate distribution
 * @param alpha         rate (inverse scale) of the purchase-rate distribution, per time unit
 * @param a             first shape of the dropout-probability distribution
 * @param b             second shape of the dropout-probability distribution
 * @param logLikelihood the maximised log-likelihood (the paper's individual log-likelihood summed
 *                      over customers)
 * @param customers     customers fitted
 * @param triples       distinct {@code (x, t_x, T)} triples the customers compress to
 * @param convergence   how the optimiser ended
 * @param unit          the time unit
 * @param boundary      null for an interior maximum; otherwise why the maximum lies on the
 *                      boundary of the parameter space, {@link #NO_DROPOUT}: then {@code a = 0},
 *                      {@code b = +infinity} stand for the limit (any {@code a/(a+b) -> 0} gives it,
 *                      so neither is identified and their standard errors are NaN), {@code r},
 *                      {@code alpha}, the log-likelihood and the convergence are those of the NBD
 *                      limit model, and the predictions are the NBD's
 */
public record BgNbdFit(
    Estimate r,
    Estimate alpha,
    Estimate a,
    Estimate b,
    double logLikelihood,
    long customers,
    int triples,
    Convergence convergence,
    RfmUnit unit,
    String boundary)
    implements Tabular {

  /**
   * The boundary where the maximum lies when the data show no dropout: the mean dropout probability
   * {@code a/(a+b)} tends to 0, and as the dropout probability {@code p -> 0} the BG/NBD reduces
   * to the NBD model (Fader, Hardie and Lee 2005, section 3).
   */
  public static final String NO_DROPOUT = "no dropout (a/(a+b) -> 0): BG/NBD reduces to NBD";

  /** An interior fit ({@code boundary} null). */
  public BgNbdFit(Estimate r, Estimate alpha, Estimate a, Estimate b, double logLikelihood,
      long customers, int triples, Convergence convergence, RfmUnit unit) {
    this(r, alpha, a, b, logLikelihood, customers, triples, convergence, unit, null);
  }

  /** Whether the maximum is on the no-dropout boundary (see {@link #boundary()}). */
  public boolean atBoundary() {
    return boundary != null;
  }

  /**
   * Expected repeat purchases of a randomly chosen new customer in {@code (0, t]} (eq. 9 of the
   * paper): {@code (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]}.
   * NaN when {@code a + b <= 1} (the series for 2F1 needs a positive third parameter). At the
   * no-dropout boundary the NBD limit {@code r t / alpha}.
   */
  public double expectedPurchases(double t) {
    requireHorizon(t);
    if (atBoundary()) {
      return r.value() * t / alpha.value();
    }
    double rr = r.value();
    double al = alpha.value();
    double aa = a.value();
    double bb = b.value();
    if (t == 0) {
      return 0;
    }
    if (aa + bb <= 1) {
      return Double.NaN;
    }
    double ln =
        rr * Math.log(al / (al + t)) + Hypergeometric.log2F1(rr, bb, aa + bb - 1, t / (al + t));
    return (aa + bb - 1) / (aa - 1) * -Math.expm1(ln);
  }

  /**
   * Expected repeat purchases in the next {@code t} time units of a customer with history
   * {@code (x, t_x, T)} (eq. 10 of the paper):
   * {@code (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1;
   * t/(alpha+T+t))] / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}. NaN when x = 0 and
   * {@code a + b <= 1}, and at exactly {@code a = 1} (a removable singularity of the closed form
   * that is not evaluated). At the no-dropout boundary the NBD limit {@code (r+x) t / (alpha+T)}
   * (the mean of the Gamma(r+x, alpha+T) posterior rate times t).
   */
  public double expectedPurchases(double t, int x, double tx, double T) {
    requireHorizon(t);
    requireHistory(x, tx, T);
    if (t == 0) {
      return 0;
    }
    if (atBoundary()) {
      return (r.value() + x) * t / (alpha.value() + T);
    }
    double rr = r.value();
    double al = alpha.value();
    double aa = a.value();
    double bb = b.value();
    double c = aa + bb + x - 1;
    if (c <= 0) {
      return Double.NaN;
    }
    double ln =
        (rr + x) * Math.log((al + T) / (al + T + t))
            + Hypergeometric.log2F1(rr + x, bb + x, c, t / (al + T + t));
    return c / (aa - 1) * -Math.expm1(ln) * probabilityAlive(x, tx, T);
  }

  /** {@link #expectedPurchases(double, int, double, double)} for a summarised customer. */
  public double expectedPurchases(double t, RfmCustomer c) {
    return expectedPurchases(t, c.x(), c.tx(), c.T());
  }

  /**
   * Probability that a customer with history {@code (x, t_x, T)} is still alive at {@code T}
   * (Fader, Hardie and Lee 2008, "Computing P(alive) using the BG/NBD model", which corrects the
   * 2005 expression for x = 0): {@code 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))};
   * 1 at the no-dropout boundary.
   */
  public double probabilityAlive(int x, double tx, double T) {
    requireHistory(x, tx, T);
    if (x == 0 || atBoundary()) {
      return 1.0;
    }
    double rr = r.value();
    double al = alpha.value();
    double s =
        Math.log(a.value()) - Math.log(b.value() + x - 1)
            + (rr + x) * (Math.log(al + T) - Math.log(al + tx));
    return s > 0 ? Math.exp(-s) / (1 + Math.exp(-s)) : 1 / (1 + Math.exp(s));
  }

  /** {@link #probabilityAlive(int, double, double)} for a summarised customer. */
  public double probabilityAlive(RfmCustomer c) {
    return probabilityAlive(c.x(), c.tx(), c.T());
  }

  private static void requireHorizon(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
    }
  }

  static void requireHistory(int x, double tx, double T) {
    if (x < 0 || !(tx >= 0) || !(T >= tx) || Double.isInfinite(T) || (x == 0 && tx != 0)) {
      throw new IllegalArgumentException(
          "need x >= 0 and 0 <= t_x <= T (t_x = 0 when x = 0), got x = " + x + ", t_x = " + tx
              + ", T = " + T);
    }
  }

  @Override
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "BG/NBD: %d customers, logL %.1f, %s%s",
        customers,
        logLikelihood,
        atBoundary() ? "no dropout, NBD limit " : "",
        convergence.converged() ? "converged" : "NOT converged");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "estimate", "std error", "95% low", "95% high");
    for (Estimate e : new Estimate[] {r, alpha, a, b}) {
      t = t.plus(e.name(), e.value(), e.standardError(), e.lower95(), e.upper95());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
