package dev.funnel.cohort.ltv;

/**
 * The log-likelihood of the Pareto/NBD's homogeneous-rate limit, as a function of
 * {@code (ln lambda, ln s, ln beta)}, with its analytic gradient.
 *
 * <p>Derivation. In the Pareto/NBD (Schmittlein, Morrison and Colombo 1987; Fader and Hardie 2005,
 * "A note on deriving the Pareto/NBD model and related expressions", eq. 3) a customer with
 * purchase rate {@code lambda} and dropout rate {@code mu} observed over {@code (0, T]} with
 * {@code x} repeat purchases, the last at {@code t_x}, has likelihood
 * {@code lambda^x e^-((lambda+mu) T) + lambda^x mu/(lambda+mu) [e^-((lambda+mu) t_x)
 * - e^-((lambda+mu) T)]} (alive at T, or died in {@code (t_x, T]}); the second term is
 * {@code lambda^x mu integral from t_x to T of e^-((lambda+mu) tau) d tau}. When
 * {@code r, alpha -> infinity} with {@code r/alpha -> lambda}, Gamma(r, alpha) tends to a point
 * mass at lambda: every customer buys at the same Poisson rate. Mixing only over
 * {@code mu ~ Gamma(s, beta)} with {@code E[e^-(mu t)] = (beta/(beta+t))^s} and
 * {@code E[mu e^-(mu t)] = s beta^s (beta+t)^-(s+1)} gives per customer
 * {@code L = lambda^x beta^s [e^-(lambda T) (beta+T)^-s + s K]},
 * {@code K = integral from t_x to T of e^-(lambda tau) (beta+tau)^-(s+1) d tau}. This is the limit
 * of the Pareto/NBD likelihood term by term: there
 * {@code Gamma(r+x) alpha^r / Gamma(r) (alpha+tau)^-(r+x) -> lambda^x e^-(lambda tau)}.
 *
 * <p>K in closed form needs the incomplete gamma function of negative shape; it is computed by
 * Gauss-Legendre quadrature in {@code y = ln(beta+tau)}, where the integrand
 * {@code e^-(lambda tau + s y)} has a concave, decreasing logarithm: from {@code t_x} (its maximum)
 * panels at most 2 wide in y, each spanning a drop of at most 8, up to T or to where the integrand
 * is e^-50 below its start. {@code tau - t_x = (beta+t_x) expm1(y - y0)} keeps the exponent exact
 * when beta is large. Derivatives differentiate under the integral:
 * {@code d ln K/d lambda = -<tau>}, {@code d ln K/d s = -<ln(beta+tau)>},
 * {@code d ln K/d beta = -(s+1) <1/(beta+tau)>}, averages weighted by the integrand.
 */
final class HomogeneousRateLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  HomogeneousRateLikelihood(Triples d) {
    this.d = d;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double lambda = Math.exp(theta[0]);
    double s = Math.exp(theta[1]);
    double beta = Math.exp(theta[2]);
    if (!(lambda > 0 && s > 0 && beta > 0) || !Double.isFinite(lambda + s + beta)) {
      return Double.NaN;
    }
    double lnS = theta[1];
    double lnBeta = theta[2];
    double[] dk = new double[3];
    double ll = 0;
    double gl = 0;
    double gs = 0;
    double gb = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      double T = d.T[i];
      double w = d.weight[i];
      double lnBT = Math.log(beta + T);
      double lnFirst = -lambda * T - s * lnBT;
      double lnSecond = lnS + logK(lambda, s, beta, d.tx[i], T, gradient != null ? dk : null);
      double hi = Math.max(lnFirst, lnSecond);
      double e1 = Math.exp(lnFirst - hi);
      double e2 = Math.exp(lnSecond - hi);
      double p1 = e1 / (e1 + e2);
      double p2 = e2 / (e1 + e2);
      ll += w * (x * theta[0] + s * lnBeta + hi + Math.log(e1 + e2));
      gl += w * (x / lambda - p1 * T + p2 * dk[0]);
      gs += w * (lnBeta - p1 * lnBT + p2 * (1 / s + dk[1]));
      gb += w * (s / beta - p1 * s / (beta + T) + p2 * dk[2]);
    }
    if (gradient != null) {
      gradient[0] = gl * lambda;
      gradient[1] = gs * s;
      gradient[2] = gb * beta;
    }
    return ll;
  }

  /**
   * {@code P(alive at T | x, t_x, T)}: the share of the first term of L,
   * {@code 1 / (1 + s K e^(lambda T) (beta+T)^s)}; 1 when {@code t_x = T}.
   */
  static double probabilityAlive(double lambda, double s, double beta, double tx, double T) {
    double lnK = logK(lambda, s, beta, tx, T, null);
    if (lnK == Double.NEGATIVE_INFINITY) {
      return 1.0;
    }
    double lnRatio = Math.log(s) + lnK + lambda * T + s * Math.log(beta + T);
    return lnRatio > 0
        ? Math.exp(-lnRatio) / (1 + Math.exp(-lnRatio))
        : 1 / (1 + Math.exp(lnRatio));
  }

  /** Panels at most this wide in y. */
  private static final double MAX_WIDTH = 2;

  /** Panels spanning at most this drop of the log-integrand. */
  private static final double MAX_DROP = 8;

  /** The integrand this far below its maximum (at t_x) is left out. */
  private static final double CUT = 50;

  /**
   * ln K (class comment) and, when {@code gradient} is not null, its derivatives in
   * {@code (lambda, s, beta)}; -infinity (and a zero gradient) when {@code t_x = T}.
   */
  static double logK(double lambda, double s, double beta, double tx, double T, double[] gradient) {
    if (!(T > tx)) {
      if (gradient != null) {
        java.util.Arrays.fill(gradient, 0.0);
      }
      return Double.NEGATIVE_INFINITY;
    }
    double b0 = beta + tx;
    double y0 = Math.log(b0);
    double span = Math.log1p((T - tx) / b0); // y1 - y0
    double s0 = 0;
    double st = 0;
    double sy = 0;
    double si = 0;
    double a = 0; // u = y - y0
    while (a < span) {
      double here = logIntegrand(lambda, s, b0, a);
      if (here < -CUT) {
        break; // decreasing: everything beyond is smaller still
      }
      double w = Math.min(span - a, MAX_WIDTH);
      while (here - logIntegrand(lambda, s, b0, a + w) > MAX_DROP) {
        w *= 0.5;
      }
      double centre = a + 0.5 * w;
      for (int k = 0; k < DropoutIntegral.NODES.length; k++) {
        double u = centre + 0.5 * w * DropoutIntegral.NODES[k];
        double em1 = Math.expm1(u);
        double v = 0.5 * w * DropoutIntegral.WEIGHTS[k] * Math.exp(-s * u - lambda * b0 * em1);
        s0 += v;
        if (gradient != null) {
          st += v * (tx + b0 * em1);
          sy += v * (y0 + u);
          si += v * Math.exp(-u) / b0;
        }
      }
      a += w;
    }
    if (gradient != null) {
      gradient[0] = -st / s0;
      gradient[1] = -sy / s0;
      gradient[2] = -(s + 1) * si / s0;
    }
    return -lambda * tx - s * y0 + Math.log(s0);
  }

  /** ln of the integrand relative to its value at t_x, at {@code u = y - y0}. */
  private static double logIntegrand(double lambda, double s, double b0, double u) {
    return -s * u - lambda * b0 * Math.expm1(u);
  }
}
