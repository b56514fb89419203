package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data quality: per table, rows read, accepted and rejected; then every issue by reason code with
 * its count and first examples. Rows rejected while reading come from the {@link TableRead}s; a
 * dataset built in memory has read every row and rejected none.
 */
final class QualitySection implements ReportSection {

  /** Examples kept per issue code. */
  static final int EXAMPLES = 3;

  @Override
  public String key() {
    return "quality";
  }

  @Override
  public String title() {
    return "Data quality";
  }

  /** One reason code: how many rows and the first examples. */
  record Issue(String code, long count, List<String> examples) {}

  /** Reading outcome per table: the given reads, or the dataset's own rows when built in memory. */
  static List<TableRead> reads(ReportInput in) {
    if (!in.reads().isEmpty()) {
      return in.reads();
    }
    Dataset d = in.dataset();
    List<TableRead> out = new ArrayList<>();
    for (DatasetTable t : d.tables()) {
      out.add(new TableRead(t, t.fileName(), d.size(t), d.size(t), Map.of(), List.of()));
    }
    return out;
  }

  /** The issues, by code in alphabetical order. */
  static List<Issue> issues(ReportInput in) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, List<String>> examples = new TreeMap<>();
    for (TableRead r : reads(in)) {
      r.rejectedByCode().forEach((code, n) -> counts.merge(code, n, Long::sum));
      for (Rejection x : r.examples()) {
        List<String> ex = examples.computeIfAbsent(x.code(), k -> new ArrayList<>());
        if (ex.size() < EXAMPLES) {
          ex.add(x.describe());
        }
      }
    }
    List<Issue> out = new ArrayList<>();
    counts.forEach((code, n) -> out.add(new Issue(code, n, examples.getOrDefault(code, List.of()))));
    return out;
  }

  @Override
  public String text(ReportInput in) {
    TextTable rows = TextTable.of("table", "read", "accepted", "rejected");
    for (TableRead r : reads(in)) {
      rows = rows.plus(r.table().fileName(), r.read(), r.accepted(), r.rejected());
    }
    StringBuilder b = new StringBuilder(rows.render());
    List<Issue> issues = issues(in);
    if (issues.isEmpty()) {
      return b.append("\nNo issues found.\n").toString();
    }
    TextTable t = TextTable.of("issue", "rows", "example");
    for (Issue i : issues) {
      t = t.plus(i.code(), i.count(), i.examples().isEmpty() ? null : i.examples().get(0));
    }
    return b.append('\n').append(t.render()).toString();
  }

  @Override
  public Object json(ReportInput in) {
    Map<String, Object> rows = new LinkedHashMap<>();
    for (TableRead r : reads(in)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", r.file());
      m.put("read", r.read());
      m.put("accepted", r.accepted());
      m.put("rejected", r.rejected());
      rows.put(r.table().fileName(), m);
    }
    List<Object> issues = new ArrayList<>();
    for (Issue i : issues(in)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", i.code());
      m.put("count", i.count());
      m.put("examples", i.examples());
      issues.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", rows);
    out.put("issues", issues);
    return out;
  }
}
