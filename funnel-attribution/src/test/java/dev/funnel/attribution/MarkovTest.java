package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact Markov model against hand-solved chains and a brute-force oracle. */
class MarkovTest {

  static JourneyPath path(String p, long conv, String value, long nulls) {
    return new JourneyPath(JourneyPath.parseChannels(p), conv, new BigDecimal(value), nulls);
  }

  @Test
  void publishedThreeJourneyExample() {
    // C1 > C2 > C3 converts; C1 and C2 > C3 do not.
    JourneySet js = JourneySet.fromPaths(List.of(
        path("C1 > C2 > C3", 1, "10", 0), path("C1", 0, "0", 1), path("C2 > C3", 0, "0", 1)));
    // By hand: start->C1 2/3, start->C2 1/3; C1->C2 1/2, C1->null 1/2; C2->C3 1; C3->conv 1/2.
    // P = 2/3 * 1/2 * 1 * 1/2 + 1/3 * 1 * 1/2 = 1/3.
    // Without C1: 1/3 * 1/2 = 1/6 -> effect 1/2; without C2 or C3 nothing converts -> effect 1.
    double p = 2.0 / 3 * 0.5 * 0.5 + 1.0 / 3 * 0.5;
    RemovalEffects re = Attribution.removalEffects(js, null);
    assertEquals(p, re.conversionProbability(), 1e-15);
    assertEquals(1 - (1.0 / 6) / p, re.effects().get("C1"), 1e-14);
    assertEquals(0.5, re.effects().get("C1"), 1e-14);
    assertEquals(1.0, re.effects().get("C2"), 1e-14);
    assertEquals(1.0, re.effects().get("C3"), 1e-14);
    AttributionResult r = Attribution.attribute(js, Model.MARKOV);
    assertEquals(0.2, r.channel("C1").orElseThrow().conversions(), 1e-14);
    assertEquals(0.4, r.channel("C2").orElseThrow().conversions(), 1e-14);
    assertEquals(0.4, r.channel("C3").orElseThrow().conversions(), 1e-14);
    assertEquals(4.0, r.channel("C3").orElseThrow().value(), 1e-13);
    assertTrue(r.removal() != null);
  }

  @Test
  void loopsSolvedExactly() {
    // a > b > a > b converts (collapsing nothing), b > b null. Order 1, repeats collapsed:
    // paths a b a b (conv 1) and b (null 1). Counts: start->a 1, start->b 1; a->b 2; b->a 1,
    // b->conv 1, b->null 1. x_b = 1/3 x_a + 1/3, x_a = x_b -> x_b = 1/2; P = 1/2 x_a + 1/2 x_b = 1/2.
    // Without a: x_b = 1/3, P = 1/2 * 1/3 = 1/6 -> 2/3. Without b: 0 -> 1.
    JourneySet js = JourneySet.fromPaths(List.of(path("a > b > a > b", 1, "1", 0), path("b > b", 0, "0", 1)));
    RemovalEffects re = Attribution.removalEffects(js, null);
    assertEquals(0.5, re.conversionProbability(), 1e-15);
    assertEquals(2.0 / 3, re.effects().get("a"), 1e-14);
    assertEquals(1.0, re.effects().get("b"), 1e-14);
    // keeping repeats: b > b gives b->b; b out-total 4: b->a 1, b->b 1, conv 1, null 1.
    RemovalEffects kept = Attribution.removalEffects(js,
        AttributionOptions.builder().keepRepeats(true).build());
    // x_b = 1/4 x_a + 1/4 x_b + 1/4, x_a = x_b -> x_b = 1/2; P = 1/2.
    assertEquals(0.5, kept.conversionProbability(), 1e-15);
  }

