package dev.funnel.core.sales;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.stats.LogRankTest;
import dev.funnel.core.stats.SurvivalCurve;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sales cycle of each group of leads (by segment, channel, campaign or owner) and the
 * log-rank test that they share one curve: "is enterprise really slower to pay than SMB?". Each
 * group's cycle follows the conventions of {@link SalesCycle} (open deals censored at the as-of
 * instant, lost and returned ones without a payment left out); the test compares the groups'
 * Kaplan-Meier curves over their whole length ({@link LogRankTest}), not only their medians,
 * which censoring can leave undefined. Each group's median comes with its {@value #CONFIDENCE_PERCENT}%
 * interval ({@link #medianInterval(String)}): Brookmeyer and Crowley's, read off the log-log
 * (exponential Greenwood) band, {@link SurvivalCurve#percentileInterval}.
 *
 * @param by     the breakdown
 * @param cycles the cycle of each group, by name (leads without the attribute in
 *               {@link Dimension#NONE})
 * @param test   the log-rank test across the groups (groups without observations left out)
 */
public record CycleComparison(Dimension by, Map<String, SalesCycle> cycles, LogRankTest test)
    implements Tabular {

  /** The confidence of the median intervals, in percent: 95. */
  public static final int CONFIDENCE_PERCENT = 95;

  /**
   * The band the median intervals are read from: log-log (exponential Greenwood, lifelines'
   * default, always inside (0, 1); R's {@code survfit} defaults to the log scale).
   */
  public static final SurvivalCurve.Scale SCALE = SurvivalCurve.Scale.LOG_LOG;

  public CycleComparison {
    cycles = Collections.unmodifiableMap(new TreeMap<>(cycles));
  }

  /**
   * The median days of a group's cycle with its {@value #CONFIDENCE_PERCENT}% interval on the
   * {@link #SCALE} band; a bound is NaN when not estimable (the upper one, typically, when too
   * many of the group's deals are still open).
   *
   * @throws IllegalArgumentException when there is no such group
   */
  public SurvivalCurve.PercentileInterval medianInterval(String group) {
    SalesCycle c = cycles.get(group);
    if (c == null) {
      throw new IllegalArgumentException("no group '" + group + "' by " + by.label() + "; groups are "
          + cycles.keySet());
    }
    return c.curve().percentileInterval(0.5, CONFIDENCE_PERCENT / 100.0, SCALE);
  }

  /** The log-rank figures of a group; empty when it has no observation (left out of the test). */
  public Optional<LogRankTest.Group> logRank(String group) {
    return test.groups().stream().filter(g -> g.name().equals(group)).findFirst();
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Sales cycle by %s: %d groups, log-rank chi2 %s (%d df), p = %s",
        by.label(), cycles.size(), Formats.number(test.chiSquare()), test.degreesOfFreedom(),
        Formats.number(test.pValue()));
  }

  /**
   * A row per group: paid, open (censored), left out (lost or returned without a payment), the
   * median days with its interval, the 75th percentile, and the paid deals the log-rank test
   * expected under one shared curve.
   */
  @Override
  public TextTable table() {
    String ci = CONFIDENCE_PERCENT + "% ";
    TextTable t = TextTable.of(by.label(), "paid", "open (censored)", "left out", "median days",
        ci + "low", ci + "high", "p75 days", "expected paid (log-rank)");
    for (Map.Entry<String, SalesCycle> e : cycles.entrySet()) {
      SalesCycle c = e.getValue();
      SurvivalCurve.PercentileInterval m = medianInterval(e.getKey());
      double expected = logRank(e.getKey()).map(LogRankTest.Group::expected).orElse(Double.NaN);
      t = t.plus(e.getKey(), c.paid(), c.censored(), c.excluded(), Cell.decimal(c.medianDays()),
          Cell.decimal(m.lower()), Cell.decimal(m.upper()), Cell.decimal(c.p75Days()),
          Cell.decimal(expected));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
