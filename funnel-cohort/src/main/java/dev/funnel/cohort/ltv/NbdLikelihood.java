package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The NBD log-likelihood of repeat-purchase histories, the no-dropout limit of the BG/NBD (Fader,
 * Hardie and Lee 2005, "Counting your customers the easy way", Marketing Science 24(2), section 3:
 * as the dropout probability {@code p -> 0} the model reduces to the NBD of Ehrenberg 1959) and of
 * the Pareto/NBD (lifetimes that never end), as a function of {@code (ln r, ln alpha)}.
 *
 * <p>A customer buying at Poisson rate {@code lambda ~ Gamma(r, alpha)} over {@code (0, T]} with
 * {@code x} purchases at given times has likelihood {@code lambda^x e^(-lambda T)}; integrated over
 * {@code lambda}: {@code L = Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))}, which is the BG/NBD
 * {@code A1 A3} with {@code A2 = 1} and {@code A4 = 0} (and the Pareto/NBD likelihood at
 * {@code s -> 0}). The purchase times {@code t_x} do not enter. Analytic gradient.
 */
final class NbdLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  NbdLikelihood(Triples d) {
    this.d = d;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    if (!(r > 0 && alpha > 0) || !Double.isFinite(r + alpha)) {
      return Double.NaN;
    }
    int m = d.xs.length;
    double lgR = LogGamma.value(r);
    double psiR = gradient != null ? Digamma.value(r) : 0;
    double[] lnA1 = new double[m];
    double[] dA1 = new double[m];
    for (int k = 0; k < m; k++) {
      lnA1[k] = LogGamma.value(r + d.xs[k]) - lgR;
      if (gradient != null) {
        dA1[k] = Digamma.value(r + d.xs[k]) - psiR;
      }
    }
    double[] lnAT = BgNbdLikelihood.logsPlus(alpha, d.tValues);
    double lnAlpha = theta[1];
    double ll = 0;
    double gr = 0;
    double gal = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      double w = d.weight[i];
      int ti = d.tIndex[i];
      ll += w * (lnA1[d.xIndex[i]] + r * lnAlpha - (r + x) * lnAT[ti]);
      if (gradient != null) {
        gr += w * (dA1[d.xIndex[i]] + lnAlpha - lnAT[ti]);
        gal += w * (r / alpha - (r + x) / (alpha + d.tValues[ti]));
      }
    }
    if (gradient != null) {
      gradient[0] = gr * r;
      gradient[1] = gal * alpha;
    }
    return ll;
  }
}
