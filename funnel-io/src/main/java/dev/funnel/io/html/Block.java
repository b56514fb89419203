package dev.funnel.io.html;

import dev.funnel.io.chart.Svg;
import java.util.List;

/** One piece of a section's body, rendered in the order it was added. */
sealed interface Block {

  /** Appends the block's markup. */
  void render(StringBuilder b);

  /** A paragraph of plain text. */
  record Paragraph(String text) implements Block {
    @Override
    public void render(StringBuilder b) {
      b.append("<p>").append(Texts.esc(text)).append("</p>\n");
    }
  }

  /** A row of key-figure tiles. */
  record Figures(List<KeyFigure> figures) implements Block {
    @Override
    public void render(StringBuilder b) {
      b.append("<div class=\"figures\">\n");
      for (KeyFigure f : figures) {
        b.append("<div class=\"figure\"><div class=\"figure-label\">").append(Texts.esc(f.label()))
            .append("</div><div class=\"figure-value\">").append(Texts.esc(f.value()))
            .append("</div>");
        if (!f.note().isEmpty()) {
          b.append("<div class=\"figure-note\">").append(Texts.esc(f.note())).append("</div>");
        }
        b.append("</div>\n");
      }
      b.append("</div>\n");
    }
  }

  /** A table with a header row; cells that read as numbers are right-aligned. */
  record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
    @Override
    public void render(StringBuilder b) {
      b.append("<div class=\"table-wrap\"><table>\n");
      if (!caption.isEmpty()) {
        b.append("<caption>").append(Texts.esc(caption)).append("</caption>\n");
      }
      boolean[] numeric = new boolean[header.size()];
      for (int c = 0; c < numeric.length; c++) {
        numeric[c] = !rows.isEmpty();
        for (List<String> r : rows) {
          numeric[c] &= Texts.numeric(r.get(c));
        }
      }
      b.append("<thead><tr>");
      for (int c = 0; c < header.size(); c++) {
        b.append(numeric[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            .append(Texts.esc(header.get(c))).append("</th>");
      }
      b.append("</tr></thead>\n<tbody>\n");
      for (List<String> r : rows) {
        b.append("<tr>");
        for (int c = 0; c < r.size(); c++) {
          b.append(numeric[c] ? "<td class=\"num\">" : "<td>").append(Texts.esc(r.get(c)))
              .append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</tbody>\n</table></div>\n");
    }
  }

  /** An inline SVG chart, kept whole on one printed page. */
  record Chart(Svg svg) implements Block {
    @Override
    public void render(StringBuilder b) {
      b.append("<figure class=\"chart\">\n").append(svg.markup()).append("\n</figure>\n");
    }
  }

  /** A warning banner: bordered, and introduced by the word "Warning", not by colour alone. */
  record Warning(String text) implements Block {
    @Override
    public void render(StringBuilder b) {
      b.append("<div class=\"warning\" role=\"note\"><strong>Warning:</strong> ")
          .append(Texts.esc(text)).append("</div>\n");
    }
  }
}
