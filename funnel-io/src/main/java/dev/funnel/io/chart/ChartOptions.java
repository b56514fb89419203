package dev.funnel.io.chart;

/**
 * How a chart is framed: title, axis labels, an optional longer description for screen readers,
 * and the size in pixels.
 *
 * <p>Immutable; each method returns a changed copy. The width defaults to 720 px; the height
 * defaults to automatic (enough rows of 28 px for the data), and a fixed height squeezes or
 * stretches the rows to fit. Charts carry a {@code viewBox}, so a page can scale them freely.
 */
public final class ChartOptions {

  static final int DEFAULT_WIDTH = 720;
  private static final int MIN_WIDTH = 240;
  private static final int MAX_SIZE = 8000;
  private static final int MIN_HEIGHT = 80;

  private final String title;
  private final String valueAxis;
  private final String categoryAxis;
  private final String description;
  private final int width;
  private final int height;

  private ChartOptions(String title, String valueAxis, String categoryAxis, String description,
      int width, int height) {
    this.title = title;
    this.valueAxis = valueAxis;
    this.categoryAxis = categoryAxis;
    this.description = description;
    this.width = width;
    this.height = height;
  }

  /** Options with this title, no axis labels, 720 px wide and an automatic height. */
  public static ChartOptions titled(String title) {
    return new ChartOptions(text(title, "title"), "", "", "", DEFAULT_WIDTH, 0);
  }

  /** The label under the value axis, e.g. {@code "Revenue, EUR"}. */
  public ChartOptions valueAxis(String label) {
    return new ChartOptions(title, text(label, "value axis label"), categoryAxis, description,
        width, height);
  }

  /** The label over the category labels, e.g. {@code "Channel"}. */
  public ChartOptions categoryAxis(String label) {
    return new ChartOptions(title, valueAxis, text(label, "category axis label"), description,
        width, height);
  }

  /** A sentence put before the data summary in the chart's {@code <desc>}. */
  public ChartOptions description(String text) {
    return new ChartOptions(title, valueAxis, categoryAxis, text(text, "description"), width,
        height);
  }

  /**
   * Width and height in pixels; a height of 0 means automatic.
   *
   * @throws IllegalArgumentException when the width is outside 240..8000 or the height is neither
   *     0 nor within 80..8000
   */
  public ChartOptions size(int width, int height) {
    if (width < MIN_WIDTH || width > MAX_SIZE) {
      throw new IllegalArgumentException(
          "chart width must be within " + MIN_WIDTH + ".." + MAX_SIZE + " px, got " + width);
    }
    if (height != 0 && (height < MIN_HEIGHT || height > MAX_SIZE)) {
      throw new IllegalArgumentException("chart height must be 0 (automatic) or within "
          + MIN_HEIGHT + ".." + MAX_SIZE + " px, got " + height);
    }
    return new ChartOptions(title, valueAxis, categoryAxis, description, width, height);
  }

  /** These options with a computed height, bypassing the limits meant for callers. */
  ChartOptions computedHeight(double height) {
    return new ChartOptions(title, valueAxis, categoryAxis, description, width,
        (int) Math.ceil(height));
  }

  String title() {
    return title;
  }

  String valueAxis() {
    return valueAxis;
  }

  String categoryAxis() {
    return categoryAxis;
  }

  String description() {
    return description;
  }

  int width() {
    return width;
  }

  /** The fixed height, or 0 for automatic. */
  int height() {
    return height;
  }

  private static String text(String s, String what) {
    return Inputs.required(s, what + " (use \"\" for none)");
  }
}
