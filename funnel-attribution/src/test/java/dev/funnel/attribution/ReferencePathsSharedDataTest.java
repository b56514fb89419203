package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ChannelAttribution's example path file ({@code shared/data/channelattribution/paths.csv}, also R's
 * {@code PathData}): published totals, the sum invariant for every model, and first/last touch
 * against a direct count over the file's lines.
 */
class ReferencePathsSharedDataTest {

  static List<JourneyPath> rows;
  static List<String[]> lines;

  @BeforeAll
  static void read() throws IOException {
    String shared = System.getProperty("funnel.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "channelattribution", "paths.csv");
    Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
        "skipped: ../shared/data/channelattribution/paths.csv is not available (funnel.shared="
            + shared + ")");
    rows = new ArrayList<>();
    lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      assertEquals("path;total_conversions;total_conversion_value;total_null", header.trim());
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(";", -1);
        lines.add(f);
        rows.add(new JourneyPath(JourneyPath.parseChannels(f[0]), Long.parseLong(f[1].trim()),
            new BigDecimal(f[2].trim()), Long.parseLong(f[3].trim())));
      }
    }
  }

  @Test
  void publishedTotals() {
    JourneySet js = JourneySet.fromPaths(rows);
    assertEquals(10_000, js.size());
    assertEquals(12, js.channels().size());
    assertEquals(19_785, js.conversions());
    // the file holds the exact sum 74802.97158721083751036; published rounded to four decimals
    assertEquals(new BigDecimal("74802.9716"), js.value().setScale(4, java.math.RoundingMode.HALF_UP));
    assertEquals(68_602, js.nulls());
  }

  @Test
  void everyModelSumsToTheTotals() {
    JourneySet js = JourneySet.fromPaths(rows);
    for (AttributionResult r : Attribution.all(js, AttributionOptions.DEFAULTS)) {
      assertEquals(19_785, r.conversions());
      assertEquals(19_785.0, r.creditedConversions(), 19_785 * 1e-9, r.model().label());
      assertEquals(74_802.9716, r.creditedValue(), 74_802.9716 * 1e-9, r.model().label());
    }
    AttributionResult m2 = Attribution.attribute(js, Model.MARKOV,
        AttributionOptions.builder().markovOrder(2).build());
    assertEquals(19_785.0, m2.creditedConversions(), 19_785 * 1e-9);
  }

  /** First, last and linear (per touch) counted straight from the text of each line. */
  @Test
  void heuristicsMatchADirectCount() {
    Map<String, double[]> first = new TreeMap<>();
    Map<String, double[]> last = new TreeMap<>();
    Map<String, double[]> linear = new TreeMap<>();
    for (String[] f : lines) {
      String path = f[0];
      String[] steps = path.split(">");
      for (String step : steps) {
        double[] cell = linear.computeIfAbsent(step.trim(), k -> new double[2]);
        cell[0] += Double.parseDouble(f[1]) / steps.length;
        cell[1] += Double.parseDouble(f[2]) / steps.length;
      }
      String a = path.substring(0, path.indexOf('>') < 0 ? path.length() : path.indexOf('>')).trim();
      String z = path.substring(path.lastIndexOf('>') + 1).trim();
      double c = Double.parseDouble(f[1]);
      double v = Double.parseDouble(f[2]);
      first.computeIfAbsent(a, k -> new double[2])[0] += c;
      first.get(a)[1] += v;
      last.computeIfAbsent(z, k -> new double[2])[0] += c;
      last.get(z)[1] += v;
    }
    JourneySet js = JourneySet.fromPaths(rows);
    check(first, Attribution.attribute(js, Model.FIRST));
    check(last, Attribution.attribute(js, Model.LAST));
    check(linear, Attribution.attribute(js, Model.LINEAR));
  }

  /** Zhao et al. (2018): the exact Shapley value of the default worth is the per-journey split. */
  @Test
  void shapleyDefaultEqualsTheLinearSplitOverDistinctChannels() {
    JourneySet js = JourneySet.fromPaths(rows);
    AttributionResult shapley = Attribution.attribute(js, Model.SHAPLEY);
    AttributionResult split = Attribution.attribute(js, Model.LINEAR,
        AttributionOptions.builder().linearPerChannel(true).build());
    for (ChannelCredit c : split.channels()) {
      assertEquals(c.conversions(), shapley.channel(c.channel()).orElseThrow().conversions(), 1e-7);
    }
  }

  /** The exact solver against the brute-force mass-pushing oracle on the real chain. */
  @Test
  void markovMatchesTheOracle() {
    RemovalEffects re = Attribution.removalEffects(JourneySet.fromPaths(rows), null);
    assertEquals(MarkovTest.Oracle.absorb(rows, 1, false, null), re.conversionProbability(), 1e-11);
    assertEquals(MarkovTest.Oracle.absorb(rows, 1, false, "alpha"), re.withoutProbability().get("alpha"), 1e-11);
    assertEquals(MarkovTest.Oracle.absorb(rows, 1, false, "mi"), re.withoutProbability().get("mi"), 1e-11);
  }

  private static void check(Map<String, double[]> expected, AttributionResult r) {
    for (ChannelCredit c : r.channels()) {
      double[] e = expected.getOrDefault(c.channel(), new double[2]);
      assertEquals(e[0], c.conversions(), 1e-9, r.model() + " " + c.channel());
      assertEquals(e[1], c.value(), 1e-6, r.model() + " " + c.channel());
    }
  }

  @Test
  void markovIsExactAndShapleyEfficient() {
    JourneySet js = JourneySet.fromPaths(rows);
    RemovalEffects re = Attribution.removalEffects(js, null);
    // P(conversion) of the fitted chain lies strictly between 0 and 1; every effect in (0, 1]
    assertTrue(re.conversionProbability() > 0 && re.conversionProbability() < 1);
    assertEquals(12, re.effects().size());
    re.effects().values().forEach(e -> assertTrue(e > 0 && e <= 1, "effect " + e));
    AttributionResult shapley = Attribution.attribute(js, Model.SHAPLEY);
    assertEquals(19_785.0, shapley.creditedConversions(), 1e-6);
  }

  @Test
  void bootstrapIntervalsAreOrderedAndNarrow() {
    JourneySet js = JourneySet.fromPaths(rows);
    AttributionResult r = Attribution.bootstrap(js, Model.LINEAR, null, 12, 0.9, 5);
    assertEquals(12, r.replicates());
    for (ChannelCredit c : r.channels()) {
      assertTrue(c.conversionsLow() <= c.conversionsHigh(), c.toString());
      // 88,387 journeys: intervals are narrow, a few percent of the credit
      assertTrue(c.conversionsHigh() - c.conversionsLow() < 0.15 * c.conversions() + 20, c.toString());
    }
  }
}
