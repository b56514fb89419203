package dev.funnel.cohort.ltv;

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
 * <p>Evaluated only where {@code alpha} and {@code beta} are within a factor {@link #MIN_RATIO}
 * of each other (NaN elsewhere).
 *
 * <p>The gradient is by central differences of the log-likelihood (step {@code 1e-5} in each
 * log-parameter): the analytic derivative of 2F1 in its parameters has no closed form worth its
 * cost here, and with four parameters the differences cost eight evaluations.
 */
final class ParetoNbdLikelihood implements NewtonAscent.Objective {

  private static final double STEP = 1e-5;

  /**
   * Smallest {@code min(alpha, beta) / max(alpha, beta)} evaluated: below it the 2F1 argument
   * {@code k/(m+t_x)} is within 1e-3 of 1 and the series needs tens of thousands of terms per
   * customer or more, so such points are treated as outside the domain (NaN; the optimiser steps
   * back). Alpha and beta a thousandfold apart mean purchase and dropout time scales the data
   * cannot both resolve.
   */
  static final double MIN_RATIO = 1e-3;
  private final Triples d;

  ParetoNbdLikelihood(Triples d) {
    this.d = d;
  }

  @Override
  public boolean exactGradient() {
    return false;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double f = logLikelihood(theta);
    if (gradient != null) {
      for (int i = 0; i < theta.length; i++) {
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[i] += STEP;
        down[i] -= STEP;
        gradient[i] = (logLikelihood(up) - logLikelihood(down)) / (2 * STEP);
      }
    }
    return f;
  }

  double logLikelihood(double[] theta) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double s = Math.exp(theta[2]);
    double beta = Math.exp(theta[3]);
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Double.isFinite(r + alpha + s + beta)) {
      return Double.NaN;
    }
    if (Math.min(alpha, beta) < MIN_RATIO * Math.max(alpha, beta)) {
      return Double.NaN;
    }
    int m = d.xs.length;
    double[] lnConst = new double[m];
    double lgR = LogGamma.value(r);
    for (int k = 0; k < m; k++) {
      lnConst[k] = LogGamma.value(r + d.xs[k]) - lgR;
    }
    double head = r * theta[1] + s * theta[3];
    boolean alphaLarger = alpha >= beta;
    double big = Math.max(alpha, beta);
    double diff = Math.abs(alpha - beta);
    double ll = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      double tx = d.tx[i];
      double T = d.T[i];
      double rsx = r + s + x;
      double b2 = alphaLarger ? s + 1 : r + x;
      double lnFirst = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
      double u =
          Hypergeometric.log2F1(rsx, b2, rsx + 1, diff / (big + tx)) - rsx * Math.log(big + tx);
      double v =
          Hypergeometric.log2F1(rsx, b2, rsx + 1, diff / (big + T)) - rsx * Math.log(big + T);
      double lnA0 = v < u ? u + Math.log(-Math.expm1(v - u)) : Double.NEGATIVE_INFINITY;
      double lnSecond = Math.log(s / rsx) + lnA0;
      double hi = Math.max(lnFirst, lnSecond);
      double lse = hi + Math.log(Math.exp(lnFirst - hi) + Math.exp(lnSecond - hi));
      ll += d.weight[i] * (lnConst[d.xIndex[i]] + head + lse);
    }
    return ll;
  }
}
