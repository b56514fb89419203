package dev.funnel.io.chart;

import java.util.List;

/**
 * The common frame of the row charts: the title on top, an optional header line, a column of
 * category labels on the left, the plot, a column of value labels on the right, and the value
 * axis underneath. Rows are 28 px unless the options fix the height.
 */
final class Layout {

  static final double PAD = 12;
  static final double GAP = 8;
  static final double ROW = 28;
  static final double TITLE_BAND = 34;
  static final double HEADER_BAND = 20;

  final double width;
  final double height;
  final double top;
  final double row;
  final double labelLeft;
  final double labelWidth;
  final double plotLeft;
  final double plotRight;

  /**
   * @param rows number of row units (a grouped row may count several)
   * @param labels the category labels (for the label column's width)
   * @param rightWidth room wanted right of the plot for value labels
   * @param header whether a header band sits between title and rows
   * @param footer room wanted under the rows (axis, legend)
   */
  Layout(ChartOptions o, double rows, List<String> labels, double rightWidth, boolean header,
      double footer) {
    this.width = o.width();
    this.top = TITLE_BAND + (header ? HEADER_BAND : 0);
    double wanted = 0;
    for (String l : labels) {
      wanted = Math.max(wanted, Canvas.textWidth(l, Canvas.FONT_SIZE));
    }
    wanted = Math.max(wanted, Canvas.textWidth(o.categoryAxis(), Canvas.FONT_SIZE));
    this.labelLeft = PAD;
    this.labelWidth = Math.min(wanted, width * 0.28);
    this.plotLeft = labelLeft + labelWidth + GAP;
    double right = Math.min(rightWidth, width * 0.42);
    this.plotRight = width - PAD - right;
    double units = Math.max(rows, 1);
    if (o.height() == 0) {
      this.row = ROW;
      this.height = top + units * ROW + footer;
    } else {
      this.height = o.height();
      this.row = Math.max(4, (height - top - footer) / units);
    }
  }

  /** The vertical centre of a row unit. */
  double mid(double unit) {
    return top + (unit + 0.5) * row;
  }

  /** Room left for the value labels right of the plot. */
  double rightWidth() {
    return width - PAD - plotRight - GAP / 2;
  }

  /** A canvas with background and title drawn, and the category header when there is one. */
  Canvas canvas(String kind, ChartOptions o, String summary) {
    String desc = o.description().isEmpty() ? summary : o.description() + " " + summary;
    Canvas c = new Canvas(kind, width, height, o.title(), desc);
    c.text("title", PAD, 22, "start", Canvas.fit(o.title(), width - 2 * PAD, Canvas.TITLE_SIZE),
        Canvas.TITLE_SIZE, true, Palette.TEXT);
    if (!o.categoryAxis().isEmpty()) {
      c.text("axis-label", labelLeft, TITLE_BAND + 12, "start",
          Canvas.fit(o.categoryAxis(), labelWidth, Canvas.FONT_SIZE), Canvas.FONT_SIZE, true,
          Palette.TEXT);
    }
    return c;
  }

  /** A category label, right-aligned against the plot and cut to the label column. */
  void label(Canvas c, double y, String text) {
    c.text("label", plotLeft - GAP, y + 4, "end",
        Canvas.fit(text, labelWidth, Canvas.FONT_SIZE));
  }

  /** The "No data" note of a chart with nothing to draw. */
  void empty(Canvas c) {
    c.text("empty", width / 2, top + row / 2 + 4, "middle", "No data");
  }
}
