package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.JourneyPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The value conventions: ChannelAttribution's value-weighted Markov on a hand-solved chain, and
 * the Shapley value of the value game against a brute force over all orders of the channels.
 */
class ValueConventionsTest {

  private static JourneyPath path(String p, long conv, String value, long nulls) {
    return new JourneyPath(JourneyPath.parseChannels(p), conv, new BigDecimal(value), nulls);
  }

  @Test
  void valueWeightedMarkovByHand() {
    // "A" converts worth 10, "B" converts worth 1, "A > B" does not convert.
    // start->A 2/3, start->B 1/3; A->conv 1/2, A->B 1/2; B->conv 1/2, B->null 1/2.
    // Visits: A 2/3, B 1/3 + 2/3 * 1/2 = 2/3. Mean values: 10 at A, 1 at B.
    // V = 2/3 * 1/2 * 10 + 2/3 * 1/2 * 1 = 11/3; without A: 1/3 * 1/2 * 1 = 1/6, effect 21/22;
    // without B: 2/3 * 1/2 * 10 = 10/3, effect 1/11. Value credits: 11 * (21/22) / (23/22) and
    // 11 * (2/22) / (23/22). Conversion effects: P = 2/3, 3/4 and 1/2, shares 3/5 and 2/5.
    JourneySet js = JourneySet.fromPaths(List.of(path("A", 1, "10", 0), path("B", 1, "1", 0),
        path("A > B", 0, "0", 1)));
    AttributionOptions weighted =
        AttributionOptions.builder().markovValue(MarkovValue.VALUE_WEIGHTED).build();
    AttributionResult r = Attribution.attribute(js, Model.MARKOV, weighted);
    assertEquals(11.0 * 21 / 23, r.channel("A").orElseThrow().value(), 1e-12);
    assertEquals(11.0 * 2 / 23, r.channel("B").orElseThrow().value(), 1e-12);
    assertEquals(2 * 3.0 / 5, r.channel("A").orElseThrow().conversions(), 1e-12);
    AttributionResult share = Attribution.attribute(js, Model.MARKOV);
    assertEquals(11 * 3.0 / 5, share.channel("A").orElseThrow().value(), 1e-12);
    assertEquals(11 * 2.0 / 5, share.channel("B").orElseThrow().value(), 1e-12);
    JourneySet refund = JourneySet.fromPaths(List.of(path("A", 1, "-5", 0), path("B", 1, "1", 0)));
    assertThrows(IllegalArgumentException.class,
        () -> Attribution.attribute(refund, Model.MARKOV, weighted));
  }

  /** Shapley value of v by enumerating every order of the n players. */
  private static double[] bruteShapley(int n, java.util.function.ToDoubleFunction<Integer> v) {
    double[] phi = new double[n];
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    long orders = 0;
    do {
      int mask = 0;
      for (int i = 0; i < n; i++) {
        double before = v.applyAsDouble(mask);
        mask |= 1 << perm[i];
        phi[perm[i]] += v.applyAsDouble(mask) - before;
      }
      orders++;
    } while (ShapleyTest.nextPermutation(perm));
    for (int i = 0; i < n; i++) {
      phi[i] /= orders;
    }
    return phi;
  }

  @Test
  void shapleyValueCreditsAreTheShapleyValueOfTheValueGame() {
    String[] names = {"a", "b", "c", "d"};
    Random rnd = new Random(12);
    for (int round = 0; round < 30; round++) {
      List<JourneyPath> paths = new ArrayList<>();
      for (int k = 0; k < 12; k++) {
        StringBuilder p = new StringBuilder();
        for (int t = rnd.nextInt(3); t >= 0; t--) {
          p.append(p.length() == 0 ? "" : " > ").append(names[rnd.nextInt(names.length)]);
        }
        long conv = rnd.nextInt(3);
        paths.add(path(p.toString(), conv, conv == 0 ? "0" : "" + (1 + rnd.nextInt(500)),
            rnd.nextInt(3)));
      }
      JourneySet js = JourneySet.fromPaths(paths);
      int n = js.channels.length;
      for (ShapleyValue game : ShapleyValue.values()) {
        if (game == ShapleyValue.PER_JOURNEY) {
          continue; // a closed form of SUBSET_CONVERSIONS, compared below
        }
        boolean rate = game == ShapleyValue.SUBSET_CONVERSION_RATE;
        java.util.function.ToDoubleFunction<Integer> valueGame = mask -> {
          double worth = 0;
          double journeys = 0;
          for (int j = 0; j < js.size(); j++) {
            int set = 0;
            for (int ch : js.pathArrays()[j]) {
              set |= 1 << ch;
            }
            if ((set & ~mask) == 0) {
              worth += js.conv[j] > 0 ? js.value[j].doubleValue() : 0;
              journeys += js.conv[j] + js.nulls[j];
            }
          }
          return rate ? (journeys > 0 ? worth / journeys : 0) : worth;
        };
        double[] phi = bruteShapley(n, valueGame);
        double all = valueGame.applyAsDouble((1 << n) - 1);
        double totalValue = 0;
        for (int j = 0; j < js.size(); j++) {
          totalValue += js.conv[j] > 0 ? js.value[j].doubleValue() : 0;
        }
        AttributionResult r = Attribution.attribute(js, Model.SHAPLEY,
            AttributionOptions.builder().shapleyValue(game).build());
        for (int i = 0; i < n; i++) {
          double expected = all == 0 ? 0 : phi[i] / all * totalValue;
          assertEquals(expected, r.channel(js.channels[i]).orElseThrow().value(),
              1e-9 * (1 + Math.abs(expected)), game + " round " + round + " " + js.channels[i]);
        }
        if (game == ShapleyValue.SUBSET_CONVERSIONS) {
          AttributionResult per = Attribution.attribute(js, Model.SHAPLEY,
              AttributionOptions.builder().shapleyValue(ShapleyValue.PER_JOURNEY).build());
          for (int i = 0; i < n; i++) {
            assertEquals(per.channel(js.channels[i]).orElseThrow().value(),
                r.channel(js.channels[i]).orElseThrow().value(), 1e-9 * (1 + totalValue));
          }
        }
      }
    }
  }
}
