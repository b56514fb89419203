package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of B's conversion rate against A's, for small counts where the z-test's
 * normal approximation fails (R. A. Fisher, "The Design of Experiments", 1935, section 2; Agresti,
 * "Categorical Data Analysis", 3rd ed., 2013, section 3.5).
 *
 * <p>Given the margins, A's successes follow the hypergeometric distribution with population
 * {@code na + nb}, {@code xa + xb} successes in it and {@code na} draws (Commons Statistics'
 * {@code HypergeometricDistribution}). The two-sided p-value sums the probabilities of every
 * table no more likely than the observed one, with R's relative tolerance of 1e-7 for ties
 * ({@code fisher.test}); one-sided p-values are the tails, "B better" meaning A had fewer
 * successes: {@code P(X <= xa)}. The odds ratio reported is the sample one,
 * {@code (xb (na - xa)) / (xa (nb - xb))} (infinite or NaN where a cell is 0), not R's
 * conditional maximum-likelihood estimate.
 *
 * @param successesA      xa
 * @param trialsA         na
 * @param successesB      xb
 * @param trialsB         nb
 * @param pValue          two-sided p-value
 * @param pValueBGreater  one-sided p-value of "B's rate is higher"
 * @param pValueBLess     one-sided p-value of "B's rate is lower"
 * @param oddsRatio       the sample odds ratio of B against A
 */
public record FisherExactTest(long successesA, long trialsA, long successesB, long trialsB,
    double pValue, double pValueBGreater, double pValueBLess, double oddsRatio)
    implements Tabular {

  private static final double RELATIVE_TOLERANCE = 1e-7;

  /**
   * The test of B against A.
   *
   * @throws IllegalArgumentException on counts outside {@code 0 <= x <= n}, or more than
   *     {@code Integer.MAX_VALUE} trials in all
   */
  public static FisherExactTest of(long xa, long na, long xb, long nb) {
    Checks.counts(xa, na, "group A");
    Checks.counts(xb, nb, "group B");
    if (na + nb > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Fisher's exact test takes at most " + Integer.MAX_VALUE + " trials in all, got "
              + (na + nb) + "; use the z-test");
    }
    int population = (int) (na + nb);
    int successes = (int) (xa + xb);
    int draws = (int) na;
    double odds = (double) xb * (na - xa) / ((double) xa * (nb - xb));
    if (population == 0) {
      return new FisherExactTest(xa, na, xb, nb, 1, 1, 1, Double.NaN);
    }
    HypergeometricDistribution h = HypergeometricDistribution.of(population, successes, draws);
    int x = (int) xa;
    double observed = h.probability(x);
    double two = 0;
    for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
      double pk = h.probability(k);
      if (pk <= observed * (1 + RELATIVE_TOLERANCE)) {
        two += pk;
      }
    }
    double less = h.cumulativeProbability(x); // A no better than observed: B better
    double more = x == 0 ? 1 : h.survivalProbability(x - 1);
    return new FisherExactTest(xa, na, xb, nb, Math.min(1, two), Math.min(1, less),
        Math.min(1, more), odds);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Fisher's exact test: p = %s (B higher: %s, lower: %s)",
        TextTable.number(pValue), TextTable.number(pValueBGreater), TextTable.number(pValueBLess));
  }

  @Override
  public TextTable table() {
    return TextTable.of("successes A", "trials A", "successes B", "trials B", "p two-sided",
        "p B higher", "p B lower", "odds ratio")
        .plus(successesA, trialsA, successesB, trialsB, pValue, pValueBGreater, pValueBLess,
            oddsRatio);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
