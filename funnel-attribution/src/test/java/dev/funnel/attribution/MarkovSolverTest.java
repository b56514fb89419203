package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The state-elimination solve against a dense solve of one linear system per removal (Gaussian
 * elimination with partial pivoting), its work by operation count, and its limit on states.
 */
class MarkovSolverTest {

  /** A chain in the solver's array form. */
  record Chain(String[] channels, int[][] stateChannels, int[][] to, long[][] counts, long[] conv,
      long[] nulls) {

    RemovalEffects solve() {
      return MarkovSolver.solve(channels, stateChannels, to, counts, conv, nulls, 1,
          MarkovSolver.MAX_STATES_CEILING);
    }

    long work() {
      return MarkovSolver.work(channels, stateChannels, to, counts, conv, nulls);
    }
  }

  /**
   * An order-1 chain over c channels (state i + 1 is channel i): the start goes to every state,
   * every state to {@code fanOut} random others (a loop-rich chain, strongly connected for the
   * most part) and ends in conversion or null with random counts.
   */
  static Chain orderOne(Random rnd, int c, int fanOut, long scale) {
    String[] channels = new String[c];
    for (int i = 0; i < c; i++) {
      channels[i] = String.format("ch%05d", i);
    }
    int n = c + 1;
    int[][] sc = new int[n][];
    int[][] to = new int[n][];
    long[][] counts = new long[n][];
    long[] conv = new long[n];
    long[] nulls = new long[n];
    sc[0] = new int[0];
    to[0] = new int[c];
    counts[0] = new long[c];
    for (int i = 0; i < c; i++) {
      to[0][i] = i + 1;
      counts[0][i] = 1 + rnd.nextInt(5);
    }
    for (int s = 1; s < n; s++) {
      sc[s] = new int[] {s - 1};
      java.util.TreeSet<Integer> t = new java.util.TreeSet<>();
      while (t.size() < Math.min(fanOut, c - 1)) {
        int x = 1 + rnd.nextInt(c);
        if (x != s) {
          t.add(x);
        }
      }
      to[s] = t.stream().mapToInt(Integer::intValue).toArray();
      counts[s] = new long[to[s].length];
      for (int k = 0; k < to[s].length; k++) {
        counts[s][k] = scale * (1 + rnd.nextInt(9));
      }
      conv[s] = rnd.nextInt(3);
      nulls[s] = 1 + rnd.nextInt(3);
    }
    return new Chain(channels, sc, to, counts, conv, nulls);
  }