  /** Random path sets: the solver's P and every P without a channel match distribution iteration. */
  @Test
  void exactSolverMatchesBruteForceIteration() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 40; trial++) {
      int channels = 2 + rnd.nextInt(4);
      int order = 1 + rnd.nextInt(2);
      boolean keep = rnd.nextBoolean();
      List<JourneyPath> paths = randomPaths(rnd, channels, 1 + rnd.nextInt(12), 6);
      AttributionOptions o = AttributionOptions.builder().markovOrder(order).keepRepeats(keep).build();
      RemovalEffects re = Attribution.removalEffects(JourneySet.fromPaths(paths), o);
      double p = Oracle.absorb(paths, order, keep, null);
      assertEquals(p, re.conversionProbability(), 1e-11, "trial " + trial);
      for (String c : re.effects().keySet()) {
        double pc = Oracle.absorb(paths, order, keep, c);
        assertEquals(pc, re.withoutProbability().get(c), 1e-11, "trial " + trial + " without " + c);
        double e = re.effects().get(c);
        assertTrue(e >= 0 && e <= 1, "effect in [0, 1]: " + e);
      }
    }
  }

  /** Hundreds of states (once solved by iteration); checked against the same oracle. */
  @Test
  void largeChainMatchesBruteForce() {
    Random rnd = new Random(7);
    List<JourneyPath> paths = randomPaths(rnd, 30, 1500, 8);
    AttributionOptions o = AttributionOptions.builder().markovOrder(2).build();
    RemovalEffects re = Attribution.removalEffects(JourneySet.fromPaths(paths), o);
    assertTrue(re.states() > 600, "states " + re.states());
    assertEquals(Oracle.absorb(paths, 2, false, null), re.conversionProbability(), 1e-11);
    for (String c : List.of("c7")) {
      assertEquals(Oracle.absorb(paths, 2, false, c), re.withoutProbability().get(c), 1e-11, c);
    }
  }

  static List<JourneyPath> randomPaths(Random rnd, int channels, int count, int maxLen) {
    List<JourneyPath> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int len = 1 + rnd.nextInt(maxLen);
      List<String> p = new ArrayList<>();
      for (int k = 0; k < len; k++) {
        p.add("c" + rnd.nextInt(channels));
      }
      long conv = rnd.nextInt(4);
      long nulls = rnd.nextInt(4);
      if (conv + nulls == 0) {
        nulls = 1;
      }
      out.add(new JourneyPath(p, conv, BigDecimal.valueOf(conv * (1 + rnd.nextInt(100)), 1), nulls));
    }
    return out;
  }

  /**
   * An independent route: build the transition counts directly from the paths (string-keyed), then
   * push probability mass from the start state step by step until less than 1e-15 is left in
   * transient states; the absorbed conversion mass is P.
   */
  static final class Oracle {
    static double absorb(List<JourneyPath> paths, int order, boolean keep, String removed) {
      Map<String, Map<String, Double>> out = new HashMap<>();
      for (JourneyPath jp : paths) {
        List<String> steps = new ArrayList<>();
        for (String c : jp.channels()) {
          if (keep || steps.isEmpty() || !steps.get(steps.size() - 1).equals(c)) {
            steps.add(c);
          }
        }
        double w = jp.conversions() + jp.nulls();
        String from = "(start)";
        for (int i = 0; i < steps.size(); i++) {
          String to = String.join(",", steps.subList(Math.max(0, i - order + 1), i + 1));
          out.computeIfAbsent(from, k -> new HashMap<>()).merge(to, w, Double::sum);
          from = to;
        }
        out.computeIfAbsent(from, k -> new HashMap<>()).merge("(conversion)", (double) jp.conversions(), Double::sum);
        out.computeIfAbsent(from, k -> new HashMap<>()).merge("(null)", (double) jp.nulls(), Double::sum);
      }
      Map<String, Boolean> gone = new HashMap<>();
      Map<String, Double> mass = new HashMap<>(Map.of("(start)", 1.0));
      double converted = 0;
      for (int step = 0; step < 1_000_000; step++) {
        Map<String, Double> next = new HashMap<>();
        double left = 0;
        for (Map.Entry<String, Double> e : mass.entrySet()) {
          Map<String, Double> row = out.get(e.getKey());
          double total = row.values().stream().mapToDouble(Double::doubleValue).sum();
          for (Map.Entry<String, Double> t : row.entrySet()) {
            double m = e.getValue() * t.getValue() / total;
            String to = t.getKey();
            if (to.equals("(conversion)")) {
              converted += m;
            } else if (to.equals("(null)") || (removed != null
                && gone.computeIfAbsent(to, k -> List.of(k.split(",")).contains(removed)))) {
              continue;
            } else {
              next.merge(to, m, Double::sum);
              left += m;
            }
          }
        }
        mass = next;
        if (left < 1e-15) {
          return converted;
        }
      }
      throw new AssertionError("oracle did not converge");
    }
  }
}
