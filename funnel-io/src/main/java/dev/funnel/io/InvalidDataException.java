package dev.funnel.io;

import dev.funnel.core.quality.Rejection;

/**
 * Reading met invalid data: in strict mode an invalid row, in both modes a table that cannot be
 * read at all (a header without a required column or naming one twice, an empty CSV file, a path
 * that is not a regular file). The message names the file, line, column, field, value and reason,
 * on one line (control characters of the data escaped), and {@link #rejection()} has them as data.
 */
public final class InvalidDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;

  /** An exception for this rejection. */
  public InvalidDataException(Rejection rejection) {
    super(message(rejection));
    this.rejection = rejection;
  }

  private static String message(Rejection r) {
    StringBuilder b = new StringBuilder("invalid data in ").append(Rejection.oneLine(r.file()));
    if (r.line() > 0) {
      b.append(" at line ").append(r.line());
    }
    if (r.column() > 0) {
      b.append(r.line() > 0 ? ", " : " at ").append("column ").append(r.column());
    }
    if (r.field() != null || r.value() != null) {
      b.append(" (");
      if (r.field() != null) {
        b.append("field ").append(Rejection.oneLine(r.field()));
      }
      if (r.value() != null) {
        b.append(r.field() != null ? ", " : "").append("value '").append(Rejection.oneLine(r.value()))
            .append('\'');
      }
      b.append(')');
    }
    b.append(": ").append(Rejection.oneLine(r.reason())).append(" [").append(r.code()).append(']');
    return b.toString();
  }

  /** What was wrong and where. */
  public Rejection rejection() {
    return rejection;
  }

  /** The codes of a table that cannot be read at all, in either mode. */
  private static final java.util.Set<String> WHOLE_TABLE =
      java.util.Set.of("not_a_file", "empty_file", "missing_column", "duplicate_column", "invalid_header");

  /**
   * Whether the whole table is at fault (its path is not a regular file, the CSV has no header
   * line, or the header lacks a required column, names one twice or has broken quoting): lenient
   * reading fails on it too, since skipping rows cannot help.
   */
  public boolean wholeTable() {
    return WHOLE_TABLE.contains(rejection.code());
  }
}
