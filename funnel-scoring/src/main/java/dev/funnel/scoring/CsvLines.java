package dev.funnel.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small CSV files a scoring run takes (points rules, owner capacities), read strictly from
 * text the caller read: a header that must be the expected one (any case), then one record per
 * line. The delimiter is the header's: comma, else {@code ;}, else tab. RFC 4180 quoting within a
 * line (a quoted field may hold the delimiter, {@code ""} is a quote; a field cannot span lines);
 * a leading byte-order mark, blank lines and lines starting with {@code #} are skipped. The first
 * problem is a {@link RuleFileException} naming source, line and field.
 */
final class CsvLines {

  private CsvLines() {}

  /** A record: its 1-based line number and its fields (not trimmed). */
  record Line(int number, List<String> fields) {}

  /** The records of a file, each with as many fields as the header. */
  record File(List<Line> lines, int lastLine) {}

  /**
   * The records after the header.
   *
   * @param what the kind of file, for messages ({@code rule file})
   * @throws RuleFileException when the file is empty, the header differs, a line has another
   *     number of fields, or a quote is not closed
   */
  static File read(String text, String src, List<String> header, String what) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Line> out = new ArrayList<>();
    char delim = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 && lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[i];
      int lineNo = i + 1;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (delim == 0) {
        delim = line.indexOf(',') >= 0 ? ',' : line.indexOf(';') >= 0 ? ';'
            : line.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> h = new ArrayList<>();
        for (String f : split(line, delim, src, lineNo)) {
          h.add(f.trim().toLowerCase(Locale.ROOT));
        }
        if (!h.equals(header)) {
          throw new RuleFileException(src, lineNo, 0, "the header must be "
              + String.join(",", header) + ", got '" + line.trim() + "'");
        }
        continue;
      }
      List<String> f = split(line, delim, src, lineNo);
      if (f.size() != header.size()) {
        throw new RuleFileException(src, lineNo, 0, "expected " + header.size() + " fields ("
            + String.join(",", header) + "), got " + f.size());
      }
      out.add(new Line(lineNo, List.copyOf(f)));
    }
    if (delim == 0) {
      throw new RuleFileException(src, 1, 0, "the " + what + " is empty; it needs the header "
          + String.join(",", header));
    }
    return new File(List.copyOf(out), lines.length);
  }

  /** The fields of one line (RFC 4180 quoting inside the line). */
  static List<String> split(String line, char delim, String src, int lineNo) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.toString().isBlank() && !wasQuoted) {
        cur.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (c == delim) {
        out.add(cur.toString());
        cur.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new RuleFileException(src, lineNo, out.size() + 1,
            "text after the closing quote of a quoted field");
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new RuleFileException(src, lineNo, out.size() + 1,
          "a quoted field is not closed on its line");
    }
    out.add(cur.toString());
    return out;
  }
}
