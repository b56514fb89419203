package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.stats.LogRankTest;
import java.util.Locale;
import java.util.Map;

/**
 * The sales cycle of each group of leads (by segment, channel, campaign or owner) and the
 * log-rank test that they share one curve: "is enterprise really slower to pay than SMB?". Each
 * group's cycle follows the conventions of {@link SalesCycle} (open deals censored at the as-of
 * instant, lost and returned ones without a payment left out); the test compares the groups'
 * Kaplan-Meier curves over their whole length ({@link LogRankTest}), not only their medians,
 * which censoring can leave undefined.
 *
 * @param by     the breakdown
 * @param cycles the cycle of each group, by name (leads without the attribute in
 *               {@link Dimension#NONE})
 * @param test   the log-rank test across the groups
 */
public record CycleComparison(Dimension by, Map<String, SalesCycle> cycles, LogRankTest test)
    implements Tabular {

  public CycleComparison {
    cycles = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(cycles));
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT,
        "Sales cycle by %s: %d groups, log-rank chi-squared %s on %d df, p = %s", by.label(),
        cycles.size(), TextTable.number(test.chiSquare()), test.degreesOfFreedom(),
        TextTable.number(test.pValue()));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of(by.label(), "paid", "open (censored)", "median days", "p75 days",
        "expected paid (log-rank)");
    for (LogRankTest.Group g : test.groups()) {
      SalesCycle c = cycles.get(g.name());
      t = t.plus(g.name(), c.paid(), c.censored(), c.medianDays(), c.p75Days(), g.expected());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
