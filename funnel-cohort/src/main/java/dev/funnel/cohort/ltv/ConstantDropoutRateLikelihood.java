package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The log-likelihood of the Pareto/NBD's constant-dropout-rate limit, as a function of
 * {@code (ln r, ln alpha, ln mu)}, with its analytic gradient.
 *
 * <p>The limit. In the Pareto/NBD (Schmittlein, Morrison and Colombo 1987; Fader and Hardie 2005,
 * "A note on deriving the Pareto/NBD model and related expressions", eq. 3) a customer with
 * purchase rate {@code lambda} and dropout rate {@code mu} has likelihood
 * {@code lambda^x e^-((lambda+mu) T) + lambda^x mu integral from t_x to T of e^-((lambda+mu) tau)
 * d tau} (alive at T, or died in {@code (t_x, T]}), and {@code mu ~ Gamma(s, beta)}. When
 * {@code s, beta -> infinity} with {@code s/beta -> mu}, Gamma(s, beta) has mean mu and variance
 * {@code s/beta^2 -> 0}: every customer's lifetime is exponential with the same rate mu. Only
 * {@code lambda ~ Gamma(r, alpha)} is left to mix over; with
 * {@code E[lambda^x e^(-lambda t)] = A1 (alpha+t)^-(r+x)}, {@code A1 = Gamma(r+x) alpha^r / Gamma(r)}:
 * <pre>
 *   L = A1 [ e^(-mu T) (alpha+T)^-(r+x) + mu K ],
 *   K = integral from t_x to T of e^(-mu tau) (alpha+tau)^-(r+x) d tau.
 * </pre>
 * The same follows from the Pareto/NBD likelihood term by term: there
 * {@code beta^s (beta+T)^-s = (1 + T/beta)^-s -> e^(-mu T)} and
 * {@code s beta^s (beta+tau)^-(s+1) -> mu e^(-mu tau)}. It mirrors the homogeneous-rate limit
 * ({@link HomogeneousRateLikelihood}), with the roles of purchase and dropout swapped.
 *
 * <p>K by Gauss-Legendre quadrature in {@code y = ln(alpha+tau)}, where the integrand is
 * {@code exp((1 - r - x) y - mu tau)}, whose logarithm is concave in y (its second derivative is
 * {@code -mu e^y}): from its maximum (at {@code t_x}, or where the slope
 * {@code 1 - r - x - mu e^y} vanishes when {@code r + x < 1}) panels march to both ends, at most 2
 * wide in y and spanning a change of at most 8 in the log-integrand, up to where it is e^-50 below
 * its maximum. {@code tau = t_x + (alpha+t_x) expm1(y - y0)} keeps the exponent exact. Derivatives
 * differentiate under the integral: {@code d ln K/d(r+x) = -<ln(alpha+tau)>},
 * {@code d ln K/d alpha = -(r+x) <1/(alpha+tau)>}, {@code d ln K/d mu = -<tau>}, averages weighted by
 * the integrand.
 */
