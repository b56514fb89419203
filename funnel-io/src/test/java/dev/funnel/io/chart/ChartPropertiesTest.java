package dev.funnel.io.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Invariants on random inputs: well-formed output, chained waterfalls, proportional bars. */
class ChartPropertiesTest {

  @Test
  void waterfallStepsAlwaysChainAndScale() {
    qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
      Random rnd = new Random(seed);
      double base = magnitude(rnd);
      List<Step> steps = new ArrayList<>();
      double current = base;
      int n = rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        double e = magnitude(rnd);
        steps.add(new Step("f" + i, e));
        current += e;
      }
      SvgDom d = SvgDom.parse(Charts.waterfall(ChartOptions.titled("w"), new Bar("base", base),
          steps, new Bar("now", current)));
      List<Element> bars = d.find("rect", "bar");
      assertEquals(n + 2, bars.size());
      assertEquals(n + 2, d.texts("text", "total").size());
      double end = edge(bars.get(0), base >= 0);
      for (int i = 0; i < n; i++) {
        Element s = bars.get(i + 1);
        boolean up = steps.get(i).effect() >= 0;
        assertEquals(end, edge(s, !up), 1e-9, "seed " + seed + " step " + i);
        end = edge(s, up);
      }
      assertEquals(end, edge(bars.get(n + 1), current >= 0), 0.002, "seed " + seed);
      List<Double> values = new ArrayList<>(List.of(base));
      steps.forEach(s -> values.add(s.effect()));
      values.add(current);
      assertProportional(bars, values, "seed " + seed);
    });
  }

  @Test
  void groupedAndPanelBarsHaveABarOrAGapPerValue() {
    qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
      Random rnd = new Random(seed);
      int n = 1 + rnd.nextInt(8);
      int k = 1 + rnd.nextInt(5);
      List<String> cats = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        cats.add("c" + i);
      }
      List<Series> series = new ArrayList<>();
      List<Double> all = new ArrayList<>();
      int nan = 0;
      for (int j = 0; j < k; j++) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          double x = rnd.nextInt(10) == 0 ? Double.NaN : magnitude(rnd);
          v.add(x);
          nan += Double.isNaN(x) ? 1 : 0;
        }
        series.add(new Series("s" + j, v));
      }
      for (int i = 0; i < n; i++) {
        for (Series s : series) {
          all.add(s.values().get(i));
        }
      }
      SvgDom g = SvgDom.parse(Charts.grouped(ChartOptions.titled("g"), cats, series));
      assertEquals(n * k - nan, g.find("rect", "bar").size());
      assertEquals(nan, g.find("rect", "gap").size());
      assertEquals(n * k, g.texts("text", "value").size());
      assertProportional(g.find("rect", "bar"), all.stream().filter(Double::isFinite).toList(),
          "seed " + seed);
      SvgDom p = SvgDom.parse(Charts.channels(ChartOptions.titled("p"), cats, series));
      assertEquals(n * k - nan, p.find("rect", "bar").size());
      assertEquals(nan, p.find("rect", "gap").size());
    });
  }

  @Test
  void heatmapCellsMatchTheValuesGiven() {
    qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
      Random rnd = new Random(seed);
      List<HeatRow> rows = new ArrayList<>();
      int finite = 0;
      int nan = 0;
      for (int r = 0, n = rnd.nextInt(15); r < n; r++) {
        List<Double> v = new ArrayList<>();
        for (int c = 0, m = rnd.nextInt(25); c < m; c++) {
          boolean gap = rnd.nextInt(12) == 0;
          v.add(gap ? Double.NaN : rnd.nextDouble());
          finite += gap ? 0 : 1;
          nan += gap ? 1 : 0;
        }
        rows.add(new HeatRow("r" + r, v));
      }
      SvgDom d = SvgDom.parse(Charts.heatmap(ChartOptions.titled("h"), rows));
      assertEquals(finite, d.find("rect", "cell").size(), "seed " + seed);
      assertEquals(nan, d.find("rect", "gap").size(), "seed " + seed);
      assertEquals(finite + nan, d.texts("text", "value").size(), "seed " + seed);
    });
  }

  @Test
  void anyTextSurvivesEscaping() {
    qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
      Random rnd = new Random(seed);
      String label = randomText(rnd);
      Svg s = Charts.bullets(ChartOptions.titled(label), List.of(new Bullet(label, 1, 2, 3,
          Bullet.Status.OK)));
      SvgDom d = SvgDom.parse(s);
      assertEquals(expected(label), d.root().getElementsByTagName("title").item(0)
          .getTextContent(), "seed " + seed);
    });
  }

  /** A random value spread over many magnitudes, either sign, sometimes zero. */
  private static double magnitude(Random rnd) {
    if (rnd.nextInt(15) == 0) {
      return 0;
    }
    double v = Math.pow(10, rnd.nextDouble() * 8 - 2);
    return rnd.nextBoolean() ? v : -v;
  }

  private static String randomText(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = rnd.nextInt(20); i < n; i++) {
      switch (rnd.nextInt(6)) {
        case 0 -> b.append("<&\"'>".charAt(rnd.nextInt(5)));
        case 1 -> b.append((char) rnd.nextInt(0x20));
        case 2 -> b.append((char) (0xD800 + rnd.nextInt(0x800)));
        case 3 -> b.appendCodePoint(0x1F600 + rnd.nextInt(50));
        case 4 -> b.append((char) (0xA0 + rnd.nextInt(0xD000)));
        default -> b.append((char) ('a' + rnd.nextInt(26)));
      }
    }
    return b.toString();
  }

  /** What an XML reader should get back: invalid characters replaced, line ends normalised. */
  private static String expected(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
          || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
        b.append('\uFFFD');
      } else {
        b.append(c);
      }
    }
    return b.toString().replace("\r\n", "\n").replace('\r', '\n');
  }

  /** The bar's edge at the value's end (right for a positive bar) or at its start. */
  private static double edge(Element bar, boolean right) {
    double x = SvgDom.num(bar, "x");
    return right ? x + SvgDom.num(bar, "width") : x;
  }

  private static void assertProportional(List<Element> bars, List<Double> values, String what) {
    int top = 0;
    for (int i = 1; i < values.size(); i++) {
      if (Math.abs(values.get(i)) > Math.abs(values.get(top))) {
        top = i;
      }
    }
    if (values.isEmpty() || values.get(top) == 0) {
      return;
    }
    double perUnit = SvgDom.num(bars.get(top), "width") / Math.abs(values.get(top));
    for (int i = 0; i < values.size(); i++) {
      assertEquals(Math.abs(values.get(i)) * perUnit, SvgDom.num(bars.get(i), "width"), 0.01,
          what + " bar " + i);
    }
  }
}
