package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;

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
 *                      boundary of the parameter space, and the fit is that of the limit model
 *                      there (its {@code r}, {@code alpha}, log-likelihood, convergence and
 *                      predictions):
 *                      {@link #NO_DROPOUT}: {@code a = 0}, {@code b = +infinity} stand for the
 *                      limit (any {@code a/(a+b) -> 0} gives it, so neither is identified and their
 *                      standard errors are NaN), {@code pi = 0}, the model is the NBD;
 *                      {@link #ALL_OR_NOTHING}: {@code a = b = 0} stand for {@code a, b -> 0} with
 *                      {@code a/(a+b) -> pi} (only the ratio is identified), every customer's
 *                      {@code p} is 0 or 1 and {@code pi} is the fitted share with {@code p = 1};
 *                      {@link #CONSTANT_DROPOUT}: {@code a = b = +infinity} stand for
 *                      {@code a, b -> infinity} with {@code a/(a+b) -> pi} (the ridge of the
 *                      BG/NBD likelihood; only the ratio is identified, their standard errors are
 *                      NaN), every customer's {@code p} equals {@code pi}
 * @param pi            the mean dropout probability {@code E[p] = a/(a+b)}, with its delta-method
 *                      standard error (NaN when not computed) and an interval on the logit scale; 0
 *                      at the no-dropout boundary, the share of customers who drop out after their
 *                      first repeat purchase at the all-or-nothing boundary, the dropout
 *                      probability of every customer at the constant-dropout boundary
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
    String boundary,
    Estimate pi)
    implements Tabular {

  /**
   * The boundary where the maximum lies when the data show no dropout: the mean dropout probability
   * {@code a/(a+b)} tends to 0, and as the dropout probability {@code p -> 0} the BG/NBD reduces
   * to the NBD model (Fader, Hardie and Lee 2005, section 3).
   */
  public static final String NO_DROPOUT = "no dropout (a/(a+b) -> 0): BG/NBD reduces to NBD";

  /**
   * The boundary where the maximum lies when customers either never drop out or drop out right
   * after their first repeat purchase (subscribers next to one-off buyers who paid twice): as
   * {@code a, b -> 0} with {@code a/(a+b) -> pi}, Beta(a, b) tends to the two-point law
   * {@code P(p = 1) = pi}, {@code P(p = 0) = 1 - pi} (see {@link AllOrNothingLikelihood}).
   */
  public static final String ALL_OR_NOTHING =
      "all-or-nothing dropout (a, b -> 0, a/(a+b) -> pi): each customer's p is 0 or 1";

  /**
   * The boundary where the maximum lies when customers do not differ in their dropout probability:
   * the likelihood keeps increasing along the ridge {@code a, b -> infinity} with {@code a/(a+b)}
   * fixed, where Beta(a, b) tends to the point mass at {@code pi = a/(a+b)}: the NBD with a constant
   * dropout probability after each repeat purchase (see {@link ConstantDropoutLikelihood}). Its
   * closed forms, limits of FHL 2005 eq. 9 and 10 (with {@code 2F1(R, b; a+b-1; z) ->
   * (1 - (1-pi) z)^-R}), are in {@link #expectedPurchases(double)},
   * {@link #expectedPurchases(double, int, double, double)} and
   * {@link #probabilityAlive(int, double, double)}.
   */
  public static final String CONSTANT_DROPOUT =
      "constant dropout (a, b -> infinity, a/(a+b) -> pi): every customer's p is pi";

  /** An interior fit ({@code boundary} null), {@code pi = a/(a+b)} without a standard error. */
  public BgNbdFit(Estimate r, Estimate alpha, Estimate a, Estimate b, double logLikelihood,
      long customers, int triples, Convergence convergence, RfmUnit unit) {
    this(r, alpha, a, b, logLikelihood, customers, triples, convergence, unit, null);
  }

  /**
   * A fit with {@code pi} derived from {@code a} and {@code b} (0 at the no-dropout boundary),
   * without a standard error.
   */
  public BgNbdFit(Estimate r, Estimate alpha, Estimate a, Estimate b, double logLikelihood,
      long customers, int triples, Convergence convergence, RfmUnit unit, String boundary) {
    this(r, alpha, a, b, logLikelihood, customers, triples, convergence, unit, boundary,
        Estimate.probability("pi", NO_DROPOUT.equals(boundary) ? 0.0
            : a.value() / (a.value() + b.value()), Double.NaN));
  }

  /** Validates the boundary and that {@code pi} is given when the boundary needs it. */
  public BgNbdFit {
    if (boundary != null && !NO_DROPOUT.equals(boundary) && !ALL_OR_NOTHING.equals(boundary)
        && !CONSTANT_DROPOUT.equals(boundary)) {
      throw new IllegalArgumentException("unknown BG/NBD boundary: " + boundary);
    }
    if (pi == null) {
      throw new IllegalArgumentException("pi (the mean dropout probability) must be given");
    }
    if (ALL_OR_NOTHING.equals(boundary) && !(pi.value() >= 0 && pi.value() <= 1)) {
      throw new IllegalArgumentException("the all-or-nothing limit needs pi in [0, 1], got " + pi);
    }
    if (CONSTANT_DROPOUT.equals(boundary) && !(pi.value() > 0 && pi.value() < 1)) {
      throw new IllegalArgumentException("the constant-dropout limit needs pi in (0, 1), got " + pi);
    }
  }

  /**
   * Whether the maximum is on a boundary of the parameter space (see {@link #boundary()}); the
   * fit is then the limit model's.
   */
  public boolean atBoundary() {
    return boundary != null;
  }

  /**
   * The share of customers who drop out after their first repeat purchase in the limit models: 0
   * for {@link #NO_DROPOUT}, {@code pi} for {@link #ALL_OR_NOTHING}.
   */
  private double limitPi() {
    return NO_DROPOUT.equals(boundary) ? 0.0 : pi.value();
  }

  /**
   * Expected repeat purchases of a randomly chosen new customer in {@code (0, t]} (eq. 9 of the
   * paper): {@code (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]}.
   * When {@code a + b <= 1} the 2F1's third parameter is not positive and the same expression is
   * evaluated in the form of {@link #newCustomer}. At the
   * no-dropout and all-or-nothing boundaries the limit model's {@code (1-pi) r t / alpha + pi [1 - (alpha/(alpha+t))^r]}: a
   * {@code p = 0} customer buys at rate lambda for ever, a {@code p = 1} customer makes at most
   * one repeat purchase, with probability {@code 1 - E[e^(-lambda t)]} (the NBD's
   * {@code r t / alpha} at the no-dropout boundary, where {@code pi = 0}). At the constant-dropout
   * boundary {@code [1 - (alpha/(alpha + pi t))^r] / pi}: the limit of eq. 9, as
   * {@code (a+b-1)/(a-1) -> 1/pi} and {@code 2F1(r, b; a+b-1; z) -> (1 - (1-pi) z)^-r} term by term
   * ({@code (b)_j / (a+b-1)_j -> (1-pi)^j}), with {@code z = t/(alpha+t)}; also FHL 2005 eq. 7,
   * {@code (1 - e^(-lambda p t)) / p} for one customer, averaged over
   * {@code lambda ~ Gamma(r, alpha)}.
   */
  public double expectedPurchases(double t) {
    requireHorizon(t);
    if (CONSTANT_DROPOUT.equals(boundary)) {
      double pp = pi.value();
      return -Math.expm1(-r.value() * Math.log1p(pp * t / alpha.value())) / pp;
    }
    if (atBoundary()) {
      double pp = limitPi();
      double rr = r.value();
      double al = alpha.value();
      return (1 - pp) * rr * t / al + pp * -Math.expm1(rr * Math.log(al / (al + t)));
    }
    double rr = r.value();
    double al = alpha.value();
    double aa = a.value();
    double bb = b.value();
    if (t == 0) {
      return 0;
    }
    if (aa + bb <= 1) {
      return newCustomer(rr, al, aa, bb, t);
    }
    if (Math.abs(aa - 1) < UNIT_A) {
      return bb * unitA(rr, bb, t / (al + t));
    }
    double ln =
        rr * Math.log(al / (al + t)) + Hypergeometric.log2F1(rr, bb, aa + bb - 1, t / (al + t));
    return (aa + bb - 1) / (aa - 1) * -Math.expm1(ln);
  }

  /**
   * Expected repeat purchases in the next {@code t} time units of a customer with history
   * {@code (x, t_x, T)} (eq. 10 of the paper):
   * {@code (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1;
   * t/(alpha+T+t))] / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}; for x = 0 and
   * {@code a + b <= 1} in the form of {@link #newCustomer} (a customer without repeat purchases is
   * a new customer at T with rate posterior Gamma(r, alpha+T)). Near {@code a = 1}, a removable
   * singularity of the closed form, its limit {@link #unitA} is used. At the no-dropout and all-or-nothing
   * boundaries the limit model's: {@code (r+x) t / (alpha+T)} (the
   * mean of the Gamma(r+x, alpha+T) posterior rate times t) for a customer who is alive and has
   * {@code p = 0}, times P(alive) when {@code x >= 1} (an alive repeat buyer has {@code p = 0});
   * for {@code x = 0}, where the history says nothing about p, the mixture
   * {@code (1-pi) r t / (alpha+T) + pi [1 - ((alpha+T)/(alpha+T+t))^r]} (a {@code p = 1} customer
   * makes one more purchase at most, then drops out). At the constant-dropout boundary
   * {@code [1 - ((alpha+T)/(alpha+T+pi t))^(r+x)] / pi} times P(alive): the limit of eq. 10 as in
   * {@link #expectedPurchases(double)}; directly, an alive customer's rate has the posterior
   * Gamma(r+x, alpha+T) and from T on behaves as a new customer with that rate,
   * {@code E[(1 - e^(-lambda pi t)) / pi]}.
   */
  public double expectedPurchases(double t, int x, double tx, double T) {
    requireHorizon(t);
    requireHistory(x, tx, T);
    if (t == 0) {
      return 0;
    }
    if (CONSTANT_DROPOUT.equals(boundary)) {
      double pp = pi.value();
      double at = alpha.value() + T;
      return -Math.expm1(-(r.value() + x) * Math.log1p(pp * t / at)) / pp
          * probabilityAlive(x, tx, T);
    }
    if (atBoundary()) {
      double rr = r.value();
      double at = alpha.value() + T;
      if (x == 0) {
        double pp = limitPi();
        return (1 - pp) * rr * t / at + pp * -Math.expm1(rr * Math.log(at / (at + t)));
      }
      return (rr + x) * t / at * probabilityAlive(x, tx, T);
    }
    double rr = r.value();
    double al = alpha.value();
    double aa = a.value();
    double bb = b.value();
    double c = aa + bb + x - 1;
    if (c <= 0) {
      return newCustomer(rr, al + T, aa, bb, t); // x = 0: P(alive) = 1
    }
    if (Math.abs(aa - 1) < UNIT_A) {
      return (bb + x) * unitA(rr + x, bb + x, t / (al + T + t)) * probabilityAlive(x, tx, T);
    }
    double ln =
        (rr + x) * Math.log((al + T) / (al + T + t))
            + Hypergeometric.log2F1(rr + x, bb + x, c, t / (al + T + t));
    return c / (aa - 1) * -Math.expm1(ln) * probabilityAlive(x, tx, T);
  }

  /**
   * Discounted expected residual transactions (DERT) of a customer with history
   * {@code (x, t_x, T)}: the expected number of its transactions after T, each discounted by
   * {@code e^(-delta t)} at its time t after T, over its whole remaining lifetime, with
   * {@code delta} the continuously compounded discount rate per time unit (for an annual rate d
   * and weekly units {@code delta = ln(1+d)/52}); the continuous-time counterpart of the discrete
   * sums of {@link ClvTable}.
   *
   * <p>Derivation (as Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves", derive
   * the Pareto/NBD's): an alive customer with rate lambda and dropout probability p buys at rate
   * lambda until the purchase after which it drops out, an exponential time of rate
   * {@code lambda p}, so it contributes {@code lambda / (lambda p + delta)}. Given the history and
   * alive, lambda is Gamma(r+x, alpha+T) and p is Beta(a, b+x), independently (the alive term of
   * the likelihood, {@code (1-p)^x lambda^x e^(-lambda T)}, factorises). Hence
   * {@code DERT = P(alive) (r+x) integral_0^inf e^(-delta (alpha+T) v)
   * 2F1(r+x+1, a; a+b+x; -v) dv}, the discounted integral of the expected transaction rate, whose
   * Gaussian hypergeometric function is Euler's integral over p; it is evaluated as the Beta(a, b+x)
   * mean of {@code (r+x) I(delta (alpha+T)/p, r+x+1) / p}, with
   * {@code I(z, s) = integral_0^inf e^(-z t) (1+t)^-s dt = z^(s-1) U(s, s; z)}, U Tricomi's
   * confluent hypergeometric function (see {@code ResidualTransactions} for the quadratures and
   * their accuracy, 1e-9 relative against numerical integration of {@code delta e^(-delta t)}
   * times eq. 10). Without discounting it tends to P(alive) times the posterior mean of 1/p.
   * Limit models: no dropout {@code (r+x) / ((alpha+T) delta)}; constant dropout
   * {@code P(alive) E[lambda/(lambda pi + delta)]}; all-or-nothing, an alive repeat buyer has
   * {@code p = 0}: {@code P(alive) (r+x) / ((alpha+T) delta)}, and for {@code x = 0} the mixture
   * {@code (1-pi) r/((alpha+T) delta) + pi E[lambda/(lambda + delta)]}.
   *
   * @throws IllegalArgumentException for a discount rate that is not finite and > 0, or an
   *     impossible history
   */
  public double discountedResidualTransactions(double delta, int x, double tx, double T) {
    requireDiscount(delta);
    requireHistory(x, tx, T);
    double bigR = r.value() + x;
    double bigK = alpha.value() + T;
    if (CONSTANT_DROPOUT.equals(boundary)) {
      return probabilityAlive(x, tx, T)
          * ResidualTransactions.rateOverDropout(bigR, bigK, pi.value(), delta);
    }
    if (atBoundary()) {
      if (x == 0) {
        double pp = limitPi();
        return (1 - pp) * bigR / (bigK * delta)
            + (pp == 0 ? 0 : pp * ResidualTransactions.rateOverDropout(bigR, bigK, 1, delta));
      }
      return probabilityAlive(x, tx, T) * bigR / (bigK * delta);
    }
    return probabilityAlive(x, tx, T) * ResidualTransactions.betaMean(a.value(), b.value() + x,
        p -> ResidualTransactions.rateOverDropout(bigR, bigK, p, delta));
  }

  /** {@link #discountedResidualTransactions(double, int, double, double)} for a summarised customer. */
  public double discountedResidualTransactions(double delta, RfmCustomer c) {
    return discountedResidualTransactions(delta, c.x(), c.tx(), c.T());
  }

  static void requireDiscount(double delta) {
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException(
          "the continuous discount rate must be finite and > 0, got " + delta);
    }
  }

  /** Below this distance of {@code a} from 1 the closed forms use their limit {@link #unitA}. */
  static final double UNIT_A = 1e-7;

  /**
   * The limit at {@code a -> 1} of {@code [1 - (1-z)^R 2F1(R, B; B + a - 1; z)] / (a-1)}, where
   * numerator and denominator of eq. 9 and eq. 10 both vanish (at {@code a = 1} the 2F1 is
   * {@code (1-z)^-R}). Differentiating the series in its third parameter at {@code c = B} gives
   * {@code sum_j (R)_j z^j / j! H_j} with {@code H_j = sum_{k<j} 1/(B+k)}, so the limit is
   * {@code E[H_J]} for {@code J ~ NegativeBinomial(R, z)} (pmf {@code (R)_j z^j (1-z)^R / j!}),
   * summed in log space from j = 0 past the mode until the terms no longer change the sum. Used
   * for {@code |a - 1| < 1e-7}, where the closed form loses digits to cancellation; the error of
   * using the limit there is O(|a - 1|) relative.
   */
  static double unitA(double bigR, double bigB, double z) {
    double lp = bigR * Math.log1p(-z); // log pmf at j = 0
    double lz = Math.log(z);
    double mode = Math.max(0, (bigR - 1) * z / (1 - z));
    double h = 0;
    double sum = 0;
    for (int j = 0; j < 50_000_000; j++) {
      double term = Math.exp(lp) * h;
      sum += term;
      if (j > mode && term <= 1e-17 * sum && h > 0) {
        return sum;
      }
      h += 1 / (bigB + j);
      lp += Math.log(bigR + j) + lz - Math.log(j + 1);
    }
    return sum;
  }

  /**
   * Eq. 9 with rate scale {@code A} when {@code c = a + b - 1 <= 0}. Writing
   * {@code 2F1(r, b; c; z) = 1 + (r b z / c) S} with
   * {@code S = sum_j (r+1)_j (b+1)_j / ((a+b)_j (j+1)!) z^j} (all parameters positive) turns
   * {@code c/(a-1) [1 - (1-z)^r 2F1(r, b; c; z)]} into
   * {@code [c (1 - (1-z)^r) - (1-z)^r r b z S] / (a-1)}, which has no division by c and holds for
   * every {@code c > -1}, i.e. all {@code a, b > 0}; {@code z = t/(A+t)}.
   */
  private static double newCustomer(double r, double scale, double a, double b, double t) {
    double z = t / (scale + t);
    double lnKeep = r * Math.log(scale / (scale + t)); // ln (1-z)^r
    double s = Math.exp(lnKeep + Math.log(r * b * z) + Hypergeometric.log3F2OneTwo(r + 1, b + 1, a + b, z));
    return ((a + b - 1) * -Math.expm1(lnKeep) - s) / (a - 1);
  }

  /**
   * Probability that a randomly chosen new customer makes exactly {@code n} repeat purchases in
   * {@code (0, t]} (FHL 2005 eq. 8):
   * {@code E[(1-p)^n] NB_n(t) + [n>0] E[p (1-p)^(n-1)] P(N(t) >= n)}, where
   * {@code NB_j(t) = Gamma(r+j)/(Gamma(r) j!) (alpha/(alpha+t))^r (t/(alpha+t))^j} is the NBD's
   * probability of j purchases and {@code P(N(t) >= n) = I_{t/(alpha+t)}(n, r)} its tail (the
   * regularized incomplete beta, so the tail is not one minus a sum). The first term is a customer
   * still alive after n purchases, the second one who dropped out right after the n-th. Interior
   * fit: {@code E[(1-p)^n] = B(a, b+n)/B(a, b)}, {@code E[p(1-p)^(n-1)] = B(a+1, b+n-1)/B(a, b)};
   * in the limit models p's law is a point mass or two: no dropout {@code p = 0}, constant dropout
   * {@code p = pi}, all-or-nothing {@code p = 1} with probability pi, else 0.
   *
   * @throws IllegalArgumentException for a negative n or a horizon that is not finite and >= 0
   */
  public double probabilityOfPurchases(int n, double t) {
    requireHorizon(t);
    if (n < 0) {
      throw new IllegalArgumentException("purchases must be >= 0, got " + n);
    }
    double rr = r.value();
    double al = alpha.value();
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double z = t / (al + t);
    double lnNb = LogGamma.value(rr + n) - LogGamma.value(rr) - LogGamma.value(n + 1.0)
        + rr * Math.log(al / (al + t)) + n * Math.log(z);
    double nb = Math.exp(lnNb);
    double tail = n == 0 ? 1 : RegularizedBeta.value(z, n, rr);
    double alive; // E[(1-p)^n]
    double dropped; // E[p (1-p)^(n-1)], n > 0
    if (NO_DROPOUT.equals(boundary)) {
      alive = 1;
      dropped = 0;
    } else if (CONSTANT_DROPOUT.equals(boundary)) {
      double pp = pi.value();
      alive = Math.exp(n * Math.log1p(-pp));
      dropped = n == 0 ? 0 : pp * Math.exp((n - 1) * Math.log1p(-pp));
    } else if (ALL_OR_NOTHING.equals(boundary)) {
      double pp = pi.value();
      alive = n == 0 ? 1 : 1 - pp;
      dropped = n == 1 ? pp : 0;
    } else {
      double aa = a.value();
      double bb = b.value();
      double base = LogBeta.value(aa, bb);
      alive = Math.exp(LogBeta.value(aa, bb + n) - base);
      dropped = n == 0 ? 0 : Math.exp(LogBeta.value(aa + 1, bb + n - 1) - base);
    }
    return alive * nb + (n == 0 ? 0 : dropped * tail);
  }

  /** {@link #expectedPurchases(double, int, double, double)} for a summarised customer. */
  public double expectedPurchases(double t, RfmCustomer c) {
    return expectedPurchases(t, c.x(), c.tx(), c.T());
  }

  /**
   * Probability that a customer with history {@code (x, t_x, T)} is still alive at {@code T}
   * (Fader, Hardie and Lee 2008, "Computing P(alive) using the BG/NBD model", which corrects the
   * 2005 expression for x = 0): {@code 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))};
   * 1 at the no-dropout boundary. At the all-or-nothing boundary the limit of the same expression,
   * the posterior probability of {@code p = 0}: for {@code x = 1}
   * {@code 1 / (1 + pi/(1-pi) ((alpha+T)/(alpha+t_x))^(r+1))}, and 1 for {@code x = 0} (nobody
   * drops out before a repeat purchase) and for {@code x >= 2} (only {@code p = 0} customers repeat
   * twice). At the constant-dropout boundary, as {@code a/(b+x-1) -> pi/(1-pi)} for every x,
   * {@code 1 / (1 + [x>0] pi/(1-pi) ((alpha+T)/(alpha+t_x))^(r+x))}.
   */
  public double probabilityAlive(int x, double tx, double T) {
    requireHistory(x, tx, T);
    if (x == 0 || NO_DROPOUT.equals(boundary) || (ALL_OR_NOTHING.equals(boundary) && x >= 2)) {
      return 1.0;
    }
    double rr = r.value();
    double al = alpha.value();
    // ln of the odds of having dropped out: ln a/(b+x-1), or ln pi/(1-pi) in the limits
    double lnOdds = atBoundary()
        ? Math.log(pi.value()) - Math.log1p(-pi.value())
        : Math.log(a.value()) - Math.log(b.value() + (x - 1));
    double s = lnOdds + (rr + x) * (Math.log(al + T) - Math.log(al + tx));
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
        NO_DROPOUT.equals(boundary) ? "no dropout, NBD limit "
            : ALL_OR_NOTHING.equals(boundary) ? "all-or-nothing dropout limit "
            : CONSTANT_DROPOUT.equals(boundary) ? "constant dropout limit " : "",
        convergence.converged() ? "converged" : "NOT converged");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "estimate", "std error", "95% low", "95% high");
    for (Estimate e : new Estimate[] {r, alpha, a, b, pi}) {
      t = t.plus(e.name(), e.value(), e.standardError(), e.lower95(), e.upper95());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
