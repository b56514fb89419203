package dev.funnel.cohort.ltv;

import java.util.List;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * The BG/BB log-likelihood of Fader, Hardie and Shang (2010), "Customer-base analysis in a
 * discrete-time noncontractual setting", Marketing Science 29(6), eq. 5, with its analytic
 * gradient, in {@code (ln alpha, ln beta, ln gamma, ln delta)}.
 *
 * <p>Per history {@code (x, t_x, n)}:
 * {@code L = B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d)
 *   + sum_{i=0}^{n-t_x-1} B(a+x, b+t_x-x+i)/B(a,b) B(g+1, d+t_x+i)/B(g,d)}
 * (a, b, g, d for alpha, beta, gamma, delta): alive through all n opportunities, or dropped out
 * just before opportunity {@code t_x + i + 1}. Each term is summed in log space.
 */
final class BgBbLikelihood implements NewtonAscent.Objective {

  private final List<BgBbPattern> patterns;

  BgBbLikelihood(List<BgBbPattern> patterns) {
    this.patterns = patterns;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double a = Math.exp(theta[0]);
    double b = Math.exp(theta[1]);
    double g = Math.exp(theta[2]);
    double d = Math.exp(theta[3]);
    if (!(a > 0 && b > 0 && g > 0 && d > 0) || !Double.isFinite(a + b + g + d)) {
      return Double.NaN;
    }
    boolean grad = gradient != null;
    double lbAB = LogBeta.value(a, b);
    double lbGD = LogBeta.value(g, d);
    double psiA = Digamma.value(a);
    double psiB = Digamma.value(b);
    double psiAB = Digamma.value(a + b);
    double psiG = Digamma.value(g);
    double psiD = Digamma.value(d);
    double psiGD = Digamma.value(g + d);
    double ll = 0;
    double[] gsum = new double[4];
    for (BgBbPattern p : patterns) {
      if (p.customers() == 0) {
        continue;
      }
      int terms = p.n() - p.tx() + 1;
      double[] ln = new double[terms];
      double[][] dl = grad ? new double[terms][4] : null;
      // alive through all n
      ln[0] = term(a, b, g, d, p.x(), p.n() - p.x(), 0, p.n(), lbAB, lbGD);
      if (grad) {
        partials(a, b, g, d, p.x(), p.n() - p.x(), 0, p.n(), psiA, psiB, psiAB, psiG, psiD, psiGD,
            dl[0]);
      }
      for (int i = 0; i < terms - 1; i++) {
        int y = p.tx() - p.x() + i;
        ln[i + 1] = term(a, b, g, d, p.x(), y, 1, p.tx() + i, lbAB, lbGD);
        if (grad) {
          partials(a, b, g, d, p.x(), y, 1, p.tx() + i, psiA, psiB, psiAB, psiG, psiD, psiGD,
              dl[i + 1]);
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double v : ln) {
        max = Math.max(max, v);
      }
      double s = 0;
      for (double v : ln) {
        s += Math.exp(v - max);
      }
      double lse = max + Math.log(s);
      double w = p.customers();
      ll += w * lse;
      if (grad) {
        for (int j = 0; j < terms; j++) {
          double share = Math.exp(ln[j] - lse);
          for (int k = 0; k < 4; k++) {
            gsum[k] += w * share * dl[j][k];
          }
        }
      }
    }
    if (grad) {
      gradient[0] = gsum[0] * a;
      gradient[1] = gsum[1] * b;
      gradient[2] = gsum[2] * g;
      gradient[3] = gsum[3] * d;
    }
    return ll;
  }

  /** {@code ln [B(a+x, b+y)/B(a,b) B(g+c, d+e)/B(g,d)]}. */
  private static double term(double a, double b, double g, double d, int x, int y, int c, int e,
      double lbAB, double lbGD) {
    return LogBeta.value(a + x, b + y) - lbAB + LogBeta.value(g + c, d + e) - lbGD;
  }

  /** The partial derivatives of {@link #term} in (a, b, g, d). */
  private static void partials(double a, double b, double g, double d, int x, int y, int c, int e,
      double psiA, double psiB, double psiAB, double psiG, double psiD, double psiGD,
      double[] out) {
    double psiABxy = Digamma.value(a + b + x + y);
    double psiGDce = Digamma.value(g + d + c + e);
    out[0] = Digamma.value(a + x) - psiABxy - psiA + psiAB;
    out[1] = Digamma.value(b + y) - psiABxy - psiB + psiAB;
    out[2] = Digamma.value(g + c) - psiGDce - psiG + psiGD;
    out[3] = Digamma.value(d + e) - psiGDce - psiD + psiGD;
  }
}
