package dev.funnel.cli;

import dev.funnel.core.Money;
import dev.funnel.core.quality.DataQuality;
import dev.funnel.core.quality.Issue;
import dev.funnel.core.quality.QualityReport;
import dev.funnel.core.quality.RowCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data quality ({@link DataQuality}): per table, rows read, accepted and rejected; every issue by
 * code with its count and first examples; and the share of revenue without a known source.
 * It describes the export as read, not the business as of the report's instant: every row is
 * checked, and a timestamp counts as in the future when it is after the report's
 * {@link ReportScope#futureAfter} (for {@code funnel report} the later of the as-of instant and
 * the end of the data, so the rows after a past period's end are not errors; for
 * {@code funnel quality}, its {@code --as-of}).
 */
final class QualitySection implements ReportSection {

  @Override
  public String key() {
    return "quality";
  }

  @Override
  public String title() {
    return "Data quality";
  }

  static QualityReport check(ReportInput in) {
    return DataQuality.check(in.dataset(), in.reads(), in.scope().futureAfter());
  }

  @Override
  public String text(ReportInput in) {
    QualityReport q = in.scope().quality(in);
    return q.summary() + "\n" + q.table().render();
  }

  /**
   * The JSON of spec/cli.md, {@code {"rows": {table: {read, accepted, rejected}}, "issues":
   * [{code, count, examples}]}}, plus the revenue without source and the {@code asOf} instant.
   */
  @Override
  public Map<String, Object> json(ReportInput in) {
    QualityReport q = in.scope().quality(in);
    Map<String, Object> rows = new LinkedHashMap<>();
    for (Map.Entry<String, RowCounts> e : q.rows().entrySet()) {
      RowCounts r = e.getValue();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("read", r.read());
      m.put("accepted", r.accepted());
      m.put("rejected", r.rejected());
      rows.put(e.getKey(), m);
    }
    List<Object> issues = new ArrayList<>();
    for (Issue i : q.issues()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", i.code());
      m.put("count", i.count());
      m.put("examples", i.examples());
      issues.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", rows);
    out.put("issues", issues);
    out.put("currency", Money.UNSPECIFIED.equals(q.currency()) ? null : q.currency());
    out.put("revenue", q.revenue());
    out.put("revenueWithoutSource", q.revenueWithoutSource());
    out.put("revenueShareWithoutSource", q.revenueShareWithoutSource());
    out.put("asOf", q.asOf().toString());
    return out;
  }
}
