package dev.funnel.cli.view;

import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import java.util.Map;
import java.util.Optional;

/**
 * One result as people and programs see it, rendered from one place: text (what its
 * {@code toString()}/{@code print()} and the command line show), JSON (a typed object written by
 * {@link Views#json}), CSV (its tables' figures at full precision), HTML (its part of a page) and,
 * where it has one, its chart as SVG. Every figure for people goes through
 * {@link dev.funnel.core.display.Formats}; the conventions are in docs/presentation.md.
 */
public interface View {

  /** The result as text lines for a terminal, ending with a newline. */
  String text();

  /**
   * The result as a JSON value: a record (or map, list, number, string) that {@link Views#json}
   * writes; undefined figures are {@code null}.
   */
  Object json();

  /** The result's table(s) as CSV, full precision, undefined figures empty. */
  String csv();

  /**
   * The result's tables by name, in order: what its text shows as tables, with typed cells, for
   * CSV ({@link Views#csv(Map)}) and for checks that every rendering shows the same figures.
   */
  Map<String, TextTable> tables();

  /** The result added to a section of an HTML page: key figures, charts, tables, notes. */
  Section html(Section into);

  /** The result's chart as a standalone SVG document, when it has one. */
  default Optional<Svg> svg() {
    return Optional.empty();
  }
}
