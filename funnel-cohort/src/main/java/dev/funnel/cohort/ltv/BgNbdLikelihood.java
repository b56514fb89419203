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
 *
 * <p>{@link #modified} gives the MBG/NBD of Batislam, Denizel and Filiztekin (2007), "Empirical
 * validation and comparison of models for customer base analysis", IJRM 24(3): a customer may
 * also drop out right after the first purchase, so the dropped-out term is there for
 * {@code x = 0} too, with {@code A2 = B(a, b+x+1) / B(a, b)} and {@code A4 = a / (b+x)
 * (alpha+t_x)^-(r+x)}.
 */
final class BgNbdLikelihood implements NewtonAscent.Objective {

  private final Triples d;
  private final int shift; // 0: BG/NBD; 1: MBG/NBD (b+x+1 and b+x in place of b+x and b+x-1)

  BgNbdLikelihood(Triples d) {
    this(d, 0);
  }

  private BgNbdLikelihood(Triples d, int shift) {
    this.d = d;
    this.shift = shift;
  }

  /** The MBG/NBD log-likelihood. */
  static BgNbdLikelihood modified(Triples d) {
    return new BgNbdLikelihood(d, 1);
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
      int xs = x + shift;
      lnA12[k] =
          LogGamma.value(r + x) - lgR + lgAB + LogGamma.value(b + xs) - lgB
              - LogGamma.value(a + b + xs);
      if (grad) {
        double psiABX = Digamma.value(a + b + xs);
        dA1r[k] = Digamma.value(r + x) - psiR;
        dA2a[k] = psiAB - psiABX;
        dA2b[k] = psiAB + Digamma.value(b + xs) - psiB - psiABX;
      }
    }
    // logs of alpha + age, once per distinct age; ln(b + x - 1) once per distinct x
    double[] lnAT = logsPlus(alpha, d.tValues);
    double[] lnATx = logsPlus(alpha, d.txValues);
    double[] invAT = grad ? inverses(alpha, d.tValues) : null;
    double[] invATx = grad ? inverses(alpha, d.txValues) : null;
    double[] lnBX = new double[m];
    for (int k = 0; k < m; k++) {
      lnBX[k] = d.xs[k] + shift > 0 ? Math.log(b + (d.xs[k] - 1 + shift)) : 0;
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
      int ti = d.tIndex[i];
      double lnA3 = -rx * lnAT[ti];
      double lse;
      double p4 = 0;
      int txi = d.txIndex[i];
      if (x + shift > 0) {
        // logsumexp(lnA3, lnA4) = lnA3 + log1p(e^delta); p4 = e^delta / (1 + e^delta)
        double delta = lnA - lnBX[k] - rx * lnATx[txi] - lnA3;
        if (delta > 0) {
          double e = Math.exp(-delta);
          lse = lnA3 + delta + Math.log1p(e);
          p4 = 1 / (1 + e);
        } else {
          double e = Math.exp(delta);
          lse = lnA3 + Math.log1p(e);
          p4 = e / (1 + e);
        }
      } else {
        lse = lnA3;
      }
      ll += w * (lnA12[k] + r * lnAlpha + lse);
      if (grad) {
        double p3 = 1 - p4;
        gr += w * (dA1r[k] + lnAlpha - p3 * lnAT[ti] - p4 * lnATx[txi]);
        gal += w * (r / alpha - rx * (p3 * invAT[ti] + p4 * invATx[txi]));
        ga += w * (dA2a[k] + p4 / a);
        gb += w * (dA2b[k] - (x + shift > 0 ? p4 / (b + x - 1 + shift) : 0));
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

  /** ln Γ(r + x) − ln Γ(r) for each distinct repeat count x: the NBD's count term. */
  static double[] lnGammaRatios(double r, int[] xs) {
    double lgR = LogGamma.value(r);
    double[] out = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      out[k] = LogGamma.value(r + xs[k]) - lgR;
    }
    return out;
  }

  /** ψ(r + x) − ψ(r) for each distinct repeat count x: the derivative in r of {@link #lnGammaRatios}. */
  static double[] digammaDiffs(double r, int[] xs) {
    double psiR = Digamma.value(r);
    double[] out = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      out[k] = Digamma.value(r + xs[k]) - psiR;
    }
    return out;
  }

  static double[] logsPlus(double shift, double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.log(shift + values[i]);
    }
    return out;
  }

  static double[] inverses(double shift, double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = 1 / (shift + values[i]);
    }
    return out;
  }
}
