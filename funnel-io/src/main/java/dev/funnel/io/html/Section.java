package dev.funnel.io.html;

import dev.funnel.io.chart.Svg;
import java.util.ArrayList;
import java.util.List;

/**
 * One topic of a page: a heading and a body of paragraphs, key figures, tables, charts and
 * warnings, shown in the order they were added.
 *
 * <p>Immutable; each method returns a changed copy.
 */
public final class Section {

  private final String heading;
  private final List<Block> blocks;

  private Section(String heading, List<Block> blocks) {
    this.heading = heading;
    this.blocks = blocks;
  }

  /** An empty section with this heading. */
  public static Section titled(String heading) {
    return new Section(Texts.required(heading, "section heading"), List.of());
  }

  /** Adds a paragraph of plain text. */
  public Section paragraph(String text) {
    return plus(new Block.Paragraph(Texts.required(text, "paragraph")));
  }

  /** Adds a row of key-figure tiles. */
  public Section figures(List<KeyFigure> figures) {
    return plus(new Block.Figures(Texts.list(figures, "key figures")));
  }

  /** Adds a table without a caption. */
  public Section table(List<String> header, List<List<String>> rows) {
    return table("", header, rows);
  }

  /**
   * Adds a table: a header and rows of already formatted cells. Columns whose every cell reads
   * as a number are right-aligned.
   *
   * @throws IllegalArgumentException when a row's length differs from the header's, or anything
   *     is null
   */
  public Section table(String caption, List<String> header, List<List<String>> rows) {
    List<String> h = Texts.list(header, "table header");
    List<List<String>> r = new ArrayList<>();
    List<List<String>> given = Texts.list(rows, "table rows");
    for (int i = 0; i < given.size(); i++) {
      List<String> row = Texts.list(given.get(i), "table row " + i);
      if (row.size() != h.size()) {
        throw new IllegalArgumentException("table row " + i + " has " + row.size()
            + " cells, the header has " + h.size());
      }
      r.add(row);
    }
    return plus(new Block.Table(Texts.required(caption, "table caption"), h, List.copyOf(r)));
  }

  /** Adds an inline SVG chart. */
  public Section chart(Svg chart) {
    return plus(new Block.Chart(Texts.required(chart, "chart")));
  }

  /** Adds a warning banner inside this section. */
  public Section warning(String text) {
    return plus(new Block.Warning(Texts.required(text, "warning")));
  }

  String heading() {
    return heading;
  }

  List<Block> blocks() {
    return blocks;
  }

  private Section plus(Block b) {
    List<Block> l = new ArrayList<>(blocks);
    l.add(b);
    return new Section(heading, List.copyOf(l));
  }
}
