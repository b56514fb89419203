package dev.funnel.io;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.quality.TableRead;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset as read, with what reading did to each table file: rows read, accepted, and rejected
 * by reason code (lenient mode; in strict mode nothing is rejected).
 *
 * @param dataset  the accepted rows
 * @param tables   one entry per table file, in table order
 * @param warnings what reading noticed but read anyway, one line each (a table file named in
 *                 upper case, read as its table)
 */
public record DatasetRead(Dataset dataset, List<TableRead> tables, List<String> warnings)
    implements Tabular {

  public DatasetRead {
    tables = List.copyOf(tables);
    warnings = List.copyOf(warnings);
  }

  /** A read without warnings. */
  public DatasetRead(Dataset dataset, List<TableRead> tables) {
    this(dataset, tables, List.of());
  }

  /** Rows rejected over all tables. */
  public long rejected() {
    long n = 0;
    for (TableRead t : tables) {
      n += t.rejected();
    }
    return n;
  }

  /** Rows accepted over all tables. */
  public long accepted() {
    long n = 0;
    for (TableRead t : tables) {
      n += t.accepted();
    }
    return n;
  }

  /** What reading did to one table, if the dataset had its file. */
  public Optional<TableRead> readOf(DatasetTable table) {
    for (TableRead t : tables) {
      if (t.table() == table) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The reading report as JSON: {@code {"rows": {"leads": {"read": n, "accepted": n,
   * "rejected": n}, ...}, "rejected": [{"table", "code", "count", "examples": [...]}, ...]}}
   * (docs/spec/cli.md).
   */
  public String toJson() {
    return Json.write(Json.readReport(tables));
  }

  @Override
  public String summary() {
    return "DatasetRead: " + tables.size() + " tables, " + accepted() + " rows accepted, "
        + rejected() + " rejected"
        + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("table", "file", "read", "accepted", "rejected", "reasons");
    for (TableRead r : tables) {
      StringBuilder reasons = new StringBuilder();
      for (Map.Entry<String, Long> e : r.rejectedByCode().entrySet()) {
        reasons.append(reasons.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
      }
      t = t.plus(r.table().fileName(), r.file(), r.read(), r.accepted(), r.rejected(),
          reasons.length() == 0 ? null : reasons.toString());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
