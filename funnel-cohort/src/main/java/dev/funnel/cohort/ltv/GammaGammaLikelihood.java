package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Gamma-Gamma log-likelihood of mean repeat spend (Fader, Hardie and Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis", Journal of Marketing Research 42(4); the
 * density as written in Fader and Hardie's note "The Gamma-Gamma model of monetary value", 2013)
 * as a function of {@code (ln p, ln q, ln gamma)}, with its analytic gradient.
 *
 * <p>Spend per transaction {@code z ~ Gamma(p, nu)}, {@code nu ~ Gamma(q, gamma)} across customers;
 * the mean {@code zbar} of {@code x} transactions then has density
 * {@code Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px-1) x^(px) / (gamma + x zbar)^(px+q)}.
 * Rows are weighted unique {@code (x, zbar)} pairs with {@code x >= 1} and {@code zbar > 0}.
 */
final class GammaGammaLikelihood implements NewtonAscent.Objective {

  private final int[] x;
  private final double[] zbar;
  private final double[] weight;

  private final double[] lnZ;
  private final double[] lnX;
  private final int[] xs;
  private final int[] xIndex;

  GammaGammaLikelihood(int[] x, double[] zbar, double[] weight) {
    this.x = x;
    this.zbar = zbar;
    this.weight = weight;
    this.lnZ = new double[x.length];
    this.lnX = new double[x.length];
    this.xs = java.util.Arrays.stream(x).distinct().sorted().toArray();
    this.xIndex = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      lnZ[i] = Math.log(zbar[i]);
      lnX[i] = Math.log(x[i]);
      xIndex[i] = java.util.Arrays.binarySearch(xs, x[i]);
    }
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double p = Math.exp(theta[0]);
    double q = Math.exp(theta[1]);
    double g = Math.exp(theta[2]);
    if (!(p > 0 && q > 0 && g > 0) || !Double.isFinite(p + q + g)) {
      return Double.NaN;
    }
    boolean grad = gradient != null;
    double lgQ = LogGamma.value(q);
    double psiQ = grad ? Digamma.value(q) : 0;
    // gamma-function terms depend on x alone: once per distinct x
    int m = xs.length;
    double[] lgTerms = new double[m];
    double[] psiPQ = new double[m];
    double[] psiP = new double[m];
    for (int k = 0; k < m; k++) {
      double px = p * xs[k];
      lgTerms[k] = LogGamma.value(px + q) - LogGamma.value(px) - lgQ;
      if (grad) {
        psiPQ[k] = Digamma.value(px + q);
        psiP[k] = Digamma.value(px);
      }
    }
    double lnG = theta[2];
    double ll = 0;
    double gp = 0;
    double gq = 0;
    double gg = 0;
    for (int i = 0; i < x.length; i++) {
      double w = weight[i];
      int k = xIndex[i];
      double px = p * x[i];
      double xz = x[i] * zbar[i];
      double lnGXZ = Math.log(g + xz);
      ll += w * (lgTerms[k] + q * lnG + (px - 1) * lnZ[i] + px * lnX[i] - (px + q) * lnGXZ);
      if (grad) {
        gp += w * x[i] * (psiPQ[k] - psiP[k] + lnZ[i] + lnX[i] - lnGXZ);
        gq += w * (psiPQ[k] - psiQ + lnG - lnGXZ);
        gg += w * (q / g - (px + q) / (g + xz));
      }
    }
    if (grad) {
      gradient[0] = gp * p;
      gradient[1] = gq * q;
      gradient[2] = gg * g;
    }
    return ll;
  }
}
