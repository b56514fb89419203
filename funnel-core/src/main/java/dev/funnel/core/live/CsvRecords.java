package dev.funnel.core.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of a small CSV text (RFC 4180: comma-separated, fields with commas, quotes or line
 * breaks in double quotes, a quote inside doubled; CRLF or LF line ends; a leading BOM ignored),
 * for the rule tables of {@link TriggerRules}. Blank lines are skipped.
 */
final class CsvRecords {
  private CsvRecords() {}

  /**
   * The records, each with the line it starts on.
   *
   * @throws IllegalArgumentException on a quote left open or text after a closing quote
   */
  static List<TriggerRules.Record> split(String text, String source) {
    List<TriggerRules.Record> out = new ArrayList<>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      int start = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean any = false; // the record has a character other than its line end
      while (true) {
        if (i < n && text.charAt(i) == '"' && cell.length() == 0) {
          any = true;
          i++;
          while (true) {
            if (i >= n) {
              throw new IllegalArgumentException(source + ":" + start
                  + ": a quoted field is not closed");
            }
            char c = text.charAt(i++);
            if (c == '"') {
              if (i < n && text.charAt(i) == '"') {
                cell.append('"');
                i++;
              } else {
                break;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              cell.append(c);
            }
          }
          if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n'
              && text.charAt(i) != '\r') {
            throw new IllegalArgumentException(source + ":" + line
                + ": text after a closing quote; quote the whole field and double quotes inside");
          }
        }
        if (i >= n) {
          cells.add(cell.toString());
          break;
        }
        char c = text.charAt(i++);
        if (c == ',') {
          any = true;
          cells.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i < n && text.charAt(i) == '\n') {
            i++;
          }
          line++;
          cells.add(cell.toString());
          break;
        } else {
          any = true;
          cell.append(c);
        }
      }
      if (any && !(cells.size() == 1 && cells.get(0).isBlank())) {
        out.add(new TriggerRules.Record(start, List.copyOf(cells)));
      }
    }
    return out;
  }

  /** The field as CSV: quoted when it holds a comma, quote or line break; null is empty. */
  static String quote(String v) {
    if (v == null) {
      return "";
    }
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
