package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Pareto/NBD log-likelihood (Schmittlein, Morrison and Colombo 1987, "Counting your customers:
 * who are they and what will they do next?", Management Science 33(1)), in the form of Fader and
 * Hardie's note "A note on deriving the Pareto/NBD model and related expressions" (2005), as a
 * function of {@code (ln r, ln alpha, ln s, ln beta)}.
 *
 * <p>Per customer
 * {@code L = Gamma(r+x) alpha^r beta^s / Gamma(r) [ (alpha+T)^-(r+x) (beta+T)^-s
 * + s/(r+s+x) A0 ]}, where with {@code m = max(alpha, beta)}, {@code k = |alpha - beta|} and
 * {@code b' = s+1} if {@code alpha >= beta}, else {@code r+x}:
 * {@code A0 = 2F1(r+s+x, b'; r+s+x+1; k/(m+t_x)) / (m+t_x)^(r+s+x)
 * - 2F1(r+s+x, b'; r+s+x+1; k/(m+T)) / (m+T)^(r+s+x)}. Both 2F1 arguments are in [0, 1), where
 * the series of {@link Hypergeometric} converges. Everything is evaluated in log space: the
 * difference in A0 as {@code u + ln(1 - e^(v-u))} and the bracket by log-sum-exp.
 *
 * <p>When alpha and beta are far apart the 2F1 arguments near 1 and the series slows down; there
 * A0 is computed from the integral it is the closed form of ({@link #lnA0}).
 *
 * <p>The gradient is analytic: with {@code A0 = (r+s+x) J}, J the integral of
 * {@link DropoutIntegral}, the second bracket term is {@code s J}, and J's derivatives in the
 * parameters are integrals of the same integrand, computed by the same quadrature (the derivative
 * of 2F1 in its parameters has no closed form). One evaluation then gives value and gradient, where
 * central differences needed nine, and the Newton Hessian takes forward differences of an exact
 * gradient.
 */
final class ParetoNbdLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  ParetoNbdLikelihood(Triples d) {
    this.d = d;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    return gradient == null ? logLikelihood(theta) : withGradient(theta, gradient);
  }

  /**
   * The log-likelihood and its gradient in the log-parameters: per customer
   * {@code ln Gamma(r+x) - ln Gamma(r) + r ln alpha + s ln beta + logsumexp(ln F, ln s + ln J)} with
   * {@code ln F = -(r+x) ln(alpha+T) - s ln(beta+T)}; its derivatives mix those of the two terms
   * by their shares of the sum.
   */
  private double withGradient(double[] theta, double[] gradient) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double s = Math.exp(theta[2]);
    double beta = Math.exp(theta[3]);
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Double.isFinite(r + alpha + s + beta)) {
      return Double.NaN;
    }
    int m = d.xs.length;
    double lgR = LogGamma.value(r);
    double psiR = Digamma.value(r);
    double[] lnConst = new double[m];
    double[] dConst = new double[m];
    for (int k = 0; k < m; k++) {
      lnConst[k] = LogGamma.value(r + d.xs[k]) - lgR;
      dConst[k] = Digamma.value(r + d.xs[k]) - psiR;
    }
    double lnAlpha = theta[1];
    double lnBeta = theta[3];
    double lnS = theta[2];
    double[] dj = new double[4];
    double ll = 0;
    double gr = 0;
    double ga = 0;
    double gs = 0;
    double gb = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      double T = d.T[i];
      double w = d.weight[i];
      double lnAT = Math.log(alpha + T);
      double lnBT = Math.log(beta + T);
      double lnFirst = -(r + x) * lnAT - s * lnBT;
      double lnJ = DropoutIntegral.log(r, alpha, s, beta, x, d.tx[i], T, dj);
      double lnSecond = lnS + lnJ;
      double hi = Math.max(lnFirst, lnSecond);
      double e1 = Math.exp(lnFirst - hi);
      double e2 = Math.exp(lnSecond - hi);
      double p1 = e1 / (e1 + e2);
      double p2 = e2 / (e1 + e2);
      ll += w * (lnConst[d.xIndex[i]] + r * lnAlpha + s * lnBeta + hi + Math.log(e1 + e2));
      gr += w * (dConst[d.xIndex[i]] + lnAlpha - p1 * lnAT + p2 * dj[0]);
      ga += w * (r / alpha - p1 * (r + x) / (alpha + T) + p2 * dj[1]);
      gs += w * (lnBeta - p1 * lnBT + p2 * (1 / s + dj[2]));
      gb += w * (s / beta - p1 * s / (beta + T) + p2 * dj[3]);
    }
    gradient[0] = gr * r;
    gradient[1] = ga * alpha;
    gradient[2] = gs * s;
    gradient[3] = gb * beta;
    return ll;
  }

  /**
   * Largest 2F1 argument evaluated by the series (about 400 terms); above it {@code A0} comes from
   * {@link DropoutIntegral}, whose cost does not grow as the argument nears 1.
   */
  static final double SERIES_LIMIT = 0.9;

  /**
   * {@code ln A0} of the class comment: by the two 2F1 series when both arguments are at most
   * {@link #SERIES_LIMIT}, else as {@code ln(r+s+x) + ln J} with J the integral that A0 is the
   * closed form of ({@link DropoutIntegral}). -infinity when {@code t_x = T}.
   */
  static double lnA0(double r, double alpha, double s, double beta, int x, double tx, double T) {
    double rsx = r + s + x;
    double big = Math.max(alpha, beta);
    double diff = Math.abs(alpha - beta);
    double zTx = diff / (big + tx);
    if (zTx > SERIES_LIMIT) {
      return Math.log(rsx) + DropoutIntegral.log(r, alpha, s, beta, x, tx, T);
    }
    double b2 = alpha >= beta ? s + 1 : r + x;
    double u =
        Hypergeometric.log2F1(rsx, b2, rsx + 1, zTx) - rsx * Math.log(big + tx);
    double v =
        Hypergeometric.log2F1(rsx, b2, rsx + 1, diff / (big + T)) - rsx * Math.log(big + T);
    return v < u ? u + Math.log(-Math.expm1(v - u)) : Double.NEGATIVE_INFINITY;
  }

  double logLikelihood(double[] theta) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double s = Math.exp(theta[2]);
    double beta = Math.exp(theta[3]);
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Double.isFinite(r + alpha + s + beta)) {
      return Double.NaN;
    }
    int m = d.xs.length;
    double[] lnConst = new double[m];
    double lgR = LogGamma.value(r);
    for (int k = 0; k < m; k++) {
      lnConst[k] = LogGamma.value(r + d.xs[k]) - lgR;
    }
    double head = r * theta[1] + s * theta[3];
    double ll = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      double tx = d.tx[i];
      double T = d.T[i];
      double rsx = r + s + x;
      double lnFirst = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
      double lnA0 = lnA0(r, alpha, s, beta, x, tx, T);
      double lnSecond = Math.log(s / rsx) + lnA0;
      double hi = Math.max(lnFirst, lnSecond);
      double lse = hi + Math.log(Math.exp(lnFirst - hi) + Math.exp(lnSecond - hi));
      ll += d.weight[i] * (lnConst[d.xIndex[i]] + head + lse);
    }
    return ll;
  }
}
