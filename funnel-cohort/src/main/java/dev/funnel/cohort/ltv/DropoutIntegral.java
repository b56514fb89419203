package dev.funnel.cohort.ltv;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The logarithm of the Pareto/NBD integral
 * {@code J = integral from t_x to T of (alpha+tau)^-(r+x) (beta+tau)^-(s+1) d tau}, by Gauss-Legendre
 * quadrature; the likelihood's {@code A0} (Fader and Hardie 2005, "A note on deriving the
 * Pareto/NBD model and related expressions") is {@code (r+s+x) J}.
 *
 * <p>Why: the closed form writes J as a difference of two Gauss hypergeometric functions of argument
 * {@code |alpha-beta| / (max(alpha, beta) + t)}, whose series needs about {@code 40 / (1 - z)} terms;
 * when one of alpha, beta is a hundred or a thousand times the other (where a fit heads when the data
 * have customers who never return next to customers who never stop) that is thousands of terms per
 * customer and tens of seconds per fit. The integrand is smooth and positive on {@code [t_x, T]}, so
 * quadrature has no cancellation and a cost independent of z.
 *
 * <p>Method: substitute {@code y = ln(m + tau)} with {@code m = min(alpha, beta)}; the integrand
 * {@code e^y f(tau)} then has a concave logarithm (its slope {@code 1 - (r+x) e^y/(alpha-m+e^y)
 * - (s+1) e^y/(beta-m+e^y)} falls with y), nearly linear away from {@code y = ln|alpha - beta|}, with
 * its nearest complex singularities at distance pi from the real axis there. From the maximum
 * (found by bisection on the slope) the rule marches to both ends in panels at most 2 long near that
 * turn (longer farther away, where the strip of analyticity is wider), each spanning a change of at
 * most 8 in the log-integrand, and stops where the integrand is e^-50 below its maximum (concavity:
 * it only falls further). Each panel takes the 20-point Gauss-Legendre rule (exact for polynomials
 * of degree 39); tests hold the result to the closed form within 1e-12. Values are summed relative
 * to the maximum, so nothing overflows.
 */
final class DropoutIntegral {

  /** 20-point Gauss-Legendre rule on [-1, 1] (Hipparchus), shared by the quadratures here. */
  static final double[] NODES;
  static final double[] WEIGHTS;

  static {
    GaussIntegrator g = new GaussIntegratorFactory().legendre(20, -1, 1);
    NODES = new double[g.getNumberOfPoints()];
    WEIGHTS = new double[g.getNumberOfPoints()];
    for (int i = 0; i < NODES.length; i++) {
      NODES[i] = g.getPoint(i);
      WEIGHTS[i] = g.getWeight(i);
    }
  }

  /** Panels at most this long in y near the transition of the integrand (see the class comment). */
  private static final double MAX_WIDTH = 2;

  /** Panels spanning at most this change of the log-integrand. */
  private static final double MAX_DROP = 8;

  /** Parts of the range where the log-integrand is this far below its maximum are left out. */
  private static final double CUT = 50;

  private DropoutIntegral() {}

  /** ln J; -infinity when {@code t_x = T}. */
  static double log(double r, double alpha, double s, double beta, int x, double tx, double T) {
    return log(r, alpha, s, beta, x, tx, T, null);
  }

