package dev.funnel.io.chart;

/**
 * A rendered chart: SVG markup, ready to inline into an HTML page ({@link #markup()}) or to save
 * as an {@code .svg} file ({@link #document()}).
 *
 * <p>Immutable. Built only by {@link Charts}, so every label in it has been escaped.
 */
public final class Svg {

  private static final String NAMESPACE = "http://www.w3.org/2000/svg";

  private final String title;
  private final String markup;
  private final double width;
  private final double height;

  Svg(String title, String markup, double width, double height) {
    this.title = title;
    this.markup = markup;
    this.width = width;
    this.height = height;
  }

  /** The chart's width in pixels (its {@code viewBox} width). */
  double width() {
    return width;
  }

  /** The chart's height in pixels (its {@code viewBox} height). */
  double height() {
    return height;
  }

  /** The chart's title (plain text, not escaped). */
  public String title() {
    return title;
  }

  /**
   * The {@code <svg>} element without a namespace declaration, for inline use in HTML5 (whose
   * parser puts {@code <svg>} in the SVG namespace by itself), so a page holds no URL at all.
   */
  public String markup() {
    return markup;
  }

  /** A standalone SVG file: XML declaration and the SVG namespace on the root element. */
  public String document() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + markup.replaceFirst("^<svg ", "<svg xmlns=\"" + NAMESPACE + "\" ");
  }

  /**
   * Text made safe for XML and HTML content and attribute values: {@code & < > " '} become
   * character references, and characters XML 1.0 cannot carry (control characters other than tab,
   * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF) become U+FFFD.
   */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
            b.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
              || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** The standalone document. */
  @Override
  public String toString() {
    return document();
  }
}
