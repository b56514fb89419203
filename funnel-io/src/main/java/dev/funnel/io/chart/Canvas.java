package dev.funnel.io.chart;

/**
 * Writes one SVG element tree: the root with {@code viewBox}, {@code role="img"},
 * {@code <title>} and {@code <desc>}, then shapes and text. Every text and attribute value passes
 * through {@link Svg#escape}; every coordinate through {@link Format#coord}.
 */
final class Canvas {

  static final String FONT =
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  static final double FONT_SIZE = 12;
  static final double TITLE_SIZE = 15;
  /** Average glyph advance of a sans-serif font, as a share of the font size (for layout). */
  private static final double GLYPH = 0.55;

  private final String title;
  private final double width;
  private final double height;
  private final StringBuilder b = new StringBuilder(4096);

  Canvas(String kind, double width, double height, String title, String desc) {
    this.title = title;
    this.width = width;
    this.height = height;
    b.append("<svg class=\"chart ").append(kind).append("\" width=\"").append(Format.coord(width))
        .append("\" height=\"").append(Format.coord(height)).append("\" viewBox=\"0 0 ")
        .append(Format.coord(width)).append(' ').append(Format.coord(height))
        .append("\" role=\"img\" font-family=\"").append(Svg.escape(FONT))
        .append("\" font-size=\"").append(Format.coord(FONT_SIZE)).append("\">\n");
    b.append("<title>").append(Svg.escape(title)).append("</title>\n");
    b.append("<desc>").append(Svg.escape(desc)).append("</desc>\n");
    b.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(Format.coord(width))
        .append("\" height=\"").append(Format.coord(height)).append("\" fill=\"#ffffff\"/>\n");
  }

  /** Estimated width of a text in pixels at a font size (no font metrics at hand). */
  static double textWidth(String s, double size) {
    return s.codePointCount(0, s.length()) * size * GLYPH;
  }

