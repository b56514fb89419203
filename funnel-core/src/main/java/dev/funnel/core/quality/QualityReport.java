package dev.funnel.core.quality;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a dataset holds that its numbers should not trust (docs/spec/metrics.md, "Data quality"): rows
 * per table, the issues found with counts and examples, and how much revenue cannot be traced to
 * a source.
 *
 * <p>JSON shape (docs/spec/cli.md): {@code {"rows": {table: {read, accepted, rejected}}, "issues":
 * [{code, count, examples}]}} - {@link #rows()} and {@link #issues()} map onto it one to one.
 *
 * @param asOf                 the instant after which a timestamp counts as in the future
 * @param rows                 rows per table (file base name), in the canonical table order
 * @param issues               issues found (only those that occur), named codes first
 * @param currency             the dataset currency of the revenue amounts
 * @param revenue              net revenue: the sum of all payments, refunds included
 * @param revenueWithoutSource the part of it whose lead has no channel or no campaign, or whose
 *                             payment matches no lead
 */
public record QualityReport(
    Instant asOf,
    Map<String, RowCounts> rows,
    List<Issue> issues,
    String currency,
    BigDecimal revenue,
    BigDecimal revenueWithoutSource)
    implements Tabular {

  public QualityReport {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    issues = List.copyOf(issues);
  }

  /**
   * Share of net revenue without a known source and campaign: {@code revenueWithoutSource /
   * revenue}; NaN when net revenue is zero or negative (no meaningful share). A large share (the
   * spec mentions a third as common) should be shown as a warning next to any per-channel number.
   */
  public double revenueShareWithoutSource() {
    if (revenue.signum() <= 0) {
      return Double.NaN;
    }
    return revenueWithoutSource.divide(revenue, MathContext.DECIMAL64).doubleValue();
  }

  /** The issue with this code, if it occurs. */
  public Optional<Issue> issue(String code) {
    return issues.stream().filter(i -> i.code().equals(code)).findFirst();
  }

  /** How often the issue with this code occurs (0 when it does not). */
  public long count(String code) {
    return issue(code).map(Issue::count).orElse(0L);
  }

  /** Whether no issue was found. */
  public boolean clean() {
    return issues.isEmpty();
  }

  @Override
  public String summary() {
    double share = revenueShareWithoutSource();
    String s = String.format(Locale.ROOT, "Data quality: %d issue%s", issues.size(), issues.size() == 1 ? "" : "s");
    if (!Double.isNaN(share)) {
      s += String.format(Locale.ROOT, ", %.1f%% of revenue without source", 100 * share);
    }
    return s;
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("item", "count", "detail");
    for (Map.Entry<String, RowCounts> e : rows.entrySet()) {
      RowCounts r = e.getValue();
      t = t.plus("rows " + e.getKey(), r.accepted(), "read " + r.read() + ", rejected " + r.rejected());
    }
    for (Issue i : issues) {
      t = t.plus(i.code(), i.count(), i.examples().isEmpty() ? null : i.examples().get(0));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