final class ConstantDropoutRateLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  ConstantDropoutRateLikelihood(Triples d) {
    this.d = d;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double mu = Math.exp(theta[2]);
    if (!(r > 0 && alpha > 0 && mu > 0) || !Double.isFinite(r + alpha + mu)) {
      return Double.NaN;
    }
    boolean grad = gradient != null;
    int m = d.xs.length;
    double[] lnA1 = BgNbdLikelihood.lnGammaRatios(r, d.xs);
    double[] dA1 = grad ? BgNbdLikelihood.digammaDiffs(r, d.xs) : new double[m];
    double lnAlpha = theta[1];
    double lnMu = theta[2];
    double[] dk = new double[3];
    double ll = 0;
    double gr = 0;
    double gal = 0;
    double gmu = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      double rx = r + x;
      double T = d.T[i];
      double w = d.weight[i];
      double lnAT = Math.log(alpha + T);
      double u1 = -mu * T - rx * lnAT;
      double lnK = logK(rx, alpha, mu, d.tx[i], T, grad ? dk : null);
      double u2 = lnMu + lnK;
      double hi = Math.max(u1, u2);
      double e1 = Math.exp(u1 - hi);
      double e2 = Math.exp(u2 - hi); // 0 when t_x = T (K = 0)
      double p1 = e1 / (e1 + e2);
      double p2 = e2 / (e1 + e2);
      ll += w * (lnA1[d.xIndex[i]] + r * lnAlpha + hi + Math.log(e1 + e2));
      if (grad) {
        gr += w * (dA1[d.xIndex[i]] + lnAlpha - p1 * lnAT + p2 * dk[0]);
        gal += w * (r / alpha - p1 * rx / (alpha + T) + p2 * dk[1]);
        gmu += w * (-p1 * T + p2 * (1 / mu + dk[2]));
      }
    }
    if (grad) {
      gradient[0] = gr * r;
      gradient[1] = gal * alpha;
      gradient[2] = gmu * mu;
    }
    return ll;
  }

  /**
   * {@code P(alive at T | x, t_x, T)}: the share of the alive term of L,
   * {@code 1 / (1 + mu K e^(mu T) (alpha+T)^(r+x))}; 1 when {@code t_x = T}.
   */
  static double probabilityAlive(double r, double alpha, double mu, int x, double tx, double T) {
    double lnK = logK(r + x, alpha, mu, tx, T, null);
    if (lnK == Double.NEGATIVE_INFINITY) {
      return 1.0;
    }
    double lnRatio = Math.log(mu) + lnK + mu * T + (r + x) * Math.log(alpha + T);
    return lnRatio > 0
        ? Math.exp(-lnRatio) / (1 + Math.exp(-lnRatio))
        : 1 / (1 + Math.exp(lnRatio));
  }

  /** Panels at most this wide in y. */
  private static final double MAX_WIDTH = 2;

  /** Panels spanning at most this change of the log-integrand. */
  private static final double MAX_DROP = 8;

  /** The integrand this far below its maximum is left out. */
  private static final double CUT = 50;

  /**
   * ln K (class comment) with {@code rx = r + x} and, when {@code gradient} is not null, its
   * derivatives in {@code (rx, alpha, mu)}; -infinity (and a zero gradient) when {@code t_x = T}.
   */
  static double logK(double rx, double alpha, double mu, double tx, double T, double[] gradient) {
    if (!(T > tx)) {
      if (gradient != null) {
        java.util.Arrays.fill(gradient, 0.0);
      }
      return Double.NEGATIVE_INFINITY;
    }
    Quadrature q = new Quadrature(rx, alpha + tx, mu, tx, gradient != null);
    double span = Math.log1p((T - tx) / q.b0); // y1 - y0
    // the maximum of the concave log-integrand in u = y - y0: where its slope 1 - rx - mu b0 e^u
    // vanishes, or the start when it falls from there
    double top = 0;
    if (1 - rx > mu * q.b0) {
      top = Math.min(span, Math.log((1 - rx) / (mu * q.b0)));
    }
    q.ref = q.logIntegrand(top);
    q.march(top, span, +1);
    q.march(top, 0, -1);
    if (gradient != null) {
      gradient[0] = -q.sy / q.s0;
      gradient[1] = -rx * q.si / q.s0;
      gradient[2] = -q.st / q.s0;
    }
    return (1 - rx) * q.y0 - mu * tx + q.ref + Math.log(q.s0);
  }

  /** The rule's state: the integrand in {@code u = y - y0} and the running weighted sums. */
  private static final class Quadrature {
    final double rx;
    final double b0; // alpha + t_x
    final double y0;
    final double mu;
    final double tx;
    final boolean derivatives;
    double ref;
    double s0;
    double sy;
    double si;
    double st;

    Quadrature(double rx, double b0, double mu, double tx, boolean derivatives) {
      this.rx = rx;
      this.b0 = b0;
      this.y0 = Math.log(b0);
      this.mu = mu;
      this.tx = tx;
      this.derivatives = derivatives;
    }

    /** ln of the integrand at u, without the constant {@code (1 - rx) y0 - mu t_x}. */
    double logIntegrand(double u) {
      return (1 - rx) * u - mu * b0 * Math.expm1(u);
    }

    /** Integrates from {@code from} towards {@code to} (u values) in panels; see the class comment. */
    void march(double from, double to, int direction) {
      double a = from;
      double left = Math.abs(to - from);
      while (left > 0) {
        double here = logIntegrand(a);
        if (here < ref - CUT) {
          return; // concave: everything beyond is smaller still
        }
        double w = Math.min(left, MAX_WIDTH);
        while (Math.abs(here - logIntegrand(a + direction * w)) > MAX_DROP) {
          w *= 0.5;
        }
        panel(direction > 0 ? a : a - w, w);
        a += direction * w;
        left -= w;
      }
    }

    private void panel(double start, double h) {
      double centre = start + 0.5 * h;
      for (int k = 0; k < DropoutIntegral.NODES.length; k++) {
        double u = centre + 0.5 * h * DropoutIntegral.NODES[k];
        double v = 0.5 * h * DropoutIntegral.WEIGHTS[k] * Math.exp(logIntegrand(u) - ref);
        s0 += v;
        if (derivatives) {
          sy += v * (y0 + u);
          si += v * Math.exp(-u) / b0;
          st += v * (tx + b0 * Math.expm1(u));
        }
      }
    }
  }
}
