package dev.funnel.core.quality;

/**
 * Why one input row was refused, and where it is: the message of strict mode and an example of
 * lenient mode.
 *
 * @param file   the file name (or a description of the source)
 * @param line   1-based physical line where the row starts (the header is line 1 in CSV)
 * @param column 1-based column of the offending field, or 0 when the whole row is at fault
 * @param field  the offending field's name, or null when the whole row is at fault
 * @param value  the offending value as read (cut to 80 characters), or null
 * @param code   a stable reason code for counting ({@code unparsable_time}, {@code unknown_stage},
 *               {@code duplicate_lead_id}, {@code wrong_column_count}, ...)
 * @param reason a sentence for people
 */
public record Rejection(
    String file, long line, int column, String field, String value, String code, String reason) {

  public Rejection {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason code");
    }
    if (value != null && value.length() > 80) {
      value = value.substring(0, 77) + "...";
    }
  }

  /** {@code file:line:column: field 'value': reason [code]}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(file).append(':').append(line);
    if (column > 0) {
      b.append(':').append(column);
    }
    b.append(": ");
    if (field != null) {
      b.append("field ").append(field).append(' ');
    }
    if (value != null) {
      b.append('\'').append(value).append("' ");
    }
    b.append(field != null || value != null ? "- " : "").append(reason).append(" [").append(code).append(']');
    return b.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
