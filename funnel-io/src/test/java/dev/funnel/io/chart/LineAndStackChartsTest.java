package dev.funnel.io.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Line charts, heat maps with named columns and stacked charts: one dot per defined value whose
 * tooltip carries it, heights proportional to the values from a zero line, a line broken at an
 * undefined value, and nested charts at increasing offsets in one document.
 */
class LineAndStackChartsTest {

  @Test
  void linesHaveADotPerValueAtProportionalHeights() {
    SvgDom d = SvgDom.parse(ChartSamples.lines());
    List<Element> dots = d.find("circle", "point");
    assertEquals(5 + 6 + 6, dots.size());
    assertEquals("actual at 1: 10", dots.get(0).getTextContent());
    assertEquals("Pareto/NBD at 6: 90", dots.get(16).getTextContent());
    // the actual line breaks at its undefined 5th value: two pieces, then one per model
    assertEquals(4, d.find("polyline", "line").size());
    // y is linear from the zero line: (zero - cy) proportional to the value
    double zero = SvgDom.num(d.find("line", "zero").get(0), "y1");
    double unit = (zero - SvgDom.num(dots.get(0), "cy")) / 10.0;
    double[] values = {10, 25, 41, 60, 95, 12, 26, 40, 55, 70, 85, 11, 24, 39, 56, 72, 90};
    for (int i = 0; i < dots.size(); i++) {
      assertEquals(values[i] * unit, zero - SvgDom.num(dots.get(i), "cy"), 0.002, "dot " + i);
    }
    // x likewise: week 3.5 (the marker) halfway between the dots of weeks 3 and 4
    double x3 = SvgDom.num(dots.get(2), "cx");
    double x4 = SvgDom.num(dots.get(3), "cx");
    assertEquals((x3 + x4) / 2, SvgDom.num(d.find("line", "marker").get(0), "x1"), 0.002);
    assertEquals(List.of("calibration end"), d.texts("text", "marker-label"));
    assertEquals(List.of("actual", "BG/NBD", "Pareto/NBD"), d.texts("text", "legend-label"));
  }

  @Test
  void linesRefuseMismatchedInput() {
    ChartOptions o = ChartOptions.titled("l");
    assertThrows(IllegalArgumentException.class, () -> Charts.lines(o, List.of(1.0, 2.0),
        List.of(new Series("a", List.of(1.0))), Double.NaN, ""));
    assertThrows(IllegalArgumentException.class, () -> Charts.lines(o, List.of(Double.NaN),
        List.of(new Series("a", List.of(1.0))), Double.NaN, ""));
    SvgDom empty = SvgDom.parse(Charts.lines(o, List.of(), List.of(), Double.NaN, ""));
    assertEquals(List.of("No data"), empty.texts("text", "empty"));
  }

  @Test
  void namedColumnsLabelTheHeaderAndTheTooltips() {
    SvgDom d = SvgDom.parse(ChartSamples.namedColumns());
    assertEquals(List.of("0", "13", "26", "39"), d.texts("text", "column"));
    List<Element> cells = d.find("rect", "cell");
    assertEquals(7, cells.size());
    assertEquals(5, d.find("rect", "gap").size());
    assertEquals("x = 0, t_x 0: 100.0%", cells.get(0).getTextContent());
    assertEquals("x = 2, t_x 39: 88.0%", cells.get(6).getTextContent());
    assertThrows(IllegalArgumentException.class, () -> Charts.heatmap(ChartOptions.titled("h"),
        "c", List.of("a"), List.of(new HeatRow("r", List.of(0.1, 0.2)))));
  }

  @Test
  void stackNestsEachChartBelowTheLast() {
    Svg a = ChartSamples.attribution();
    Svg l = ChartSamples.lines();
    Svg s = ChartSamples.stack();
    SvgDom d = SvgDom.parse(s.document());
    List<Element> svgs = d.find("svg", "chart");
    assertEquals(3, svgs.size());
    assertEquals("chart stack", svgs.get(0).getAttribute("class"));
    assertEquals(34.0, SvgDom.num(svgs.get(1), "y"));
    assertEquals(34.0 + a.height() + 16, SvgDom.num(svgs.get(2), "y"), 0.001);
    assertEquals(34.0 + a.height() + 16 + l.height(), SvgDom.num(svgs.get(0), "height"), 0.001);
    assertTrue(s.markup().contains(a.markup().substring(a.markup().indexOf('>'))));
    assertEquals(1, s.document().split("xmlns=", -1).length - 1, "one namespace declaration");
  }
}
