package dev.funnel.benchmarks;

import dev.funnel.cohort.ltv.BgNbdFit;
import dev.funnel.cohort.ltv.GammaGammaFit;
import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.RfmCustomer;
import dev.funnel.cohort.ltv.RfmSummary;
import dev.funnel.cohort.ltv.RfmUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.numbers.gamma.LogGamma;
import org.hipparchus.random.RandomDataGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole customer-value fitting step of issue #5 (BG/NBD + Gamma-Gamma on 2 million customers
 * under 2 seconds): {@code rows} customers' RFM rows, compressed to weighted unique triples (and
 * unique {@code (x, zbar)} pairs), the BG/NBD fit ({@link Ltv#bgNbd}; Fader, Hardie and Lee 2005,
 * "Counting your customers the easy way", Marketing Science 24(2)) and the Gamma-Gamma fit
 * ({@link Ltv#gammaGamma}; Fader, Hardie and Lee 2005, "RFM and CLV", JMR 42(4)), timed together.
 *
 * <p>Customers are drawn from the models themselves (seed 20261122): purchases exactly as in
 * {@link dev.funnel.benchmarks.BgNbdFit} ({@code r = 0.25, alpha = 4.4, a = 0.8, b = 2.4}, weeks,
 * ages 1 to 52 weeks, repeat times on whole days); spend per repeat purchase
 * {@code z ~ Gamma(p = 6, rate nu)}, {@code nu ~ Gamma(q = 4, rate gamma = 15)} per customer (close
 * to the CDNOW fit of the paper), the mean {@code zbar} of the x repeat purchases rounded to cents.
 *
 * <ul>
 *   <li>{@code funnel}: compression and both fits;
 *   <li>{@code bgNbdOnly}, {@code gammaGammaOnly}: each fit (with its own compression) alone, for
 *       the split of the time;
 *   <li>{@code memoryBaseline}: summing 28 bytes per customer ({@code x}, {@code t_x}, {@code T},
 *       {@code zbar}).
 * </ul>
 *
 * <p>No JVM library fits either model, so there is no peer. The setup checks both fits instead:
 * converged, every parameter within 20% of the truth, and the Gamma-Gamma log-likelihood equal to
 * the density of the paper recomputed here at the fitted parameters (1e-9 relative) and at least
 * the one at the true parameters. ({@link dev.funnel.benchmarks.BgNbdFit} checks the BG/NBD
 * likelihood the same way.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LtvFit {

  /** Number of simulated customers. */
  @Param("2000000")
  public long rows;

  private static final double[] PURCHASES = {0.25, 4.4, 0.8, 2.4}; // r, alpha, a, b
  private static final double[] SPEND = {6, 4, 15}; // p, q, gamma

  private RfmSummary summary;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() {
    summary = simulate(rows);
    baseline = new MemoryBaseline(28L * rows);
    BgNbdFit f = Ltv.bgNbd(summary);
    check("BG/NBD", f.convergence().converged(),
        new double[] {f.r().value(), f.alpha().value(), f.a().value(), f.b().value()}, PURCHASES);
    GammaGammaFit g = Ltv.gammaGamma(summary);
    double[] fitted = {g.p().value(), g.q().value(), g.gamma().value()};
    check("Gamma-Gamma", g.convergence().converged(), fitted, SPEND);
    double atFit = spendLogLikelihood(summary, fitted);
    if (!(Math.abs(atFit - g.logLikelihood()) <= 1e-9 * Math.abs(atFit))) {
      throw new IllegalStateException(
          "Gamma-Gamma log-likelihood at the fit: funnel " + g.logLikelihood() + ", here " + atFit);
    }
    if (!(atFit >= spendLogLikelihood(summary, SPEND))) {
      throw new IllegalStateException("the Gamma-Gamma fit is below the likelihood at the truth");
    }
    System.out.printf("%n%,d customers: BG/NBD %s%nGamma-Gamma %s%n", rows, f.summary(), g.summary());
  }

  private static void check(String what, boolean converged, double[] fitted, double[] truth) {
    if (!converged) {
      throw new IllegalStateException("the " + what + " fit did not converge");
    }
    for (int i = 0; i < truth.length; i++) {
      if (!(Math.abs(fitted[i] / truth[i] - 1) < 0.2)) {
        throw new IllegalStateException(
            what + " parameter " + i + " fitted " + fitted[i] + ", truth " + truth[i]);
      }
    }
  }

  /** funnel: compression, the BG/NBD fit and the Gamma-Gamma fit. */
  @Benchmark
  public void funnel(Blackhole bh) {
    bh.consume(Ltv.bgNbd(summary));
    bh.consume(Ltv.gammaGamma(summary));
  }

  /** The BG/NBD part alone (compression to triples and the fit). */
  @Benchmark
  public BgNbdFit bgNbdOnly() {
    return Ltv.bgNbd(summary);
  }

  /** The Gamma-Gamma part alone (compression to (x, zbar) pairs and the fit). */
  @Benchmark
  public GammaGammaFit gammaGammaOnly() {
    return Ltv.gammaGamma(summary);
  }

  /** Summing a long[] as large as the customers' (x, t_x, T, zbar). */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }

  /** Customers drawn from BG/NBD and Gamma-Gamma with the true parameters, times in weeks. */
  static RfmSummary simulate(long customers) {
    RandomDataGenerator rnd = new RandomDataGenerator(20261122L);
    List<RfmCustomer> out = new ArrayList<>((int) customers);
    for (long i = 0; i < customers; i++) {
      double lambda = rnd.nextGamma(PURCHASES[0], 1 / PURCHASES[1]);
      double p = rnd.nextBeta(PURCHASES[2], PURCHASES[3]);
      double nu = rnd.nextGamma(SPEND[1], 1 / SPEND[2]);
      int weeks = 1 + rnd.nextInt(52);
      int x = 0;
      double t = 0;
      double tx = 0;
      double spend = 0;
      while (true) {
        t += rnd.nextExponential(1 / lambda);
        if (t > weeks) {
          break;
        }
        x++;
        tx = Math.min(weeks, Math.ceil(t * 7) / 7);
        spend += rnd.nextGamma(SPEND[0], 1 / nu);
        if (rnd.nextDouble() < p) {
          break;
        }
      }
      double zbar = x == 0 ? 0 : Math.max(0.01, Math.round(spend / x * 100) / 100.0);
      out.add(new RfmCustomer("c" + i, x, tx, weeks, zbar));
    }
    return new RfmSummary(RfmUnit.WEEK, out);
  }

  /**
   * The Gamma-Gamma log-likelihood written out independently of funnel-cohort, over the customers
   * with {@code x >= 1} and {@code zbar > 0}: {@code ln Gamma(px+q) - ln Gamma(px) - ln Gamma(q)
   * + q ln gamma + (px-1) ln zbar + px ln x - (px+q) ln(gamma + x zbar)}.
   */
  static double spendLogLikelihood(RfmSummary s, double[] params) {
    double p = params[0];
    double q = params[1];
    double g = params[2];
    double sum = 0;
    for (RfmCustomer c : s.customers()) {
      if (c.x() == 0 || c.meanRepeatSpend() <= 0) {
        continue;
      }
      double px = p * c.x();
      sum += LogGamma.value(px + q) - LogGamma.value(px) - LogGamma.value(q) + q * Math.log(g)
          + (px - 1) * Math.log(c.meanRepeatSpend()) + px * Math.log(c.x())
          - (px + q) * Math.log(g + c.x() * c.meanRepeatSpend());
    }
    return sum;
  }
}
