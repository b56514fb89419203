package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;

/**
 * A/B comparison of two conversion rates (docs/spec/metrics.md, "A/B comparison"): each rate with its
 * Wilson interval, the two-proportion z-test of B against A and the Bayesian P(B > A) with the
 * expected loss of each choice.
 *
 * @param a        Wilson interval of A
 * @param b        Wilson interval of B
 * @param test     frequentist test of B against A
 * @param bayesian Bayesian comparison with a uniform prior
 */
public record ABComparison(
    WilsonInterval a, WilsonInterval b, TwoProportionTest test, BayesianAB bayesian)
    implements Tabular {

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "A/B: %s vs %s, p = %s, P(B > A) = %s",
        TextTable.number(a.rate()), TextTable.number(b.rate()), TextTable.number(test.pValue()),
        TextTable.number(bayesian.probabilityBBeatsA()));
  }

  @Override
  public TextTable table() {
    return TextTable.of("variant", "successes", "trials", "rate", "lower", "upper")
        .plus("A", a.successes(), a.trials(), a.rate(), a.lower(), a.upper())
        .plus("B", b.successes(), b.trials(), b.rate(), b.lower(), b.upper())
        .plus("B - A", null, null, test.difference(), test.lower(), test.upper());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
