package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.cohort.ltv.BgNbdFit;
import dev.funnel.core.Dataset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code funnel ltv} on an export shaped like issue 13's (leads stop before stage changes do,
 * payments stop mid-month) whose customers differ in how often they buy but not in how likely they
 * are to stop: the BG/NBD maximum is the constant-dropout ridge ({@code a, b -> infinity}). The
 * command reports the limit model, converged, with intervals that stay above zero, and a CLV from
 * converged fits; a Pareto/NBD CLV says whether its fit converged.
 */
class LtvLimitsTest {

  static final ObjectMapper JACKSON = new ObjectMapper();
  static Dataset ridge;

  @BeforeAll
  static void export() {
    ridge = RealShapedExport.withConstantDropout(RealShapedExport.of(20_000, 1), 0.18, 7);
  }

  static JsonNode json(Dataset d, String... args) throws Exception {
    FunnelTest.Run r = InMemoryDatasetTest.run(d, args);
    assertEquals(0, r.code(), r.toString());
    return JACKSON.readTree(r.out());
  }

  @Test
  void theRidgeIsReportedAsTheConstantDropoutLimitWithPositiveIntervals() throws Exception {
    JsonNode j = json(ridge, "ltv", "--format", "json");
    JsonNode bg = j.get("bgnbd");
    assertEquals(BgNbdFit.CONSTANT_DROPOUT, bg.get("boundary").asText(), bg.toString());
    assertTrue(bg.get("converged").asBoolean(), bg.toString());
    assertTrue(bg.get("a").isNull() && bg.get("b").isNull(), "a, b -> infinity: " + bg);
    double pi = bg.get("pi").asDouble();
    assertTrue(pi > 0.1 && pi < 0.3, "the simulated dropout is 0.18: " + bg);
    for (String p : List.of("r", "alpha", "pi")) {
      JsonNode ci = bg.get("intervals95").get(p);
      double lo = ci.get(0).asDouble();
      double hi = ci.get(1).asDouble();
      double v = bg.get(p).asDouble();
      assertTrue(lo > 0 && lo < v && v < hi, p + " " + ci + " around " + v);
    }
    assertTrue(bg.get("intervals95").get("pi").get(1).asDouble() < 1);
    JsonNode clv = j.get("clv");
    assertTrue(clv.get("fromConvergedFits").asBoolean(), clv.toString());
    assertEquals(0, clv.get("caveats").size(), clv.toString());
    assertTrue(clv.get("definedMean").asDouble() > 0, clv.toString());

    String text = InMemoryDatasetTest.run(ridge, "ltv").out();
    assertTrue(text.contains("BG/NBD: ") && text.contains("constant dropout limit converged"), text);
    assertTrue(text.contains("Limit model: " + BgNbdFit.CONSTANT_DROPOUT), text);
    assertFalse(text.contains("CAVEAT"), text);
    for (String line : text.split("\n")) {
      if (line.matches("(r|alpha|a|b|pi|p|q|gamma|theta) .*")) {
        assertFalse(line.matches(".*\\s-\\d.*"), "a negative interval bound: " + line);
      }
    }
  }

  @Test
  void aParetoNbdClvSaysWhetherItsFitConverged() throws Exception {
    JsonNode j = json(ridge, "ltv", "--model", "pareto", "--format", "json");
    boolean converged = j.get("paretoNbd").get("converged").asBoolean();
    JsonNode clv = j.get("clv");
    assertEquals(converged && j.get("gammaGamma").get("converged").asBoolean(),
        clv.get("fromConvergedFits").asBoolean(), clv.toString());
    assertEquals(clv.get("fromConvergedFits").asBoolean(), clv.get("caveats").isEmpty());
  }
}
