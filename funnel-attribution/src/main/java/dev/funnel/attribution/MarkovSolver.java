package dev.funnel.attribution;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exact absorption probabilities of the attribution Markov chain and its removal effects, in work
 * bounded by the cube of the number of states whatever the number of channels.
 *
 * <p>Method (Anderl, Becker, von Wangenheim and Schumann 2016, "Mapping the customer journey:
 * lessons learned from graph-based online attribution modeling", the model of ChannelAttribution):
 * transition probabilities are the transition counts divided by the state's outgoing total; the
 * conversion and null states absorb. P = probability of absorption in conversion from the start,
 * and P_without_c the same with every state containing channel c redirected to null. The removal
 * effect of c is 1 - P_without_c / P.
 *
 * <p>Where ChannelAttribution simulates random walks, the probabilities here are exact up to
 * floating-point rounding: states are eliminated one by one from the chain, each elimination
 * sending the flow that entered the state on along the state's own exits (state elimination, the
 * Grassmann-Taksar-Heyman form of Gaussian elimination). A state's outgoing total is always
 * recomputed as a sum of its current exits, never as {@code 1 - p(stay)}, so no step subtracts:
 * every quantity is a sum of non-negative terms, results keep their relative accuracy even for
 * chains that loop with probability close to 1, and no pivot is zero while every state can reach
 * absorption (which holds for every chain the counting makes, and which {@link TransitionState}
 * checks of bytes it reads; a state without exits would hold its walks forever and is taken as
 * null). Once only the start is left, P is its conversion flow over its outgoing total. Nothing
 * iterates, so there is no tolerance and no convergence to wait for.
 *
 * <p>Removal effects without one solve per channel: the channels are halved recursively; the chain
 * of a half keeps the start and the states holding a channel of that half, the other states
 * eliminated, so a leaf of one channel c holds the start and exactly the states removing c takes
 * away, and P_without_c is the start's conversion flow over its total with the flow into those
 * states counted as null. In order 1 (a state per channel) the work is about 0.8 n^3
 * multiply-adds for n states, the same as one solve of the full chain, where a solve per channel
 * took n times that (quartic in the channels of the data); a state of order k holds up to k
 * channels, so the halves shrink more slowly, still within a small multiple of n^3.
 *
 * <p>The dense form takes 8 n^2 bytes and about n^3 multiply-adds: a chain of more than {@link
 * #DEFAULT_MAX_STATES} states (by default; {@code AttributionOptions.Builder.markovMaxStates}) is
 * refused with an {@link IllegalArgumentException} before anything is allocated. States grow with
 * the distinct channel tuples of the data, so a high order over many channels reaches the limit
 * first; a lower order or grouped channels keep the chain small.
 */
final class MarkovSolver {

  /** The most states (the start not counted) a chain may have unless the caller says otherwise. */
  static final int DEFAULT_MAX_STATES = 2_000;
  /** The highest limit a caller may set: its dense form takes 8 x 20,000^2 bytes (3.2 GB). */
  static final int MAX_STATES_CEILING = 20_000;

  /** Multiply-adds of the eliminations so far (for tests: the work is cubic, not quartic). */
  private long work;

  private final int[][] stateChannels;
  private final int channelCount;

  private MarkovSolver(int[][] stateChannels, int channelCount) {
    this.stateChannels = stateChannels;
    this.channelCount = channelCount;
  }

  /** One chain in dense form over some of the states: flows between them, to conversion, to null. */
  private static final class Block {
    /** Global state of each local index; index 0 is the start. */
    final int[] states;
    /** Live size; rows and columns past it are unused (rows are reused by the halves). */
    int m;
    /** w[a][b]: flow from local state a to b (a != b; the diagonal is never read). */
    final double[][] w;
    final double[] conv;
    final double[] nul;

    Block(int[] states, double[][] w, double[] conv, double[] nul) {
      this.states = states;
      this.m = states.length;
      this.w = w;
      this.conv = conv;
      this.nul = nul;
    }

    Block copy() {
      double[][] c = new double[m][];
      for (int i = 0; i < m; i++) {
        c[i] = Arrays.copyOf(w[i], m);
      }
      return new Block(Arrays.copyOf(states, m), c, Arrays.copyOf(conv, m), Arrays.copyOf(nul, m));
    }
  }

  /**
   * Removal effects of a chain given as arrays over its states, state 0 being the start and the
   * others in tuple order; targets of each row in state order.
   *
   * @param channels      channel names, sorted
   * @param stateChannels for each state, the channel indices of its tuple (empty for the start)
   * @param to            for each state, the target states of its transitions
   * @param counts        the transition counts, parallel to {@code to}
   * @param conversions   for each state, the count of transitions to conversion
   * @param nulls         for each state, the count of transitions to null
   * @param order         the chain's order (for the message of a refused chain)
   * @param maxStates     the most states (the start not counted) to solve
   * @throws IllegalArgumentException when the chain has more than {@code maxStates} states
   */
  static RemovalEffects solve(String[] channels, int[][] stateChannels, int[][] to, long[][] counts,
      long[] conversions, long[] nulls, int order, int maxStates) {
    return new MarkovSolver(stateChannels, channels.length)
        .run(channels, to, counts, doubles(conversions), doubles(nulls), order, maxStates);
  }

  private static double[] doubles(long[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  /**
   * The removal effects of the chain on the expected value of a walk instead of its conversion
   * probability: {@code reward[s]} is the summed value of the conversions from state s. Solved as
   * the same chain with the conversions from s scaled to {@code reward[s] / R} and the rest of
   * the conversions counted as null, R the largest mean value of a state's conversions: each
   * state keeps its outgoing total (so its transition probabilities), every flow stays a sum of
   * non-negative terms, and the start's absorbed share is then {@code V / R}, V the expected value
   * of a walk. The result's conversion probability is V and its effects {@code 1 - V_without / V}.
   */
  static RemovalEffects solveValue(String[] channels, int[][] stateChannels, int[][] to,
      long[][] counts, long[] conversions, long[] nulls, double[] reward, int order,
      int maxStates) {
    int n = conversions.length;
    double top = 0;
    for (int s = 0; s < n; s++) {
      if (conversions[s] > 0) {
        top = Math.max(top, reward[s] / conversions[s]);
      }
    }
    double[] conv = new double[n];
    double[] nul = new double[n];
    for (int s = 0; s < n; s++) {
      double scaled = top > 0 ? Math.min(conversions[s], reward[s] / top) : 0;
      conv[s] = scaled;
      nul[s] = nulls[s] + (conversions[s] - scaled);
    }
    RemovalEffects r = new MarkovSolver(stateChannels, channels.length)
        .run(channels, to, counts, conv, nul, order, maxStates);
    Map<String, Double> without = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : r.withoutProbability().entrySet()) {
      without.put(e.getKey(), e.getValue() * top);
    }
    return new RemovalEffects(r.conversionProbability() * top, r.effects(), without, r.states(),
        DESCRIPTION + ", on the conversions' value");
  }

  /** The multiply-adds {@link #solve} does on this chain (for tests). */
  static long work(String[] channels, int[][] stateChannels, int[][] to, long[][] counts,
      long[] conversions, long[] nulls) {
    MarkovSolver s = new MarkovSolver(stateChannels, channels.length);
    s.run(channels, to, counts, doubles(conversions), doubles(nulls), 1, MAX_STATES_CEILING);
    return s.work;
  }

  /** Checks a limit on states given by a caller. */
  static int checkMaxStates(int maxStates) {
    if (maxStates < 1 || maxStates > MAX_STATES_CEILING) {
      throw new IllegalArgumentException("the Markov state limit must be between 1 and "
          + MAX_STATES_CEILING + ", got " + maxStates);
    }
    return maxStates;
  }

  private RemovalEffects run(String[] channels, int[][] to, long[][] counts, double[] conversions,
      double[] nulls, int order, int maxStates) {
    int n = to.length;
    if (n - 1 > maxStates) {
      NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
      throw new IllegalArgumentException("the Markov chain of order " + order + " has "
          + f.format(n - 1L) + " states, more than the limit of " + f.format(maxStates)
          + " (maxStates): its exact solve takes memory in the square and time in the cube of the"
          + " states; lower the order, group channels, or raise the limit");
    }
    if (n == 0) {
      return new RemovalEffects(Double.NaN, Map.of(), Map.of(), 0, DESCRIPTION);
    }
    // counts as doubles: a state's counts may each fit a long while their sum does not, and
    // the probabilities are doubles anyway; each row is scaled by nothing (a state's flows are
    // only ever compared with its own total)
    double[][] w = new double[n][n];
    double[] conv = new double[n];
    double[] nul = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < to[i].length; k++) {
        if (to[i][k] != i) {
          w[i][to[i][k]] += counts[i][k];
        }
      }
      conv[i] = conversions[i];
      nul[i] = nulls[i];
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    Block root = new Block(all, w, conv, nul);
    boolean[] used = new boolean[channelCount];
    for (int[] sc : stateChannels) {
      for (int c : sc) {
        used[c] = true;
      }
    }
    int[] usedChannels = java.util.stream.IntStream.range(0, channelCount).filter(c -> used[c])
        .toArray();
    double[] without = new double[channelCount];
    double[] p = {Double.NaN};
    if (usedChannels.length == 0) {
      p[0] = startRatio(root);
    } else {
      halves(root, usedChannels, without, p);
    }
    Map<String, Double> effects = new LinkedHashMap<>();
    Map<String, Double> withoutMap = new LinkedHashMap<>();
    for (int c : usedChannels) {
      double pc = without[c];
      withoutMap.put(channels[c], pc);
      effects.put(channels[c],
          p[0] > 0 ? Math.min(1.0, Math.max(0.0, 1.0 - pc / p[0])) : Double.NaN);
    }
    return new RemovalEffects(p[0], effects, withoutMap, n - 1, DESCRIPTION);
  }

  private static final String DESCRIPTION =
      "exact state elimination without subtraction (Grassmann-Taksar-Heyman)";

  /**
   * The removal of each channel of {@code chans}; {@code b} holds the start and every state with a
   * channel of {@code chans} (and perhaps others), and is used up.
   */
  private void halves(Block b, int[] chans, double[] without, double[] p) {
    if (chans.length == 1) {
      Block leaf = keepOnly(b, chans, false);
      int c = chans[0];
      double into = 0;
      for (int s = 1; s < leaf.m; s++) {
        into += leaf.w[0][s];
      }
      double total = leaf.conv[0] + leaf.nul[0] + into;
      without[c] = total > 0 ? leaf.conv[0] / total : 0.0;
      if (Double.isNaN(p[0])) {
        // P once, from the first leaf: its chain is the whole chain seen from these states
        eliminateAllButStart(leaf);
        p[0] = startRatio(leaf);
      }
      return;
    }
    int half = chans.length / 2;
    int[] left = Arrays.copyOfRange(chans, 0, half);
    int[] right = Arrays.copyOfRange(chans, half, chans.length);
    // the smaller half from a copy while this block is kept, the larger one in place after it
    int sl = count(b, left);
    int sr = count(b, right);
    int[] first = sl <= sr ? left : right;
    int[] second = sl <= sr ? right : left;
    halves(keepOnly(b, first, true), first, without, p);
    halves(keepOnly(b, second, false), second, without, p);
  }

  /** How many states of the block hold a channel of {@code chans} (the start not counted). */
  private int count(Block b, int[] chans) {
    int k = 0;
    for (int a = 1; a < b.m; a++) {
      if (holds(b.states[a], chans)) {
        k++;
      }
    }
    return k;
  }

  private boolean holds(int state, int[] chans) {
    for (int c : stateChannels[state]) {
      if (Arrays.binarySearch(chans, c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The chain over the start and the states of {@code b} that hold a channel of {@code chans}, the
   * others eliminated; from a copy of {@code b}, or in {@code b}'s own arrays.
   */
  private Block keepOnly(Block b, int[] chans, boolean copy) {
    Block t = copy ? b.copy() : b;
    boolean[] keep = new boolean[t.m];
    keep[0] = true;
    for (int a = 1; a < t.m; a++) {
      keep[a] = holds(t.states[a], chans);
    }
    boolean[] alive = new boolean[t.m];
    Arrays.fill(alive, true);
    for (int k = 1; k < t.m; k++) {
      if (!keep[k]) {
        eliminate(t, k, alive);
      }
    }
    // compact the kept rows and columns in place
    int m = 0;
    int[] local = new int[t.m];
    for (int a = 0; a < t.m; a++) {
      if (keep[a]) {
        local[m++] = a;
      }
    }
    int[] states = t.states;
    for (int r = 0; r < m; r++) {
      int a = local[r];
      double[] row = t.w[a];
      for (int s = 0; s < m; s++) {
        row[s] = row[local[s]];
      }
      t.w[r] = row;
      t.conv[r] = t.conv[a];
      t.nul[r] = t.nul[a];
      states[r] = states[a];
    }
    for (int r = m; r < t.m; r++) {
      t.w[r] = null;
    }
    t.m = m;
    return t;
  }

  private void eliminateAllButStart(Block b) {
    boolean[] alive = new boolean[b.m];
    Arrays.fill(alive, true);
    for (int k = 1; k < b.m; k++) {
      eliminate(b, k, alive);
    }
    b.m = 1;
  }

  /**
   * Eliminates live state k: every live state's flow into k goes on along k's exits in their
   * proportions (a flow back to the state itself is a loop and leaves its total).
   */
  private void eliminate(Block b, int k, boolean[] alive) {
    int m = b.m;
    double[] wk = b.w[k];
    double total = b.conv[k] + b.nul[k];
    int[] exits = new int[m];
    int e = 0;
    for (int j = 0; j < m; j++) {
      if (j != k && alive[j] && wk[j] != 0) {
        total += wk[j];
        exits[e++] = j;
      }
    }
    alive[k] = false;
    for (int i = 0; i < m; i++) {
      if (!alive[i]) {
        continue;
      }
      double[] wi = b.w[i];
      double into = wi[k];
      if (into == 0) {
        continue;
      }
      wi[k] = 0;
      if (total == 0) {
        // a state without exits (none in counted chains) holds its walks forever: never converts
        b.nul[i] += into;
        continue;
      }
      double f = into / total;
      if (e * 4 >= m) {
        // a dense row: one straight pass (k's row is 0 at dead states and at k itself); the
        // flow back to i is a loop, dropped (the diagonal stays 0)
        for (int j = 0; j < m; j++) {
          wi[j] += f * wk[j];
        }
        wi[i] = 0;
      } else {
        for (int x = 0; x < e; x++) {
          int j = exits[x];
          if (j != i) {
            wi[j] += f * wk[j];
          }
        }
      }
      b.conv[i] += f * b.conv[k];
      b.nul[i] += f * b.nul[k];
      work += e + 2;
    }
  }

  /** The start's conversion flow over its outgoing total (flow into live states counted as null). */
  private static double startRatio(Block b) {
    double total = b.conv[0] + b.nul[0];
    for (int s = 1; s < b.m; s++) {
      total += b.w[0][s];
    }
    return total > 0 ? b.conv[0] / total : 0.0;
  }

  @Override
  public String toString() {
    return "MarkovSolver[" + stateChannels.length + " states, " + channelCount + " channels]";
  }
}
