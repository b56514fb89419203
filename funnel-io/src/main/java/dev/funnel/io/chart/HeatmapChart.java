package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A cohort heat map: rows are cohorts, columns period indexes 0, 1, ...; each cell is shaded from
 * light (0 %) to dark blue (100 %) and carries its percentage in black or white, whichever
 * contrasts more. Periods after a row's end are left blank (not zero); an undefined value is a
 * dashed {@code n/a} cell. A ramp under the grid explains the shading.
 */
final class HeatmapChart {

  private static final double ROW = 24;
  private static final double LEGEND = 34;

  private HeatmapChart() {}

  static Svg draw(ChartOptions o, List<HeatRow> rows) {
    return draw(o, "period", null, rows);
  }

  /**
   * The heat map with named columns: the header shows each column's label and a cell's tooltip
   * says {@code row, columnName label: percent}; null columns mean period indexes 0, 1, ...
   */
  static Svg draw(ChartOptions o, String columnName, List<String> columns, List<HeatRow> rows) {
    int n = rows.size();
    int cols = 0;
    List<String> names = new ArrayList<>();
    int cells = 0;
    for (HeatRow r : rows) {
      cols = Math.max(cols, r.values().size());
      names.add(r.label());
      cells += r.values().size();
    }
    StringBuilder summary = new StringBuilder("Heat map of " + n + " rows by " + cols
        + (columns == null ? " periods, " : " columns (" + columnName + "), ") + cells
        + " cells:");
    for (int i = 0; i < n; i++) {
      summary.append(i == 0 ? " " : "; ").append(names.get(i));
      for (double v : rows.get(i).values()) {
        summary.append(' ').append(Format.percent(v));
      }
    }
    summary.append('.');
    ChartOptions sized = o.height() == 0
        ? o.computedHeight(Layout.TITLE_BAND + Layout.HEADER_BAND * 2
            + Math.max(n, 1) * ROW + LEGEND)
        : o;
    Layout l = new Layout(sized, n, names, 0, true, LEGEND);
    double top = l.top + Layout.HEADER_BAND;
    double rowH = (l.height - top - LEGEND) / Math.max(n, 1);
    Canvas c = l.canvas("heatmap", o, summary.toString());
    if (n == 0 || cols == 0) {
      l.empty(c);
      return c.finish();
    }
    double cellW = (l.plotRight - l.plotLeft) / cols;
    if (!o.valueAxis().isEmpty()) {
      c.text("axis-label", (l.plotLeft + l.plotRight) / 2, Layout.TITLE_BAND + 12, "middle",
          Canvas.fit(o.valueAxis(), l.plotRight - l.plotLeft, Canvas.FONT_SIZE), Canvas.FONT_SIZE,
          true, Palette.TEXT);
    }
    double font = Math.max(6, Math.min(11, Math.min(cellW / 3.4, rowH * 0.6)));
    for (int k = 0; k < cols; k++) {
      c.text("column", l.plotLeft + (k + 0.5) * cellW, top - 6, "middle", column(columns, k),
          font, false, Palette.TEXT);
    }
    for (int i = 0; i < n; i++) {
      double y = top + i * rowH;
      l.label(c, y + rowH / 2, names.get(i));
      List<Double> values = rows.get(i).values();
      for (int k = 0; k < values.size(); k++) {
        double v = values.get(k);
        double x = l.plotLeft + k * cellW;
        String text = cellW >= 40 ? Format.percent(v) : whole(v);
        if (Double.isFinite(v)) {
          c.rect("cell", x + 0.5, y + 0.5, cellW - 1, rowH - 1, Palette.heat(v),
              names.get(i) + ", " + columnName + " " + column(columns, k) + ": "
                  + Format.percent(v));
          c.text("value", x + cellW / 2, y + rowH / 2 + font * 0.35, "middle", text, font, false,
              Palette.textOnHeat(v));
        } else {
          c.frame("gap", x + 1, y + 1, cellW - 2, rowH - 2, Palette.NEUTRAL, true);
          c.text("value", x + cellW / 2, y + rowH / 2 + font * 0.35, "middle", Format.NA, font,
              false, Palette.TEXT);
        }
      }
    }
    legend(c, l.plotLeft, l.height - LEGEND + 8, Math.min(200, l.plotRight - l.plotLeft));
    return c.finish();
  }

  private static String column(List<String> columns, int k) {
    return columns == null || k >= columns.size() ? Integer.toString(k) : columns.get(k);
  }

  private static String whole(double share) {
    return dev.funnel.core.display.Formats.wholePercent(share);
  }

  /** A stepped ramp from 0 % to 100 % with its end labels. */
  private static void legend(Canvas c, double x, double y, double w) {
    int steps = 10;
    double sw = w / steps;
    for (int s = 0; s < steps; s++) {
      c.rect("legend", x + s * sw, y, sw, 10, Palette.heat((s + 0.5) / steps), null);
    }
    c.frame("legend-frame", x, y, w, 10, Palette.AXIS, false);
    c.text("legend-label", x, y + 22, "start", "0%", 10.5, false, Palette.TEXT);
    c.text("legend-label", x + w, y + 22, "end", "100%", 10.5, false, Palette.TEXT);
  }
}
