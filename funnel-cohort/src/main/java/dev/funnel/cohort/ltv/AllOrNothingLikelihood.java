package dev.funnel.cohort.ltv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The log-likelihood of the BG/NBD's all-or-nothing limit, as a function of
 * {@code (ln r, ln alpha, logit pi)}, with its analytic gradient; with two parameters
 * {@code (ln r, ln alpha)} the same model at {@code pi = 1}.
 *
 * <p>Derivation. In the BG/NBD (Fader, Hardie and Lee 2005) a customer with purchase rate
 * {@code lambda} and dropout probability {@code p} has likelihood
 * {@code (1-p)^x lambda^x e^(-lambda T) + [x > 0] p (1-p)^(x-1) lambda^x e^(-lambda t_x)}: dropout
 * can only happen right after a repeat purchase. When {@code a, b -> 0} with
 * {@code a/(a+b) -> pi}, Beta(a, b) tends to the two-point law {@code P(p = 1) = pi},
 * {@code P(p = 0) = 1 - pi}. Mixing over p, then over {@code lambda ~ Gamma(r, alpha)} with
 * {@code E[lambda^x e^(-lambda t)] = A1 (alpha+t)^-(r+x)}, {@code A1 = Gamma(r+x) alpha^r /
 * Gamma(r)}, gives per customer
 * <ul>
 *   <li>{@code x = 0}: {@code A1 (alpha+T)^-r}, whatever pi (nobody has had a chance to drop out);
 *   <li>{@code x = 1}: {@code A1 [(1-pi) (alpha+T)^-(r+1) + pi (alpha+t_x)^-(r+1)]} (a p = 1
 *       customer died right after the one repeat purchase);
 *   <li>{@code x >= 2}: {@code A1 (1-pi) (alpha+T)^-(r+x)} (only p = 0 customers repeat twice).
 * </ul>
 * The same follows from the BG/NBD likelihood itself: its
 * {@code A2 = B(a, b+x)/B(a, b) -> 1 - pi} for {@code x >= 1} and its
 * {@code a/(b+x-1) -> pi/(1-pi)} for {@code x = 1}, {@code -> 0} for {@code x >= 2}; so this is the
 * supremum of the BG/NBD likelihood along {@code a, b -> 0}, and at {@code pi = 0} it is the NBD.
 */
final class AllOrNothingLikelihood implements NewtonAscent.Objective {

  private final Triples d;

  AllOrNothingLikelihood(Triples d) {
    this.d = d;
  }

  /** {@code pi} from its logit, without overflow. */
  static double pi(double eta) {
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    boolean free = theta.length == 3;
    double eta = free ? theta[2] : Double.POSITIVE_INFINITY;
    if (!(r > 0 && alpha > 0) || !Double.isFinite(r + alpha) || Double.isNaN(eta)) {
      return Double.NaN;
    }
    double pi = free ? pi(eta) : 1.0;
    // ln pi and ln(1 - pi) from the logit, exact in both tails
    double lnPi = free ? -log1pExp(-eta) : 0.0;
    double lnOneMinusPi = free ? -log1pExp(eta) : Double.NEGATIVE_INFINITY;
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
      double head = lnA1[d.xIndex[i]] + r * lnAlpha;
      double term;
      // dterm/dr, dterm/dalpha, dterm/deta
      double tr;
      double tal;
      double te;
      if (x == 0) {
        term = -r * lnT;
        tr = -lnT;
        tal = -r / (alpha + d.T[i]);
        te = 0;
      } else if (x == 1) {
        double lnTx = lnATx[d.txIndex[i]];
        double u3 = lnOneMinusPi - rx * lnT;
        double u4 = lnPi - rx * lnTx;
        double hi = Math.max(u3, u4);
        double e3 = Math.exp(u3 - hi);
        double e4 = Math.exp(u4 - hi);
        term = hi + Math.log(e3 + e4);
        double p4 = e4 / (e3 + e4);
        double p3 = 1 - p4;
        tr = -(p3 * lnT + p4 * lnTx);
        tal = -rx * (p3 / (alpha + d.T[i]) + p4 / (alpha + d.tx[i]));
        te = p4 - pi;
      } else {
        term = lnOneMinusPi - rx * lnT;
        tr = -lnT;
        tal = -rx / (alpha + d.T[i]);
        te = -pi;
      }
      ll += w * (head + term);
      if (grad) {
        gr += w * (dA1[d.xIndex[i]] + lnAlpha + tr);
        gal += w * (r / alpha + tal);
        geta += w * te;
      }
    }
    if (grad) {
      gradient[0] = gr * r;
      gradient[1] = gal * alpha;
      if (free) {
        gradient[2] = geta;
      }
    }
    return ll;
  }

  /** {@code ln(1 + e^v)} without overflow or loss for large |v|. */
  static double log1pExp(double v) {
    return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
  }
}
