package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The BG/NBD log-likelihood of Fader, Hardie and Lee (2005), "Counting your customers the easy
 * way", Marketing Science 24(2), with its analytic gradient, as a function of the
 * log-parameters {@code (ln r, ln alpha, ln a, ln b)}.
 *
 * <p>Per customer {@code L = A1 A2 (A3 + [x > 0] A4)} with
 * {@code A1 = Gamma(r+x) alpha^r / Gamma(r)},
 * {@code A2 = Gamma(a+b) Gamma(b+x) / (Gamma(b) Gamma(a+b+x))},
 * {@code A3 = (alpha+T)^-(r+x)} and {@code A4 = a / (b+x-1) (alpha+t_x)^-(r+x)}. It is evaluated
 * as {@code ln A1 + ln A2 + logsumexp(ln A3, ln A4)} so that nothing overflows for large
 * {@code x} or long observation periods. The gamma-function terms depend on {@code x} alone and
 * are computed once per distinct {@code x}.
 */
final class BgNbdLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  BgNbdLikelihood(Triples d) {
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
    // terms that depend on x only: ln A1 without r ln alpha, ln A2, and their derivatives
    double[] lnA12 = new double[m];
    double[] dA1r = new double[m];
    double[] dA2a = new double[m];
    double[] dA2b = new double[m];
    boolean grad = gradient != null;
    double lgR = LogGamma.value(r);
    double lgAB = LogGamma.value(a + b);
    double lgB = LogGamma.value(b);
    double psiR = grad ? Digamma.value(r) : 0;
    double psiAB = grad ? Digamma.value(a + b) : 0;
    double psiB = grad ? Digamma.value(b) : 0;
    for (int k = 0; k < m; k++) {
      int x = d.xs[k];
      lnA12[k] =
          LogGamma.value(r + x) - lgR + lgAB + LogGamma.value(b + x) - lgB
              - LogGamma.value(a + b + x);
      if (grad) {
        double psiABX = Digamma.value(a + b + x);
        dA1r[k] = Digamma.value(r + x) - psiR;
        dA2a[k] = psiAB - psiABX;
        dA2b[k] = psiAB + Digamma.value(b + x) - psiB - psiABX;
      }
    }
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
      double lnAT = Math.log(alpha + d.T[i]);
      double lnA3 = -rx * lnAT;
      double lse;
      double p3 = 1;
      double p4 = 0;
      double lnAtx = 0;
      if (x > 0) {
        lnAtx = Math.log(alpha + d.tx[i]);
        double lnA4 = lnA - Math.log(b + x - 1) - rx * lnAtx;
        double hi = Math.max(lnA3, lnA4);
        double e3 = Math.exp(lnA3 - hi);
        double e4 = Math.exp(lnA4 - hi);
        lse = hi + Math.log(e3 + e4);
        p3 = e3 / (e3 + e4);
        p4 = e4 / (e3 + e4);
      } else {
        lse = lnA3;
      }
      ll += w * (lnA12[k] + r * lnAlpha + lse);
      if (grad) {
        gr += w * (dA1r[k] + lnAlpha - p3 * lnAT - p4 * lnAtx);
        double dTx = x > 0 ? p4 * rx / (alpha + d.tx[i]) : 0;
        gal += w * (r / alpha - p3 * rx / (alpha + d.T[i]) - dTx);
        ga += w * (dA2a[k] + p4 / a);
        gb += w * (dA2b[k] - (x > 0 ? p4 / (b + x - 1) : 0));
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
