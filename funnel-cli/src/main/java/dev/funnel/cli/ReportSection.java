package dev.funnel.cli;

/**
 * One section of {@code funnel report}: a titled text block and a JSON member. The report is the
 * list {@link Report#SECTIONS}; a new section is one class and one line there.
 */
interface ReportSection {

  /** The member name in the JSON report. */
  String key();

  /** The heading in the text report. */
  String title();

  /** The section body as text (tables end with a newline). */
  String text(ReportInput in);

  /** The section as a JSON tree of maps, lists, strings, numbers and nulls ({@link dev.funnel.io.Json}). */
  Object json(ReportInput in);
}
