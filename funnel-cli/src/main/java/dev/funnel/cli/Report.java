package dev.funnel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of {@code funnel report}: every section of {@link #SECTIONS}, in order, as text
 * (a heading per section) or as one JSON object with a member per section.
 */
final class Report {

  /** The sections, in report order. */
  static final List<ReportSection> SECTIONS = List.of(
      new SummarySection(),
      new QualitySection());

  private Report() {}

  /** The whole report as text. */
  static String text(ReportInput in) {
    StringBuilder b = new StringBuilder();
    for (ReportSection s : SECTIONS) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(s.title()).append('\n').append("=".repeat(s.title().length())).append('\n');
      String body = s.text(in);
      b.append(body.endsWith("\n") ? body : body + "\n");
    }
    return b.toString();
  }

  /** The whole report as one JSON tree, a member per section. */
  static Map<String, Object> json(ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (ReportSection s : SECTIONS) {
      m.put(s.key(), s.json(in));
    }
    return m;
  }
}
