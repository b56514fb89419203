package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;

/**
 * A fitted MBG/NBD model (Batislam, Denizel and Filiztekin 2007, "Empirical validation and
 * comparison of models for customer base analysis", IJRM 24(3); the R package BTYDplus and
 * lifetimes' {@code ModifiedBetaGeoFitter} use the same definition) and its predictions.
 *
 * <p>As the BG/NBD ({@link BgNbdFit}), except that a customer may drop out at the first purchase
 * too (with the same probability p as after each repeat purchase), so a customer without repeat
 * purchases is not certainly alive: P(alive) is below 1 for {@code x = 0}, which keeps the
 * BG/NBD from calling every one-off buyer alive. Times are in {@link #unit()}.
 *
 * @param r             shape of the purchase-rate distribution
 * @param alpha         rate of the purchase-rate distribution, per time unit
 * @param a             first shape of the dropout-probability distribution
 * @param b             second shape of the dropout-probability distribution
 * @param logLikelihood the maximised log-likelihood
 * @param customers     customers fitted
 * @param triples       distinct {@code (x, t_x, T)} triples
 * @param convergence   how the optimiser ended
 * @param unit          the time unit
 */
public record MbgNbdFit(Estimate r, Estimate alpha, Estimate a, Estimate b, double logLikelihood,
    long customers, int triples, Convergence convergence, RfmUnit unit) implements Tabular {

  /**
   * Expected repeat purchases of a new customer in {@code (0, t]}:
   * {@code b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]}. Derivation, as FHL
   * 2005 derive their eq. 9: one customer expects {@code (1-p)(1 - e^(-lambda p t))/p} (alive
   * after the first purchase with probability 1-p, then the BG/NBD's count); mixing lambda over
   * Gamma(r, alpha) and p over Beta(a, b) gives {@code b/(a-1) E[1 - (1 + q t/alpha)^-r]} with
   * {@code q ~ Beta(a-1, b+1)}, and Euler's transformation of that 2F1 the form above. It equals
   * the conditional expectation of a customer with no history ({@code x = 0, T = 0}), which is
   * how it is computed (so the removable singularity at {@code a = 1} is handled once).
   */
  public double expectedPurchases(double t) {
    return expectedPurchases(t, 0, 0.0, 0.0);
  }

  /**
   * Expected repeat purchases in the next {@code t} units of a customer with history
   * {@code (x, t_x, T)}:
   * {@code (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x;
   * t/(alpha+T+t))] P(alive)} (BTYDplus' and lifetimes' form): an alive customer's rate has the
   * posterior Gamma(r+x, alpha+T) and its p, having survived x + 1 draws, the posterior
   * Beta(a, b+x+1); from T on it behaves as a new BG/NBD customer with those parameters (FHL 2005
   * eq. 9 with {@code b -> b+x+1}).
   */
  public double expectedPurchases(double t, int x, double tx, double T) {
    requireHorizon(t);
    BgNbdFit.requireHistory(x, tx, T);
    if (t == 0) {
      return 0;
    }
    double rr = r.value() + x;
    double al = alpha.value() + T;
    double aa = a.value();
    double bb = b.value() + x;
    double z = t / (al + t);
    double alive = probabilityAlive(x, tx, T);
    if (Math.abs(aa - 1) < BgNbdFit.UNIT_A) {
      return (bb + 1) * BgNbdFit.unitA(rr, bb + 1, z) * alive;
    }
    double ln = rr * Math.log(al / (al + t)) + Hypergeometric.log2F1(rr, bb + 1, aa + bb, z);
    return (aa + bb) / (aa - 1) * -Math.expm1(ln) * alive;
  }

  /** {@link #expectedPurchases(double, int, double, double)} for a summarised customer. */
  public double expectedPurchases(double t, RfmCustomer c) {
    return expectedPurchases(t, c.x(), c.tx(), c.T());
  }

  /**
   * Probability that a customer with history {@code (x, t_x, T)} is alive at T:
   * {@code 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x))}, below 1 for {@code x = 0} as well.
   */
  public double probabilityAlive(int x, double tx, double T) {
    BgNbdFit.requireHistory(x, tx, T);
    double rr = r.value() + x;
    double s = Math.log(a.value()) - Math.log(b.value() + x)
        + rr * (Math.log(alpha.value() + T) - Math.log(alpha.value() + tx));
    return s > 0 ? Math.exp(-s) / (1 + Math.exp(-s)) : 1 / (1 + Math.exp(s));
  }

  /** {@link #probabilityAlive(int, double, double)} for a summarised customer. */
  public double probabilityAlive(RfmCustomer c) {
    return probabilityAlive(c.x(), c.tx(), c.T());
  }

  private static void requireHorizon(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
    }
  }

  @Override
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "MBG/NBD: r %s, alpha %s, a %s, b %s per %s, logL %s (%d customers)%s",
        TextTable.number(r.value()), TextTable.number(alpha.value()), TextTable.number(a.value()),
        TextTable.number(b.value()), unit.label(), TextTable.number(logLikelihood), customers,
        convergence.converged() ? "" : ", NOT converged");
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("parameter", "value", "standard error");
    for (Estimate e : new Estimate[] {r, alpha, a, b}) {
      t = t.plus(e.name(), e.value(), e.standardError());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
