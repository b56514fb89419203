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

  GammaGammaLikelihood(int[] x, double[] zbar, double[] weight) {
    this.x = x;
    this.zbar = zbar;
    this.weight = weight;
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
    double lnG = theta[2];
    double ll = 0;
    double gp = 0;
    double gq = 0;
    double gg = 0;
    for (int i = 0; i < x.length; i++) {
      double w = weight[i];
      double px = p * x[i];
      double lnZ = Math.log(zbar[i]);
      double lnX = Math.log(x[i]);
      double lnGXZ = Math.log(g + x[i] * zbar[i]);
      ll +=
          w * (LogGamma.value(px + q) - LogGamma.value(px) - lgQ + q * lnG + (px - 1) * lnZ
              + px * lnX - (px + q) * lnGXZ);
      if (grad) {
        double psiPQ = Digamma.value(px + q);
        gp += w * x[i] * (psiPQ - Digamma.value(px) + lnZ + lnX - lnGXZ);
        gq += w * (psiPQ - psiQ + lnG - lnGXZ);
        gg += w * (q / g - (px + q) / (g + x[i] * zbar[i]));
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
