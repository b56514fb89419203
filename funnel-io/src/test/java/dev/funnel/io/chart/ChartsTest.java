package dev.funnel.io.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ChartsTest {

  private static final String NASTY = "<b>R&D \"quoted\" it's</b>";

  @Test
  void everyChartIsWellFormedAccessibleAndScalable() {
    for (Map.Entry<String, Svg> e : ChartSamples.all().entrySet()) {
      SvgDom inline = SvgDom.parse(e.getValue());
      Element root = inline.root();
      assertEquals("svg", root.getTagName(), e.getKey());
      assertEquals("img", root.getAttribute("role"), e.getKey());
      assertEquals("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"),
          root.getAttribute("viewBox"), e.getKey());
      List<Element> kids = children(root);
      assertEquals("title", kids.get(0).getTagName(), e.getKey());
      assertEquals(e.getValue().title(), kids.get(0).getTextContent());
      assertEquals("desc", kids.get(1).getTagName(), e.getKey());
      assertFalse(kids.get(1).getTextContent().isBlank(), e.getKey());
      assertFalse(e.getValue().markup().contains("http"), "inline markup holds no URL");

      SvgDom file = SvgDom.parse(e.getValue().document());
      assertEquals("http://www.w3.org/2000/svg", file.root().getNamespaceURI(), e.getKey());
    }
  }

  @Test
  void funnelBarsAreProportionalAndLabelled() {
    SvgDom d = SvgDom.parse(ChartSamples.funnel());
    List<Element> bars = d.find("rect", "bar");
    assertEquals(5, bars.size());
    assertProportional(bars, List.of(1000.0, 400.0, 180.0, 90.0, 27.0));
    for (int i = 1; i < bars.size(); i++) {
      assertTrue(SvgDom.num(bars.get(i), "width") < SvgDom.num(bars.get(i - 1), "width"));
    }
    assertEquals(List.of("1,000", "400 (40.0% of prev., 40.0% of first)",
            "180 (45.0% of prev., 18.0% of first)", "90 (50.0% of prev., 9.0% of first)",
            "27 (30.0% of prev., 2.7% of first)"), d.texts("text", "value"));
    assertEquals(List.of("Lead", "MQL", "SQL", "Opportunity", "Won"), d.texts("text", "label"));
  }

  @Test
  void funnelTakesConversionsFromElsewhereAndShowsUndefinedAsGaps() {
    Svg s = Charts.funnel(ChartOptions.titled("f"),
        List.of(new Bar("a", 200), new Bar("b", Double.NaN), new Bar("c", 50)),
        List.of(Double.NaN, Double.NaN, 0.3));
    SvgDom d = SvgDom.parse(s);
    assertEquals(2, d.find("rect", "bar").size());
    assertEquals(1, d.find("rect", "gap").size());
    assertEquals(List.of("200", "- (- of prev., - of first)",
        "50 (30.0% of prev., 25.0% of first)"), d.texts("text", "value"));
    assertThrows(IllegalArgumentException.class, () -> Charts.funnel(ChartOptions.titled("f"),
        List.of(new Bar("a", 1)), List.of()));
  }

  @Test
  void waterfallStepsChainFromBaseToCurrent() {
    SvgDom d = SvgDom.parse(ChartSamples.waterfall());
    List<Element> bars = d.find("rect", "bar");
    assertEquals(6, bars.size());
    double[] effects = {12_000, -8_500, 4_250, -750};
    List<Element> steps = d.find("rect", "step");
    assertEquals(4, steps.size());
    double end = right(bars.get(0));
    double pxPerUnit = (right(bars.get(0)) - left(bars.get(0))) / 100_000;
    for (int i = 0; i < steps.size(); i++) {
      Element s = steps.get(i);
      boolean up = effects[i] >= 0;
      assertEquals(up ? "bar step up" : "bar step down", s.getAttribute("class"));
      double start = up ? left(s) : right(s);
      assertEquals(end, start, 1e-9, "step " + i + " starts where the previous ended");
      assertEquals(Math.abs(effects[i]) * pxPerUnit, SvgDom.num(s, "width"), 0.01);
      end = up ? right(s) : left(s);
    }
    Element current = bars.get(5);
    assertEquals(end, right(current), 0.01, "the last step ends at the current total");
    assertEquals(left(bars.get(0)), left(current), 0.01, "both totals start at zero");
    assertEquals(List.of("100,000", "+12,000", "-8,500", "+4,250", "-750", "107,000"),
        d.texts("text", "value"));
    assertEquals(List.of("100,000", "112,000", "103,500", "107,750", "107,000", "107,000"),
        d.texts("text", "total"));
    assertEquals(5, d.find("line", "connector").size());
  }

  @Test
  void waterfallRefusesEffectsThatDoNotAddUp() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Charts.waterfall(ChartOptions.titled("w"), new Bar("a", 100),
            List.of(new Step("x", 10)), new Bar("b", 111)));
    assertTrue(e.getMessage().contains("do not add up"), e.getMessage());
  }

  @Test
  void waterfallWithAnUnknownEffectChainsFromBothEnds() {
    SvgDom d = SvgDom.parse(Charts.waterfall(ChartOptions.titled("w"), new Bar("base", 100),
        List.of(new Step("a", 20), new Step("b", Double.NaN), new Step("c", -30)),
        new Bar("now", 95)));
    List<Element> steps = d.find("rect", "step");
    assertEquals(2, steps.size());
    assertEquals(1, d.find("rect", "gap").size());
    assertEquals(List.of("100", "+20", "-", "-30", "95"), d.texts("text", "value"));
    assertEquals(List.of("100", "120", "125", "95", "95"), d.texts("text", "total"));
    // c runs from 125 down to 95: its right edge is at 125 on the same scale as the totals
    List<Element> totals = d.find("rect", "total");
    double px = (right(totals.get(0)) - left(totals.get(0))) / 100;
    assertEquals(left(totals.get(0)) + 125 * px, right(steps.get(1)), 0.01);
    assertEquals(right(totals.get(1)), left(steps.get(1)), 0.01);
  }

  @Test
  void heatmapHasExactlyTheGivenCellsAndLeavesTheRestBlank() {
    SvgDom d = SvgDom.parse(ChartSamples.heatmap());
    List<Element> cells = d.find("rect", "cell");
    assertEquals(5 + 4 + 2 + 2 + 1, cells.size());
    assertEquals(1, d.find("rect", "gap").size());
    List<String> values = d.texts("text", "value");
    assertEquals(15, values.size());
    assertEquals(List.of("100.0%", "62.0%", "48.0%", "41.0%", "37.0%"), values.subList(0, 5));
    assertEquals("-", values.get(11));
    assertEquals(List.of("0", "1", "2", "3", "4"), d.texts("text", "column"));
    // row r holds exactly as many boxes (cells and gaps) as it has values, from column 0 on
    int[] lengths = {5, 4, 3, 2, 1};
    List<Element> boxes = new ArrayList<>(cells);
    boxes.addAll(d.find("rect", "gap"));
    java.util.TreeMap<Long, List<Element>> rows = new java.util.TreeMap<>();
    for (Element b : boxes) {
      rows.computeIfAbsent(Math.round(SvgDom.num(b, "y")), k -> new ArrayList<>()).add(b);
    }
    assertEquals(lengths.length, rows.size());
    double left = cells.stream().mapToDouble(c -> SvgDom.num(c, "x")).min().orElseThrow();
    int r = 0;
    for (List<Element> row : rows.values()) {
      assertEquals(lengths[r++], row.size(), "row " + r);
      assertEquals(left, row.stream().mapToDouble(c -> SvgDom.num(c, "x")).min().orElseThrow(),
          1.01);
    }
    assertEquals(left, SvgDom.num(cells.get(0), "x"), 0.01);
    assertEquals(Palette.heat(1.0), cells.get(0).getAttribute("fill"));
    assertEquals(Palette.heat(0.62), cells.get(1).getAttribute("fill"));
  }

  @Test
  void bulletsDrawPlanRunRateAndStatus() {
    SvgDom d = SvgDom.parse(ChartSamples.bullets());
    List<Element> actual = d.find("rect", "actual");
    assertEquals(4, actual.size());
    assertEquals(List.of(Palette.OK, Palette.ALERT, Palette.WARNING, Palette.NEUTRAL),
        actual.stream().map(e -> e.getAttribute("fill")).toList());
    assertEquals(3, d.find("line", "plan").size(), "no plan marker where the plan is undefined");
    assertEquals(4, d.find("polygon", "run-rate").size());
    assertEquals(List.of("640 vs plan 1,200, run-rate 1,240: ok",
        "15 vs plan 40, run-rate 29: alert",
        "55,000 vs plan 120,000, run-rate 106,563: warning",
        "310 vs plan -, run-rate 310: unknown"), d.texts("text", "value"));
    // each line has its own scale: the plan marker of "Won deals" sits where 40 is
    List<Element> tracks = d.find("rect", "track");
    Element won = actual.get(1);
    double zero = SvgDom.num(won, "x");
    double plan = SvgDom.num(d.find("line", "plan").get(1), "x1");
    assertEquals(15.0 / 40.0, SvgDom.num(won, "width") / (plan - zero), 1e-3);
    assertEquals(4, tracks.size());
  }

  @Test
  void channelPanelsHaveOwnScalesAndGapsForUndefinedValues() {
    SvgDom d = SvgDom.parse(ChartSamples.channels());
    List<Element> bars = d.find("rect", "bar");
    assertEquals(11, bars.size());
    assertEquals(1, d.find("rect", "gap").size());
    assertProportional(bars.subList(0, 4), List.of(420.0, 310.0, 150.0, 120.0));
    assertProportional(bars.subList(4, 8), List.of(12.0, 6.0, 5.0, 4.0));
    assertProportional(bars.subList(8, 11), List.of(48_000.0, 21_000.0, 19_500.0));
    assertEquals(List.of("leads", "customers", "revenue, EUR"), d.texts("text", "panel"));
    assertEquals("-", d.texts("text", "value").get(11));
  }

  @Test
  void groupedBarsShareOneScale() {
    SvgDom d = SvgDom.parse(ChartSamples.attribution());
    List<Element> bars = d.find("rect", "bar");
    assertEquals(16, bars.size());
    assertProportional(bars, List.of(14.0, 11.5, 12.2, 11.9, 5.0, 7.0, 6.4, 6.9, 6.0, 5.5, 5.1,
        5.2, 2.0, 3.0, 3.3, 3.0));
    assertEquals(4, d.find("rect", "legend").size());
    assertEquals("last touch 14", d.texts("text", "value").get(0));
    assertEquals("Markov 3", d.texts("text", "value").get(15));
  }

  @Test
  void negativeValuesGrowLeftFromTheZeroLine() {
    SvgDom d = SvgDom.parse(Charts.channels(ChartOptions.titled("ROMI"), List.of("a", "b"),
        List.of(new Series("romi", List.of(-0.5, 1.5)))));
    List<Element> bars = d.find("rect", "bar");
    Element zero = d.find("line", "zero").get(0);
    assertEquals(SvgDom.num(zero, "x1"), right(bars.get(0)), 0.01);
    assertEquals(SvgDom.num(zero, "x1"), left(bars.get(1)), 0.01);
    assertEquals(3 * SvgDom.num(bars.get(0), "width"), SvgDom.num(bars.get(1), "width"), 0.02);
  }

  @Test
  void everyLabelIsEscaped() {
    ChartOptions o = ChartOptions.titled(NASTY).valueAxis(NASTY).categoryAxis(NASTY)
        .description(NASTY);
    List<Supplier<Svg>> charts = List.of(
        () -> Charts.funnel(o, List.of(new Bar(NASTY, 3), new Bar("x", 1))),
        () -> Charts.waterfall(o, new Bar(NASTY, 1), List.of(new Step(NASTY, 1)),
            new Bar(NASTY, 2)),
        () -> Charts.heatmap(o, List.of(new HeatRow(NASTY, List.of(1.0)))),
        () -> Charts.bullets(o, List.of(new Bullet(NASTY, 1, 1, 1, Bullet.Status.OK))),
        () -> Charts.channels(o, List.of(NASTY), List.of(new Series(NASTY, List.of(1.0)))),
        () -> Charts.grouped(o, List.of(NASTY), List.of(new Series(NASTY, List.of(1.0)))));
    for (Supplier<Svg> c : charts) {
      Svg svg = c.get();
      assertFalse(svg.markup().contains("<b>"), svg.markup());
      SvgDom d = SvgDom.parse(svg);
      assertEquals(NASTY, d.root().getElementsByTagName("title").item(0).getTextContent());
      assertTrue(d.root().getElementsByTagName("desc").item(0).getTextContent()
          .startsWith(NASTY + " "));
      assertTrue(d.doc.getDocumentElement().getTextContent().contains(NASTY.substring(0, 10)));
    }
    assertEquals("&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39; \uFFFD\uFFFD \uD83D\uDE00",
        Svg.escape("<a> & \"b\" 'c' \u0001\uD800 \uD83D\uDE00"));
    SvgDom.parse(Charts.funnel(ChartOptions.titled("ctl \u0007"), List.of(new Bar("\uDC00",
        1))));
  }

  @Test
  void sameInputGivesTheSameBytesInAnyLocale() {
    Map<String, Svg> first = ChartSamples.all();
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      Map<String, Svg> german = ChartSamples.all();
      Locale.setDefault(new Locale("ar", "EG"));
      Map<String, Svg> arabic = ChartSamples.all();
      for (String k : first.keySet()) {
        assertEquals(first.get(k).document(), german.get(k).document(), k);
        assertEquals(first.get(k).document(), arabic.get(k).document(), k);
      }
    } finally {
      Locale.setDefault(before);
    }
    assertTrue(first.get("waterfall").markup().contains("100,000"));
  }

  @Test
  void calibrationPointsSitOnOneScaleForBothAxesWithTheDiagonal() {
    SvgDom d = SvgDom.parse(ChartSamples.calibration());
    List<Element> points = d.find("circle", "point");
    assertEquals(5, points.size(), "the undefined group is left out");
    Element diagonal = d.find("line", "diagonal").get(0);
    double x0 = SvgDom.num(diagonal, "x1");
    double y0 = SvgDom.num(diagonal, "y1");
    // the domain is 0..hi on both axes: the diagonal's far end gives pixels per unit
    double px = SvgDom.num(diagonal, "x2") - x0;
    assertEquals(px, y0 - SvgDom.num(diagonal, "y2"), 1e-9, "45 degrees");
    List<String> ticks = d.texts("text", "tick");
    double hi = Double.parseDouble(ticks.get(ticks.size() - 1).replace("%", "")) / 100;
    assertTrue(hi >= 0.61 && hi <= 1, "the top tick covers the largest value: " + hi);
    double[][] expected = {{0.1, 0.08}, {0.3, 0.32}, {0.6, 0.55}, {0.2, 0.1}, {0.4, 0.5}};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(x0 + expected[i][0] / hi * px, SvgDom.num(points.get(i), "cx"), 2e-3);
      assertEquals(y0 - expected[i][1] / hi * px, SvgDom.num(points.get(i), "cy"), 2e-3);
    }
    List<Element> whiskers = d.find("line", "interval");
    assertEquals(5, whiskers.size());
    assertEquals(y0 - 0.05 / hi * px, SvgDom.num(whiskers.get(0), "y1"), 2e-3);
    assertEquals(y0 - 0.12 / hi * px, SvgDom.num(whiskers.get(0), "y2"), 2e-3);
    // the model's three points are joined; the rules' line breaks at the undefined group
    assertEquals(2, d.find("line", "series").size());
    assertTrue(d.root().getElementsByTagName("desc").item(0).getTextContent()
        .contains("model: predicted 10.0%, observed 8.0% (interval 5.0% to 12.0%), 250 rows"));
    assertTrue(ChartSamples.calibration().markup().contains(
        "<title>points rules, group 3: predicted 40.0%, observed 50.0%"));
    assertEquals(List.of("No data"), SvgDom.parse(Charts.calibration(ChartOptions.titled("e"),
        List.of(new CalibrationSeries("m", List.of())))).texts("text", "empty"));
    assertThrows(IllegalArgumentException.class, () -> new CalibrationPoint(1.2, 0.5, 0.4, 0.6, 1));
    assertThrows(IllegalArgumentException.class, () -> new CalibrationPoint(0.2, 0.5, 0.6, 0.7, 1));
  }

  @Test
  void emptyInputsDrawANote() {
    for (Svg s : List.of(Charts.funnel(ChartOptions.titled("e"), List.of()),
        Charts.heatmap(ChartOptions.titled("e"), List.of()),
        Charts.bullets(ChartOptions.titled("e"), List.of()),
        Charts.channels(ChartOptions.titled("e"), List.of(), List.of()),
        Charts.grouped(ChartOptions.titled("e"), List.of("a"), List.of()))) {
      assertEquals(List.of("No data"), SvgDom.parse(s).texts("text", "empty"));
    }
  }

  @Test
  void fixedSizeIsHonouredAndBadInputIsExplained() {
    Svg s = Charts.funnel(ChartOptions.titled("f").size(400, 300), List.of(new Bar("a", 1)));
    assertEquals("0 0 400 300", SvgDom.parse(s).root().getAttribute("viewBox"));
    assertThrows(IllegalArgumentException.class, () -> ChartOptions.titled("f").size(10, 0));
    assertThrows(IllegalArgumentException.class, () -> ChartOptions.titled("f").size(400, 20));
    assertThrows(IllegalArgumentException.class, () -> ChartOptions.titled(null));
    assertThrows(IllegalArgumentException.class, () -> new Bar(null, 1));
    assertThrows(IllegalArgumentException.class, () -> new Series("s", java.util.Arrays.asList(
        1.0, null)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Charts.grouped(ChartOptions.titled("g"), List.of("a", "b"),
            List.of(new Series("s", List.of(1.0)))));
    assertEquals("series 's' has 1 values for 2 categories", e.getMessage());
  }

  @Test
  void extremeInputsStayDrawableOrAreExplained() {
    List<HeatRow> weekly = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      weekly.add(new HeatRow("w" + i, List.of(1.0, 0.5)));
    }
    SvgDom d = SvgDom.parse(Charts.heatmap(ChartOptions.titled("weekly"), weekly));
    assertEquals(800, d.find("rect", "cell").size());
    assertTrue(SvgDom.num(d.root(), "height") > 8000);
    SvgDom inf = SvgDom.parse(Charts.channels(ChartOptions.titled("i"), List.of("a", "b"),
        List.of(new Series("s", List.of(Double.POSITIVE_INFINITY, 2.0)))));
    assertEquals(1, inf.find("rect", "gap").size());
    assertEquals(List.of("-", "2"), inf.texts("text", "value"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Charts.channels(ChartOptions.titled("i"), List.of("a", "b"),
            List.of(new Series("s", List.of(-Double.MAX_VALUE, Double.MAX_VALUE)))));
    assertTrue(e.getMessage().contains("span more than a double"), e.getMessage());
  }

  private static void assertProportional(List<Element> bars, List<Double> values) {
    int top = 0;
    for (int i = 1; i < values.size(); i++) {
      if (Math.abs(values.get(i)) > Math.abs(values.get(top))) {
        top = i;
      }
    }
    double perUnit = SvgDom.num(bars.get(top), "width") / Math.abs(values.get(top));
    for (int i = 0; i < values.size(); i++) {
      assertEquals(Math.abs(values.get(i)) * perUnit, SvgDom.num(bars.get(i), "width"), 0.01,
          "bar " + i);
    }
  }

  private static double left(Element r) {
    return SvgDom.num(r, "x");
  }

  private static double right(Element r) {
    return SvgDom.num(r, "x") + SvgDom.num(r, "width");
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < e.getChildNodes().getLength(); i++) {
      if (e.getChildNodes().item(i) instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }
}
