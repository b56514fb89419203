package dev.funnel.cli.view;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.quality.Issue;
import dev.funnel.core.quality.QualityReport;
import dev.funnel.core.quality.RowCounts;
import dev.funnel.core.quality.TableRead;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality report ({@link QualityReport}, {@code funnel quality}, the review pack's
 * quality section): per table the rows read, accepted and rejected (every table looked for,
 * found or not, when the data came from a directory), every issue with its count and first
 * examples, and the revenue without a known source.
 */
public final class QualityView implements View {

  private final QualityReport q;
  private final List<TableRead> reads;
  private final String asOf;

  private QualityView(QualityReport q, List<TableRead> reads, String asOf) {
    this.q = q;
    this.reads = List.copyOf(reads);
    this.asOf = asOf;
  }

  /**
   * The view of a quality report.
   *
   * @param reads what reading each table did; empty for a dataset built in memory (then no table
   *              is said to be missing)
   */
  public static QualityView of(QualityReport q, List<TableRead> reads) {
    return new QualityView(q, reads, q.asOf().toString());
  }

  /** This view with the JSON {@code asOf} given (null when the data had no timestamp). */
  public QualityView asOf(java.time.Instant at) {
    return new QualityView(q, reads, at == null ? null : at.toString());
  }

  /**
   * The tables looked for but not found: when the dataset was read from a directory (the reader
   * looked for every table), those without a file; none for a dataset built in memory.
   */
  private List<String> notFound() {
    List<String> out = new ArrayList<>();
    if (!reads.isEmpty()) {
      for (DatasetTable t : DatasetTable.values()) {
        if (!q.rows().containsKey(t.fileName())) {
          out.add(t.fileName());
        }
      }
    }
    return out;
  }

  /** A table's rows, with its file (null when it was looked for and not found). */
  record FileRows(boolean found, String file, long read, long accepted, long rejected) {}

  /** A table's rows without a file (a dataset built in memory). */
  record Rows(boolean found, long read, long accepted, long rejected) {}

  record IssueJson(String code, long count, List<String> examples) {}

  /**
   * The JSON of docs/spec/cli.md, {@code {"rows": {table: {read, accepted, rejected}}, "issues":
   * [{code, count, examples}]}}, plus whether each table was found and its file, the revenue
   * without source and the as-of instant.
   */
  record Json(Map<String, Object> rows, List<IssueJson> issues, String currency, BigDecimal revenue,
      BigDecimal revenueWithoutSource, double revenueShareWithoutSource, String asOf) {}

  @Override
  public Object json() {
    Map<String, String> files = new LinkedHashMap<>();
    for (TableRead t : reads) {
      files.putIfAbsent(t.table().fileName(), t.file());
    }
    List<String> missing = notFound();
    Map<String, Object> rows = new LinkedHashMap<>();
    for (DatasetTable t : DatasetTable.values()) {
      RowCounts r = q.rows().get(t.fileName());
      if (r == null && !missing.contains(t.fileName())) {
        continue;
      }
      long read = r == null ? 0 : r.read();
      long accepted = r == null ? 0 : r.accepted();
      long rejected = r == null ? 0 : r.rejected();
      // a table read from a file names it, one looked for and not found has a null file
      rows.put(t.fileName(), r == null || files.containsKey(t.fileName())
          ? new FileRows(r != null, files.get(t.fileName()), read, accepted, rejected)
          : new Rows(true, read, accepted, rejected));
    }
    List<IssueJson> issues = new ArrayList<>();
    for (Issue i : q.issues()) {
      issues.add(new IssueJson(i.code(), i.count(), i.examples()));
    }
    return new Json(rows, issues, Money.UNSPECIFIED.equals(q.currency()) ? null : q.currency(),
        q.revenue(), q.revenueWithoutSource(), q.revenueShareWithoutSource(), asOf);
  }

  @Override
  public String text() {
    List<String> missing = notFound();
    return q.summary() + "\n" + q.table().render() + (missing.isEmpty() ? ""
        : "Tables not found (looked for NAME.csv and NAME.ndjson): " + String.join(", ", missing)
            + "\n");
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of("quality", q.table());
  }

  @Override
  public String csv() {
    return q.table().csv();
  }

  @Override
  public Section html(Section s) {
    TextTable t = TextTable.of("issue", "count", "first example");
    for (Issue i : q.issues()) {
      t = t.plus(i.code(), i.count(), i.examples().isEmpty() ? "" : i.examples().get(0));
    }
    s = s.paragraph(q.summary());
    if (!Double.isNaN(q.revenueShareWithoutSource())) {
      s = s.paragraph("Revenue without a known source: "
          + Formats.money(q.revenueWithoutSource(), q.currency()) + " of "
          + Formats.money(q.revenue(), q.currency()) + ".");
    }
    return t.size() == 0 ? s : s.table(t.header(), t.textRows());
  }
}
