package dev.funnel.io;

import dev.funnel.core.quality.Rejection;

/**
 * Strict reading met an invalid row (or header): the message names the file, line, column, field,
 * value and reason, and {@link #rejection()} has them as data. Lenient reading never throws it.
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
    StringBuilder b = new StringBuilder("invalid data in ").append(r.file());
    b.append(" at line ").append(r.line());
    if (r.column() > 0) {
      b.append(", column ").append(r.column());
    }
    if (r.field() != null || r.value() != null) {
      b.append(" (");
      if (r.field() != null) {
        b.append("field ").append(r.field());
      }
      if (r.value() != null) {
        b.append(r.field() != null ? ", " : "").append("value '").append(r.value()).append('\'');
      }
      b.append(')');
    }
    b.append(": ").append(r.reason()).append(" [").append(r.code()).append(']');
    return b.toString();
  }

  /** What was wrong and where. */
  public Rejection rejection() {
    return rejection;
  }
}
