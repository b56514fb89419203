package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The log-likelihood of the Gamma-Gamma model's constant-spend limit, as a function of
 * {@code (ln q, ln theta)}, with its analytic gradient.
 *
 * <p>Derivation. In the Gamma-Gamma model (Fader, Hardie and Lee 2005, "RFM and CLV"; Fader and
 * Hardie 2013, "The Gamma-Gamma model of monetary value") a customer's transactions are
 * Gamma(p, nu) with mean {@code p / nu}, and {@code nu ~ Gamma(q, gamma)}. As {@code p -> infinity}
 * with {@code theta = p gamma} fixed, each customer's transactions all equal the customer's mean
 * {@code p / nu} (their coefficient of variation is {@code 1/sqrt(p)}), and that mean is
 * {@code p / Gamma(q, gamma) = InvGamma(q, theta)}. The density of the mean repeat spend
 * {@code zbar} over x transactions,
 * {@code Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px-1) x^(px) / (gamma + x zbar)^(px+q)},
 * tends to {@code theta^q / Gamma(q) zbar^-(q+1) e^(-theta / zbar)} (use
 * {@code Gamma(px+q)/Gamma(px) ~ (px)^q} and {@code (1 + theta/(p x zbar))^-(px+q) -> e^(-theta/zbar)}),
 * whatever x: the inverse-gamma density, which is the supremum of the Gamma-Gamma likelihood
 * along {@code p -> infinity}.
 */
final class ConstantSpendLikelihood implements NewtonAscent.Objective {

  private final double[] zbar;
  private final double[] lnZ;
  private final double[] weight;

  ConstantSpendLikelihood(double[] zbar, double[] weight) {
    this.zbar = zbar;
    this.weight = weight;
    this.lnZ = new double[zbar.length];
    for (int i = 0; i < zbar.length; i++) {
      lnZ[i] = Math.log(zbar[i]);
    }
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double q = Math.exp(theta[0]);
    double th = Math.exp(theta[1]);
    if (!(q > 0 && th > 0) || !Double.isFinite(q + th)) {
      return Double.NaN;
    }
    double lgQ = LogGamma.value(q);
    double psiQ = gradient != null ? Digamma.value(q) : 0;
    double lnTh = theta[1];
    double ll = 0;
    double gq = 0;
    double gt = 0;
    for (int i = 0; i < zbar.length; i++) {
      double w = weight[i];
      ll += w * (q * lnTh - lgQ - (q + 1) * lnZ[i] - th / zbar[i]);
      if (gradient != null) {
        gq += w * (lnTh - psiQ - lnZ[i]);
        gt += w * (q / th - 1 / zbar[i]);
      }
    }
    if (gradient != null) {
      gradient[0] = gq * q;
      gradient[1] = gt * th;
    }
    return ll;
  }
}
