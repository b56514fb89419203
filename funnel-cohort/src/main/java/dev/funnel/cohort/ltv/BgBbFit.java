package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * A fitted BG/BB model (Fader, Hardie and Shang 2010, "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6)): for transactions that can only happen at
 * discrete opportunities (a yearly donation, an annual renewal, a monthly order window).
 *
 * <p>While alive a customer transacts at each opportunity with probability
 * {@code p ~ Beta(alpha, beta)}; before each opportunity an alive customer drops out for good
 * with probability {@code theta ~ Beta(gamma, delta)}. Opportunities are counted after the first
 * transaction (which is not modelled). Predictions sum over opportunities directly, so the
 * closed forms' removable singularity at {@code gamma = 1} never arises.
 *
 * @param alpha         first shape of the transaction probability
 * @param beta          second shape of the transaction probability
 * @param gamma         first shape of the dropout probability
 * @param delta         second shape of the dropout probability
 * @param logLikelihood the maximised log-likelihood
 * @param customers     customers fitted
 * @param patterns      distinct histories
 * @param convergence   how the optimiser ended
 */
public record BgBbFit(Estimate alpha, Estimate beta, Estimate gamma, Estimate delta,
    double logLikelihood, long customers, int patterns, Convergence convergence)
    implements Tabular {

  /** {@code ln B(g, d+t)/B(g, d)}: the log probability of being alive at opportunity t. */
  private double lnAlive(int t) {
    return LogBeta.value(gamma.value(), delta.value() + t)
        - LogBeta.value(gamma.value(), delta.value());
  }

  /**
   * Expected transactions of a new customer in the first n opportunities (FHS 2010 eq. 7,
   * summed): {@code alpha/(alpha+beta) sum_{t=1}^{n} B(gamma, delta+t)/B(gamma, delta)}.
   */
  public double expectedTransactions(int n) {
    requireOpportunities(n, "n");
    double s = 0;
    for (int t = 1; t <= n; t++) {
      s += Math.exp(lnAlive(t));
    }
    return alpha.value() / (alpha.value() + beta.value()) * s;
  }

  /**
   * Probability that a new customer makes exactly x transactions in n opportunities (FHS 2010
   * eq. 8): {@code C(n,x) B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta)
   * + sum_{i=x}^{n-1} C(i,x) B(alpha+x, beta+i-x)/B(alpha,beta) B(gamma+1, delta+i)/B(gamma,delta)}.
   */
  public double probabilityOfTransactions(int x, int n) {
    requireOpportunities(n, "n");
    if (x < 0 || x > n) {
      return 0;
    }
    double a = alpha.value();
    double b = beta.value();
    double g = gamma.value();
    double d = delta.value();
    double lbAB = LogBeta.value(a, b);
    double lbGD = LogBeta.value(g, d);
    double p = Math.exp(lnChoose(n, x) + LogBeta.value(a + x, b + n - x) - lbAB
        + LogBeta.value(g, d + n) - lbGD);
    for (int i = x; i < n; i++) {
      p += Math.exp(lnChoose(i, x) + LogBeta.value(a + x, b + i - x) - lbAB
          + LogBeta.value(g + 1, d + i) - lbGD);
    }
    return p;
  }

  /** The log-likelihood of one history (FHS 2010 eq. 5). */
  private double lnLikelihood(int x, int tx, int n) {
    double a = alpha.value();
    double b = beta.value();
    double g = gamma.value();
    double d = delta.value();
    double lbAB = LogBeta.value(a, b);
    double lbGD = LogBeta.value(g, d);
    double first = LogBeta.value(a + x, b + n - x) - lbAB + LogBeta.value(g, d + n) - lbGD;
    double s = 1;
    for (int i = 0; i <= n - tx - 1; i++) {
      s += Math.exp(LogBeta.value(a + x, b + tx - x + i) - lbAB + LogBeta.value(g + 1, d + tx + i)
          - lbGD - first);
    }
    return first + Math.log(s);
  }

  /**
   * Probability that a customer with history {@code (x, t_x, n)} is alive at opportunity n + 1
   * (FHS 2010 eq. 11): {@code B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n+1)/B(gamma,delta)
   * / L(x, t_x, n)}.
   */
  public double probabilityAlive(int x, int tx, int n) {
    new BgBbPattern(x, tx, n, 1);
    double lnJoint = LogBeta.value(alpha.value() + x, beta.value() + n - x)
        - LogBeta.value(alpha.value(), beta.value()) + lnAlive(n + 1);
    return Math.exp(lnJoint - lnLikelihood(x, tx, n));
  }

  /**
   * Expected transactions in the next {@code future} opportunities of a customer with history
   * {@code (x, t_x, n)} (FHS 2010 eq. 13, summed over the opportunities):
   * {@code B(alpha+x+1, beta+n-x)/B(alpha,beta) sum_{t=n+1}^{n+future}
   * B(gamma, delta+t)/B(gamma,delta) / L(x, t_x, n)}: alive at t and transacting there with the
   * posterior mean probability {@code (alpha+x)/(alpha+beta+n)}.
   */
  public double expectedTransactions(int future, int x, int tx, int n) {
    requireOpportunities(future, "future opportunities");
    new BgBbPattern(x, tx, n, 1);
    double lnL = lnLikelihood(x, tx, n);
    double lnP = LogBeta.value(alpha.value() + x + 1, beta.value() + n - x)
        - LogBeta.value(alpha.value(), beta.value());
    double s = 0;
    for (int t = n + 1; t <= n + future; t++) {
      s += Math.exp(lnP + lnAlive(t) - lnL);
    }
    return s;
  }

  private static double lnChoose(int n, int k) {
    return LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0);
  }

  private static void requireOpportunities(int n, String what) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + n);
    }
  }

  @Override
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "BG/BB: alpha %s, beta %s, gamma %s, delta %s, logL %s (%d customers)%s",
        TextTable.number(alpha.value()), TextTable.number(beta.value()),
        TextTable.number(gamma.value()), TextTable.number(delta.value()),
        TextTable.number(logLikelihood), customers,
        convergence.converged() ? "" : ", NOT converged");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "value", "standard error");
    for (Estimate e : new Estimate[] {alpha, beta, gamma, delta}) {
      t = t.plus(e.name(), e.value(), e.standardError());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
