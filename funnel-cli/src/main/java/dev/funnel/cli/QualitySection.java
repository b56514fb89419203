package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.quality.DataQuality;
import dev.funnel.core.quality.Issue;
import dev.funnel.core.quality.QualityReport;
import dev.funnel.core.quality.RowCounts;
import dev.funnel.core.quality.TableRead;
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
    List<String> missing = notFound(in, q);
    return q.summary() + "\n" + q.table().render() + (missing.isEmpty() ? ""
        : "Tables not found (looked for NAME.csv and NAME.ndjson): " + String.join(", ", missing)
            + "\n");
  }

  /**
   * The tables looked for but not found: when the dataset was read from a directory (the reader
   * looked for every table), those without a file; none for a dataset built in memory.
   */
  private static List<String> notFound(ReportInput in, QualityReport q) {
    List<String> out = new ArrayList<>();
    if (!in.reads().isEmpty()) {
      for (DatasetTable t : DatasetTable.values()) {
        if (!q.rows().containsKey(t.fileName())) {
          out.add(t.fileName());
        }
      }
    }
    return out;
  }

  /**
   * The JSON of docs/spec/cli.md, {@code {"rows": {table: {read, accepted, rejected}}, "issues":
   * [{code, count, examples}]}}, plus the revenue without source and the {@code asOf} instant.
   * Each row also says whether the table was {@code found} and its {@code file} when read from
   * one; read from a directory, every table is listed (the reader looked for each), a table
   * without a file with {@code "found": false} and zero rows.
   */
  @Override
  public Map<String, Object> json(ReportInput in) {
    QualityReport q = in.scope().quality(in);
    Map<String, String> files = new LinkedHashMap<>();
    for (TableRead t : in.reads()) {
      files.putIfAbsent(t.table().fileName(), t.file());
    }
    List<String> missing = notFound(in, q);
    Map<String, Object> rows = new LinkedHashMap<>();
    for (DatasetTable t : DatasetTable.values()) {
      RowCounts r = q.rows().get(t.fileName());
      if (r == null && !missing.contains(t.fileName())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("found", r != null);
      if (r == null || files.containsKey(t.fileName())) {
        m.put("file", files.get(t.fileName()));
      }
      m.put("read", r == null ? 0 : r.read());
      m.put("accepted", r == null ? 0 : r.accepted());
      m.put("rejected", r == null ? 0 : r.rejected());
      rows.put(t.fileName(), m);
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
