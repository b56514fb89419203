package dev.funnel.benchmarks;

import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.RfmCustomer;
import dev.funnel.cohort.ltv.RfmSummary;
import dev.funnel.cohort.ltv.RfmUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.numbers.gamma.LogBeta;
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

/**
 * Fitting the BG/NBD model ({@link Ltv#bgNbd}; Fader, Hardie and Lee 2005, "Counting your
 * customers the easy way", Marketing Science 24(2)) to {@code rows} simulated customers, which
 * {@code Ltv} compresses to weighted unique {@code (x, t_x, T)} triples before the Newton ascent.
 *
 * <p>Customers are drawn from the model itself (seed 20261122): {@code lambda ~ Gamma(r = 0.25,
 * alpha = 4.4)} per week, {@code p ~ Beta(a = 0.8, b = 2.4)} (close to the paper's CDNOW fit);
 * exponential gaps between purchases, dropout with probability p after each repeat purchase;
 * observation ages T of 1 to 52 whole weeks; repeat purchase times rounded up to whole days, so
 * the triples repeat as in real data.
 *
 * <p>There is no BG/NBD fitter in the JVM to compare with, so {@code funnel} is reported against
 * {@code memoryBaseline} only (summing 20 bytes per customer: x, t_x and T). The setup checks the
 * fit instead: it converged, its log-likelihood equals the paper's formula (eq. 6) evaluated here
 * at the fitted parameters to 1e-9 relative, it is at least the log-likelihood at the true
 * parameters (it is the maximum), and every parameter is within 20% of the truth.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BgNbdFit {

  /** Number of simulated customers. */
  @Param("1000000")
  public long rows;

  private static final double[] TRUTH = {0.25, 4.4, 0.8, 2.4}; // r, alpha, a, b

  private RfmSummary summary;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() {
    summary = simulate(rows);
    baseline = new MemoryBaseline(20L * rows);
    dev.funnel.cohort.ltv.BgNbdFit f = Ltv.bgNbd(summary);
    if (!f.convergence().converged()) {
      throw new IllegalStateException("the BG/NBD fit did not converge: " + f.convergence());
    }
    double[] fitted = {f.r().value(), f.alpha().value(), f.a().value(), f.b().value()};
    double atFit = logLikelihood(summary, fitted);
    double atTruth = logLikelihood(summary, TRUTH);
    if (!(Math.abs(atFit - f.logLikelihood()) <= 1e-9 * Math.abs(atFit))) {
      throw new IllegalStateException(
          "log-likelihood at the fit: funnel " + f.logLikelihood() + ", eq. 6 here " + atFit);
    }
    if (!(atFit >= atTruth)) {
      throw new IllegalStateException(
          "the fit " + atFit + " is below the log-likelihood at the truth " + atTruth);
    }
    for (int i = 0; i < TRUTH.length; i++) {
      if (!(Math.abs(fitted[i] / TRUTH[i] - 1) < 0.2)) {
        throw new IllegalStateException("parameter " + i + " fitted " + fitted[i] + ", truth " + TRUTH[i]);
      }
    }
  }

  /** funnel: compress to unique triples and fit by maximum likelihood. */
  @Benchmark
  public dev.funnel.cohort.ltv.BgNbdFit funnel() {
    return Ltv.bgNbd(summary);
  }

  /** Summing a long[] as large as the customers' (x, t_x, T). */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }

  /** Customers drawn from the BG/NBD model with the true parameters, times in weeks. */
  static RfmSummary simulate(long customers) {
    RandomDataGenerator rnd = new RandomDataGenerator(20261122L);
    List<RfmCustomer> out = new ArrayList<>((int) customers);
    for (long i = 0; i < customers; i++) {
      double lambda = rnd.nextGamma(TRUTH[0], 1 / TRUTH[1]);
      double p = rnd.nextBeta(TRUTH[2], TRUTH[3]);
      int weeks = 1 + rnd.nextInt(52);
      int x = 0;
      double t = 0;
      double tx = 0;
      while (true) {
        t += rnd.nextExponential(1 / lambda);
        if (t > weeks) {
          break;
        }
        x++;
        tx = Math.min(weeks, Math.ceil(t * 7) / 7);
        if (rnd.nextDouble() < p) {
          break;
        }
      }
      out.add(new RfmCustomer("c" + i, x, tx, weeks, 0));
    }
    return new RfmSummary(RfmUnit.WEEK, out);
  }

  /**
   * The BG/NBD log-likelihood of eq. 6 of the paper, written out independently of funnel-cohort:
   * {@code L = B(a, b+x)/B(a, b) * A + [x > 0] B(a+1, b+x-1)/B(a, b) * A'} with
   * {@code A = Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))} and {@code A'} the same at t_x.
   */
  static double logLikelihood(RfmSummary s, double[] params) {
    double r = params[0];
    double alpha = params[1];
    double a = params[2];
    double b = params[3];
    double logBab = LogBeta.value(a, b);
    double sum = 0;
    for (RfmCustomer c : s.customers()) {
      int x = c.x();
      double common = LogGamma.value(r + x) - LogGamma.value(r) + r * Math.log(alpha);
      double first = LogBeta.value(a, b + x) - logBab + common - (r + x) * Math.log(alpha + c.T());
      if (x == 0) {
        sum += first;
      } else {
        double second = LogBeta.value(a + 1, b + x - 1) - logBab + common
            - (r + x) * Math.log(alpha + c.tx());
        double m = Math.max(first, second);
        sum += m + Math.log(Math.exp(first - m) + Math.exp(second - m));
      }
    }
    return sum;
  }
}
