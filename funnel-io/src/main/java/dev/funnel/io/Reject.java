package dev.funnel.io;

/**
 * Signals, inside reading, that the current row is invalid; the reader turns it into a
 * {@link dev.funnel.core.quality.Rejection} with file and line. Carries no stack trace, so
 * rejecting a row costs about as much as accepting it.
 */
final class Reject extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable snake_case reason code. */
  final String code;
  /** Index of the offending column in the table's column list, or -1 for the whole row. */
  final int column;
  /** The offending value as read, or null. */
  final String value;

  Reject(String code, int column, String value, String reason) {
    super(reason, null, false, false);
    this.code = code;
    this.column = column;
    this.value = value;
  }
}
