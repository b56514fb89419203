package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import dev.funnel.core.demo.DemoData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Markov chain built from the distinct paths with summed weights against the chain built
 * journey by journey: the transition counts are integer sums either way, so the removal effects
 * must be identical bit for bit (records compared with {@code equals}, which compares doubles by
 * their bits).
 */
class MarkovDistinctPathsTest {
  private static final int MAX = MarkovSolver.DEFAULT_MAX_STATES;


  /** The per-journey route: every entry walked with its own weights. */
  private static RemovalEffects perJourney(JourneySet js, Weights w, int order, boolean keep) {
    return MarkovChain.removalEffects(js.channels, js.pathArrays(), w.conv(), w.nulls(), order, keep,
        MarkovSolver.DEFAULT_MAX_STATES);
  }

  /** The public, independent per-journey route: one {@link TransitionState#add} per journey. */
  private static RemovalEffects viaTransitionCounts(JourneySet js, Weights w, int order, boolean keep) {
    TransitionState tc = TransitionState.empty(order, keep);
    for (int j = 0; j < js.size(); j++) {
      if (w.conv()[j] + w.nulls()[j] > 0) {
        tc.add(js.channelsOf(j), w.conv()[j], w.nulls()[j]);
      }
    }
    return tc.removalEffects();
  }

  private static JourneySet randomPaths(SplittableRandom rng, int rows, int channels, int maxLen) {
    List<JourneyPath> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int len = 1 + rng.nextInt(maxLen);
      List<String> p = new ArrayList<>();
      for (int i = 0; i < len; i++) {
        // few channels and short paths: many rows share a path, and repeats are common
        p.add("c" + rng.nextInt(channels));
      }
      long conv = rng.nextInt(3);
      long nulls = rng.nextInt(4);
      out.add(new JourneyPath(p, conv, BigDecimal.valueOf(conv * 10), nulls));
    }
    return JourneySet.fromPaths(out);
  }

  /** Resampling-like weights: some entries 0, others larger than the data's. */
  private static Weights randomWeights(JourneySet js, SplittableRandom rng) {
    long[] c = new long[js.size()];
    long[] n = new long[js.size()];
    for (int j = 0; j < c.length; j++) {
      c[j] = rng.nextInt(4);
      n[j] = rng.nextInt(3) == 0 ? 0 : rng.nextInt(5);
    }
    return new Weights(c, n, new double[c.length]);
  }

  @Test
  void distinctPathsGiveTheSameChainOnRandomJourneySets() {
    SplittableRandom rng = new SplittableRandom(20261122);
    int checked = 0;
    for (int trial = 0; trial < 40; trial++) {
      JourneySet js = randomPaths(rng, 20 + rng.nextInt(300), 2 + rng.nextInt(6), 1 + rng.nextInt(7));
      assertTrue(js.uniquePaths(true).paths.length <= js.size());
      for (int order = 1; order <= 4; order++) {
        for (boolean keep : new boolean[] {false, true}) {
          Weights data = Weights.of(js);
          RemovalEffects fast = MarkovChain.removalEffects(js, data, order, keep, MAX);
          assertEquals(perJourney(js, data, order, keep), fast);
          assertEquals(viaTransitionCounts(js, data, order, keep), fast);
          Weights w = randomWeights(js, rng);
          assertEquals(perJourney(js, w, order, keep), MarkovChain.removalEffects(js, w, order, keep, MAX));
          checked++;
        }
      }
    }
    assertEquals(40 * 4 * 2, checked);
  }

  @Test
  void distinctPathsGiveTheSameChainWhenStateCodesDoNotFitALong() {
    // 80 channels at order 10 take the TransitionState fallback of MarkovChain
    SplittableRandom rng = new SplittableRandom(7);
    JourneySet js = randomPaths(rng, 150, 80, 4);
    for (boolean keep : new boolean[] {false, true}) {
      Weights w = Weights.of(js);
      RemovalEffects fast = MarkovChain.removalEffects(js, w, 10, keep, MAX);
      assertEquals(perJourney(js, w, 10, keep), fast);
      assertEquals(viaTransitionCounts(js, w, 10, keep), fast);
    }
  }

  @Test
  void distinctPathsGiveTheSameChainOnTheDemoDataset() {
    JourneySet js = JourneySet.fromDataset(DemoData.builder().leads(4000).build().dataset(), null);
    // the point of the change: far fewer distinct paths than journeys
    assertTrue(js.uniquePaths(false).paths.length < js.size() / 2,
        js.uniquePaths(false).paths.length + " distinct paths of " + js.size() + " journeys");
    for (int order = 1; order <= 3; order++) {
      for (boolean keep : new boolean[] {false, true}) {
        AttributionOptions o = AttributionOptions.builder().markovOrder(order).keepRepeats(keep).build();
        RemovalEffects fast = Attribution.removalEffects(js, o);
        assertEquals(perJourney(js, Weights.of(js), order, keep), fast);
        assertEquals(viaTransitionCounts(js, Weights.of(js), order, keep), fast);
        // the paths table of the same journeys, in any row order, gives the same chain
        List<JourneyPath> rows = new ArrayList<>(js.paths());
        Collections.shuffle(rows, new Random(order * 31L + (keep ? 1 : 0)));
        assertEquals(fast, Attribution.removalEffects(JourneySet.fromPaths(rows), o));
      }
    }
  }

  @Test
  void collapseDropsOnlyConsecutiveRepeats() {
    assertEquals(List.of(1, 2, 1, 3), box(UniquePaths.collapse(new int[] {1, 1, 2, 1, 3, 3, 3})));
    int[] none = {4, 5, 4};
    assertTrue(UniquePaths.collapse(none) == none, "a path without repeats is kept as is");
    UniquePaths u = UniquePaths.of(new int[][] {{1, 1, 2}, {1, 2}, {1, 2, 2}, {2}}, false);
    assertEquals(2, u.paths.length);
    assertEquals(List.of(0, 0, 0, 1), box(u.of));
    assertEquals(3, UniquePaths.of(new int[][] {{1, 1, 2}, {1, 2}, {1, 2, 2}, {1, 2}}, true).paths.length);
  }

  private static List<Integer> box(int[] a) {
    List<Integer> out = new ArrayList<>();
    for (int x : a) {
      out.add(x);
    }
    return out;
  }
}
