package dev.funnel.io.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

class HtmlPageTest {

  private static final String NASTY = "<i>R&D \"x\" it's</i> </section>";

  @Test
  void pageIsSelfContained() {
    String html = SamplePage.page().render().toLowerCase(Locale.ROOT);
    for (String banned : List.of("http://", "https://", "src=", "url(", "@import", "<script",
        "<link", "<img", "<iframe", "<object", "<embed", "xlink:href", "//fonts")) {
      assertFalse(html.contains(banned), "page must not contain " + banned);
    }
    assertTrue(html.contains("content-security-policy\" content=\"default-src 'none'"));
  }

  @Test
  void pageIsWellFormedXmlWithEveryPart() {
    Document d = parse(SamplePage.page().render());
    assertEquals("html", d.getDocumentElement().getTagName());
    assertEquals("Weekly review: demo dataset", d.getElementsByTagName("title").item(0)
        .getTextContent());
    assertEquals(6, d.getElementsByTagName("svg").getLength());
    assertEquals(6, d.getElementsByTagName("section").getLength());
    assertEquals(6, count(d, "figure", "chart"));
    assertEquals(3, count(d, "div", "figure"));
    assertEquals(2, count(d, "div", "warning"));
    assertEquals(4, d.getElementsByTagName("tr").getLength());
    // numeric columns are right-aligned, the stage column is not
    NodeList tds = d.getElementsByTagName("td");
    assertEquals("", ((Element) tds.item(0)).getAttribute("class"));
    assertEquals("num", ((Element) tds.item(1)).getAttribute("class"));
    assertEquals("num", ((Element) tds.item(2)).getAttribute("class"));
    // the contents link to sections that exist
    NodeList links = d.getElementsByTagName("a");
    assertEquals(6, links.getLength());
    for (int i = 0; i < links.getLength(); i++) {
      String id = ((Element) links.item(i)).getAttribute("href").substring(1);
      assertEquals("section", d.getElementById(id) == null
          ? find(d, id).getTagName() : d.getElementById(id).getTagName());
    }
  }

  @Test
  void tagsAreBalanced() {
    assertBalanced(SamplePage.page().render());
    assertThrows(AssertionError.class, () -> assertBalanced("<div><p>x</div></p>"));
    assertThrows(AssertionError.class, () -> assertBalanced("<div><p>x</p>"));
  }

  @Test
  void everyTextIsEscaped() {
    HtmlPage p = HtmlPage.titled(NASTY).subtitle(NASTY).warning(NASTY).footer(NASTY)
        .section(Section.titled(NASTY).paragraph(NASTY)
            .figures(List.of(new KeyFigure(NASTY, NASTY, NASTY)))
            .table(NASTY, List.of(NASTY), List.of(List.of(NASTY)))
            .warning(NASTY))
        .section(Section.titled("second"));
    String html = p.render();
    assertFalse(html.contains("<i>"), html);
    Document d = parse(html);
    int seen = 0;
    NodeList all = d.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getChildNodes().getLength() == 1 && e.getFirstChild() instanceof Text
          && e.getTextContent().equals(NASTY)) {
        seen++;
      }
    }
    // <title>, h1, subtitle, h2, nav link, paragraph, 3 figure parts, caption, th, td, footer
    assertEquals(13, seen);
    assertTrue(d.getDocumentElement().getTextContent().contains("Warning: " + NASTY));
  }

  @Test
  void renderingIsDeterministicAndWritesUtf8(@TempDir Path dir) throws Exception {
    HtmlPage p = SamplePage.page().section(Section.titled("Umlauts \u00e4\u00f6\u00fc \u20ac"));
    assertEquals(p.render(), SamplePage.page().section(
        Section.titled("Umlauts \u00e4\u00f6\u00fc \u20ac")).render());
    Path f = dir.resolve("r.html");
    p.write(f);
    assertEquals(p.render(), Files.readString(f, StandardCharsets.UTF_8));
    assertTrue(p.render().startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    assertTrue(p.lang("de-DE").render().contains("<html lang=\"de-DE\">"));
  }

  @Test
  void badInputIsExplained() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Section.titled("t").table(List.of("a", "b"), List.of(List.of("1"))));
    assertEquals("table row 0 has 1 cells, the header has 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HtmlPage.titled(null));
    assertThrows(IllegalArgumentException.class, () -> HtmlPage.titled("t").lang("\"><x"));
    assertThrows(IllegalArgumentException.class, () -> Section.titled("t").chart(null));
    assertThrows(IllegalArgumentException.class, () -> new KeyFigure("a", null));
  }

  @Test
  void numbersAreRecognisedForAlignment() {
    for (String n : List.of("1,000", "-8,500", "+12.5%", "40.0%", "n/a", "0.35", "250k", "-")) {
      assertTrue(Texts.numeric(n), n);
    }
    for (String t : List.of("Lead", "2026-03", "paid search", "12 leads", "")) {
      assertFalse(Texts.numeric(t), t);
    }
  }

  private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link");
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>");

  /** Open and close tags pair up like brackets (void and self-closed elements excepted). */
  private static void assertBalanced(String html) {
    Deque<String> open = new ArrayDeque<>();
    Matcher m = TAG.matcher(html.replaceAll("(?s)<style>.*?</style>", "<style></style>"));
    while (m.find()) {
      String name = m.group(2).toLowerCase(Locale.ROOT);
      if (!m.group(3).isEmpty() || VOID.contains(name)) {
        continue;
      }
      if (m.group(1).isEmpty()) {
        open.push(name);
      } else if (!name.equals(open.poll())) {
        throw new AssertionError("</" + name + "> closes the wrong element at " + m.start());
      }
    }
    if (!open.isEmpty()) {
      throw new AssertionError("unclosed: " + open);
    }
  }

  private static Document parse(String html) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage(), e);
    }
  }

  private static int count(Document d, String tag, String cls) {
    NodeList l = d.getElementsByTagName(tag);
    int n = 0;
    for (int i = 0; i < l.getLength(); i++) {
      if (List.of(((Element) l.item(i)).getAttribute("class").split(" ")).contains(cls)) {
        n++;
      }
    }
    return n;
  }

  private static Element find(Document d, String id) {
    NodeList l = d.getElementsByTagName("*");
    for (int i = 0; i < l.getLength(); i++) {
      if (id.equals(((Element) l.item(i)).getAttribute("id"))) {
        return (Element) l.item(i);
      }
    }
    throw new AssertionError("no element with id " + id);
  }
}
