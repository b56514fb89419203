package dev.funnel.io.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses chart markup with the JDK's XML parser and finds elements by class, for the tests. */
final class SvgDom {

  final Document doc;

  private SvgDom(Document doc) {
    this.doc = doc;
  }

  /** Parses the markup; fails the test (with the parser's message) when it is not well-formed. */
  static SvgDom parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      return new SvgDom(f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  static SvgDom parse(Svg svg) {
    return parse(svg.markup());
  }

  Element root() {
    return doc.getDocumentElement();
  }

  /** Elements of a tag whose class list holds every one of the given classes, in document order. */
  List<Element> find(String tag, String... classes) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      List<String> has = Arrays.asList(e.getAttribute("class").split(" "));
      if (has.containsAll(Arrays.asList(classes))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of the elements found. */
  List<String> texts(String tag, String... classes) {
    return find(tag, classes).stream().map(Element::getTextContent).toList();
  }

  static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }
}