  /**
   * ln J, and when {@code gradient} is not null its partial derivatives in {@code (r, alpha, s,
   * beta)}, by the same rule (differentiating under the integral:
   * {@code d ln J / d r = -<ln(alpha+tau)>}, {@code d ln J / d alpha = -(r+x) <1/(alpha+tau)>},
   * {@code d ln J / d s = -<ln(beta+tau)>}, {@code d ln J / d beta = -(s+1) <1/(beta+tau)>}, the
   * averages weighted by the integrand). -infinity (and a zero gradient) when {@code t_x = T}.
   */
  static double log(
      double r, double alpha, double s, double beta, int x, double tx, double T,
      double[] gradient) {
    if (!(T > tx)) {
      if (gradient != null) {
        java.util.Arrays.fill(gradient, 0.0);
      }
      return Double.NEGATIVE_INFINITY;
    }
    Rule q = new Rule(r + x, alpha, s + 1, beta, gradient != null);
    double y0 = Math.log(q.m + tx);
    double y1 = Math.log(q.m + T);
    // the log-integrand is concave in y: its slope falls from slope(y0) to slope(y1)
    double top;
    if (q.slope(y0) <= 0) {
      top = y0;
    } else if (q.slope(y1) >= 0) {
      top = y1;
    } else {
      double lo = y0;
      double hi = y1;
      for (int i = 0; i < 200 && hi - lo > 1e-12 * (1 + Math.abs(lo)); i++) {
        double mid = 0.5 * (lo + hi);
        if (q.slope(mid) > 0) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      top = 0.5 * (lo + hi);
    }
    q.ref = q.logIntegrand(top);
    q.march(top, y1, +1);
    q.march(top, y0, -1);
    if (gradient != null) {
      gradient[0] = -q.sla / q.s0;
      gradient[1] = -q.rx * q.sia / q.s0;
      gradient[2] = -q.slb / q.s0;
      gradient[3] = -q.s1 * q.sib / q.s0;
    }
    return q.ref + Math.log(q.s0);
  }

  /**
   * The integrand in {@code y = ln(m + tau)}, {@code e^y (am + e^y)^-rx (bm + e^y)^-s1} with
   * {@code am = alpha - m}, {@code bm = beta - m} (one of them 0), and the running sums of the
   * rule: of the weights, and of the weights times {@code ln(alpha+tau)}, {@code 1/(alpha+tau)},
   * {@code ln(beta+tau)}, {@code 1/(beta+tau)}, all relative to {@code e^ref}.
   */
  private static final class Rule {
    final double rx;
    final double s1;
    final double m;
    final double am;
    final double bm;
    final double turn; // ln of the non-zero shift: where the integrand changes slope
    final boolean derivatives;
    double ref;
    double s0;
    double sla;
    double sia;
    double slb;
    double sib;

    Rule(double rx, double alpha, double s1, double beta, boolean derivatives) {
      this.rx = rx;
      this.s1 = s1;
      this.m = Math.min(alpha, beta);
      this.am = alpha - m;
      this.bm = beta - m;
      double shift = Math.max(am, bm);
      this.turn = shift > 0 ? Math.log(shift) : Double.NaN;
      this.derivatives = derivatives;
    }

    double logIntegrand(double y) {
      double ey = Math.exp(y);
      double la = am == 0 ? y : Math.log(am + ey);
      double lb = bm == 0 ? y : Math.log(bm + ey);
      return y - rx * la - s1 * lb;
    }

    /** d/dy of the log-integrand, decreasing in y. */
    double slope(double y) {
      double ey = Math.exp(y);
      return 1 - rx * ey / (am + ey) - s1 * ey / (bm + ey);
    }

    /**
     * Integrates from {@code from} (the maximum, or an end) towards {@code to} in panels, each at
     * most {@link #MAX_WIDTH} long near the turn (farther away the integrand is analytic in a wider
     * strip and the width may grow with the distance) and spanning a drop of at most
     * {@link #MAX_DROP} (the width halved until it does); stops
     * where the integrand is {@link #CUT} below its maximum.
     */
    void march(double from, double to, int direction) {
      double a = from;
      double left = Math.abs(to - from);
      while (left > 0) {
        double here = logIntegrand(a);
        if (here < ref - CUT) {
          return; // concave: everything beyond is smaller still
        }
        double limit = Double.isNaN(turn)
            ? Double.POSITIVE_INFINITY
            : Math.max(MAX_WIDTH, 0.5 * Math.abs(a - turn));
        double w = Math.min(left, limit);
        // the integrand is monotone on each side of its maximum: halve until the drop is small
        while (here - logIntegrand(a + direction * w) > MAX_DROP) {
          w *= 0.5;
        }
        panel(direction > 0 ? a : a - w, w);
        a += direction * w;
        left -= w;
      }
    }

    private void panel(double start, double h) {
      double centre = start + 0.5 * h;
      for (int i = 0; i < NODES.length; i++) {
        double y = centre + 0.5 * h * NODES[i];
        // alpha + tau = (alpha - m) + e^y, a sum of non-negative terms: no cancellation
        double ey = Math.exp(y);
        double la = am == 0 ? y : Math.log(am + ey);
        double lb = bm == 0 ? y : Math.log(bm + ey);
        double w = 0.5 * h * WEIGHTS[i] * Math.exp(y - rx * la - s1 * lb - ref);
        s0 += w;
        if (derivatives) {
          sla += w * la;
          sia += w / (am + ey);
          slb += w * lb;
          sib += w / (bm + ey);
        }
      }
    }
  }
}
