package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.Locale;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Bayesian comparison of two conversion rates with Beta posteriors.
 *
 * <p>With a {@code Beta(a0, b0)} prior (integer parameters; {@code Beta(1, 1)}, uniform, by
 * default) the posteriors are {@code A ~ Beta(a0 + xa, b0 + na - xa)} and
 * {@code B ~ Beta(a0 + xb, b0 + nb - xb)}. {@code P(B > A)} is Evan Miller's exact sum
 * ("Formulas for Bayesian A/B Testing", 2015):
 * {@code sum_{i=0}^{aB-1} B(aA+i, bA+bB) / ((bB+i) B(1+i, bB) B(aA, bA))}, evaluated term by term
 * in log space with {@code LogBeta} (Commons Numbers). The expected loss of choosing A is
 * {@code E[max(pB - pA, 0)]} and of choosing B {@code E[max(pA - pB, 0)]} (C. Stucchio, "Bayesian
 * A/B Testing at VWO", 2015); both reduce to the same sum through the identity
 * {@code x f(x; a, b) = a/(a+b) f(x; a+1, b)} of Beta densities. The sum has {@code aB} terms.
 *
 * @param probabilityBBeatsA P(pB > pA)
 * @param lossChoosingA      expected loss in rate of choosing A
 * @param lossChoosingB      expected loss in rate of choosing B
 * @param priorAlpha         prior alpha
 * @param priorBeta          prior beta
 */
public record BayesianAB(
    double probabilityBBeatsA, double lossChoosingA, double lossChoosingB, int priorAlpha,
    int priorBeta) implements Tabular {

  /** With the uniform prior Beta(1, 1). */
  public static BayesianAB of(long xa, long na, long xb, long nb) {
    return of(xa, na, xb, nb, 1, 1);
  }

  /**
   * With a {@code Beta(priorAlpha, priorBeta)} prior.
   *
   * @throws IllegalArgumentException on counts outside {@code 0 <= x <= n} or a prior below 1
   */
  public static BayesianAB of(long xa, long na, long xb, long nb, int priorAlpha, int priorBeta) {
    Checks.counts(xa, na, "group A");
    Checks.counts(xb, nb, "group B");
    if (priorAlpha < 1 || priorBeta < 1) {
      throw new IllegalArgumentException(
          "prior parameters must be integers >= 1, got Beta(" + priorAlpha + ", " + priorBeta + ")");
    }
    double aA = priorAlpha + (double) xa;
    double bA = priorBeta + (double) (na - xa);
    double aB = priorAlpha + (double) xb;
    double bB = priorBeta + (double) (nb - xb);
    double p = probabilityBBeatsA(aA, bA, aB, bB);
    double meanA = aA / (aA + bA);
    double meanB = aB / (aB + bB);
    double pBplusBeatsA = probabilityBBeatsA(aA, bA, aB + 1, bB);
    double pBBeatsAplus = probabilityBBeatsA(aA + 1, bA, aB, bB);
    double lossA = meanB * pBplusBeatsA - meanA * pBBeatsAplus;
    double lossB = meanA * (1 - pBBeatsAplus) - meanB * (1 - pBplusBeatsA);
    return new BayesianAB(p, Math.max(0, lossA), Math.max(0, lossB), priorAlpha, priorBeta);
  }

  /** Evan Miller's exact sum for integer {@code aB}. */
  static double probabilityBBeatsA(double aA, double bA, double aB, double bB) {
    double total = 0;
    double base = LogBeta.value(aA, bA);
    for (int i = 0; i < (long) aB; i++) {
      total += Math.exp(LogBeta.value(aA + i, bA + bB) - Math.log(bB + i)
          - LogBeta.value(1 + i, bB) - base);
    }
    return Math.min(1, Math.max(0, total));
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Bayesian A/B, Beta(%d, %d) prior: P(B > A) = %s",
        priorAlpha, priorBeta, Formats.number(probabilityBBeatsA));
  }

  @Override
  public TextTable table() {
    return TextTable.of("P(B > A)", "loss choosing A", "loss choosing B")
        .plus(probabilityBBeatsA, lossChoosingA, lossChoosingB);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
