package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The MBG/NBD log-likelihood of Batislam, Denizel and Filiztekin (2007), "Empirical validation and
 * comparison of models for customer base analysis", International Journal of Research in
 * Marketing 24(3), with its analytic gradient, in the log-parameters
 * {@code (ln r, ln alpha, ln a, ln b)}.
 *
 * <p>The BG/NBD of {@link BgNbdLikelihood} with one change: a customer may also drop out right
 * after the first purchase, so the "dropped out after the last purchase" term is there for
 * {@code x = 0} too. Per customer {@code L = A1 A2 (A3 + A4)} with
 * {@code A1 = Gamma(r+x) alpha^r / Gamma(r)},
 * {@code A2 = B(a, b+x+1) / B(a, b) = Gamma(a+b) Gamma(b+x+1) / (Gamma(b) Gamma(a+b+x+1))},
 * {@code A3 = (alpha+T)^-(r+x)} and {@code A4 = a / (b+x) (alpha+t_x)^-(r+x)}; evaluated as
 * {@code ln A1 + ln A2 + logsumexp(ln A3, ln A4)}.
 */
final class MbgNbdLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  MbgNbdLikelihood(Triples d) {
    this.d = d;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double a = Math.exp(theta[2]);
    double b = Math.exp(theta[3]);
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
      return Double.NaN;
    }
    int m = d.xs.length;
    boolean grad = gradient != null;
    double lgR = LogGamma.value(r);
    double lgAB = LogGamma.value(a + b);
    double lgB = LogGamma.value(b);
    double psiR = grad ? Digamma.value(r) : 0;
    double psiAB = grad ? Digamma.value(a + b) : 0;
    double psiB = grad ? Digamma.value(b) : 0;
    double[] lnA12 = new double[m];
    double[] dA1r = new double[m];
    double[] dA2a = new double[m];
    double[] dA2b = new double[m];
    double[] lnBX = new double[m];
    for (int k = 0; k < m; k++) {
      int x = d.xs[k];
      lnA12[k] = LogGamma.value(r + x) - lgR + lgAB + LogGamma.value(b + x + 1) - lgB
          - LogGamma.value(a + b + x + 1);
      lnBX[k] = Math.log(b + x);
      if (grad) {
        double psiABX = Digamma.value(a + b + x + 1);
        dA1r[k] = Digamma.value(r + x) - psiR;
        dA2a[k] = psiAB - psiABX;
        dA2b[k] = psiAB + Digamma.value(b + x + 1) - psiB - psiABX;
      }
    }
    double[] lnAT = BgNbdLikelihood.logsPlus(alpha, d.tValues);
    double[] lnATx = BgNbdLikelihood.logsPlus(alpha, d.txValues);
    double[] invAT = grad ? BgNbdLikelihood.inverses(alpha, d.tValues) : null;
    double[] invATx = grad ? BgNbdLikelihood.inverses(alpha, d.txValues) : null;
    double lnAlpha = theta[1];
    double lnA = theta[2];
    double ll = 0;
    double gr = 0;
    double gal = 0;
    double ga = 0;
    double gb = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      int k = d.xIndex[i];
      double w = d.weight[i];
      double rx = r + x;
      int ti = d.tIndex[i];
      int txi = d.txIndex[i];
      double lnA3 = -rx * lnAT[ti];
      // logsumexp(lnA3, lnA4) = lnA3 + log1p(e^delta); p4 = e^delta / (1 + e^delta)
      double delta = lnA - lnBX[k] - rx * lnATx[txi] - lnA3;
      double lse;
      double p4;
      if (delta > 0) {
        double e = Math.exp(-delta);
        lse = lnA3 + delta + Math.log1p(e);
        p4 = 1 / (1 + e);
      } else {
        double e = Math.exp(delta);
        lse = lnA3 + Math.log1p(e);
        p4 = e / (1 + e);
      }
      ll += w * (lnA12[k] + r * lnAlpha + lse);
      if (grad) {
        double p3 = 1 - p4;
        gr += w * (dA1r[k] + lnAlpha - p3 * lnAT[ti] - p4 * lnATx[txi]);
        gal += w * (r / alpha - rx * (p3 * invAT[ti] + p4 * invATx[txi]));
        ga += w * (dA2a[k] + p4 / a);
        gb += w * (dA2b[k] - p4 / (b + x));
      }
    }
    if (grad) {
      gradient[0] = gr * r;
      gradient[1] = gal * alpha;
      gradient[2] = ga * a;
      gradient[3] = gb * b;
    }
    return ll;
  }
}