  /** P with the removed states sent to null, by one dense solve (the former route). */
  static double dense(Chain ch, boolean[] removed) {
    int n = ch.to().length;
    int[] row = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      row[i] = removed[i] ? -1 : m++;
    }
    double[][] a = new double[m][m];
    double[] b = new double[m];
    for (int i = 0; i < n; i++) {
      int r = row[i];
      if (r < 0) {
        continue;
      }
      double total = (double) ch.conv()[i] + ch.nulls()[i];
      for (long c : ch.counts()[i]) {
        total += c;
      }
      a[r][r] += 1.0;
      if (total == 0) {
        continue;
      }
      b[r] = ch.conv()[i] / total;
      for (int k = 0; k < ch.to()[i].length; k++) {
        int c = row[ch.to()[i][k]];
        if (c >= 0) {
          a[r][c] -= ch.counts()[i][k] / total;
        }
      }
    }
    return gauss(a, b)[row[0]];
  }

  static double[] gauss(double[][] a, double[] b) {
    int m = b.length;
    for (int col = 0; col < m; col++) {
      int piv = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[piv];
      a[piv] = tmp;
      double tb = b[col];
      b[col] = b[piv];
      b[piv] = tb;
      for (int r = col + 1; r < m; r++) {
        double f = a[r][col] / a[col][col];
        if (f == 0) {
          continue;
        }
        for (int c = col; c < m; c++) {
          a[r][c] -= f * a[col][c];
        }
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double s = b[r];
      for (int c = r + 1; c < m; c++) {
        s -= a[r][c] * x[c];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }

  static void assertMatchesDense(Chain ch, RemovalEffects re, String what) {
    int n = ch.to().length;
    assertEquals(dense(ch, new boolean[n]), re.conversionProbability(), 1e-12, what);
    for (int c = 0; c < ch.channels().length; c++) {
      boolean[] removed = new boolean[n];
      boolean any = false;
      for (int s = 0; s < n; s++) {
        for (int x : ch.stateChannels()[s]) {
          if (x == c) {
            removed[s] = true;
            any = true;
          }
        }
      }
      if (any) {
        assertEquals(dense(ch, removed), re.withoutProbability().get(ch.channels()[c]), 1e-12,
            what + " without " + ch.channels()[c]);
      }
    }
  }

  @Test
  void orderOneChainsMatchTheDenseSolvePerRemoval() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 60; trial++) {
      int c = 1 + rnd.nextInt(40);
      Chain ch = orderOne(rnd, c, 1 + rnd.nextInt(6), 1 + rnd.nextInt(1000));
      assertMatchesDense(ch, ch.solve(), "trial " + trial + ", " + c + " channels");
    }
  }

  /** Chains of order 1 to 3 built from random journeys (the states of real data). */
  @Test
  void journeyChainsOfHigherOrderMatchTheDenseSolvePerRemoval() {
    Random rnd = new Random(5);
    for (int trial = 0; trial < 40; trial++) {
      int order = 1 + rnd.nextInt(3);
      boolean keep = rnd.nextBoolean();
      List<JourneyPath> paths = MarkovTest.randomPaths(rnd, 2 + rnd.nextInt(8), 1 + rnd.nextInt(60), 7);
      TransitionState tc = TransitionState.empty(order, keep);
      for (JourneyPath p : paths) {
        tc.add(p.channels(), p.conversions(), p.nulls());
      }
      Chain ch = fromCounts(tc);
      RemovalEffects re = tc.removalEffects();
      assertMatchesDense(ch, re, "trial " + trial + " order " + order);
      assertEquals(re, ch.solve());
    }
  }

  /** The solver's arrays of a transition-count state, as {@link TransitionState} builds them. */
  static Chain fromCounts(TransitionState tc) {
    java.util.TreeSet<List<String>> sorted = new java.util.TreeSet<>(TransitionState.TUPLE_ORDER);
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (Map.Entry<List<String>, TransitionState.Node> e : tc.nodes.entrySet()) {
      sorted.add(e.getKey());
      sorted.addAll(e.getValue().next.keySet());
    }
    sorted.remove(List.<String>of());
    List<List<String>> states = new ArrayList<>();
    states.add(List.of());
    states.addAll(sorted);
    states.forEach(names::addAll);
    List<String> channels = new ArrayList<>(names);
    int n = states.size();
    int[][] sc = new int[n][];
    int[][] to = new int[n][];
    long[][] counts = new long[n][];
    long[] conv = new long[n];
    long[] nulls = new long[n];
    for (int i = 0; i < n; i++) {
      sc[i] = states.get(i).stream().mapToInt(channels::indexOf).toArray();
      TransitionState.Node node = tc.nodes.get(states.get(i));
      List<List<String>> targets = node == null ? List.of() : new ArrayList<>(node.next.keySet());
      targets.sort(TransitionState.TUPLE_ORDER);
      to[i] = targets.stream().mapToInt(states::indexOf).toArray();
      counts[i] = targets.stream().mapToLong(t -> node.next.get(t)).toArray();
      conv[i] = node == null ? 0 : node.conversions;
      nulls[i] = node == null ? 0 : node.nulls;
    }
    return new Chain(channels.toArray(new String[0]), sc, to, counts, conv, nulls);
  }

  /**
   * Two states that hand the walk to each other N times for each exit: x_a = N / (2N + 1)
   * exactly. A solve of 1 - p(stay) loses the digits the exits hold (at N = 10^15 about one in
   * ten); elimination without subtraction keeps them.
   */
  @Test
  void nearlyClosedLoopsKeepTheirDigits() {
    for (long nn : new long[] {1, 1_000, 1_000_000_000L, 1_000_000_000_000_000L}) {
      // states: 0 start, 1 = (a), 2 = (b); start -> a; a -> b N, a -> null 1; b -> a N, b -> conv 1
      Chain ch = new Chain(new String[] {"a", "b"}, new int[][] {{}, {0}, {1}},
          new int[][] {{1}, {2}, {1}}, new long[][] {{1}, {nn}, {nn}}, new long[] {0, 0, 1},
          new long[] {0, 1, 0});
      RemovalEffects re = ch.solve();
      double n = nn;
      double exact = n / (2 * n + 1);
      assertEquals(exact, re.conversionProbability(), Math.ulp(exact) * 4, "N = " + nn);
      assertEquals(0.0, re.withoutProbability().get("a"));
      assertEquals(0.0, re.withoutProbability().get("b"));
    }
  }

  /**
   * Work by operation count: doubling the states (and channels) of an order-1 chain multiplies
   * the multiply-adds by about 8 (cubic), where one solve per channel made it 16 (quartic).
   */
  @Test
  void workIsCubicInTheStatesWhateverTheChannels() {
    long[] work = new long[3];
    int[] c = {50, 100, 200};
    for (int i = 0; i < c.length; i++) {
      // every state reaches every other: a dense chain, the worst case for elimination
      work[i] = orderOne(new Random(3), c[i], c[i], 1).work();
    }
    for (int i = 1; i < c.length; i++) {
      double ratio = (double) work[i] / work[i - 1];
      assertTrue(ratio > 6 && ratio < 9.5, "work " + work[i - 1] + " -> " + work[i] + ": x" + ratio);
    }
    // and about one solve of the whole chain: n^3 / 3 multiply-adds for one elimination
    double n = c[2] + 1;
    assertTrue(work[2] < 1.2 * n * n * n, "work " + work[2] + " for " + n + " states");
  }

  @Test
  void aChainPastTheLimitIsRefusedBeforeItIsSolved() {
    // order 3 over 20 channels: thousands of distinct tuples
    Random rnd = new Random(1);
    List<JourneyPath> paths = MarkovTest.randomPaths(rnd, 20, 3000, 8);
    JourneySet js = JourneySet.fromPaths(paths);
    AttributionOptions o = AttributionOptions.builder().markovOrder(3).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.removalEffects(js, o));
    String m = e.getMessage();
    assertTrue(m.startsWith("the Markov chain of order 3 has "), m);
    assertTrue(m.contains("states, more than the limit of 2,000 (maxStates)"), m);
    assertFalse(m.contains("\n"), m);
    assertThrows(IllegalArgumentException.class, () -> Attribution.attribute(js, Model.MARKOV, o));
    // within a raised limit the same chain is solved (and a smaller limit refuses a small chain)
    TransitionState tc = TransitionState.empty(1, false);
    tc.add(List.of("a", "b", "c"), 1, 0);
    assertEquals(3, tc.removalEffects(3).states());
    assertThrows(IllegalArgumentException.class, () -> tc.removalEffects(2));
    assertThrows(IllegalArgumentException.class, () -> tc.removalEffects(0));
    assertThrows(IllegalArgumentException.class,
        () -> AttributionOptions.builder().markovMaxStates(20_001));
    assertEquals(500, AttributionOptions.builder().markovMaxStates(500).build().markovMaxStates());
  }

  @Test
  void anEmptyChainHasNoProbability() {
    RemovalEffects re = TransitionState.empty(1, false).removalEffects();
    assertEquals(0, re.states());
    assertTrue(re.effects().isEmpty());
    assertEquals(0.0, re.conversionProbability()); // as the dense solve of one empty row gave
  }
}