  /** The text cut to fit a width, ending in an ellipsis when cut. */
  static String fit(String s, double width, double size) {
    int max = (int) Math.floor(width / (size * GLYPH));
    int n = s.codePointCount(0, s.length());
    if (n <= max) {
      return s;
    }
    if (max <= 1) {
      return "\u2026";
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /**
   * A filled rectangle with a tooltip (its own {@code <title>}). The edges are rounded, not the
   * size, so bars that meet in exact numbers meet in the markup too.
   */
  Canvas rect(String cls, double x, double y, double w, double h, String fill, String tip) {
    double x0 = Format.snap(x);
    double y0 = Format.snap(y);
    b.append("<rect class=\"").append(cls).append("\" x=\"").append(Format.coord(x0))
        .append("\" y=\"").append(Format.coord(y0)).append("\" width=\"")
        .append(Format.coord(Format.snap(x + w) - x0)).append("\" height=\"")
        .append(Format.coord(Format.snap(y + h) - y0)).append("\" fill=\"").append(fill)
        .append('"');
    if (cls.startsWith("bar") || cls.equals("legend")) {
      b.append(" stroke=\"").append(Palette.AXIS).append("\" stroke-width=\"0.6\"");
    }
    if (tip == null) {
      b.append("/>\n");
    } else {
      b.append("><title>").append(Svg.escape(tip)).append("</title></rect>\n");
    }
    return this;
  }

  /** An outlined rectangle (no fill): gaps and tracks. */
  Canvas frame(String cls, double x, double y, double w, double h, String stroke, boolean dashed) {
    b.append("<rect class=\"").append(cls).append("\" x=\"").append(Format.coord(x))
        .append("\" y=\"").append(Format.coord(y)).append("\" width=\"").append(Format.coord(w))
        .append("\" height=\"").append(Format.coord(h)).append("\" fill=\"none\" stroke=\"")
        .append(stroke).append('"').append(dashed ? " stroke-dasharray=\"4 3\"" : "")
        .append("/>\n");
    return this;
  }

  Canvas line(String cls, double x1, double y1, double x2, double y2, String stroke, double width,
      boolean dashed) {
    b.append("<line class=\"").append(cls).append("\" x1=\"").append(Format.coord(x1))
        .append("\" y1=\"").append(Format.coord(y1)).append("\" x2=\"").append(Format.coord(x2))
        .append("\" y2=\"").append(Format.coord(y2)).append("\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"").append(Format.coord(width)).append('"')
        .append(dashed ? " stroke-dasharray=\"3 2\"" : "").append("/>\n");
    return this;
  }

  /** A closed polygon through points given as x0, y0, x1, y1, ... */
  Canvas polygon(String cls, String fill, String stroke, double... xy) {
    b.append("<polygon class=\"").append(cls).append("\" points=\"");
    for (int i = 0; i < xy.length; i += 2) {
      b.append(i == 0 ? "" : " ").append(Format.coord(xy[i])).append(',')
          .append(Format.coord(xy[i + 1]));
    }
    b.append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"1.5\"/>\n");
    return this;
  }

  /** Text in black (or another fill) anchored {@code start}, {@code middle} or {@code end}. */
  Canvas text(String cls, double x, double y, String anchor, String text, double size,
      boolean bold, String fill) {
    b.append("<text class=\"").append(cls).append("\" x=\"").append(Format.coord(x))
        .append("\" y=\"").append(Format.coord(y)).append('"');
    if (!"start".equals(anchor)) {
      b.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (size != FONT_SIZE) {
      b.append(" font-size=\"").append(Format.coord(size)).append('"');
    }
    if (bold) {
      b.append(" font-weight=\"bold\"");
    }
    if (!"#000000".equals(fill)) {
      b.append(" fill=\"").append(fill).append('"');
    }
    b.append('>').append(Svg.escape(text)).append("</text>\n");
    return this;
  }

  Canvas text(String cls, double x, double y, String anchor, String text) {
    return text(cls, x, y, anchor, text, FONT_SIZE, false, "#000000");
  }

  /**
   * A polyline through points given as x0, y0, x1, y1, ..., with an optional dash pattern (null
   * for a solid line) and a tooltip.
   */
  Canvas polyline(String cls, String stroke, double width, String dash, String tip,
      double... xy) {
    b.append("<polyline class=\"").append(cls).append("\" points=\"");
    for (int i = 0; i < xy.length; i += 2) {
      b.append(i == 0 ? "" : " ").append(Format.coord(xy[i])).append(',')
          .append(Format.coord(xy[i + 1]));
    }
    b.append("\" fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(Format.coord(width)).append('"');
    if (dash != null) {
      b.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    if (tip == null) {
      b.append("/>\n");
    } else {
      b.append("><title>").append(Svg.escape(tip)).append("</title></polyline>\n");
    }
    return this;
  }

  /** A filled circle with a dark outline and a tooltip (null: none, e.g. a legend marker). */
  Canvas circle(String cls, double cx, double cy, double r, String fill, String tip) {
    b.append("<circle class=\"").append(cls).append("\" cx=\"").append(Format.coord(cx))
        .append("\" cy=\"").append(Format.coord(cy)).append("\" r=\"").append(Format.coord(r))
        .append("\" fill=\"").append(fill).append("\" stroke=\"").append(Palette.AXIS)
        .append("\" stroke-width=\"0.4\"");
    if (tip == null) {
      b.append("/>\n");
    } else {
      b.append("><title>").append(Svg.escape(tip)).append("</title></circle>\n");
    }
    return this;
  }

  /** Another chart placed at a vertical offset: its root gains {@code x} and {@code y}. */
  Canvas nest(Svg chart, double y) {
    b.append(chart.markup().replaceFirst("^<svg ",
        "<svg x=\"0\" y=\"" + Format.coord(y) + "\" ")).append('\n');
    return this;
  }

  Svg finish() {
    return new Svg(title, b.append("</svg>").toString(), width, height);
  }
}
