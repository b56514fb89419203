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

  /**
   * {@code file:line:column: field 'value': reason [code]}, on one line: line breaks and other
   * control characters of the value (or of any part) are escaped ({@link #oneLine}), so a bad
   * value cannot split a log line or forge the next one.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(oneLine(file)).append(':').append(line);
    if (column > 0) {
      b.append(':').append(column);
    }
    b.append(": ");
    if (field != null) {
      b.append("field ").append(oneLine(field)).append(' ');
    }
    if (value != null) {
      b.append('\'').append(oneLine(value)).append("' ");
    }
    b.append(field != null || value != null ? "- " : "").append(oneLine(reason)).append(" [")
        .append(oneLine(code)).append(']');
    return b.toString();
  }

  /**
   * The text with every control character escaped: {@code \n}, {@code \r} and {@code \t} as
   * those two characters, the others (and the Unicode line and paragraph separators) as a
   * backslash, {@code u} and four hex digits; a backslash stays as it is. For messages that must be one line
   * whatever the data holds. Null stays null.
   */
  public static String oneLine(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !escaped(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!escaped(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean escaped(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  @Override
  public String toString() {
    return describe();
  }
}
