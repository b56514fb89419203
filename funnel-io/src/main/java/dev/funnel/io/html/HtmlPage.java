package dev.funnel.io.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML5 page: title, sub-title, warning banners, sections (each with a heading
 * and paragraphs, key figures, tables and inline SVG charts) and a footer.
 *
 * <p>The page needs nothing from outside: styles are inline, fonts are the system's, charts are
 * inline SVG, and a Content-Security-Policy forbids loading anything or running scripts. Every
 * text is escaped and the markup is also well-formed XML. Print styles keep charts, tables and
 * tiles whole on a page and need no background colours.
 *
 * <p>Immutable; each method returns a changed copy; {@link #render()} is deterministic.
 */
public final class HtmlPage {

  private final String title;
  private final String subtitle;
  private final String lang;
  private final List<String> warnings;
  private final List<Section> sections;
  private final String footer;

  private HtmlPage(String title, String subtitle, String lang, List<String> warnings,
      List<Section> sections, String footer) {
    this.title = title;
    this.subtitle = subtitle;
    this.lang = lang;
    this.warnings = warnings;
    this.sections = sections;
    this.footer = footer;
  }

  /** An empty page with this title (the {@code <title>} and the top heading). */
  public static HtmlPage titled(String title) {
    return new HtmlPage(Texts.required(title, "page title"), "", "en", List.of(), List.of(), "");
  }

  /** A line under the title, e.g. the dataset and the periods compared. */
  public HtmlPage subtitle(String text) {
    return new HtmlPage(title, Texts.required(text, "subtitle"), lang, warnings, sections, footer);
  }

  /**
   * The page's language tag (default {@code en}).
   *
   * @throws IllegalArgumentException unless it looks like a BCP 47 tag
   */
  public HtmlPage lang(String tag) {
    if (tag == null || !tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException("not a language tag: " + tag);
    }
    return new HtmlPage(title, subtitle, tag, warnings, sections, footer);
  }

  /** Adds a warning banner at the top of the page, e.g. about data quality. */
  public HtmlPage warning(String text) {
    List<String> w = new ArrayList<>(warnings);
    w.add(Texts.required(text, "warning"));
    return new HtmlPage(title, subtitle, lang, List.copyOf(w), sections, footer);
  }

  /** Adds a section at the end. */
  public HtmlPage section(Section section) {
    List<Section> s = new ArrayList<>(sections);
    s.add(Texts.required(section, "section"));
    return new HtmlPage(title, subtitle, lang, warnings, List.copyOf(s), footer);
  }

  /** A small line at the bottom, e.g. what produced the page and when. */
  public HtmlPage footer(String text) {
    return new HtmlPage(title, subtitle, lang, warnings, sections,
        Texts.required(text, "footer"));
  }

  /** The page as an HTML5 document (UTF-8 text). */
  public String render() {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(Texts.esc(lang)).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'\"/>\n")
        .append("<title>").append(Texts.esc(title)).append("</title>\n")
        .append("<style>\n").append(Stylesheet.CSS).append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>").append(Texts.esc(title)).append("</h1>\n");
    if (!subtitle.isEmpty()) {
      b.append("<p class=\"subtitle\">").append(Texts.esc(subtitle)).append("</p>\n");
    }
    for (String w : warnings) {
      new Block.Warning(w).render(b);
    }
    b.append("</header>\n");
    if (sections.size() > 1) {
      b.append("<nav aria-label=\"Contents\"><ol>\n");
      for (int i = 0; i < sections.size(); i++) {
        b.append("<li><a href=\"#s").append(i + 1).append("\">")
            .append(Texts.esc(sections.get(i).heading())).append("</a></li>\n");
      }
      b.append("</ol></nav>\n");
    }
    b.append("<main>\n");
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      b.append("<section id=\"s").append(i + 1).append("\">\n<h2>")
          .append(Texts.esc(s.heading())).append("</h2>\n");
      for (Block block : s.blocks()) {
        block.render(b);
      }
      b.append("</section>\n");
    }
    b.append("</main>\n");
    if (!footer.isEmpty()) {
      b.append("<footer>").append(Texts.esc(footer)).append("</footer>\n");
    }
    return b.append("</body>\n</html>\n").toString();
  }

  /**
   * Writes the page as a UTF-8 file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void write(Path file) {
    try {
      Files.writeString(Texts.required(file, "file"), render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The page's title and size, for logs and JShell. */
  @Override
  public String toString() {
    return "HtmlPage \"" + title + "\": " + sections.size() + " sections";
  }
}
