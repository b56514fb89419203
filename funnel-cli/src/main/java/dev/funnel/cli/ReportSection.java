package dev.funnel.cli;

/**
 * One section of {@code funnel report}: a titled text block, a JSON member and a part of the HTML
 * page, all rendered by the section's view ({@link dev.funnel.cli.view.View}). The report is the
 * list {@link Report#SECTIONS}; a new section is one class and one line there.
 */
interface ReportSection {

  /** The member name in the JSON report. */
  String key();

  /** The heading in the text report. */
  String title();

  /** The section body as text (tables end with a newline). */
  String text(ReportInput in);

  /** The section as a JSON value ({@link dev.funnel.cli.view.Views#json}). */
  Object json(ReportInput in);

  /** The section's tables by name (none when it is not available), for the report's CSV. */
  java.util.Map<String, dev.funnel.core.display.TextTable> tables(ReportInput in);

  /** The section on the HTML page ({@link HtmlReport}). */
  dev.funnel.io.html.Section html(ReportInput in, dev.funnel.io.html.Section s);
}
