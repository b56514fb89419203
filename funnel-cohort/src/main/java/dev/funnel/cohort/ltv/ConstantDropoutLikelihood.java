package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The log-likelihood of the BG/NBD's constant-dropout limit, as a function of
 * {@code (ln r, ln alpha, logit p)}, with its analytic gradient.
 *
 * <p>The limit. In the BG/NBD (Fader, Hardie and Lee 2005, "Counting your customers the easy way",
 * Marketing Science 24(2), eq. 3) a customer with purchase rate {@code lambda} and dropout
 * probability {@code p} has likelihood {@code (1-p)^x lambda^x e^(-lambda T) + [x > 0] p (1-p)^(x-1)
 * lambda^x e^(-lambda t_x)}, and {@code p ~ Beta(a, b)} across customers. When {@code a, b -> infinity}
 * with {@code a/(a+b) -> p} the Beta law has mean p and variance {@code p (1-p) / (a+b+1) -> 0}: it
 * tends to the point mass at p, and every customer drops out with the same probability p after each
 * repeat purchase (the "NBD with constant dropout"; at {@code p = 0} the NBD itself). Only
 * {@code lambda ~ Gamma(r, alpha)} is left to mix over; with
 * {@code E[lambda^x e^(-lambda t)] = A1 (alpha+t)^-(r+x)}, {@code A1 = Gamma(r+x) alpha^r / Gamma(r)}:
 * <pre>
 *   L = A1 [ (1-p)^x (alpha+T)^-(r+x) + [x > 0] p (1-p)^(x-1) (alpha+t_x)^-(r+x) ].
 * </pre>
 * The same follows from the BG/NBD likelihood (FHL 2005, eq. 6) term by term: its
 * {@code A2 = B(a, b+x) / B(a, b) = E[(1-p)^x] -> (1-p)^x} and its {@code a/(b+x-1) -> p/(1-p)}. The
 * likelihood is therefore the supremum of the BG/NBD likelihood along the ridge
 * {@code a, b -> infinity}, {@code a/(a+b) = p} fixed, which is where a BG/NBD search runs when the
 * data show no heterogeneity in dropout.
 *
 * <p>Gradient, with {@code w3}, {@code w4} the shares of the two terms in the bracket:
 * {@code d/dr = psi(r+x) - psi(r) + ln alpha - w3 ln(alpha+T) - w4 ln(alpha+t_x)},
 * {@code d/dalpha = r/alpha - (r+x) (w3/(alpha+T) + w4/(alpha+t_x))} and, as
 * {@code dp/d logit p = p (1-p)}, {@code d/d logit p = w4 - x p}.
 */
final class ConstantDropoutLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  ConstantDropoutLikelihood(Triples d) {
    this.d = d;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double eta = theta[2];
    if (!(r > 0 && alpha > 0) || !Double.isFinite(r + alpha) || !Double.isFinite(eta)) {
      return Double.NaN;
    }
    double p = AllOrNothingLikelihood.pi(eta);
    // ln p and ln(1 - p) from the logit, exact in both tails
    double lnP = -AllOrNothingLikelihood.log1pExp(-eta);
    double lnQ = -AllOrNothingLikelihood.log1pExp(eta);
    boolean grad = gradient != null;
    int m = d.xs.length;
    double[] lnA1 = BgNbdLikelihood.lnGammaRatios(r, d.xs);
    double[] dA1 = grad ? BgNbdLikelihood.digammaDiffs(r, d.xs) : new double[m];
    double[] lnAT = BgNbdLikelihood.logsPlus(alpha, d.tValues);
    double[] lnATx = BgNbdLikelihood.logsPlus(alpha, d.txValues);
    double lnAlpha = theta[1];
    double ll = 0;
    double gr = 0;
    double gal = 0;
    double geta = 0;
    for (int i = 0; i < d.x.length; i++) {
      int x = d.x[i];
      double w = d.weight[i];
      double rx = r + x;
      double lnT = lnAT[d.tIndex[i]];
      double u3 = x * lnQ - rx * lnT;
      double term;
      double w4 = 0;
      double lnTx = 0;
      if (x > 0) {
        lnTx = lnATx[d.txIndex[i]];
        double u4 = lnP + (x - 1) * lnQ - rx * lnTx;
        double hi = Math.max(u3, u4);
        double e3 = Math.exp(u3 - hi);
        double e4 = Math.exp(u4 - hi);
        term = hi + Math.log(e3 + e4);
        w4 = e4 / (e3 + e4);
      } else {
        term = u3;
      }
      double w3 = 1 - w4;
      ll += w * (lnA1[d.xIndex[i]] + r * lnAlpha + term);
      if (grad) {
        gr += w * (dA1[d.xIndex[i]] + lnAlpha - w3 * lnT - (x > 0 ? w4 * lnTx : 0));
        gal += w * (r / alpha
            - rx * (w3 / (alpha + d.T[i]) + (x > 0 ? w4 / (alpha + d.tx[i]) : 0)));
        geta += w * (w4 - x * p);
      }
    }
    if (grad) {
      gradient[0] = gr * r;
      gradient[1] = gal * alpha;
      gradient[2] = geta;
    }
    return ll;
  }
}
