package dev.funnel.cli.view;

import dev.funnel.core.display.TextTable;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.MatrixCell;
import dev.funnel.io.html.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The conversion matrix ({@link ConversionMatrix}, {@code funnel funnel --matrix}, the review
 * pack's matrix by channel): the grid of rates per source and transition with the bottleneck
 * flags, the bottlenecks against the rest of their column with the gap and its interval; JSON
 * with every cell's shrunk rate, index, adjusted p-value, gap and flag; CSV a row per cell.
 */
public final class MatrixView implements View {

  private final ConversionMatrix m;
  private final String by;
  private final String caption;

  private MatrixView(ConversionMatrix m, String by, String caption) {
    this.m = m;
    this.by = by;
    this.caption = caption;
  }

  /**
   * The view of a matrix.
   *
   * @param by what the sources are, e.g. {@code channel} or {@code channel,segment}
   */
  public static MatrixView of(ConversionMatrix m, String by) {
    return new MatrixView(m, by, "! = bottleneck: " + m.rule());
  }

  /** This view with another first line (and HTML caption) in place of the rule of the flags. */
  public MatrixView captioned(String line) {
    return new MatrixView(m, by, line);
  }

  /** The minimum gap of the JSON. */
  record Gap(String kind, double value) {}

  /** A cell of the JSON. */
  record CellJson(String source, String from, String to, long entered, long converted, double rate,
      double shrunkRate, double index, double shrunkIndex, double adjustedPValue, double restRate,
      double gap, double gapLower, double gapUpper, boolean practical, boolean bottleneck) {
    static CellJson of(MatrixCell c) {
      return new CellJson(c.source(), c.from(), c.to(), c.entered(), c.converted(), c.rate(),
          c.shrunkRate(), c.index(), c.shrunkIndex(), c.adjustedPValue(), c.restRate(), c.gap(),
          c.gapLower(), c.gapUpper(), c.practical(), c.bottleneck());
    }
  }

  /** The matrix as JSON: basis, breakdown, FDR, minimum gap, columns, overall rates, cells. */
  record Json(String basis, String by, double fdr, Gap minimumGap, List<String> transitions,
      List<Double> overall, List<CellJson> cells) {}

  @Override
  public Object json() {
    return new Json(m.basis().label(), by, m.fdr(),
        new Gap(m.minimumGap().kind().name().toLowerCase(Locale.ROOT), m.minimumGap().value()),
        m.transitions(), m.overall(), m.cells().stream().map(CellJson::of).toList());
  }

  @Override
  public String text() {
    return caption + "\n" + m.grid(by).render() + m.bottleneckLines();
  }

  /** The grid of rates and, with every figure of each cell, the cells. */
  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("matrix", m.grid(by));
    t.put("cells", m.table());
    return t;
  }

  /**
   * The grid ({@code matrix}) and a row per cell with every figure ({@code cells}: counts, rates,
   * index, adjusted p-value, gap and its interval), in long form.
   */
  @Override
  public String csv() {
    return Views.csv(tables());
  }

  @Override
  public Section html(Section s) {
    TextTable grid = m.grid(by);
    s = s.table(caption + " (bottlenecks: " + m.bottlenecks().size() + ")", grid.header(),
        grid.textRows());
    for (MatrixCell c : m.bottlenecks()) {
      s = s.paragraph("Bottleneck: " + ConversionMatrix.gapLine(c) + ".");
    }
    return s;
  }
}
